package io.socialink.http;

/**
 * JSON that is malformed or does not fit the expected shape. The message names the target type and
 * the path of the problem, never the payload's content, which may hold tokens.
 */
public class MalformedPayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, without payload content
   */
  public MalformedPayloadException(String message) {
    super(message);
  }
}
