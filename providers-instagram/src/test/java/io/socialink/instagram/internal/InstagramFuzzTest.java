package io.socialink.instagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.fuzz.Fuzz;
import io.socialink.fuzz.Mutator;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.instagram.InstagramProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Seeded fuzzing of Meta's error bodies and usage, date and retry headers. */
class InstagramFuzzTest {
  static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
  static final Instant LATEST = NOW.plus(Duration.ofDays(1));
  static final PlatformRegistry REGISTRY = PlatformRegistry.builder().register(new InstagramProvider()).build();

  /** Classifies as Socialink does, at {@code NOW}, with no transport behind it. */
  static final Socialink CLASSIFIER = io.socialink.fuzz.Classifiers.at(REGISTRY, NOW);
  static final List<byte[]> BODIES = Fuzz.jsonSeeds(InstagramFuzzTest.class, "/instagram");
  static final String APP_USAGE = Fixtures.header("x-app-usage.json");
  static final String BUC_USAGE = Fixtures.header("x-business-use-case-usage.json");

  /** The public classify path; the one place to re-point if it moves. */
  static Optional<Classification> classify(int status, Map<String, List<String>> headers, byte[] body) {
    return CLASSIFIER.platforms().classify("instagram", status, headers, body);
  }

  record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

  static Answer answer(Mutator m) {
    int status = m.chance(0.7) ? m.pick(List.of(200, 400, 403, 429, 500)) : m.between(100, 599);
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (m.chance(0.5)) {
      h.put("x-app-usage", List.of(m.mutate(APP_USAGE)));
    }
    if (m.chance(0.6)) {
      h.put("x-business-use-case-usage", List.of(m.mutate(BUC_USAGE)));
    }
    if (m.chance(0.5)) {
      h.put("date", List.of(m.chance(0.5) ? m.httpDate() : m.mutate("Tue, 01 Sep 2026 10:00:00 GMT")));
    }
    if (m.chance(0.3)) {
      h.put("retry-after", List.of(m.headerValue()));
    }
    if (m.chance(0.3)) {
      h.put("x-fb-trace-id", List.of(m.mutate("A1x4AppLim")));
    }
    return new Answer(status, h, m.mutate(m.pick(BODIES)));
  }

  @Test
  void responses() {
    GraphResponseInterpreter interpreter = new GraphResponseInterpreter();
    Fuzz.run("instagram classify", 1_500, t -> false, InstagramFuzzTest::answer, a -> {
      classify(a.status(), a.headers(), a.body()).ifPresent(c -> {
        c.retryAt().ifPresent(at -> assertThat(at).isBeforeOrEqualTo(LATEST));
        Fuzz.assertOneLine("message", c.message(), 1_500);
        Fuzz.assertOneLine("remediation", c.remediation(), 1_500);
        c.platformCode().ifPresent(code -> Fuzz.assertOneLine("platform code", code, 301));
        c.requestId().ifPresent(id -> Fuzz.assertOneLine("request id", id, 301));
      });
      interpreter.rateLimits("media.publish", new ApiResponse(a.status(), new Headers(a.headers()), a.body()), NOW)
          .forEach(o -> assertThat(o.resetAt()).isBeforeOrEqualTo(LATEST));
    });
  }
}
