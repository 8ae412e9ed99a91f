package io.socialink.jdbc;

import io.socialink.Secret;
import io.socialink.store.PendingAuthorization;
import io.socialink.store.PendingAuthorizationStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PendingAuthorizationStore} in a database table. The state is stored only as its SHA-256
 * digest and the PKCE verifier only encrypted, so the table alone cannot complete an authorization.
 * {@link #take} deletes the row and returns it only if its own delete removed it, so of concurrent
 * takes (in any number of processes) exactly one gets it. Instants are kept to the microsecond.
 * Thread-safe; get it from {@link JdbcStores}.
 */
public final class JdbcPendingAuthorizationStore implements PendingAuthorizationStore {
  private final Database db;
  private final TokenCipher cipher;
  private final String table;

  JdbcPendingAuthorizationStore(Database db, TokenCipher cipher) {
    this.db = Objects.requireNonNull(db, "db");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.table = db.table("pending_authorizations");
  }

  @Override
  public void put(PendingAuthorization pending) {
    Objects.requireNonNull(pending, "pending");
    String hash = hash(pending.state());
    TokenCipher.Sealed verifier = cipher.seal(pending.pkceVerifier(), context(hash));
    boolean inserted = db.autoCommit("store a pending authorization", c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (state_hash, owner_id, platform_id,"
          + " scheme_id, pkce_verifier_key, pkce_verifier, redirect_uri, requested_scopes, created_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, hash);
        ps.setString(2, pending.ownerId());
        ps.setString(3, pending.platformId());
        ps.setString(4, pending.schemeId());
        ps.setString(5, verifier.keyId());
        ps.setBytes(6, verifier.value());
        ps.setString(7, pending.redirectUri().toString());
        ps.setString(8, String.join(" ", pending.requestedScopes()));
        Database.setInstant(ps, 9, pending.createdAt());
        Database.setInstant(ps, 10, pending.expiresAt());
        ps.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (Database.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
    if (!inserted) {
      throw new IllegalStateException("a pending authorization with this state already exists");
    }
  }

  @Override
  public Optional<PendingAuthorization> take(String state) {
    Objects.requireNonNull(state, "state");
    String hash = hash(state);
    return db.transaction("take a pending authorization", c -> {
      PendingAuthorization found = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT owner_id, platform_id, scheme_id, pkce_verifier_key,"
          + " pkce_verifier, redirect_uri, requested_scopes, created_at, expires_at FROM " + table
          + " WHERE state_hash = ?")) {
        ps.setString(1, hash);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            String scopes = rs.getString("requested_scopes");
            found = new PendingAuthorization(state, rs.getString("owner_id"), rs.getString("platform_id"),
                rs.getString("scheme_id"), cipher.open(rs.getString("pkce_verifier_key"), rs.getBytes("pkce_verifier"),
                    context(hash)), URI.create(rs.getString("redirect_uri")),
                scopes.isEmpty() ? List.of() : List.of(scopes.split(" ")), Database.instant(rs, "created_at"),
                Database.instant(rs, "expires_at"));
          }
        }
      }
      if (found == null) {
        return Optional.<PendingAuthorization>empty();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE state_hash = ?")) {
        ps.setString(1, hash);
        // Only the take whose delete removed the row gets it.
        return ps.executeUpdate() == 1 ? Optional.of(found) : Optional.<PendingAuthorization>empty();
      }
    });
  }

  @Override
  public int purgeExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    return db.autoCommit("purge expired pending authorizations", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
        Database.setInstant(ps, 1, now);
        return ps.executeUpdate();
      }
    });
  }

  /** Rewrites with the primary key every verifier stored with another key; returns how many. */
  int reencrypt() {
    String primary = cipher.primaryKeyId();
    return db.transaction("re-encrypt pending authorizations", c -> {
      List<Object[]> stale = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT state_hash, pkce_verifier_key, pkce_verifier FROM " + table
          + " WHERE pkce_verifier_key <> ? FOR UPDATE")) {
        ps.setString(1, primary);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stale.add(new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)});
          }
        }
      }
      int count = 0;
      for (Object[] row : stale) {
        String hash = (String) row[0];
        Secret verifier = cipher.open((String) row[1], (byte[]) row[2], context(hash));
        TokenCipher.Sealed sealed = cipher.seal(verifier, context(hash));
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET pkce_verifier_key = ?,"
            + " pkce_verifier = ? WHERE state_hash = ?")) {
          ps.setString(1, sealed.keyId());
          ps.setBytes(2, sealed.value());
          ps.setString(3, hash);
          count += ps.executeUpdate();
        }
      }
      return count;
    });
  }

  private static String context(String hash) {
    return TokenCipher.context("pending authorization", "", hash, "pkce_verifier");
  }

  static String hash(String state) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

}
