package io.socialink.http;

import java.util.Map;

/**
 * Reads and writes JSON for providers, so that no JSON library type appears in the API. Records and
 * {@code java.time} values are supported; unknown properties are ignored. Thread-safe.
 *
 * <p>{@link #read(byte[], Class)} builds the target type reflectively: on the module path, a
 * provider's record types must be public in an exported package or in a package its module opens to
 * {@code com.fasterxml.jackson.databind}. {@link #readObject(byte[])} needs neither and suits
 * providers that only pick a few fields.
 */
public interface JsonCodec {
  /**
   * Reads JSON into a type.
   *
   * @param json the JSON bytes
   * @param type the target type, typically a record
   * @param <T> the type
   * @return the value
   * @throws MalformedPayloadException when the JSON is malformed or does not fit the type
   */
  <T> T read(byte[] json, Class<T> type);

  /**
   * Reads a JSON object into maps, lists, strings, numbers, booleans and nulls.
   *
   * @param json the JSON bytes
   * @return the object's members
   * @throws MalformedPayloadException when the JSON is malformed or not an object
   */
  Map<String, Object> readObject(byte[] json);

  /**
   * Writes a value as JSON.
   *
   * @param value the value
   * @return the JSON bytes
   */
  byte[] write(Object value);

  /**
   * Reads a response's JSON body into a type, without copying the body where the codec can.
   *
   * @param response the response
   * @param type the target type
   * @param <T> the type
   * @return the value
   * @throws MalformedPayloadException if the body is not JSON of that shape
   */
  default <T> T read(ApiResponse response, Class<T> type) {
    return read(response.body(), type);
  }

  /**
   * Reads a response's JSON object body, without copying the body where the codec can.
   *
   * @param response the response
   * @return the members
   * @throws MalformedPayloadException if the body is not a JSON object
   */
  default Map<String, Object> readObject(ApiResponse response) {
    return readObject(response.body());
  }
}
