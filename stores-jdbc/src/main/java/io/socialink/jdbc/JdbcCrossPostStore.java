package io.socialink.jdbc;

import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.SyncCursor;
import io.socialink.store.CrossPostStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link CrossPostStore} in three database tables: rules and cursors, one row per link, and the
 * journal, one row per source item of a link. Every query names the owner. Each write is one row,
 * inserted or replaced in its own transaction, so it is durable when the method returns: the journal's
 * {@link CrossPostEntry.State#IN_FLIGHT} row is committed before the target is asked to post. Of two
 * writers of one row the last one wins, as the interface says.
 *
 * <p>Nothing here is a secret (captions, post ids and cursors are not credentials): no column is
 * encrypted. Instants are kept to the microsecond. Thread-safe; get it from {@link JdbcStores}.
 */
public final class JdbcCrossPostStore implements CrossPostStore {
  private static final Comparator<CrossPostEntry> OLDEST_FIRST =
      Comparator.comparing(CrossPostEntry::sourceTimestamp).thenComparing(CrossPostEntry::sourceItemId);
  private static final String ENTRY_COLUMNS = "source_item_id, source_timestamp, state, target_post_id, post_text,"
      + " reason, updated_at";

  private final Database db;
  private final String rulesTable;
  private final String cursors;
  private final String entries;

  JdbcCrossPostStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.rulesTable = db.table("crosspost_rules");
    this.cursors = db.table("crosspost_cursors");
    this.entries = db.table("crosspost_entries");
  }

  @Override
  public void saveRules(String ownerId, String linkId, CrossPostRules rules) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(rules, "rules");
    CaptionTemplate caption = rules.caption();
    String types = rules.contentTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
    Database.Binder body = ps -> {
      ps.setString(1, types);
      ps.setString(2, caption.prefix());
      ps.setString(3, caption.suffix());
      ps.setString(4, String.join(" ", caption.hashtags()));
      ps.setBoolean(5, caption.linkBack());
      ps.setString(6, joined(rules.includeHashtags()));
      ps.setString(7, joined(rules.excludeHashtags()));
      ps.setInt(8, rules.backfill());
      ps.setInt(9, rules.pageSize());
      ps.setString(10, ownerId);
      ps.setString(11, linkId);
    };
    db.autoCommit("save the cross-post rules of link " + linkId, c -> {
      Database.upsert(c, "UPDATE " + rulesTable + " SET content_types = ?, caption_prefix = ?, caption_suffix = ?,"
          + " caption_hashtags = ?, caption_link_back = ?, include_hashtags = ?, exclude_hashtags = ?, backfill = ?,"
          + " page_size = ? WHERE owner_id = ? AND link_id = ?", body,
          "INSERT INTO " + rulesTable + " (content_types, caption_prefix, caption_suffix, caption_hashtags,"
          + " caption_link_back, include_hashtags, exclude_hashtags, backfill, page_size, owner_id, link_id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", body);
      return null;
    });
  }

  @Override
  public Optional<CrossPostRules> rules(String ownerId, String linkId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return db.autoCommit("read the cross-post rules of link " + linkId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT content_types, caption_prefix, caption_suffix,"
          + " caption_hashtags, caption_link_back, include_hashtags, exclude_hashtags, backfill, page_size FROM "
          + rulesTable + " WHERE owner_id = ? AND link_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, linkId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<CrossPostRules>empty();
          }
          Set<ContentType> types = EnumSet.noneOf(ContentType.class);
          split(rs.getString("content_types")).forEach(t -> types.add(ContentType.valueOf(t)));
          CaptionTemplate caption = new CaptionTemplate(rs.getString("caption_prefix"), rs.getString("caption_suffix"),
              split(rs.getString("caption_hashtags")), rs.getBoolean("caption_link_back"));
          return Optional.of(new CrossPostRules(types, caption, Set.copyOf(split(rs.getString("include_hashtags"))),
              Set.copyOf(split(rs.getString("exclude_hashtags"))), rs.getInt("backfill"), rs.getInt("page_size")));
        }
      }
    });
  }

  @Override
  public void saveCursor(String ownerId, String linkId, SyncCursor cursor) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(cursor, "cursor");
    Database.Binder body = ps -> {
      ps.setString(1, cursor.lastItemId());
      Database.setInstant(ps, 2, cursor.lastTimestamp());
      ps.setString(3, ownerId);
      ps.setString(4, linkId);
    };
    db.autoCommit("save the sync cursor of link " + linkId, c -> {
      Database.upsert(c, "UPDATE " + cursors + " SET last_item_id = ?, last_timestamp = ? WHERE owner_id = ?"
          + " AND link_id = ?", body,
          "INSERT INTO " + cursors + " (last_item_id, last_timestamp, owner_id, link_id) VALUES (?, ?, ?, ?)", body);
      return null;
    });
  }

  @Override
  public Optional<SyncCursor> cursor(String ownerId, String linkId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return db.autoCommit("read the sync cursor of link " + linkId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT last_item_id, last_timestamp FROM " + cursors
          + " WHERE owner_id = ? AND link_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, linkId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new SyncCursor(rs.getString("last_item_id"),
              Database.instant(rs, "last_timestamp"))) : Optional.<SyncCursor>empty();
        }
      }
    });
  }

  @Override
  public void record(CrossPostEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Database.Binder body = ps -> {
      Database.setInstant(ps, 1, entry.sourceTimestamp());
      ps.setString(2, entry.state().name());
      Database.setOptional(ps, 3, entry.targetPostId());
      ps.setString(4, entry.text());
      Database.setOptional(ps, 5, entry.reason());
      Database.setInstant(ps, 6, entry.updatedAt());
      ps.setString(7, entry.ownerId());
      ps.setString(8, entry.linkId());
      ps.setString(9, entry.sourceItemId());
    };
    db.autoCommit("record source item " + entry.sourceItemId() + " of link " + entry.linkId(), c -> {
      Database.upsert(c, "UPDATE " + entries + " SET source_timestamp = ?, state = ?, target_post_id = ?,"
          + " post_text = ?, reason = ?, updated_at = ? WHERE owner_id = ? AND link_id = ? AND source_item_id = ?", body,
          "INSERT INTO " + entries + " (source_timestamp, state, target_post_id, post_text, reason, updated_at,"
          + " owner_id, link_id, source_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", body);
      return null;
    });
  }

  /**
   * Claims an item with one statement: an insert when no entry was read (a unique-key violation means
   * another instance claimed it first), else an update that only matches the row as it was read
   * (same state, same {@code updated_at}).
   */
  @Override
  public boolean claim(CrossPostEntry entry, Optional<CrossPostEntry> expected) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(expected, "expected");
    Database.Binder values = ps -> {
      Database.setInstant(ps, 1, entry.sourceTimestamp());
      ps.setString(2, entry.state().name());
      Database.setOptional(ps, 3, entry.targetPostId());
      ps.setString(4, entry.text());
      Database.setOptional(ps, 5, entry.reason());
      Database.setInstant(ps, 6, entry.updatedAt());
      ps.setString(7, entry.ownerId());
      ps.setString(8, entry.linkId());
      ps.setString(9, entry.sourceItemId());
    };
    return db.autoCommit("claim source item " + entry.sourceItemId() + " of link " + entry.linkId(), c -> {
      if (expected.isEmpty()) {
        try {
          return Database.execute(c, "INSERT INTO " + entries + " (source_timestamp, state, target_post_id, post_text,"
              + " reason, updated_at, owner_id, link_id, source_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values) == 1;
        } catch (java.sql.SQLException e) {
          if (Database.isUniqueViolation(e)) {
            return false;
          }
          throw e;
        }
      }
      CrossPostEntry was = expected.get();
      return Database.execute(c, "UPDATE " + entries + " SET source_timestamp = ?, state = ?, target_post_id = ?,"
          + " post_text = ?, reason = ?, updated_at = ? WHERE owner_id = ? AND link_id = ? AND source_item_id = ?"
          + " AND state = ? AND updated_at = ?", ps -> {
            values.bind(ps);
            ps.setString(10, was.state().name());
            Database.setInstant(ps, 11, was.updatedAt());
          }) == 1;
    });
  }

  @Override
  public Optional<CrossPostEntry> entry(String ownerId, String linkId, String sourceItemId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(sourceItemId, "sourceItemId");
    return db.autoCommit("read source item " + sourceItemId + " of link " + linkId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM " + entries
          + " WHERE owner_id = ? AND link_id = ? AND source_item_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, linkId);
        ps.setString(3, sourceItemId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(entry(rs, ownerId, linkId)) : Optional.<CrossPostEntry>empty();
        }
      }
    });
  }

  @Override
  public List<CrossPostEntry> entries(String ownerId, String linkId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return db.autoCommit("read the cross-post journal of link " + linkId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM " + entries
          + " WHERE owner_id = ? AND link_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, linkId);
        List<CrossPostEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(entry(rs, ownerId, linkId));
          }
        }
        // Sorted here, not by the database's collation, so that ties order as in every other store.
        out.sort(OLDEST_FIRST);
        return List.copyOf(out);
      }
    });
  }

  private static CrossPostEntry entry(ResultSet rs, String ownerId, String linkId) throws SQLException {
    return new CrossPostEntry(ownerId, linkId, rs.getString("source_item_id"), Database.instant(rs, "source_timestamp"),
        CrossPostEntry.State.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("target_post_id")),
        rs.getString("post_text"), Optional.ofNullable(rs.getString("reason")), Database.instant(rs, "updated_at"));
  }

  /** Hashtags have no spaces: joined by one, sorted so that a set always reads back the same. */
  private static String joined(Collection<String> words) {
    return words.stream().sorted().collect(Collectors.joining(" "));
  }

  private static List<String> split(String words) {
    return words.isEmpty() ? List.of() : Arrays.asList(words.split(" "));
  }
}
