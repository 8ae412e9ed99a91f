package io.socialink.jdbc;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import java.sql.SQLException;

/**
 * The database failed a store operation. {@link ErrorCategory#TRANSIENT} when the SQL state says the
 * connection failed or a transaction was chosen as a victim (a retry may work), otherwise
 * {@link ErrorCategory#UNKNOWN}. The message names the operation and the SQL state; the database's own
 * text stays in the cause (Socialink sends no token to the database in plain text, so it holds none).
 */
public class JdbcStoreException extends SocialinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation what the store was doing, e.g. {@code save grant g-1}
   * @param cause the driver's exception
   */
  public JdbcStoreException(String operation, SQLException cause) {
    super(Classification.of(category(cause), "", 0,
        "database failure while the store tried to " + operation + " (SQL state " + cause.getSQLState() + ")"),
        cause, 1);
  }

  private static ErrorCategory category(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.startsWith("40") || state.startsWith("57P") || state.equals("HYT00")
        ? ErrorCategory.TRANSIENT : ErrorCategory.UNKNOWN;
  }
}
