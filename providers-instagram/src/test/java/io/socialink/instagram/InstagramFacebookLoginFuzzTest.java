package io.socialink.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.fuzz.Fuzz;
import io.socialink.fuzz.Mutator;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seeded fuzzing of the Facebook Login answers a link reads (the long-lived exchange, the token debug,
 * the Pages and the Instagram account): each case mutates one documented answer; the link either
 * succeeds with a well-formed grant or fails with a Socialink exception, never another one.
 */
class InstagramFacebookLoginFuzzTest {
  @RegisterExtension
  static WireMockExtension wm = InstagramFacebookLoginWireMockTest.wm;

  record Case(int which, String body) {}

  static final List<String> FIXTURES = List.of("facebook/long-lived-token.json", "facebook/debug-token.json",
      "facebook/me-accounts.json", "facebook/ig-user.json");

  static MappingBuilder target(int which) {
    return switch (which) {
      case 0 -> get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"));
      case 1 -> get(urlPathEqualTo("/v25.0/debug_token"));
      case 2 -> get(urlPathEqualTo("/v25.0/me/accounts"));
      default -> get(urlPathEqualTo("/v25.0/" + InstagramFacebookLoginWireMockTest.IG));
    };
  }

  @Test
  void linkingOnMutatedAnswers() {
    Socialink s = InstagramFacebookLoginWireMockTest.socialink(AppCredentials.confidential("instagram", "facebook-login",
        InstagramFacebookLoginWireMockTest.META_APP_ID, Secret.of(InstagramFacebookLoginWireMockTest.META_SECRET),
        URI.create("https://app.example/fb/cb")), Optional.empty());
    Fuzz.run("instagram facebook login", 200, Fuzz.DOCUMENTED, (Mutator m) -> {
      int which = m.nextInt(FIXTURES.size());
      return new Case(which, m.mutate(InstagramWireMock.text(FIXTURES.get(which))));
    }, c -> {
      wm.resetAll();
      InstagramFacebookLoginWireMockTest.stubLink("facebook/long-lived-token.json");
      wm.stubFor(target(c.which()).atPriority(1).willReturn(InstagramWireMock.json(200, c.body())));
      Grant g = InstagramFacebookLoginWireMockTest.complete(s).grant();
      assertThat(g.account().userId()).matches("[0-9]{1,40}");
      assertThat(g.accessToken().reveal()).isNotBlank();
      assertThat(g.refreshToken()).isEmpty();
    });
  }
}
