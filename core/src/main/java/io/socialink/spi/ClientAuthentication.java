package io.socialink.spi;

/**
 * How a confidential client proves itself at a token or revocation endpoint (RFC 6749 §2.3.1). A
 * public client, which has no secret, always sends only its client id as a form field.
 */
public enum ClientAuthentication {
  /** The client id and client secret as form fields of the request body (TikTok, Instagram). */
  FORM_FIELDS,
  /**
   * An {@code Authorization: Basic} header of the form-encoded client id and secret (X, and the
   * method RFC 6749 says every server must support).
   */
  HTTP_BASIC
}
