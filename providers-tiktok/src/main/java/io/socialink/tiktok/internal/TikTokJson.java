package io.socialink.tiktok.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON codec limited to maps, lists and scalars. The response interpreter needs one before any
 * client, and so before any {@link io.socialink.spi.ProviderContext}, exists. Failures never quote the
 * payload. Thread-safe.
 */
public final class TikTokJson implements JsonCodec {
  /**
   * Read limits, as core's codec has: nesting 100 deep, numbers of 100 characters, strings of a million
   * and names of a thousand. Nothing a platform sends needs more; a payload beyond them is malformed.
   */
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(100)
      .maxNumberLength(100)
      .maxStringLength(1_000_000)
      .maxNameLength(1_000)
      .build();

  /** The shared instance (declared after the limits it is built with). */
  public static final TikTokJson INSTANCE = new TikTokJson();

  private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private TikTokJson() {}

  /**
   * Reads a JSON object; only {@code Map} and {@code Object} are supported as targets.
   *
   * @throws IllegalArgumentException for any other target type
   */
  @Override
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (!type.equals(Map.class) && !type.equals(Object.class)) {
      throw new IllegalArgumentException("TikTokJson reads JSON objects into maps only, not " + type.getSimpleName());
    }
    return type.cast(readObject(json));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> readObject(byte[] json) {
    Objects.requireNonNull(json, "json");
    Object value;
    try {
      value = mapper.readValue(json, Object.class);
    } catch (IOException e) {
      throw new MalformedPayloadException("not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new MalformedPayloadException("JSON is not an object");
  }

  @Override
  public byte[] write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
