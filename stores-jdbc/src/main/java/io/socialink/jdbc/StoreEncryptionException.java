package io.socialink.jdbc;

import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token stored encrypted cannot be encrypted or decrypted. Its message names the record, the field
 * and the key id, never a token or key material. Category {@link ErrorCategory#CONFIGURATION}.
 */
public class StoreEncryptionException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /** Why the ciphertext could not be used. */
  public enum Reason {
    /** The key provider does not know the key id stored with the ciphertext (or the primary key id). */
    UNKNOWN_KEY_ID,
    /** The key provider's key is not a usable AES key. */
    BAD_KEY,
    /**
     * The ciphertext does not authenticate: a different key under the same id, a tampered value, or a
     * value copied from another row.
     */
    NOT_AUTHENTIC,
    /** The stored value is not in a format this version writes. */
    MALFORMED
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why
   * @param message what failed; must hold no secret
   * @param cause the cryptographic cause, or null
   */
  public StoreEncryptionException(Reason reason, String message, @Nullable Throwable cause) {
    super(Classification.of(ErrorCategory.CONFIGURATION, "", 0, message)
        .withRemediation(remediation(Objects.requireNonNull(reason, "reason"))), cause, 1);
    this.reason = reason;
  }

  /**
   * Why the ciphertext could not be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  private static String remediation(Reason reason) {
    switch (reason) {
      case UNKNOWN_KEY_ID:
        return "Supply every key id still stored to the KeyProvider, or run JdbcStores.reencrypt() while the old key"
            + " is still supplied.";
      case BAD_KEY:
        return "Supply AES keys of 16, 24 or 32 bytes.";
      case NOT_AUTHENTIC:
        return "Check that the key under this id is the one the row was written with; otherwise the row was changed"
            + " outside Socialink and the account must be linked again.";
      default:
        return "The row was written by an unknown version or changed outside Socialink; link the account again.";
    }
  }
}
