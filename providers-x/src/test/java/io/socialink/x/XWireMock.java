package io.socialink.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.testkit.TestClock;
import io.socialink.testkit.x.XPayloads;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared set-up of the WireMock tests: fixtures from the documented payloads, a Socialink pointed at WireMock. */
final class XWireMock {
  static final String CLIENT_ID = "rG9n6402A3dbUJKzXTNX4oWHJ";
  static final String CLIENT_SECRET = "planted-client-secret-6c1f";
  static final URI REDIRECT = URI.create("https://www.example.com/callback");

  private XWireMock() {}

  static WireMockExtension extension() {
    return WireMockExtension.newInstance()
        .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort().jettyAcceptors(1))
        .build();
  }

  /** A JSON answer whose body is a documented X payload. */
  static ResponseDefinitionBuilder fixture(int status, String payload) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(XPayloads.text(payload));
  }

  static XEndpoints endpoints(WireMockExtension wm) {
    return XEndpoints.of(URI.create(wm.baseUrl() + "/i/oauth2/authorize"), URI.create(wm.baseUrl()));
  }

  static TestClock clock() {
    return TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  }

  static Socialink socialink(WireMockExtension wm, AppCredentials credentials, TestClock clock) {
    return socialink(XProvider.withEndpoints(endpoints(wm)), credentials, clock);
  }

  static Socialink socialink(XProvider provider, AppCredentials credentials, TestClock clock) {
    return Socialink.builder().register(provider).credentials(credentials).clock(clock).build();
  }

  static AppCredentials confidential() {
    return AppCredentials.confidential(XProvider.ID, XProvider.OAUTH2.id(), CLIENT_ID, Secret.of(CLIENT_SECRET), REDIRECT);
  }

  static AppCredentials publicClient() {
    return AppCredentials.publicClient(XProvider.ID, XProvider.OAUTH2.id(), CLIENT_ID, REDIRECT);
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
