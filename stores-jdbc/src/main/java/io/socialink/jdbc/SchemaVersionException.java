package io.socialink.jdbc;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;

/**
 * The database's Socialink tables are not at the schema version this library needs: newer than it
 * knows (a newer version of the library upgraded them), or missing or older while the caller did not
 * allow creating or upgrading them. Category {@link ErrorCategory#CONFIGURATION}.
 */
public class SchemaVersionException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  private final int found;
  private final int expected;

  /**
   * Creates the exception.
   *
   * @param found the version found, 0 when there are no tables
   * @param expected the version this library needs
   * @param message what is wrong
   * @param remediation what to do
   */
  public SchemaVersionException(int found, int expected, String message, String remediation) {
    super(Classification.of(ErrorCategory.CONFIGURATION, "", 0, message).withRemediation(remediation), null, 1);
    this.found = found;
    this.expected = expected;
  }

  /**
   * The schema version found in the database.
   *
   * @return the version, 0 when there are no tables
   */
  public int found() {
    return found;
  }

  /**
   * The schema version this library needs.
   *
   * @return the version
   */
  public int expected() {
    return expected;
  }
}
