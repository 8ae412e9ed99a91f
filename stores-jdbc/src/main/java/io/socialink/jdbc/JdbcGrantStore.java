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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link GrantStore} in a database table. Tokens are stored as AES-GCM ciphertexts bound to their
 * row; every query names the owner, except {@link #findByAccountOfAnyOwner}, which the callback
 * intake needs; a save is a compare-and-set on the version.
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

  private final Database db;
  private final TokenCipher cipher;
  private final String grants;
  private final String claims;

  JdbcGrantStore(Database db, TokenCipher cipher) {
    this.db = Objects.requireNonNull(db, "db");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.grants = db.table("grants");
    this.claims = db.table("refresh_claims");
  }

  @Override
  public Optional<Grant> find(String ownerId, String grantId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(grantId, "grantId");
    return db.autoCommit("find grant " + grantId, c -> {
      List<Grant> found = query(c, "SELECT " + COLUMNS + " FROM " + grants + " WHERE owner_id = ? AND grant_id = ?",
          ownerId, grantId);
      return found.stream().findFirst();
    });
  }

  @Override
  public List<Grant> findByOwner(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    return db.autoCommit("list grants", c -> query(c, "SELECT " + COLUMNS + " FROM " + grants + " WHERE owner_id = ?",
        ownerId));
  }

  @Override
  public List<Grant> findByAccount(String ownerId, Account account) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(account, "account");
    return db.autoCommit("find grants by account", c -> query(c, "SELECT " + COLUMNS + " FROM " + grants
        + " WHERE owner_id = ? AND platform_id = ? AND account_user_id = ?", ownerId, account.platformId(),
        account.userId()));
  }

  /**
   * Finds every owner's grants for an account, for the callback intake: one query on the platform and
   * the account's user id (an index of its own), tokens decrypted as by the other reads.
   */
  @Override
  public List<Grant> findByAccountOfAnyOwner(Account account) {
    Objects.requireNonNull(account, "account");
    return db.autoCommit("find grants by account across owners", c -> query(c, "SELECT " + COLUMNS + " FROM " + grants
        + " WHERE platform_id = ? AND account_user_id = ?", account.platformId(), account.userId()));
  }

  @Override
  public Grant save(Grant grant) {
    Objects.requireNonNull(grant, "grant");
    Grant stored = normalized(grant);
    TokenCipher.Sealed access = cipher.seal(stored.accessToken(), context(stored, "access_token"));
    Optional<TokenCipher.Sealed> refresh = stored.refreshToken().map(r -> cipher.seal(r, context(stored, "refresh_token")));
    int changed = db.autoCommit("save grant " + grant.id(), c -> {
      if (stored.version() == 0) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + grants + " (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, stored.ownerId());
          ps.setString(2, stored.id());
          ps.setLong(3, 0);
          bindBody(ps, 4, stored, access, refresh);
          return ps.executeUpdate();
        } catch (SQLException e) {
          if (Database.isUniqueViolation(e)) {
            return 0;
          }
          throw e;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + grants + " SET platform_id = ?, account_user_id = ?,"
          + " account_handle = ?, account_display_name = ?, scheme_id = ?, client_id = ?, access_token_key = ?,"
          + " access_token = ?, refresh_token_key = ?, refresh_token = ?, scopes = ?, token_type = ?, issued_at = ?,"
          + " expires_at = ?, refresh_expires_at = ?, version = ? WHERE owner_id = ? AND grant_id = ? AND version = ?")) {
        bindBody(ps, 1, stored, access, refresh);
        ps.setLong(16, stored.version());
        ps.setString(17, stored.ownerId());
        ps.setString(18, stored.id());
        ps.setLong(19, stored.version() - 1);
        return ps.executeUpdate();
      }
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
    return db.transaction("delete grant " + grantId, c -> {
      for (String table : List.of(claims, grants)) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE owner_id = ? AND grant_id = ?")) {
          ps.setString(1, ownerId);
          ps.setString(2, grantId);
          if (table.equals(grants)) {
            return ps.executeUpdate() == 1;
          }
          ps.executeUpdate();
        }
      }
      return false;
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

  private List<Grant> query(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<Grant> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
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
        Database.truncate(g.refreshExpiresAt()), g.version());
  }
}
