package io.socialink.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public policy records: defaults, builders, and validation messages that name the field. */
class PolicyRecordsTest {
  @Test
  void retryPolicyDefaultsAndBuilder() {
    RetryPolicy d = RetryPolicy.ofDefaults();
    assertThat(d.maxAttempts()).isEqualTo(3);
    assertThat(d.throttledBase()).isGreaterThan(d.transientBase());
    assertThat(RetryPolicy.disabled().maxAttempts()).isEqualTo(1);
    RetryPolicy custom = RetryPolicy.custom().maxAttempts(5).transientBase(Duration.ofMillis(50)).build();
    assertThat(custom.maxAttempts()).isEqualTo(5);
    assertThat(custom.transientBase()).isEqualTo(Duration.ofMillis(50));
    assertThat(custom.toBuilder().build()).isEqualTo(custom);
  }

  @Test
  void retryPolicyValidationNamesTheField() {
    assertThatThrownBy(() -> RetryPolicy.custom().maxAttempts(0)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RetryPolicy.custom().transientBase(Duration.ZERO)).hasMessageContaining("transientBase");
    assertThatThrownBy(() -> RetryPolicy.custom().throttledBase(Duration.ofSeconds(-1)))
        .hasMessageContaining("throttledBase");
    assertThatThrownBy(() -> RetryPolicy.custom().maxBackoff(Duration.ofMillis(10)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> new RetryPolicy(3, null, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("transientBase");
  }

  @Test
  void circuitBreakerPolicyDefaultsAndValidation() {
    assertThat(CircuitBreakerPolicy.ofDefaults().enabled()).isTrue();
    assertThat(CircuitBreakerPolicy.disabled().enabled()).isFalse();
    assertThatThrownBy(() -> CircuitBreakerPolicy.custom().failureRateThreshold(0))
        .hasMessageContaining("failureRateThreshold");
    assertThatThrownBy(() -> CircuitBreakerPolicy.custom().slidingWindowSize(5).minimumNumberOfCalls(6).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumNumberOfCalls");
    assertThatThrownBy(() -> CircuitBreakerPolicy.custom().waitInOpenState(Duration.ZERO))
        .hasMessageContaining("waitInOpenState");
    assertThatThrownBy(() -> CircuitBreakerPolicy.custom().permittedCallsInHalfOpenState(0))
        .hasMessageContaining("permittedCallsInHalfOpenState");
  }

  @Test
  void overridesReplaceTheProviderPolicyOfTheSameGroupAndScopeAndAddOthers() {
    RateLimitPolicy defaultUser = RateLimitPolicy.perUser("tweets.create", 100, Duration.ofMinutes(15));
    RateLimitPolicy defaultApp = RateLimitPolicy.perApp("tweets.create", 10_000, Duration.ofHours(24));
    RateLimitPolicy override = RateLimitPolicy.perUser("tweets.create", 50, Duration.ofMinutes(15));
    RateLimitPolicy extra = RateLimitPolicy.perApp("*", 1000, Duration.ofMinutes(1));
    RateLimitSettings settings = RateLimitSettings.custom().override("x", override).override("x", extra).build();

    assertThat(settings.policiesFor("x", List.of(defaultUser, defaultApp))).containsExactly(defaultApp, override, extra);
    assertThat(settings.policiesFor("tiktok", List.of(defaultUser))).containsExactly(defaultUser);
    assertThat(RateLimitSettings.custom().ignoreDefaults("x").build().policiesFor("x", List.of(defaultUser))).isEmpty();
  }

  @Test
  void aLaterOverrideForTheSameKeyWins() {
    RateLimitPolicy first = RateLimitPolicy.perUser("me", 10, Duration.ofMinutes(1));
    RateLimitPolicy second = RateLimitPolicy.perUser("me", 20, Duration.ofMinutes(1));
    assertThat(RateLimitSettings.custom().override("x", first).override("x", second).build().overrides().get("x"))
        .containsExactly(second);
  }

  @Test
  void settingsRefuseTwoPoliciesForOneKey() {
    RateLimitPolicy a = RateLimitPolicy.perUser("me", 10, Duration.ofMinutes(1));
    assertThatThrownBy(() -> new RateLimitSettings(Map.of("x", List.of(a, a)), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overrides");
  }

  @Test
  void observationFactories() {
    Instant reset = Instant.parse("2026-01-01T00:15:00Z");
    assertThat(RateLimitObservation.exhausted("*", RateLimitScope.PER_APP, reset).exhausted()).isTrue();
    RateLimitObservation usage = RateLimitObservation.ofUsage("*", RateLimitScope.PER_USER, 80, 95, reset);
    assertThat(usage.remaining()).isEqualTo(15);
    assertThat(usage.limit()).hasValue(100);
    assertThat(RateLimitObservation.ofUsage("*", RateLimitScope.PER_USER, 100, 95, reset).exhausted()).isTrue();
    assertThatThrownBy(() -> RateLimitObservation.ofUsage("*", RateLimitScope.PER_USER, 10, 0, reset))
        .hasMessageContaining("holdAtPercent");
    assertThatThrownBy(() -> RateLimitObservation.exhausted("Bad Group", RateLimitScope.PER_APP, reset))
        .hasMessageContaining("endpointGroup");
  }

  @Test
  void endpointGroupSyntaxMatchesTheDocumentedPattern() {
    java.util.regex.Pattern documented = java.util.regex.Pattern.compile("\\*|[a-z0-9][a-z0-9._/-]{0,63}");
    java.util.Random random = new java.util.Random(42);
    String alphabet = "az09._/-*A Z";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(i % 100 == 0 ? 70 : 8);
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String g = b.toString();
      assertThat(EndpointGroups.valid(g)).as(g).isEqualTo(documented.matcher(g).matches());
    }
    assertThat(EndpointGroups.valid("users.me")).isTrue();
    assertThat(EndpointGroups.valid("a".repeat(64))).isTrue();
    assertThat(EndpointGroups.valid("a".repeat(65))).isFalse();
  }

  @Test
  void rateLimitPoliciesAreFixedUnlessMadeSliding() {
    RateLimitPolicy fixed = RateLimitPolicy.perApp("user.info", 600, Duration.ofMinutes(1));
    RateLimitPolicy sliding = fixed.sliding();

    assertThat(fixed.windowKind()).isEqualTo(RateLimitWindow.FIXED);
    assertThat(new RateLimitPolicy("user.info", RateLimitScope.PER_APP, 600, Duration.ofMinutes(1))).isEqualTo(fixed);
    assertThat(sliding).isEqualTo(new RateLimitPolicy("user.info", RateLimitScope.PER_APP, 600, Duration.ofMinutes(1),
        RateLimitWindow.SLIDING));
    assertThat(sliding).isNotEqualTo(fixed);
    assertThat(sliding.fixed()).isEqualTo(fixed);
    assertThat(RateLimitPolicy.perUser("me", 6, Duration.ofMinutes(1)).sliding().scope()).isEqualTo(RateLimitScope.PER_USER);
  }

  @Test
  void rateLimitPolicyValidatesItsWindowKind() {
    assertThatThrownBy(() -> new RateLimitPolicy("me", RateLimitScope.PER_APP, 1, Duration.ofMinutes(1), null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("windowKind");
    assertThatThrownBy(() -> RateLimitPolicy.perApp("me", 1, Duration.ofNanos(999_999)).sliding())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sliding window must be at least 1 ms");
    assertThat(RateLimitPolicy.perApp("me", 1, Duration.ofNanos(999_999)).windowKind()).isEqualTo(RateLimitWindow.FIXED);
  }

  @Test
  void anOverrideReplacesTheDefaultWhateverItsWindowKind() {
    RateLimitPolicy tiktok = RateLimitPolicy.perApp("user.info", 600, Duration.ofMinutes(1)).sliding();
    RateLimitPolicy mine = RateLimitPolicy.perApp("user.info", 300, Duration.ofMinutes(1));

    List<RateLimitPolicy> merged = RateLimitSettings.custom().override("tiktok", mine).build()
        .policiesFor("tiktok", List.of(tiktok));

    assertThat(merged).containsExactly(mine);
  }
}
