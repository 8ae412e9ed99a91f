package io.socialink.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.socialink.http.JsonCodec;
import io.socialink.http.MalformedPayloadException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link JsonCodec} on Jackson. Error messages name the type and JSON path, never the payload:
 * Jackson's own messages can quote values, which may be tokens.
 */
public final class JacksonCodec implements JsonCodec {
  private static final JacksonCodec INSTANCE = new JacksonCodec();

  private final ObjectMapper mapper;

  private JacksonCodec() {
    this.mapper = JsonMapper.builder()
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
