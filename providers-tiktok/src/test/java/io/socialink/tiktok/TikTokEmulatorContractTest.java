package io.socialink.tiktok;

import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.publish.MediaContent;
import io.socialink.publish.Post;
import io.socialink.testkit.PlatformProviderContractTest;
import io.socialink.testkit.tiktok.TikTokEmulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The provider contract, through the public Socialink API, against the TikTok emulator: for a Login Kit
 * (consumer) account, which publishes a video to the user's inbox, and for a TikTok API for Business
 * account, whose scheme manages accounts and does not publish.
 */
class TikTokEmulatorContractTest {
  static TikTokEmulator tiktok;

  @BeforeAll
  static void startEmulator() {
    tiktok = TikTokEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    tiktok.close();
  }

  static TikTokProvider provider() {
    return TikTokProvider.builder().endpoints(TikTokEndpoints.of(tiktok.authorizeUri(), tiktok.apiBaseUri(),
        tiktok.apiBaseUri())).build();
  }

  /** A Login Kit account: form-encoded OAuth with hex PKCE, the Open API's user info. */
  @Nested
  class LoginKit extends PlatformProviderContractTest {
    @Override
    protected Socialink newSocialink() {
      return Socialink.builder().register(provider())
          .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(),
              TikTokEmulator.CLIENT_KEY, Secret.of(TikTokEmulator.CLIENT_SECRET), TikTokEmulator.REDIRECT_URI))
          .build();
    }

    @Override
    protected String platformId() {
      return TikTokProvider.ID;
    }

    @Override
    protected String schemeId() {
      return TikTokProvider.LOGIN_KIT.id();
    }

    @Override
    protected List<String> scopes() {
      return List.of("user.info.basic", "user.info.profile", "video.list", "video.upload");
    }

    /** TikTok takes exactly one video; a few bytes go whole, in one chunk. */
    @Override
    protected Post samplePost() {
      return new Post("", List.of(MediaContent.ofBytes("video/mp4",
          ("contract video " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    protected URI consent(URI authorizationUrl) {
      return tiktok.consent(authorizationUrl);
    }

    @Override
    protected long tokenRequests() {
      return tiktok.count("POST", "/v2/oauth/token/");
    }

  }

  /** A TikTok API for Business account: JSON OAuth without PKCE, the envelope with codes, token info. */
  @Nested
  class Business extends PlatformProviderContractTest {
    @Override
    protected Socialink newSocialink() {
      return Socialink.builder().register(provider())
          .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.BUSINESS_ACCOUNTS.id(),
              TikTokEmulator.BUSINESS_APP_ID, Secret.of(TikTokEmulator.BUSINESS_APP_SECRET), TikTokEmulator.REDIRECT_URI))
          .build();
    }

    @Override
    protected String platformId() {
      return TikTokProvider.ID;
    }

    @Override
    protected String schemeId() {
      return TikTokProvider.BUSINESS_ACCOUNTS.id();
    }

    @Override
    protected List<String> scopes() {
      return List.of("user.info.basic", "video.list", "video.publish");
    }

    @Override
    protected URI consent(URI authorizationUrl) {
      return tiktok.consent(authorizationUrl);
    }

    @Override
    protected long tokenRequests() {
      return tiktok.count("POST", "/open_api/v1.3/tt_user/oauth2/token/");
    }

    @Override
    protected boolean publishes() {
      return false;
    }

    @Override
    protected boolean profileHasHandle() {
      return false;
    }
  }
}
