package io.socialink.x.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.TokenResponse;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.x.XEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Numbers in X's token answers that no token has: ignored, never truncated or overflowing. */
class XOAuthTokenTest {
  static TokenResponse exchange(String json) {
    AppCredentials credentials = AppCredentials.confidential("x", "oauth2", "client-1", Secret.of("client-secret"),
        URI.create("https://app.example/callback"));
    ApiResponse response = ApiResponse.of(200, Headers.empty(), json);
    XOAuth oauth = new XOAuth(XEndpoints.defaults(), credentials, new XCalls(call -> response, "client-1"),
        MapJson.INSTANCE);
    return oauth.exchange(new CodeExchange(Secret.of("code-1"), URI.create("https://app.example/callback"),
        Pkce.s256(Secret.of("v".repeat(43)))));
  }

  static String token(String expiresIn) {
    return "{\"token_type\":\"bearer\",\"access_token\":\"a\",\"expires_in\":" + expiresIn + "}";
  }

  @Test
  void aSaneLifetimeIsKept() {
    assertThat(exchange(token("7200")).expiresIn()).contains(Duration.ofHours(2));
    assertThat(exchange(token("\"7200\"")).expiresIn()).contains(Duration.ofHours(2));
  }

  @Test
  void anAbsurdLifetimeIsIgnoredSoTheGrantsExpiryCannotOverflow() {
    for (String absurd : new String[] {"9223372036854775807", "315360001", "1e30", "18446744073709551616", "7200.5"}) {
      assertThat(exchange(token(absurd)).expiresIn()).as(absurd).isEmpty();
    }
  }

  @Test
  void aV1CodeBeyondIntIsNotReadByItsLowBits() {
    assertThat(XResponseInterpreter.v1Category(88)).contains(ErrorCategory.RATE_LIMITED);
    assertThat(XResponseInterpreter.v1Category(88L + (1L << 32))).isEqualTo(Optional.empty());
  }
}
