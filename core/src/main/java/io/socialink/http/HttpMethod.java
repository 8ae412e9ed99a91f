package io.socialink.http;

/** The HTTP methods the pipeline sends. */
public enum HttpMethod {
  /** GET. */
  GET,
  /** POST. */
  POST,
  /** PUT. */
  PUT,
  /** PATCH. */
  PATCH,
  /** DELETE. */
  DELETE
}
