package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.ResilienceSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.testkit.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared set-up of the WireMock tests: fixtures (the documented payloads under
 * {@code src/test/resources/instagram/}, see their {@code SOURCES.md}) and a Socialink whose Instagram
 * provider talks to WireMock for all three hosts, with a recording sleeper and retries off.
 */
final class InstagramWireMock {
  static final String APP_ID = "990602627938098";
  static final String APP_SECRET = "planted-instagram-app-secret-4c1d";
  static final URI REDIRECT = URI.create("https://my.m.redirect.net/");
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String IG_ID = "17841400000000000";

  private InstagramWireMock() {}

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(WireMockConfiguration.wireMockConfig().dynamicPort().jettyAcceptors(1))
        .build();
  }

  /** Waits recorded instead of slept. */
  static final class RecordingSleeper implements io.socialink.spi.Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  static String text(String fixture) {
    try (InputStream in = InstagramWireMock.class.getResourceAsStream("/instagram/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture instagram/" + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder fixture(int status, String fixture) {
    return json(status, text(fixture));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static InstagramProvider provider(WireMockExtension wm) {
    return InstagramProvider.builder().endpoints(InstagramEndpoints.of(URI.create(wm.baseUrl() + "/oauth/authorize"),
        URI.create(wm.baseUrl()), URI.create(wm.baseUrl()))).build();
  }

  static TestClock clock() {
    return TestClock.at(NOW);
  }

  static AppCredentials credentials() {
    return AppCredentials.confidential(InstagramProvider.ID, InstagramProvider.INSTAGRAM_LOGIN.id(), APP_ID,
        Secret.of(APP_SECRET), REDIRECT);
  }

  static Socialink socialink(InstagramProvider provider, TestClock clock, RecordingSleeper sleeper,
      AppCredentials credentials) {
    return Socialink.builder().register(provider).clock(clock).sleeper(sleeper)
        .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled())
            .withCircuitBreaker(CircuitBreakerPolicy.disabled()))
        .credentials(credentials).build();
  }

  static Map<String, String> form(LoggedRequest r) {
    return query(r.getBodyAsString());
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
