package io.socialink.internal.json;

import io.socialink.fuzz.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of core's JSON codec: anything not JSON of the asked shape is a MalformedPayloadException. */
class JacksonCodecFuzzTest {
  static final List<String> SEEDS = List.of(
      "{\"access_token\":\"abc\",\"refresh_token\":\"def\",\"expires_in\":7200,\"scope\":\"tweet.read users.read\","
          + "\"token_type\":\"bearer\"}",
      "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\",\"username\":\"XDevelopers\"}}",
      "{\"name\":\"n\",\"count\":3,\"tags\":[\"a\",\"b\"],\"at\":\"2026-11-30T12:00:00Z\",\"delay\":\"PT5S\","
          + "\"note\":null}");

  /** A typed target: numbers, lists, times and optionals, as core's stored rows have. */
  record Sample(String name, long count, List<String> tags, Instant at, Duration delay, Optional<String> note) {}

  @Test
  void payloads() {
    JacksonCodec codec = JacksonCodec.instance();
    Fuzz.run("core JSON codec", 2_000, Fuzz.DOCUMENTED,
        m -> List.of(m.mutate(m.pick(SEEDS)).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) m.nextInt(3)}),
        in -> {
          byte[] json = in.get(0);
          switch (in.get(1)[0]) {
            case 0:
              codec.readObject(json);
              break;
            case 1:
              codec.read(json, Map.class);
              break;
            default:
              codec.read(json, Sample.class);
          }
        });
  }
}
