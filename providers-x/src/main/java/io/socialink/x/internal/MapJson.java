package io.socialink.x.internal;

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
 * A JSON codec for maps, lists and scalars only, for the response interpreter, which core asks for
 * before any client (and so any {@link io.socialink.spi.ProviderContext}) exists. Messages never quote
 * the payload. Thread-safe.
 */
public final class MapJson implements JsonCodec {
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
  public static final MapJson INSTANCE = new MapJson();

  private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private MapJson() {}

  @Override
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (type != Map.class && type != Object.class) {
      throw new IllegalArgumentException("this codec reads maps only; asked for " + type.getSimpleName());
    }
    return type.cast(readObject(json));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> readObject(byte[] json) {
    Object value;
    try {
      value = mapper.readValue(Objects.requireNonNull(json, "json"), Object.class);
    } catch (IOException e) {
      throw new MalformedPayloadException("malformed JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (!(value instanceof Map)) {
      throw new MalformedPayloadException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  @Override
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
