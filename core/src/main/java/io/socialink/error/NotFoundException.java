package io.socialink.error;

import org.jspecify.annotations.Nullable;

/**
 * Something asked for does not exist: a grant or link id the owner does not have, or an item the
 * platform answered {@link ErrorCategory#NOT_FOUND} for. Not retryable.
 */
public class NotFoundException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param classification the classification, category {@link ErrorCategory#NOT_FOUND}
   * @param cause the cause, or null
   * @param attempts how many attempts were made
   */
  public NotFoundException(Classification classification, @Nullable Throwable cause, int attempts) {
    super(classification, cause, attempts);
  }

  /**
   * A local lookup that found nothing, such as an unknown grant or link id of an owner.
   *
   * @param platformId the platform, or empty when the thing belongs to no one platform
   * @param message what was not found; no secret
   * @return the exception, not thrown
   */
  public static NotFoundException local(String platformId, String message) {
    return new NotFoundException(Classification.of(ErrorCategory.NOT_FOUND, platformId, 0, message)
        .withRemediation("Check the id: it does not exist for this owner, or was deleted."), null, 1);
  }
}
