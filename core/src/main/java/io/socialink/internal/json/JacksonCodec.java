package io.socialink.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.socialink.http.ApiResponse;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link JsonCodec} on Jackson. Error messages name the type and JSON path, never the payload:
 * Jackson's own messages can quote values, which may be tokens. Reads are bounded by
 * {@link #MAX_NESTING_DEPTH}, {@link #MAX_NUMBER_LENGTH}, {@link #MAX_STRING_LENGTH} and
 * {@link #MAX_NAME_LENGTH}; a payload beyond them is a {@link MalformedPayloadException}.
 */
public final class JacksonCodec implements JsonCodec {
  /** The deepest nesting of arrays and objects read; platform payloads nest less than ten deep. */
  public static final int MAX_NESTING_DEPTH = 100;
  /** The longest number read, in characters; ids and counts have at most 20 digits. */
  public static final int MAX_NUMBER_LENGTH = 100;
  /** The longest string read, in characters: a million, far above any caption, bio or error message. */
  public static final int MAX_STRING_LENGTH = 1_000_000;
  /** The longest member name read, in characters. */
  public static final int MAX_NAME_LENGTH = 1_000;

  /**
   * Limits every read: nothing a platform sends needs more, and without them a hostile body can spend
   * seconds and gigabytes on one number, string or nesting. A body over a limit is malformed.
   */
  static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNameLength(MAX_NAME_LENGTH)
      .build();

  private static final JacksonCodec INSTANCE = new JacksonCodec();

  private final ObjectMapper mapper;

  private JacksonCodec() {
    this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
        .build();
  }

  /**
   * The shared codec; stateless and thread-safe.
   *
   * @return the codec
   */
  public static JacksonCodec instance() {
    return INSTANCE;
  }

  /**
   * The mapper, for core's own rendering.
   *
   * @return the mapper
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  @Override
  public <T> T read(ApiResponse response, Class<T> type) {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(type, "type");
    try (java.io.InputStream in = response.bodyStream()) {
      T value = mapper.readValue(in, type);
      if (value == null) {
        throw new MalformedPayloadException("expected " + type.getSimpleName() + " but the JSON was null or empty");
      }
      return value;
    } catch (IOException e) {
      throw malformed(type.getSimpleName(), e);
    }
  }

  @Override
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      T value = mapper.readValue(json, type);
      if (value == null) {
        throw new MalformedPayloadException("expected " + type.getSimpleName() + " but the JSON was null or empty");
      }
      return value;
    } catch (IOException e) {
      throw malformed(type.getSimpleName(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> readObject(byte[] json) {
    Objects.requireNonNull(json, "json");
    Object value;
    try {
      value = mapper.readValue(json, Object.class);
    } catch (IOException e) {
      throw malformed("JSON object", e);
    }
    if (!(value instanceof Map)) {
      throw new MalformedPayloadException("expected a JSON object but got "
          + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }
    return (Map<String, Object>) value;
  }

  @Override
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getClass().getSimpleName(), e);
    }
  }

  static MalformedPayloadException malformed(String what, IOException e) {
    String where = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      where = " at " + m.getPathReference();
    } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
      where = " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr();
    }
    return new MalformedPayloadException("malformed JSON for " + what + where + " (" + e.getClass().getSimpleName() + ")");
  }
}
