package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.internal.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {
  record Profile(String id, String name) {}

  @Test
  void aCopiedBodyIsTheCallersAndAnOwnedOneIsTakenAsItIs() {
    byte[] bytes = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
    ApiResponse copied = new ApiResponse(200, Headers.empty(), bytes);
    ApiResponse owned = ApiResponse.ofOwnedBody(200, Headers.empty(), bytes);
    bytes[2] = 'X';

    assertThat(copied.bodyText()).isEqualTo("{\"id\":\"1\"}");
    assertThat(owned.bodyText()).isEqualTo("{\"Xd\":\"1\"}");
    byte[] handedOut = copied.body();
    handedOut[0] = '[';
    assertThat(copied.bodyText()).startsWith("{");
  }

  @Test
  void aCodecReadsAResponseBodyAsTheBytesWouldBeRead() throws Exception {
    ApiResponse r = ApiResponse.of(200, Headers.empty(), "{\"id\":\"7\",\"name\":\"Ann\"}");
    JsonCodec jackson = JacksonCodec.instance();
    JsonCodec plain = new JsonCodec() {
      @Override
      public <T> T read(byte[] json, Class<T> type) {
        return jackson.read(json, type);
      }

      @Override
      public Map<String, Object> readObject(byte[] json) {
        return jackson.readObject(json);
      }

      @Override
      public byte[] write(Object value) {
        return jackson.write(value);
      }
    };

    assertThat(jackson.read(r, Profile.class)).isEqualTo(new Profile("7", "Ann"));
    assertThat(plain.read(r, Profile.class)).isEqualTo(new Profile("7", "Ann"));
    assertThat(jackson.readObject(r)).containsEntry("name", "Ann");
    assertThat(r.bodyStream().readAllBytes()).isEqualTo(r.body());
    assertThatThrownBy(() -> jackson.read(ApiResponse.of(200, Headers.empty(), ""), Profile.class))
        .isInstanceOf(MalformedPayloadException.class);
    assertThatThrownBy(() -> jackson.read(ApiResponse.of(200, Headers.empty(), "{\"id\":"), Profile.class))
        .isInstanceOf(MalformedPayloadException.class).hasMessageNotContaining("\"id\"");
  }

  @Test
  void headerNamesDifferingInCaseAreOneHeader() {
    Headers h = new Headers(Map.of("X-Rate-Limit-Remaining", List.of("1"), "x-rate-limit-remaining", List.of("2")));
    assertThat(h.all("x-rate-limit-remaining")).containsExactlyInAnyOrder("1", "2");
    assertThat(h.map()).hasSize(1);
  }
}
