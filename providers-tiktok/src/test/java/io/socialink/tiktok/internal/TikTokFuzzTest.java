package io.socialink.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.fuzz.Fuzz;
import io.socialink.fuzz.Mutator;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.tiktok.TikTokProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of TikTok's error bodies (Display, Content Posting, OAuth and Business shapes) and headers. */
class TikTokFuzzTest {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant LATEST = NOW.plus(Duration.ofDays(1));
  static final PlatformRegistry REGISTRY = PlatformRegistry.builder().register(new TikTokProvider()).build();

  /** Classifies as Socialink does, at {@code NOW}, with no transport behind it. */
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(REGISTRY, NOW);
  static final List<byte[]> BODIES = Fuzz.jsonSeeds(TikTokFuzzTest.class, "/tiktok");

  /** The public classify path; the one place to re-point if it moves. */
  static Optional<Classification> classify(int status, Map<String, List<String>> headers, byte[] body) {
    return CLASSIFIER.platforms().classify("tiktok", status, headers, body);
  }

  record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  static Answer answer(Mutator m) {
    int status = m.chance(0.7) ? m.pick(List.of(200, 400, 401, 403, 429, 500, 503)) : m.between(100, 599);
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (m.chance(0.4)) {
      h.put("retry-after", List.of(m.chance(0.6) ? m.headerValue() : m.mutate("60")));
    }
    if (m.chance(0.3)) {
      h.put("x-tt-logid", List.of(m.mutate("202206221854370101130062072500FFA2")));
    }
    return new Answer(status, h, m.mutate(m.pick(BODIES)));
  }

  @Test
  void responses() {
    TikTokResponseInterpreter interpreter = new TikTokResponseInterpreter(TikTokJson.INSTANCE, List.of());
    Fuzz.run("tiktok classify", 2_000, t -> false, TikTokFuzzTest::answer, a -> {
      classify(a.status(), a.headers(), a.body()).ifPresent(c -> {
        c.retryAt().ifPresent(at -> assertThat(at).isBeforeOrEqualTo(LATEST));
        Fuzz.assertOneLine("message", c.message(), 1_000);
        c.platformCode().ifPresent(code -> Fuzz.assertOneLine("platform code", code, 301));
        c.requestId().ifPresent(id -> Fuzz.assertOneLine("request id", id, 301));
      });
      interpreter.rateLimits("video.list", new ApiResponse(a.status(), new Headers(a.headers()), a.body()), NOW)
          .forEach(o -> assertThat(o.resetAt()).isBeforeOrEqualTo(LATEST));
    });
  }
}
