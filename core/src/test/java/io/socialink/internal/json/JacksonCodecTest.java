package io.socialink.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.http.MalformedPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codec's read limits: a hostile body fails fast as malformed instead of costing time and memory. */
class JacksonCodecTest {
  final JacksonCodec codec = JacksonCodec.instance();

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void nestingDeeperThanTheLimitIsMalformed() {
    int depth = JacksonCodec.MAX_NESTING_DEPTH + 1;
    String deep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    assertThatThrownBy(() -> codec.readObject(utf8(deep))).isInstanceOf(MalformedPayloadException.class);
    String ok = "{\"a\":" + "[".repeat(depth - 2) + "]".repeat(depth - 2) + "}";
    assertThat(codec.readObject(utf8(ok))).containsKey("a");
  }

  @Test
  void numbersLongerThanTheLimitAreMalformed() {
    String huge = "{\"n\":" + "9".repeat(JacksonCodec.MAX_NUMBER_LENGTH + 1) + "}";

    assertThatThrownBy(() -> codec.readObject(utf8(huge))).isInstanceOf(MalformedPayloadException.class);
    assertThat(codec.readObject(utf8("{\"n\":12345678901234567890}"))).containsKey("n");
  }

  @Test
  void stringsLongerThanTheLimitAreMalformed() {
    String huge = "{\"s\":\"" + "x".repeat(JacksonCodec.MAX_STRING_LENGTH + 1) + "\"}";

    assertThatThrownBy(() -> codec.readObject(utf8(huge))).isInstanceOf(MalformedPayloadException.class)
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void namesLongerThanTheLimitAreMalformed() {
    String huge = "{\"" + "k".repeat(JacksonCodec.MAX_NAME_LENGTH + 1) + "\":1}";

    assertThatThrownBy(() -> codec.readObject(utf8(huge))).isInstanceOf(MalformedPayloadException.class);
  }

  @Test
  void typedReadsHaveTheSameLimits() {
    int depth = JacksonCodec.MAX_NESTING_DEPTH + 1;
    String deep = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    assertThatThrownBy(() -> codec.read(utf8(deep), Map.class)).isInstanceOf(MalformedPayloadException.class);
  }
}
