package io.socialink.jdbc;

import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.store.PlanJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PlanJournal} in a database table: append-only, so no versions; outcomes read back in the
 * order they were recorded (by an identity column). Every query names the owner. Classified errors
 * keep every field. Instants are kept to the microsecond. Thread-safe; get it from {@link JdbcStores}.
 */
public final class JdbcPlanJournal implements PlanJournal {
  private final Database db;
  private final String table;

  JdbcPlanJournal(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.table = db.table("plan_journal");
  }

  @Override
  public void record(String ownerId, String planId, StepOutcome outcome) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(outcome, "outcome");
    db.autoCommit("record an outcome of plan " + planId, c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (owner_id, plan_id, step_id, status,"
          + " recorded_at, detail, error_category, error_platform_id, error_http_status, error_platform_code,"
          + " error_request_id, error_retry_at, error_message, error_remediation)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, ownerId);
        ps.setString(2, planId);
        ps.setString(3, outcome.stepId());
        ps.setString(4, outcome.status().name());
        Database.setInstant(ps, 5, outcome.at());
        ps.setString(6, outcome.detail());
        if (outcome.error().isPresent()) {
          Classification e = outcome.error().get();
          ps.setString(7, e.category().name());
          ps.setString(8, e.platformId());
          ps.setInt(9, e.httpStatus());
          Database.setOptional(ps, 10, e.platformCode());
          Database.setOptional(ps, 11, e.requestId());
          Database.setInstant(ps, 12, e.retryAt().orElse(null));
          ps.setString(13, e.message());
          ps.setString(14, e.remediation());
        } else {
          for (int i = 7; i <= 14; i++) {
            ps.setNull(i, i == 9 ? Types.INTEGER : i == 12 ? Types.TIMESTAMP_WITH_TIMEZONE : Types.VARCHAR);
          }
        }
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public List<StepOutcome> outcomes(String ownerId, String planId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(planId, "planId");
    return db.autoCommit("read plan " + planId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT step_id, status, recorded_at, detail, error_category,"
          + " error_platform_id, error_http_status, error_platform_code, error_request_id, error_retry_at, error_message,"
          + " error_remediation FROM " + table + " WHERE owner_id = ? AND plan_id = ? ORDER BY entry_id")) {
        ps.setString(1, ownerId);
        ps.setString(2, planId);
        List<StepOutcome> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StepOutcome(rs.getString("step_id"), StepStatus.valueOf(rs.getString("status")),
                Database.instant(rs, "recorded_at"), rs.getString("detail"), error(rs)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  private static Optional<Classification> error(ResultSet rs) throws SQLException {
    String category = rs.getString("error_category");
    if (category == null) {
      return Optional.empty();
    }
    return Optional.of(new Classification(ErrorCategory.valueOf(category), rs.getString("error_platform_id"),
        rs.getInt("error_http_status"), Optional.ofNullable(rs.getString("error_platform_code")),
        Optional.ofNullable(rs.getString("error_request_id")), Database.optionalInstant(rs, "error_retry_at"),
        rs.getString("error_message"), rs.getString("error_remediation")));
  }
}
