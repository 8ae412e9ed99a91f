package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.publish.MediaContent;
import io.socialink.spi.ProviderContext;
import io.socialink.tiktok.internal.TikTokJson;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every client call goes through {@link ProviderContext#calls()} with its endpoint group of
 * {@link TikTokEndpointGroups}, the right idempotency, the client key as app key and the grant's
 * account as user key. A recording executor stands in for the pipeline.
 */
class TikTokCallKeysTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  static final String OK = "{\"data\":{},\"error\":{\"code\":\"ok\"}}";

  final List<ApiCall> calls = new ArrayList<>();
  final Map<String, String> answers = Map.ofEntries(
      Map.entry(TikTokEndpointGroups.OAUTH_TOKEN, TikTokWireMock.text("oauth/token-ok.json")),
      Map.entry(TikTokEndpointGroups.OAUTH_REVOKE, "{}"),
      Map.entry(TikTokEndpointGroups.USER_INFO, TikTokWireMock.text("v2/user-info-ok.json")),
      Map.entry(TikTokEndpointGroups.VIDEO_LIST, TikTokWireMock.text("v2/video-list-ok.json")),
      Map.entry(TikTokEndpointGroups.POST_CREATOR_INFO, TikTokWireMock.text("post/creator-info-ok.json")),
      Map.entry(TikTokEndpointGroups.POST_VIDEO_INIT, TikTokWireMock.text("post/video-init-ok.json")),
      Map.entry(TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, TikTokWireMock.text("post/inbox-init-ok.json")),
      Map.entry(TikTokEndpointGroups.VIDEO_UPLOAD, ""),
      Map.entry(TikTokEndpointGroups.POST_STATUS_FETCH, TikTokWireMock.text("post/status-publish-complete.json")),
      Map.entry(TikTokEndpointGroups.BUSINESS_TOKEN, TikTokWireMock.text("business/token-ok.json")),
      Map.entry(TikTokEndpointGroups.BUSINESS_REFRESH, TikTokWireMock.text("business/refresh-ok.json")),
      Map.entry(TikTokEndpointGroups.BUSINESS_REVOKE, TikTokWireMock.text("business/revoke-ok.json")),
      Map.entry(TikTokEndpointGroups.BUSINESS_TOKEN_INFO, TikTokWireMock.text("business/token-info-ok.json")),
      Map.entry(TikTokEndpointGroups.MARKETING_REVOKE, TikTokWireMock.text("business/advertiser-revoke-ok.json")),
      Map.entry(TikTokEndpointGroups.BC_ASSET_DELETE, TikTokWireMock.text("business/bc-ok.json")),
      Map.entry(TikTokEndpointGroups.BC_ASSET_UNASSIGN, TikTokWireMock.text("business/bc-ok.json")),
      Map.entry(TikTokEndpointGroups.BC_MEMBER_DELETE, TikTokWireMock.text("business/bc-ok.json")),
      Map.entry(TikTokEndpointGroups.BC_PARTNER_ASSET_DELETE, TikTokWireMock.text("business/bc-ok.json")));

  ProviderContext context(AppCredentials credentials) {
    CallExecutor executor = call -> {
      calls.add(call);
      String body = answers.get(call.endpointGroup());
      if (body == null) {
        throw new AssertionError("unexpected group " + call.endpointGroup());
      }
      return ApiResponse.of(200, Headers.empty(), body);
    };
    return new ProviderContext() {
      public Platform platform() {
        return new TikTokProvider().platform();
      }

      public AppCredentials credentials() {
        return credentials;
      }

      public CallExecutor calls() {
        return executor;
      }

      public JsonCodec json() {
        return TikTokJson.INSTANCE;
      }

      public Clock clock() {
        return CLOCK;
      }
    };
  }

  static Grant grant(String scheme) {
    return new Grant("g-1", "owner-1", Account.of("tiktok", "open-1"), scheme, "key", Secret.of("act.1"),
        Optional.of(Secret.of("rft.1")), Set.of("user.info.basic"), "Bearer", CLOCK.instant(), Optional.empty(),
        Optional.empty(), 0);
  }

  record Seen(String group, Idempotency idempotency, Optional<String> userKey) {}

  List<Seen> seen() {
    calls.forEach(c -> assertThat(c.platformId()).isEqualTo("tiktok"));
    return calls.stream().map(c -> new Seen(c.endpointGroup(), c.idempotency(), c.userKey())).toList();
  }

  @Test
  void loginKitCalls() {
    AppCredentials creds = TikTokWireMock.loginKit();
    TikTokProvider provider = new TikTokProvider();
    assertThat(provider.createClient(context(creds))).isExactlyInstanceOf(TikTokClient.class);
    TikTokClient c = new TikTokClient(context(creds), provider);
    Grant g = grant("login-kit");
    Optional<String> user = Optional.of("tiktok:open-1");
    Secret verifier = Secret.of("gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns");

    c.exchangeCode(new CodeExchange(Secret.of("code"), TikTokWireMock.REDIRECT, c.pkce(verifier)));
    c.refresh(g);
    c.revoke(g);
    c.user(g);
    c.videos(g, Optional.empty(), 5);
    c.creatorInfo(g);
    c.directPost(g, TikTokPostInfo.privatePost("x"), MediaContent.ofBytes("video/mp4", new byte[10]));
    c.uploadToInbox(g, MediaContent.ofBytes("video/mp4", new byte[10]));
    c.publishStatus(g, "p");

    assertThat(seen()).containsExactly(
        new Seen(TikTokEndpointGroups.OAUTH_TOKEN, Idempotency.NON_IDEMPOTENT, Optional.empty()),
        new Seen(TikTokEndpointGroups.OAUTH_TOKEN, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.OAUTH_REVOKE, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.USER_INFO, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.VIDEO_LIST, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.POST_CREATOR_INFO, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.POST_VIDEO_INIT, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.VIDEO_UPLOAD, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.POST_INBOX_VIDEO_INIT, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.VIDEO_UPLOAD, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.POST_STATUS_FETCH, Idempotency.IDEMPOTENT, user));
    assertThat(calls).allSatisfy(call -> assertThat(call.appKey()).isEqualTo(TikTokWireMock.CLIENT_KEY));
    assertThat(calls.get(7).request().uri()).isEqualTo(
        URI.create("https://open-upload.tiktokapis.com/video/?upload_id=67890&upload_token=Xza123"));
    assertThat(calls.get(3).request().uri().toString())
        .startsWith("https://open.tiktokapis.com/v2/user/info/?fields=open_id,");
  }

  @Test
  void businessCalls() {
    TikTokProvider provider = new TikTokProvider();
    AppCredentials creds = TikTokWireMock.business();
    assertThat(provider.createClient(context(creds))).isExactlyInstanceOf(TikTokBusinessClient.class);
    TikTokBusinessClient c = new TikTokBusinessClient(context(creds), provider);
    Grant g = grant("business-accounts");
    Optional<String> user = Optional.of("tiktok:open-1");

    c.exchangeCode(new CodeExchange(Secret.of("code"), TikTokWireMock.REDIRECT,
        Pkce.s256(Secret.of("gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns"))));
    c.refresh(g);
    c.revoke(g);
    c.tokenInfo(g);
    c.revokeAdvertiserAuthorization(Secret.of("m"));
    c.removeTikTokAccountFromBusinessCenter(g, "1", "2");
    c.unassignMemberAsset(g, "1", "3", TikTokBusinessAssetType.TT_ACCOUNT, "2");
    c.removeMember(g, "1", "3");
    c.stopSharingWithPartner(g, "1", "4", TikTokBusinessAssetType.PIXEL, "5");

    assertThat(seen()).containsExactly(
        new Seen(TikTokEndpointGroups.BUSINESS_TOKEN, Idempotency.NON_IDEMPOTENT, Optional.empty()),
        new Seen(TikTokEndpointGroups.BUSINESS_REFRESH, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.BUSINESS_REVOKE, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.BUSINESS_TOKEN_INFO, Idempotency.IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.MARKETING_REVOKE, Idempotency.NON_IDEMPOTENT, Optional.empty()),
        new Seen(TikTokEndpointGroups.BC_ASSET_DELETE, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.BC_ASSET_UNASSIGN, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.BC_MEMBER_DELETE, Idempotency.NON_IDEMPOTENT, user),
        new Seen(TikTokEndpointGroups.BC_PARTNER_ASSET_DELETE, Idempotency.NON_IDEMPOTENT, user));
    assertThat(calls).allSatisfy(call -> {
      assertThat(call.appKey()).isEqualTo(TikTokWireMock.APP_ID);
      assertThat(call.request().uri().toString()).startsWith("https://business-api.tiktok.com/open_api/v1.3/").endsWith("/");
    });
  }
}
