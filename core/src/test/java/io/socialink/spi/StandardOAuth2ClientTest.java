package io.socialink.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.http.ApiCall;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardOAuth2ClientTest {
  private static final URI REDIRECT = URI.create("https://app.example/callback");
  private static final String VERIFIER = "gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns";

  static final class Minimal extends StandardOAuth2Client {
    Minimal(StandardOAuth2 oauth) {
      super(oauth);
    }

    @Override
    public Account profile(Grant grant) {
      return Account.of("pebble", oauth().readObject(oauth().get("me", URI.create("https://api.example/me"), grant),
          "a profile").get("id").toString());
    }
  }

  @Test
  void aSubclassWritesOnlyItsOwnApiAndTheFlowDoesTheRest() {
    AppCredentials credentials = AppCredentials.confidential("pebble", "oauth2", "client-1", Secret.of("cs-1"), REDIRECT);
    StandardOAuth2Test.Script script = new StandardOAuth2Test.Script()
        .answer(200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\"}")
        .answer(200, "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\"}")
        .answer(200, "{\"id\":\"42\"}")
        .answer(200, "")
        .answer(200, "");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(StandardOAuth2Test.context(credentials, script),
        OAuth2Endpoints.of(URI.create("https://auth.example/authorize"), URI.create("https://api.example/token"),
            URI.create("https://api.example/revoke"))).build();
    Minimal client = new Minimal(oauth);
    Pkce pkce = client.pkce(Secret.of(VERIFIER));
    Grant grant = new Grant("g-1", "owner-1", Account.of("pebble", "42"), "oauth2", "client-1", Secret.of("at-1"),
        Optional.of(Secret.of("rt-1")), Set.of(), "bearer", Instant.parse("2026-03-01T09:00:00Z"), Optional.empty(),
        Optional.empty(), 0);

    AuthorizationRequest request = new AuthorizationRequest(REDIRECT, List.of("profile"), "s-1", pkce, Map.of());
    assertThat(client.authorizationUrl(request)).isEqualTo(oauth.authorizationUrl(request));
    assertThat(client.credentials()).isSameAs(credentials);
    assertThat(client.exchangeCode(new CodeExchange(Secret.of("code-1"), REDIRECT, pkce)).accessToken().reveal())
        .isEqualTo("at-1");
    assertThat(client.refresh(grant).refreshToken()).map(Secret::reveal).contains("rt-2");
    assertThat(client.profile(grant).userId()).isEqualTo("42");
    assertThat(client.revoke(grant)).isEqualTo(Revocation.REVOKED);
    assertThat(script.calls).extracting(ApiCall::endpointGroup)
        .containsExactly("oauth.token", "oauth.token", "me", "oauth.revoke", "oauth.revoke");
  }
}
