package io.socialink.tiktok;

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
 * {@code src/test/resources/tiktok/}, see their {@code SOURCES.md}) and a Socialink whose TikTok
 * provider talks to WireMock, with a recording sleeper and retries off so every test is fast and
 * deterministic.
 */
final class TikTokWireMock {
  static final String CLIENT_KEY = "client-key-1";
  static final String CLIENT_SECRET = "planted-client-secret-7d2e";
  static final String APP_ID = "app_id";
  static final String APP_SECRET = "planted-app-secret-91ab";
  static final URI REDIRECT = URI.create("https://app.example/tiktok/callback/");
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String OPEN_ID = "afd97af1-b87b-48b9-ac98-410aghda5344";

  private TikTokWireMock() {}

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
    try (InputStream in = TikTokWireMock.class.getResourceAsStream("/tiktok/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture tiktok/" + fixture);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON answer whose body is a documented payload. */
  static ResponseDefinitionBuilder fixture(int status, String fixture) {
    return json(status, text(fixture));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static TikTokEndpoints endpoints(WireMockExtension wm) {
    return TikTokEndpoints.of(URI.create(wm.baseUrl() + "/v2/auth/authorize/"), URI.create(wm.baseUrl()),
        URI.create(wm.baseUrl()));
  }

  static TikTokProvider.Builder provider(WireMockExtension wm) {
    return TikTokProvider.builder().endpoints(endpoints(wm));
  }

  static TestClock clock() {
    return TestClock.at(NOW);
  }

  static AppCredentials loginKit() {
    return AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), CLIENT_KEY,
        Secret.of(CLIENT_SECRET), REDIRECT);
  }

  static AppCredentials business() {
    return AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(), APP_ID,
        Secret.of(APP_SECRET), REDIRECT);
  }

  static Socialink socialink(TikTokProvider provider, TestClock clock, AppCredentials... credentials) {
    return socialink(provider, clock, new RecordingSleeper(), credentials);
  }

  static Socialink socialink(TikTokProvider provider, TestClock clock, RecordingSleeper sleeper,
      AppCredentials... credentials) {
    Socialink.Builder b = Socialink.builder().register(provider).clock(clock).sleeper(sleeper)
        .resilience(ResilienceSettings.ofDefaults().withRetry(RetryPolicy.disabled())
            .withCircuitBreaker(CircuitBreakerPolicy.disabled()));
    for (AppCredentials c : credentials) {
      b.credentials(c);
    }
    return b.build();
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
