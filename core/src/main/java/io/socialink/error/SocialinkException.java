package io.socialink.error;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure Socialink reports: unchecked, classified, and free of secrets.
 *
 * <p>Catch a subclass to handle one kind of failure ({@link AuthorizationException},
 * {@link RateLimitedException}, ...), or this type and switch on {@link #category()}.
 *
 * <pre>{@code
 * try {
 *   socialink.grants().profile(ownerId, grantId);
 * } catch (AuthorizationException e) {
 *   askUserToLinkAgain(e.remediation());
 * } catch (SocialinkException e) {
 *   if (e.retryable()) scheduleRetry(e.retryAt().orElse(clock.instant().plusSeconds(60)));
 * }
 * }</pre>
 */
public class SocialinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Written and read by {@link #writeObject} and {@link #readObject}: a record with optionals is not serializable. */
  private transient Classification classification;
  private final int attempts;

  /**
   * Creates an exception from a classification.
   *
   * @param classification the classification; its message must hold no secret
   * @param cause the cause, or null
   * @param attempts how many attempts were made, at least 1
   */
  protected SocialinkException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(render(classification, attempts), cause);
    this.classification = Objects.requireNonNull(classification, "classification");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1; got " + attempts);
    }
    this.attempts = attempts;
  }

  /**
   * Creates the exception type that matches the classification's category.
   *
   * @param classification the classification
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   * @return the exception, not thrown
   */
  public static SocialinkException of(Classification classification, @Nullable Throwable cause, int attempts) {
    switch (classification.category()) {
      case AUTH_EXPIRED:
      case AUTH_REVOKED:
      case INSUFFICIENT_SCOPE:
        return new AuthorizationException(classification, cause, attempts);
      case PERMISSION_DENIED:
      case ACCOUNT_RESTRICTED:
        return new PermissionException(classification, cause, attempts);
      case RATE_LIMITED:
      case QUOTA_EXHAUSTED:
        return new RateLimitedException(classification, cause, attempts);
      case TRANSIENT:
        return new TransientException(classification, cause, attempts);
      case NOT_FOUND:
        return new NotFoundException(classification, cause, attempts);
      case INVALID_REQUEST:
      case DUPLICATE:
        return new InvalidRequestException(classification, cause, attempts);
      case CONFLICT:
        return new ConflictException(classification, cause, attempts);
      case CONFIGURATION:
        return new ConfigurationException(classification, cause, attempts);
      default:
        return new UncategorizedException(classification, cause, attempts);
    }
  }

  /**
   * Returns a copy of this exception that records more attempts.
   *
   * @param totalAttempts the total attempts made
   * @return the copy, with this exception's cause
   */
  public SocialinkException withAttempts(int totalAttempts) {
    SocialinkException copy = of(classification, getCause(), totalAttempts);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  private static String render(Classification c, int attempts) {
    StringBuilder s = new StringBuilder();
    s.append(c.message()).append(" [platform=").append(c.platformId().isEmpty() ? "?" : c.platformId())
        .append(", category=").append(c.category());
    if (c.httpStatus() != 0) {
      s.append(", status=").append(c.httpStatus());
    }
    c.platformCode().ifPresent(code -> s.append(", code=").append(code));
    c.requestId().ifPresent(id -> s.append(", requestId=").append(id));
    c.retryAt().ifPresent(at -> s.append(", retryAt=").append(at));
    if (attempts > 1) {
      s.append(", attempts=").append(attempts);
    }
    s.append("] ").append(c.remediation());
    return s.toString();
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    Classification c = classification;
    out.writeObject(c.category());
    out.writeUTF(c.platformId());
    out.writeInt(c.httpStatus());
    out.writeObject(c.platformCode().orElse(null));
    out.writeObject(c.requestId().orElse(null));
    out.writeObject(c.retryAt().orElse(null));
    out.writeUTF(c.message());
    out.writeUTF(c.remediation());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    try {
      ErrorCategory category = (ErrorCategory) in.readObject();
      String platformId = in.readUTF();
      int status = in.readInt();
      Optional<String> code = Optional.ofNullable((String) in.readObject());
      Optional<String> requestId = Optional.ofNullable((String) in.readObject());
      Optional<Instant> retryAt = Optional.ofNullable((Instant) in.readObject());
      classification = new Classification(category, platformId, status, code, requestId, retryAt, in.readUTF(),
          in.readUTF());
    } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
      java.io.InvalidObjectException invalid = new java.io.InvalidObjectException("not a SocialinkException's form");
      invalid.initCause(e);
      throw invalid;
    }
  }

  /**
   * The full classification.
   *
   * @return the classification
   */
  public Classification classification() {
    return classification;
  }

  /**
   * The platform's id.
   *
   * @return the platform id
   */
  public String platform() {
    return classification.platformId();
  }

  /**
   * The category.
   *
   * @return the category
   */
  public ErrorCategory category() {
    return classification.category();
  }

  /**
   * Answers whether retrying later can help.
   *
   * @return true if retryable
   */
  public boolean retryable() {
    return classification.retryable();
  }

  /**
   * The platform's own error code.
   *
   * @return the code, when sent
   */
  public Optional<String> platformCode() {
    return classification.platformCode();
  }

  /**
   * The platform's request or log id, to quote to its support.
   *
   * @return the id, when sent
   */
  public Optional<String> requestId() {
    return classification.requestId();
  }

  /**
   * When a retry may go.
   *
   * @return the instant, when known
   */
  public Optional<Instant> retryAt() {
    return classification.retryAt();
  }

  /**
   * The HTTP status, or 0 when no response came.
   *
   * @return the status
   */
  public int httpStatus() {
    return classification.httpStatus();
  }

  /**
   * How many attempts were made before giving up.
   *
   * @return the attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * What a person can do about it.
   *
   * @return the hint
   */
  public String remediation() {
    return classification.remediation();
  }
}
