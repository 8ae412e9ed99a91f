package io.socialink.jdbc;

import io.socialink.Account;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.store.LinkStore;
import io.socialink.store.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LinkStore} in two tables: the links, and the grants each link uses (indexed by grant, for
 * {@link #findByGrant}). Every query names the owner; a save is a compare-and-set on the version, in
 * one transaction with the link's grant list. Instants are kept to the microsecond. Thread-safe; get
 * it from {@link JdbcStores}.
 */
public final class JdbcLinkStore implements LinkStore {
  private static final String COLUMNS = "l.owner_id, l.link_id, l.version, l.kind, l.from_type, l.from_platform,"
      + " l.from_ref, l.from_detail, l.from_name, l.to_type, l.to_platform, l.to_ref, l.to_detail, l.to_name, l.state,"
      + " l.created_at, l.updated_at, l.state_reason";

  private final Database db;
  private final String links;
  private final String linkGrants;

  JdbcLinkStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.links = db.table("links");
    this.linkGrants = db.table("link_grants");
  }

  @Override
  public Optional<Link> find(String ownerId, String linkId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return db.transaction("find link " + linkId, c -> query(c, "SELECT " + COLUMNS + " FROM " + links
        + " l WHERE l.owner_id = ? AND l.link_id = ?", ownerId, linkId).stream().findFirst());
  }

  @Override
  public List<Link> findByOwner(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    return db.transaction("list links", c -> query(c, "SELECT " + COLUMNS + " FROM " + links + " l WHERE l.owner_id = ?",
        ownerId));
  }

  @Override
  public List<Link> findByGrant(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    return db.transaction("find links by grant", c -> query(c, "SELECT " + COLUMNS + " FROM " + links + " l WHERE"
        + " l.owner_id = ? AND l.link_id IN (SELECT g.link_id FROM " + linkGrants + " g WHERE g.owner_id = ?"
        + " AND g.grant_id = ?)", ownerId, ownerId, grantId));
  }

  @Override
  public Link save(Link link) {
    Objects.requireNonNull(link, "link");
    Link stored = new Link(link.id(), link.ownerId(), link.kind(), link.from(), link.to(), link.grantIds(), link.state(),
        Database.truncate(link.createdAt()), Database.truncate(link.updatedAt()), link.version(), link.stateReason());
    boolean saved;
    try {
      saved = db.transaction("save link " + link.id(), c -> {
        int changed;
        if (stored.version() == 0) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + links + " (kind, from_type, from_platform,"
              + " from_ref, from_detail, from_name, to_type, to_platform, to_ref, to_detail, to_name, state, created_at,"
              + " updated_at, version, state_reason, owner_id, link_id)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, stored);
            changed = ps.executeUpdate();
          }
        } else {
          try (PreparedStatement ps = c.prepareStatement("UPDATE " + links + " SET kind = ?, from_type = ?,"
              + " from_platform = ?, from_ref = ?, from_detail = ?, from_name = ?, to_type = ?, to_platform = ?,"
              + " to_ref = ?, to_detail = ?, to_name = ?, state = ?, created_at = ?, updated_at = ?, version = ?,"
              + " state_reason = ? WHERE owner_id = ? AND link_id = ? AND version = ?")) {
            bind(ps, stored);
            ps.setLong(19, stored.version() - 1);
            changed = ps.executeUpdate();
          }
        }
        if (changed != 1) {
          return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + linkGrants + " WHERE owner_id = ? AND link_id = ?")) {
          ps.setString(1, stored.ownerId());
          ps.setString(2, stored.id());
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + linkGrants
            + " (owner_id, link_id, seq, grant_id) VALUES (?, ?, ?, ?)")) {
          for (int i = 0; i < stored.grantIds().size(); i++) {
            ps.setString(1, stored.ownerId());
            ps.setString(2, stored.id());
            ps.setInt(3, i);
            ps.setString(4, stored.grantIds().get(i));
            ps.addBatch();
          }
          if (!stored.grantIds().isEmpty()) {
            ps.executeBatch();
          }
        }
        return true;
      });
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException sql && Database.isUniqueViolation(sql)) {
        saved = false;
      } else {
        throw e;
      }
    }
    if (!saved) {
      throw new VersionConflictException("link", link.id(), link.version() - 1, storedVersion(link.ownerId(), link.id()));
    }
    return stored;
  }

  private long storedVersion(String ownerId, String linkId) {
    return db.autoCommit("read the version of link " + linkId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + links + " WHERE owner_id = ? AND link_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, linkId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : -1L;
        }
      }
    });
  }

  private List<Link> query(Connection c, String sql, String... args) throws SQLException {
    Map<String, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString("link_id"), new Row(rs.getString("owner_id"), rs.getString("link_id"),
              rs.getLong("version"), LinkKind.valueOf(rs.getString("kind")), end(rs, "from"), end(rs, "to"),
              LinkState.valueOf(rs.getString("state")), Database.instant(rs, "created_at"),
              Database.instant(rs, "updated_at"), Optional.ofNullable(rs.getString("state_reason"))));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> grantIds = new HashMap<>();
    String owner = rows.values().iterator().next().ownerId();
    // The grant lists of the links read, in one query per batch of links.
    List<String> ids = new ArrayList<>(rows.keySet());
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
      try (PreparedStatement ps = c.prepareStatement("SELECT link_id, grant_id FROM " + linkGrants
          + " WHERE owner_id = ? AND link_id IN (" + "?, ".repeat(batch.size() - 1) + "?) ORDER BY link_id, seq")) {
        ps.setString(1, owner);
        for (int i = 0; i < batch.size(); i++) {
          ps.setString(i + 2, batch.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            grantIds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
    }
    List<Link> out = new ArrayList<>();
    for (Row r : rows.values()) {
      out.add(new Link(r.linkId(), r.ownerId(), r.kind(), r.from(), r.to(), grantIds.getOrDefault(r.linkId(), List.of()),
          r.state(), r.createdAt(), r.updatedAt(), r.version(), r.stateReason()));
    }
    return out;
  }

  private record Row(String ownerId, String linkId, long version, LinkKind kind, LinkEnd from, LinkEnd to,
      LinkState state, java.time.Instant createdAt, java.time.Instant updatedAt, Optional<String> stateReason) {}

  private static void bind(PreparedStatement ps, Link l) throws SQLException {
    ps.setString(1, l.kind().name());
    bindEnd(ps, 2, l.from());
    bindEnd(ps, 7, l.to());
    ps.setString(12, l.state().name());
    Database.setInstant(ps, 13, l.createdAt());
    Database.setInstant(ps, 14, l.updatedAt());
    ps.setLong(15, l.version());
    ps.setString(16, l.stateReason().orElse(null));
    ps.setString(17, l.ownerId());
    ps.setString(18, l.id());
  }

  /** An end in five columns: type, platform, reference, detail, name. */
  private static void bindEnd(PreparedStatement ps, int i, LinkEnd end) throws SQLException {
    String type;
    String platform = null;
    String ref = null;
    String detail = null;
    String name = null;
    if (end instanceof LinkEnd.ThisApplication app) {
      type = "application";
      name = app.name();
    } else if (end instanceof LinkEnd.OfAccount acc) {
      type = "account";
      platform = acc.account().platformId();
      ref = acc.account().userId();
      detail = acc.account().handle().orElse(null);
      name = acc.account().displayName().orElse(null);
    } else {
      LinkEnd.BusinessAssetHolder holder = (LinkEnd.BusinessAssetHolder) end;
      type = "business_asset_holder";
      platform = holder.platformId();
      ref = holder.holderId();
      detail = holder.holderType();
      name = holder.name();
    }
    ps.setString(i, type);
    ps.setString(i + 1, platform);
    ps.setString(i + 2, ref);
    ps.setString(i + 3, detail);
    ps.setString(i + 4, name);
  }

  private static LinkEnd end(ResultSet rs, String side) throws SQLException {
    String type = rs.getString(side + "_type");
    String platform = rs.getString(side + "_platform");
    String ref = rs.getString(side + "_ref");
    String detail = rs.getString(side + "_detail");
    String name = rs.getString(side + "_name");
    switch (type) {
      case "application":
        return new LinkEnd.ThisApplication(name == null ? "" : name);
      case "account":
        return LinkEnd.account(new Account(platform, ref, Optional.ofNullable(detail), Optional.ofNullable(name)));
      case "business_asset_holder":
        return new LinkEnd.BusinessAssetHolder(platform, detail, ref, name);
      default:
        throw new SQLException("unknown link end type '" + type + "' in " + side + "_type", "22000");
    }
  }
}
