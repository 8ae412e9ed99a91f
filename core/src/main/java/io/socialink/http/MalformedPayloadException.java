package io.socialink.http;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.UncategorizedException;

/**
 * JSON that is malformed or does not fit the expected shape. The message names the target type and
 * the path of the problem, never the payload's content, which may hold tokens. Category
 * {@link ErrorCategory#UNKNOWN}: the platform answered something this version cannot read.
 */
public class MalformedPayloadException extends UncategorizedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, without payload content
   */
  public MalformedPayloadException(String message) {
    this("", message);
  }

  /**
   * Creates the exception for a platform's payload.
   *
   * @param platformId the platform that sent it, or empty when unknown
   * @param message what was wrong, without payload content
   */
  public MalformedPayloadException(String platformId, String message) {
    super(Classification.of(ErrorCategory.UNKNOWN, platformId, 0, message)
        .withRemediation("The platform sent a payload this version cannot read; keep the request id and report it."),
        null, 1);
  }
}
