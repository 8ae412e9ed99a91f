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

  /**
   * Creates the exception from its classification, for subclasses and {@link #ofDocument(String)}.
   *
   * @param classification the classification, category {@link ErrorCategory#UNKNOWN}
   */
  protected MalformedPayloadException(Classification classification) {
    super(classification, null, 1);
  }

  /**
   * Creates the exception for a document the application handed back to Socialink, such as a stored
   * unlink plan ({@link io.socialink.UnlinkPlan#parseJson(String)}), rather than a platform's answer.
   *
   * @param message what was wrong, naming the field, without the document's content
   * @return the exception, not thrown
   */
  public static MalformedPayloadException ofDocument(String message) {
    return new MalformedPayloadException(Classification.of(ErrorCategory.UNKNOWN, "", 0, message)
        .withRemediation("Pass the text as Socialink rendered it; a document changed by hand or by another version"
            + " cannot be read."));
  }
}
