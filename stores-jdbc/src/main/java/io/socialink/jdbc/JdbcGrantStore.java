package io.socialink.jdbc;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.Scopes;
import io.socialink.store.GrantStore;
import io.socialink.store.RefreshClaim;
import io.socialink.store.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link GrantStore} in a database table. Tokens are stored as AES-GCM ciphertexts bound to their
 * row; a grant's attributes, never secret, are plain rows of the {@code grant_attributes} table keyed by
 * owner, grant and name, written in the grant's own transaction; every query names the owner, except
 * {@link #findByAccountOfAnyOwner} and {@link #findByAttributeOfAnyOwner}, which the callback intake
 * needs; a save is a compare-and-set on the version.
 *
 * <p><b>Refresh claims</b> are rows of the {@code refresh_claims} table, claimed by compare-and-set:
 * a claim is inserted when there is none (the primary key lets one insert win), and a lapsed claim of
 * another holder is taken over by an {@code UPDATE} whose {@code WHERE} names the holder and expiry
 * that were read, so of several processes only one update matches. No row lock is held while the
 * holder calls the platform: a lock would pin a connection and a transaction for the length of an
 * HTTP call, and would vanish with a crashed holder's connection, losing the fact that its refresh
 * was interrupted; the claim row stays until it is released or taken over.
 *
 * <p>Instants are kept to the microsecond. Thread-safe; get it from {@link JdbcStores}.
 */
public final class JdbcGrantStore implements GrantStore {
  private static final String COLUMNS = "owner_id, grant_id, version, platform_id, account_user_id, account_handle,"
      + " account_display_name, scheme_id, client_id, access_token_key, access_token, refresh_token_key, refresh_token,"
      + " scopes, token_type, issued_at, expires_at, refresh_expires_at";
  private static final String PREFIXED = "g." + String.join(", g.", COLUMNS.split(",\\s*"));

  private final Database db;
  private final TokenCipher cipher;
  private final String grants;
  private final String claims;
  private final String attributes;

  JdbcGrantStore(Database db, TokenCipher cipher) {
    this.db = Objects.requireNonNull(db, "db");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.grants = db.table("grants");
    this.claims = db.table("refresh_claims");
    this.attributes = db.table("grant_attributes");
  }

  /**
   * The query of grants with their attributes, one row per attribute (one for a grant without): the
   * grants table as {@code g}, its attributes joined as {@code a}.
   */
  private String select(String where) {
    return "SELECT " + PREFIXED + ", a.attr_name, a.attr_value FROM " + grants + " g LEFT JOIN " + attributes
        + " a ON a.owner_id = g.owner_id AND a.grant_id = g.grant_id WHERE " + where;
  }

  @Override
  public Optional<Grant> find(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    return db.autoCommit("find grant " + grantId, c -> {
      List<Grant> found = query(c, select("g.owner_id = ? AND g.grant_id = ?"), ownerId, grantId);
      return found.stream().findFirst();
    });
  }

  @Override
  public List<Grant> findByOwner(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    return db.autoCommit("list grants", c -> query(c, select("g.owner_id = ?"), ownerId));
  }

  @Override
  public List<Grant> findByAccount(String ownerId, Account account) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(account, "account");
    return db.autoCommit("find grants by account", c -> query(c,
        select("g.owner_id = ? AND g.platform_id = ? AND g.account_user_id = ?"), ownerId, account.platformId(),
        account.userId()));
  }

  /**
   * Finds every owner's grants for an account, for the callback intake: one query on the platform and
   * the account's user id (an index of its own), tokens decrypted as by the other reads.
   */
  @Override
  public List<Grant> findByAccountOfAnyOwner(Account account) {
    Objects.requireNonNull(account, "account");
    return db.autoCommit("find grants by account across owners", c -> query(c,
        select("g.platform_id = ? AND g.account_user_id = ?"), account.platformId(), account.userId()));
  }

  /**
   * Finds every owner's grants on a platform with an attribute's value, for the callback intake: the
   * attribute rows are found by name and value (an index of their own), then joined to their grants by
   * owner and grant id.
   */
  @Override
  public List<Grant> findByAttributeOfAnyOwner(String platformId, String name, String value) {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return db.autoCommit("find grants by attribute across owners", c -> query(c, select("g.platform_id = ? AND EXISTS"
        + " (SELECT 1 FROM " + attributes + " m WHERE m.owner_id = g.owner_id AND m.grant_id = g.grant_id"
        + " AND m.attr_name = ? AND m.attr_value = ?)"), platformId, name, value));
  }

  @Override
  public Grant save(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Grant stored = normalized(grant);
    TokenCipher.Sealed access = cipher.seal(stored.accessToken(), context(stored, "access_token"));
    Optional<TokenCipher.Sealed> refresh = stored.refreshToken().map(r -> cipher.seal(r, context(stored, "refresh_token")));
    // One transaction: the grant's row and its attribute rows change together.
    int changed = db.transaction("save grant " + grant.id(), c -> {
      if (stored.version() == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + grants + " (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, stored.ownerId());
          ps.setString(2, stored.id());
          ps.setLong(3, 0);
          bindBody(ps, 4, stored, access, refresh);
          ps.executeUpdate();
        } catch (SQLException e) {
          if (Database.isUniqueViolation(e)) {
            c.rollback(); // PostgreSQL ends a transaction at a failed statement
            return 0;
          }
          throw e;
        }
        insertAttributes(c, stored);
        return 1;
      }
      int updated;
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + grants + " SET platform_id = ?, account_user_id = ?,"
          + " account_handle = ?, account_display_name = ?, scheme_id = ?, client_id = ?, access_token_key = ?,"
          + " access_token = ?, refresh_token_key = ?, refresh_token = ?, scopes = ?, token_type = ?, issued_at = ?,"
          + " expires_at = ?, refresh_expires_at = ?, version = ? WHERE owner_id = ? AND grant_id = ? AND version = ?")) {
        bindBody(ps, 1, stored, access, refresh);
        ps.setLong(16, stored.version());
        ps.setString(17, stored.ownerId());
        ps.setString(18, stored.id());
        ps.setLong(19, stored.version() - 1);
        updated = ps.executeUpdate();
      }
      if (updated == 1) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + attributes
            + " WHERE owner_id = ? AND grant_id = ?")) {
          ps.setString(1, stored.ownerId());
          ps.setString(2, stored.id());
          ps.executeUpdate();
        }
        insertAttributes(c, stored);
      }
      return updated;
    });
    if (changed != 1) {
      throw new VersionConflictException("grant", grant.id(), grant.version() - 1, storedVersion(grant.ownerId(), grant.id()));
    }
    // The refresh a claim was for is done, or moot: a claim left behind must not read as an interrupted one later.
    db.autoCommit("end the refresh claim of grant " + grant.id(), c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + claims + " WHERE owner_id = ? AND grant_id = ?")) {
        ps.setString(1, grant.ownerId());
        ps.setString(2, grant.id());
        return ps.executeUpdate();
      }
    });
    return stored;
  }

  @Override
  public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
    return claim(ownerId, grantId, holder, now, until).held();
  }

  @Override
  public RefreshClaim claim(String ownerId, String grantId, String holder, Instant now, Instant until) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(until, "until");
    return db.autoCommit("claim the refresh of grant " + grantId, c -> {
      String heldBy = null;
      Instant heldUntil = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT holder, claimed_until FROM " + claims
          + " WHERE owner_id = ? AND grant_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, grantId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            heldBy = rs.getString("holder");
            heldUntil = Database.instant(rs, "claimed_until");
          }
        }
      }
      if (heldBy == null) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + claims
            + " (owner_id, grant_id, holder, claimed_until) VALUES (?, ?, ?, ?)")) {
          ps.setString(1, ownerId);
          ps.setString(2, grantId);
          ps.setString(3, holder);
          Database.setInstant(ps, 4, until);
          ps.executeUpdate();
          return RefreshClaim.CLAIMED;
        } catch (SQLException e) {
          if (Database.isUniqueViolation(e)) {
            return RefreshClaim.HELD_ELSEWHERE; // another holder inserted its claim first
          }
          throw e;
        }
      }
      boolean mine = heldBy.equals(holder);
      if (!mine && now.isBefore(heldUntil)) {
        return RefreshClaim.HELD_ELSEWHERE;
      }
      // Compare-and-set: only if the claim is still the one read.
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + claims + " SET holder = ?, claimed_until = ?"
          + " WHERE owner_id = ? AND grant_id = ? AND holder = ? AND claimed_until = ?")) {
        ps.setString(1, holder);
        Database.setInstant(ps, 2, until);
        ps.setString(3, ownerId);
        ps.setString(4, grantId);
        ps.setString(5, heldBy);
        Database.setInstant(ps, 6, heldUntil);
        if (ps.executeUpdate() != 1) {
          return RefreshClaim.HELD_ELSEWHERE;
        }
      }
      return mine ? RefreshClaim.CLAIMED : RefreshClaim.TAKEN_OVER;
    });
  }

  @Override
  public void releaseRefresh(String ownerId, String grantId, String holder) {
    Objects.requireNonNull(holder, "holder");
    db.autoCommit("release the refresh of grant " + grantId, c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + claims
          + " WHERE owner_id = ? AND grant_id = ? AND holder = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, grantId);
        ps.setString(3, holder);
        return ps.executeUpdate();
      }
    });
  }

  /** Keeps the latest use; skips a use less than an hour after the recorded one, so most calls write nothing. */
  @Override
  public void recordUse(String ownerId, String grantId, Instant at) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(at, "at");
    db.autoCommit("record a use of grant " + grantId, c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + grants + " SET last_used_at = ? WHERE owner_id = ?"
          + " AND grant_id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
        Database.setInstant(ps, 1, at);
        ps.setString(2, ownerId);
        ps.setString(3, grantId);
        Database.setInstant(ps, 4, at.minus(java.time.Duration.ofHours(1)));
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public Optional<Instant> lastUse(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    return db.autoCommit("read the last use of grant " + grantId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT last_used_at FROM " + grants
          + " WHERE owner_id = ? AND grant_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, grantId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Database.optionalInstant(rs, "last_used_at") : Optional.<Instant>empty();
        }
      }
    });
  }

  @Override
  public boolean delete(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    // The grant's row first, then its attribute rows, in the order a save takes them, so that a delete and
    // a save of one grant never wait on each other in turn.
    return db.transaction("delete grant " + grantId, c -> {
      boolean deleted = false;
      for (String table : List.of(grants, attributes, claims)) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE owner_id = ? AND grant_id = ?")) {
          ps.setString(1, ownerId);
          ps.setString(2, grantId);
          int n = ps.executeUpdate();
          if (table.equals(grants)) {
            deleted = n == 1;
          }
        }
      }
      return deleted;
    });
  }

  /**
   * Rewrites, with the primary key, every token stored with another key. A grant changed meanwhile is
   * left alone (its writer used the primary key). The version does not change: the grant is the same.
   *
   * @return how many grants were rewritten
   */
  int reencrypt() {
    String primary = cipher.primaryKeyId();
    List<String[]> stale = db.autoCommit("find grants under old keys", c -> {
      List<String[]> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, grant_id FROM " + grants
          + " WHERE access_token_key <> ? OR refresh_token_key <> ?")) {
        ps.setString(1, primary);
        ps.setString(2, primary);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      return out;
    });
    int rewritten = 0;
    for (String[] key : stale) {
      Optional<Grant> read = find(key[0], key[1]);
      if (read.isEmpty()) {
        continue;
      }
      Grant g = read.get();
      TokenCipher.Sealed access = cipher.seal(g.accessToken(), context(g, "access_token"));
      Optional<TokenCipher.Sealed> refresh = g.refreshToken().map(r -> cipher.seal(r, context(g, "refresh_token")));
      rewritten += db.autoCommit("re-encrypt grant " + g.id(), c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + grants + " SET access_token_key = ?,"
            + " access_token = ?, refresh_token_key = ?, refresh_token = ? WHERE owner_id = ? AND grant_id = ?"
            + " AND version = ?")) {
          ps.setString(1, access.keyId());
          ps.setBytes(2, access.value());
          setSealed(ps, 3, refresh);
          ps.setString(5, g.ownerId());
          ps.setString(6, g.id());
          ps.setLong(7, g.version());
          return ps.executeUpdate();
        }
      });
    }
    return rewritten;
  }

  private long storedVersion(String ownerId, String grantId) {
    return db.autoCommit("read the version of grant " + grantId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + grants
          + " WHERE owner_id = ? AND grant_id = ?")) {
        ps.setString(1, ownerId);
        ps.setString(2, grantId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : -1L;
        }
      }
    });
  }

  /** Inserts a grant's attribute rows; none for a grant without attributes. */
  private void insertAttributes(Connection c, Grant g) throws SQLException {
    if (g.attributes().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + attributes
        + " (owner_id, grant_id, attr_name, attr_value) VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, String> a : new TreeMap<>(g.attributes()).entrySet()) {
        ps.setString(1, g.ownerId());
        ps.setString(2, g.id());
        ps.setString(3, a.getKey());
        ps.setString(4, a.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Runs a {@link #select}, folding each grant's attribute rows into it; tokens are decrypted once per grant. */
  private List<Grant> query(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      Map<List<String>, Grant> found = new LinkedHashMap<>();
      Map<List<String>, Map<String, String>> attributesOf = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> key = List.of(rs.getString("owner_id"), rs.getString("grant_id"));
          if (!found.containsKey(key)) {
            found.put(key, read(rs));
          }
          String name = rs.getString("attr_name");
          if (name != null) {
            attributesOf.computeIfAbsent(key, k -> new HashMap<>()).put(name, rs.getString("attr_value"));
          }
        }
      }
      List<Grant> out = new ArrayList<>(found.size());
      found.forEach((key, g) -> {
        Map<String, String> a = attributesOf.get(key);
        out.add(a == null ? g : g.withAttributes(a));
      });
      return out;
    }
  }

  private Grant read(ResultSet rs) throws SQLException {
    String ownerId = rs.getString("owner_id");
    String grantId = rs.getString("grant_id");
    Account account = new Account(rs.getString("platform_id"), rs.getString("account_user_id"),
        Optional.ofNullable(rs.getString("account_handle")), Optional.ofNullable(rs.getString("account_display_name")));
    Secret access = cipher.open(rs.getString("access_token_key"), rs.getBytes("access_token"),
        TokenCipher.context("grant", ownerId, grantId, "access_token"));
    byte[] refreshValue = rs.getBytes("refresh_token");
    Optional<Secret> refresh = refreshValue == null ? Optional.empty()
        : Optional.of(cipher.open(rs.getString("refresh_token_key"), refreshValue,
            TokenCipher.context("grant", ownerId, grantId, "refresh_token")));
    String scopes = rs.getString("scopes");
    return new Grant(grantId, ownerId, account, rs.getString("scheme_id"), rs.getString("client_id"), access, refresh,
        scopes.isEmpty() ? Set.of() : Scopes.parse(scopes), rs.getString("token_type"),
        Database.instant(rs, "issued_at"), Database.optionalInstant(rs, "expires_at"),
        Database.optionalInstant(rs, "refresh_expires_at"), rs.getLong("version"));
  }

  private static void bindBody(PreparedStatement ps, int from, Grant g, TokenCipher.Sealed access,
      Optional<TokenCipher.Sealed> refresh) throws SQLException {
    int i = from;
    ps.setString(i++, g.account().platformId());
    ps.setString(i++, g.account().userId());
    Database.setOptional(ps, i++, g.account().handle());
    Database.setOptional(ps, i++, g.account().displayName());
    ps.setString(i++, g.schemeId());
    ps.setString(i++, g.clientId());
    ps.setString(i++, access.keyId());
    ps.setBytes(i++, access.value());
    setSealed(ps, i, refresh);
    i += 2;
    ps.setString(i++, String.join(" ", g.scopes()));
    ps.setString(i++, g.tokenType());
    Database.setInstant(ps, i++, g.issuedAt());
    Database.setInstant(ps, i++, g.expiresAt().orElse(null));
    Database.setInstant(ps, i, g.refreshExpiresAt().orElse(null));
  }

  private static void setSealed(PreparedStatement ps, int index, Optional<TokenCipher.Sealed> sealed)
      throws SQLException {
    if (sealed.isPresent()) {
      ps.setString(index, sealed.get().keyId());
      ps.setBytes(index + 1, sealed.get().value());
    } else {
      ps.setNull(index, Types.VARCHAR);
      ps.setNull(index + 1, Types.VARBINARY);
    }
  }

  private static String context(Grant g, String field) {
    return TokenCipher.context("grant", g.ownerId(), g.id(), field);
  }

  /** The grant as it reads back: instants to the microsecond. */
  private static Grant normalized(Grant g) {
    return new Grant(g.id(), g.ownerId(), g.account(), g.schemeId(), g.clientId(), g.accessToken(), g.refreshToken(),
        g.scopes(), g.tokenType(), Database.truncate(g.issuedAt()), Database.truncate(g.expiresAt()),
        Database.truncate(g.refreshExpiresAt()), g.version(), g.attributes());
  }
}
