package io.socialink.jdbc;

import io.socialink.store.CallbackStore;
import io.socialink.webhook.DataDeletion;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
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
 * A {@link CallbackStore} in two database tables: the deliveries the callback intake acted on, and the
 * data deletions it received.
 *
 * <p><b>Deliveries</b> are rows keyed by the SHA-256 of the platform and the delivery id. Recording
 * one is a single insert that the primary key lets win once: on PostgreSQL
 * {@code INSERT ... ON CONFLICT DO NOTHING}, on H2 an insert whose unique-key violation means "already
 * recorded". So of several processes sharing the database, exactly one acts on a delivery.
 *
 * <p>Nothing here is a secret (delivery ids are platforms' event ids or digests of verified bodies):
 * no column is encrypted. Instants are kept to the microsecond. Thread-safe; get it from
 * {@link JdbcStores}.
 */
public final class JdbcCallbackStore implements CallbackStore {
  private final Database db;
  private final String deliveries;
  private final String deletions;

  JdbcCallbackStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.deliveries = db.table("callback_deliveries");
    this.deletions = db.table("data_deletions");
  }

  @Override
  public boolean recordDelivery(String platformId, String deliveryId, Instant receivedAt) {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    String insert = "INSERT INTO " + deliveries + " (delivery_key, platform_id, delivery_id, received_at)"
        + " VALUES (?, ?, ?, ?)";
    boolean postgres = db.dialect() == Dialect.POSTGRESQL;
    return db.autoCommit("record a callback delivery of " + platformId, c -> {
      try (PreparedStatement ps = c.prepareStatement(postgres ? insert + " ON CONFLICT (delivery_key) DO NOTHING"
          : insert)) {
        ps.setString(1, key(platformId, deliveryId));
        ps.setString(2, platformId);
        ps.setString(3, deliveryId);
        Database.setInstant(ps, 4, receivedAt);
        return ps.executeUpdate() == 1;
      } catch (SQLException e) {
        if (Database.isUniqueViolation(e)) {
          return false; // recorded already, maybe by another process a moment ago
        }
        throw e;
      }
    });
  }

  @Override
  public void forgetDelivery(String platformId, String deliveryId) {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(deliveryId, "deliveryId");
    db.autoCommit("forget a callback delivery of " + platformId, c -> Database.execute(c, "DELETE FROM " + deliveries
        + " WHERE delivery_key = ?", ps -> ps.setString(1, key(platformId, deliveryId))));
  }

  @Override
  public int pruneDeliveries(Instant before) {
    Objects.requireNonNull(before, "before");
    return db.autoCommit("prune callback deliveries", c -> Database.execute(c, "DELETE FROM " + deliveries
        + " WHERE received_at < ?", ps -> Database.setInstant(ps, 1, before)));
  }

  @Override
  public DataDeletion saveDeletion(DataDeletion deletion) {
    Objects.requireNonNull(deletion, "deletion");
    DataDeletion stored = new DataDeletion(deletion.confirmationCode(), deletion.platformId(), deletion.userId(),
        deletion.ownerIds(), deletion.status(), Database.truncate(deletion.requestedAt()),
        Database.truncate(deletion.updatedAt()), deletion.statusUrl());
    Database.Binder body = ps -> {
      ps.setString(1, stored.platformId());
      ps.setString(2, stored.userId());
      ps.setString(3, encodeOwners(stored.ownerIds()));
      ps.setString(4, stored.status().name());
      Database.setInstant(ps, 5, stored.requestedAt());
      Database.setInstant(ps, 6, stored.updatedAt());
      ps.setString(7, stored.statusUrl().toString());
      ps.setString(8, stored.confirmationCode());
    };
    db.autoCommit("save a data deletion", c -> {
      Database.upsert(c, "UPDATE " + deletions + " SET platform_id = ?, user_id = ?, owner_ids = ?, status = ?,"
          + " requested_at = ?, updated_at = ?, status_url = ? WHERE confirmation_code = ?", body,
          "INSERT INTO " + deletions + " (platform_id, user_id, owner_ids, status, requested_at, updated_at, status_url,"
          + " confirmation_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", body);
      return null;
    });
    return stored;
  }

  @Override
  public Optional<DataDeletion> findDeletion(String confirmationCode) {
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    return db.autoCommit("find a data deletion", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT platform_id, user_id, owner_ids, status, requested_at,"
          + " updated_at, status_url FROM " + deletions + " WHERE confirmation_code = ?")) {
        ps.setString(1, confirmationCode);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<DataDeletion>empty();
          }
          return Optional.of(new DataDeletion(confirmationCode, rs.getString("platform_id"), rs.getString("user_id"),
              decodeOwners(rs.getString("owner_ids")), DataDeletion.Status.valueOf(rs.getString("status")),
              Database.instant(rs, "requested_at"), Database.instant(rs, "updated_at"),
              URI.create(rs.getString("status_url"))));
        }
      }
    });
  }

  /**
   * The row key of a delivery: hex SHA-256 of the platform id's length, ':', the platform id, a newline
   * and the delivery id (the length keeps a platform id and a delivery id that run together apart).
   */
  static String key(String platformId, String deliveryId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String text = platformId.length() + ":" + platformId + "\n" + deliveryId;
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Each owner id URL-encoded (so it holds no ';') and followed by ';': unambiguous, empty ids included. */
  static String encodeOwners(List<String> ownerIds) {
    StringBuilder b = new StringBuilder();
    for (String id : ownerIds) {
      b.append(URLEncoder.encode(id, StandardCharsets.UTF_8)).append(';');
    }
    return b.toString();
  }

  static List<String> decodeOwners(String column) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int end = column.indexOf(';'); end >= 0; end = column.indexOf(';', from)) {
      out.add(URLDecoder.decode(column.substring(from, end), StandardCharsets.UTF_8));
      from = end + 1;
    }
    return List.copyOf(out);
  }
}
