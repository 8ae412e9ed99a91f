package io.socialink.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.TokenResponse;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.internal.json.JacksonCodec;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardOAuth2Test {
  private static final Platform PEBBLE = Platform.of("pebble", "Pebble", Set.of(Capability.TOKEN_REVOCATION));
  private static final URI AUTHORIZE = URI.create("https://auth.example/oauth/authorize");
  private static final URI TOKEN = URI.create("https://api.example/oauth/token");
  private static final URI REVOKE = URI.create("https://api.example/oauth/revoke");
  private static final OAuth2Endpoints ENDPOINTS = OAuth2Endpoints.of(AUTHORIZE, TOKEN, REVOKE);
  private static final URI REDIRECT = URI.create("https://app.example/callback");
  private static final String VERIFIER = "gaeCq5mVvbhA8Ce6w5O9XBVIKMkySgv-_9A-rnhm9Ns";
  private static final String CLIENT_SECRET = "client-secret-value-123";
  private static final AppCredentials CONFIDENTIAL =
      AppCredentials.confidential("pebble", "oauth2", "client-1", Secret.of(CLIENT_SECRET), REDIRECT);

  /** Answers calls from a script and records them. */
  static final class Script implements CallExecutor {
    final List<ApiCall> calls = new ArrayList<>();
    final Deque<Object> answers = new ArrayDeque<>();

    Script answer(int status, String body) {
      answers.add(ApiResponse.of(status, Headers.empty(), body));
      return this;
    }

    Script fail(ErrorCategory category, int status) {
      answers.add(SocialinkException.of(Classification.of(category, "pebble", status, "scripted"), null, 1));
      return this;
    }

    @Override
    public ApiResponse execute(ApiCall call) {
      calls.add(call);
      Object next = answers.removeFirst();
      if (next instanceof SocialinkException e) {
        throw e;
      }
      return (ApiResponse) next;
    }

    Map<String, String> form(int i) {
      return decode(new String(calls.get(i).request().body(), StandardCharsets.UTF_8));
    }
  }

  static ProviderContext context(AppCredentials credentials, CallExecutor calls) {
    return new ProviderContext() {
      @Override
      public Platform platform() {
        return PEBBLE;
      }

      @Override
      public AppCredentials credentials() {
        return credentials;
      }

      @Override
      public CallExecutor calls() {
        return calls;
      }

      @Override
      public JsonCodec json() {
        return JacksonCodec.instance();
      }

      @Override
      public Clock clock() {
        return Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
      }
    };
  }

  static Map<String, String> decode(String formOrQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : formOrQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Grant grant(Optional<Secret> refresh) {
    return new Grant("g-1", "owner-1", Account.of("pebble", "42"), "oauth2", "client-1", Secret.of("access-token-1"),
        refresh, Set.of("profile"), "bearer", Instant.parse("2026-03-01T09:00:00Z"), Optional.empty(),
        Optional.empty(), 0);
  }

  private static AuthorizationRequest request(List<String> scopes, Pkce pkce, Map<String, String> extra) {
    return new AuthorizationRequest(REDIRECT, scopes, "state-1", pkce, extra);
  }

  private static CodeExchange exchange() {
    return new CodeExchange(Secret.of("code-abc"), REDIRECT, Pkce.s256(Secret.of(VERIFIER)));
  }

  // --- authorization URL

  @Test
  void rendersTheStandardAuthorizationUrlWithSpaceSeparatedScopes() {
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()), ENDPOINTS).build();
    Pkce pkce = Pkce.s256(Secret.of(VERIFIER));

    URI url = oauth.authorizationUrl(request(List.of("profile", "posts.read"), pkce, Map.of("prompt", "consent")));

    assertThat(url.toString()).startsWith("https://auth.example/oauth/authorize?response_type=code&client_id=client-1&")
        .contains("scope=profile%20posts.read").doesNotContain("+");
    assertThat(decode(url.getRawQuery())).containsExactly(Map.entry("response_type", "code"),
        Map.entry("client_id", "client-1"), Map.entry("redirect_uri", REDIRECT.toString()),
        Map.entry("scope", "profile posts.read"), Map.entry("state", "state-1"),
        Map.entry("code_challenge", pkce.challenge()), Map.entry("code_challenge_method", "S256"),
        Map.entry("prompt", "consent"));
  }

  @Test
  void rendersTikTokStyleClientKeyCommaScopesAndTheChallengeTheRequestHolds() {
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()),
            OAuth2Endpoints.withoutRevocation(URI.create("https://www.tiktok.example/v2/auth/authorize/"), TOKEN))
        .clientIdParameter("client_key").scopeSeparator(",").build();
    // TikTok's challenge: lowercase hex of SHA-256, the vector of its own SDK.
    Pkce hex = new Pkce(Secret.of(VERIFIER), HexFormat.of().formatHex(Pkce.sha256(Secret.of(VERIFIER))), "S256");

    Map<String, String> q = decode(oauth.authorizationUrl(request(List.of("user.info.basic", "video.list"), hex,
        Map.of())).getRawQuery());

    assertThat(q).containsEntry("client_key", "client-1").doesNotContainKey("client_id")
        .containsEntry("scope", "user.info.basic,video.list")
        .containsEntry("code_challenge", "e6a178b120743d08509508f269652b0bdf91e29332921bc9e9744fd3dd41bfef");
  }

  @Test
  void keepsTheAuthorizeEndpointsOwnQueryAndLeavesOutAnEmptyScope() {
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()),
        OAuth2Endpoints.of(URI.create("https://auth.example/authorize?tenant=t1"), TOKEN, REVOKE)).build();

    URI url = oauth.authorizationUrl(request(List.of(), Pkce.s256(Secret.of(VERIFIER)), Map.of()));

    assertThat(url.toString()).startsWith("https://auth.example/authorize?tenant=t1&response_type=code&");
    assertThat(decode(url.getRawQuery())).doesNotContainKey("scope");
  }

  @Test
  void refusesAnExtraParameterThatWouldReplaceAStandardOne() {
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()), ENDPOINTS)
        .clientIdParameter("client_key").build();
    Pkce pkce = Pkce.s256(Secret.of(VERIFIER));

    assertThatThrownBy(() -> oauth.authorizationUrl(request(List.of("a"), pkce, Map.of("state", "other"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'state'");
    assertThatThrownBy(() -> oauth.authorizationUrl(request(List.of("a"), pkce, Map.of("client_key", "other"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'client_key'");
  }

  // --- requests and client authentication

  @Test
  void sendsTheCodeExchangeWithTheClientsSecretAsFormFields() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-1\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS)
        .clientIdParameter("client_key").build();

    oauth.exchangeCode(exchange());

    ApiCall call = script.calls.get(0);
    assertThat(call.request().method()).isEqualTo(HttpMethod.POST);
    assertThat(call.request().uri()).isEqualTo(TOKEN);
    assertThat(call.request().contentType()).contains("application/x-www-form-urlencoded");
    assertThat(call.endpointGroup()).isEqualTo("oauth.token");
    assertThat(call.idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
    assertThat(call.appKey()).isEqualTo("client-1");
    assertThat(call.userKey()).isEmpty();
    assertThat(script.form(0)).containsExactly(Map.entry("grant_type", "authorization_code"),
        Map.entry("code", "code-abc"), Map.entry("redirect_uri", REDIRECT.toString()),
        Map.entry("code_verifier", VERIFIER), Map.entry("client_key", "client-1"),
        Map.entry("client_secret", CLIENT_SECRET));
    assertThat(call.request().headers().first("Authorization")).isEmpty();
  }

  @Test
  void sendsAConfidentialClientsCredentialsAsHttpBasicFormEncodedFirst() {
    AppCredentials colon = AppCredentials.confidential("pebble", "oauth2", "id:with colon", Secret.of("s&cret"),
        REDIRECT);
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(colon, new Script()), ENDPOINTS)
        .clientAuthentication(ClientAuthentication.HTTP_BASIC).build();

    var request = oauth.refreshRequest(Secret.of("rt-1"));

    String basic = request.headers().first("Authorization").orElseThrow();
    assertThat(basic).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8))
        .isEqualTo("id%3Awith+colon:s%26cret");
    assertThat(decode(new String(request.body(), StandardCharsets.UTF_8)))
        .containsExactly(Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", "rt-1"));
  }

  @Test
  void aPublicClientSendsOnlyItsIdWhateverTheAuthenticationMethod() {
    AppCredentials pub = AppCredentials.publicClient("pebble", "oauth2", "public-1", REDIRECT);
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(pub, new Script()), ENDPOINTS)
        .clientAuthentication(ClientAuthentication.HTTP_BASIC).build();

    var request = oauth.revokeRequest(Secret.of("at-1"), StandardOAuth2.TokenTypeHint.ACCESS_TOKEN);

    assertThat(request.uri()).isEqualTo(REVOKE);
    assertThat(request.headers().first("Authorization")).isEmpty();
    assertThat(decode(new String(request.body(), StandardCharsets.UTF_8))).containsExactly(
        Map.entry("token", "at-1"), Map.entry("token_type_hint", "access_token"), Map.entry("client_id", "public-1"));
  }

  // --- token responses

  @Test
  void readsAStandardTokenResponse() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-1\",\"token_type\":\"bearer\",\"expires_in\":3600,"
        + "\"refresh_token\":\"rt-1\",\"scope\":\"profile posts.read\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    TokenResponse t = oauth.exchangeCode(exchange());

    assertThat(t.accessToken().reveal()).isEqualTo("at-1");
    assertThat(t.refreshToken()).map(Secret::reveal).contains("rt-1");
    assertThat(t.expiresIn()).contains(Duration.ofHours(1));
    assertThat(t.refreshExpiresIn()).isEmpty();
    assertThat(t.scopes()).contains(Set.of("profile", "posts.read"));
    assertThat(t.tokenType()).isEqualTo("bearer");
    assertThat(t.accountId()).isEmpty();
  }

  @Test
  void readsTikToksFlatResponseWithNumericStringsCommaScopesAndOpenId() {
    Script script = new Script().answer(200, "{\"access_token\":\"act.example\",\"expires_in\":\"86400\","
        + "\"open_id\":\"afd97af1-b87b\",\"refresh_expires_in\":31536000,\"refresh_token\":\"rft.example\","
        + "\"scope\":\"user.info.basic,video.list\",\"token_type\":\"Bearer\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS)
        .accountIdField("open_id").build();

    TokenResponse t = oauth.exchangeCode(exchange());

    assertThat(t.expiresIn()).contains(Duration.ofDays(1));
    assertThat(t.refreshExpiresIn()).contains(Duration.ofDays(365));
    assertThat(t.scopes()).contains(Set.of("user.info.basic", "video.list"));
    assertThat(t.accountId()).contains("afd97af1-b87b");
    assertThat(t.tokenType()).isEqualTo("Bearer");
  }

  @Test
  void readsInstagramsExchangeWithALargeNumericUserIdAndAPermissionsList() {
    Script script = new Script().answer(200, "{\"access_token\":\"IGAA-1\",\"user_id\":27640875392278831,"
        + "\"permissions\":[\"instagram_business_basic\",\"instagram_business_content_publish\"]}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS)
        .accountIdField("user_id").scopeField("permissions").scopeSeparator(",").build();

    TokenResponse t = oauth.exchangeCode(exchange());

    assertThat(t.accountId()).contains("27640875392278831");
    assertThat(t.scopes()).contains(Set.of("instagram_business_basic", "instagram_business_content_publish"));
    assertThat(t.refreshToken()).isEmpty();
    assertThat(t.expiresIn()).isEmpty();
    assertThat(t.tokenType()).isEqualTo("bearer");
  }

  @Test
  void readsInstagramsDocumentedDataWrapperWithACommaPermissionsString() {
    Script script = new Script().answer(200, "{\"data\":[{\"access_token\":\"EAAC-1\",\"user_id\":\"1020\","
        + "\"permissions\":\"instagram_business_basic,instagram_business_manage_messages\"}]}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS)
        .accountIdField("user_id").scopeField("permissions").build();

    TokenResponse t = oauth.exchangeCode(exchange());

    assertThat(t.accessToken().reveal()).isEqualTo("EAAC-1");
    assertThat(t.accountId()).contains("1020");
    assertThat(t.scopes()).contains(Set.of("instagram_business_basic", "instagram_business_manage_messages"));
  }

  @Test
  void aBlankRefreshTokenIsNoRefreshToken() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-1\",\"refresh_token\":\"  \"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThat(oauth.exchangeCode(exchange()).refreshToken()).isEmpty();
  }

  @Test
  void anOAuthErrorWithHttp200IsClassifiedWithItsLogIdAndNoSecretInTheMessage() {
    // TikTok answers token errors with HTTP 200 and a flat body; a platform may echo what it was sent.
    Script script = new Script().answer(200, "{\"error\":\"invalid_grant\",\"error_description\":\"code code-abc with"
        + " verifier " + VERIFIER + " for client secret " + CLIENT_SECRET + " is expired\",\"log_id\":\"20220622185437\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    // invalid_grant on a code exchange: the code is bad, used or expired; no grant exists, so nothing is revoked.
    assertThatThrownBy(() -> oauth.exchangeCode(exchange())).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
      assertThat(e.remediation()).contains("start the link again");
      assertThat(e.platformCode()).contains("invalid_grant");
      assertThat(e.requestId()).contains("20220622185437");
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.getMessage()).contains("Pebble refused the OAuth request: invalid_grant").contains("is expired")
          .doesNotContain("code-abc").doesNotContain(VERIFIER).doesNotContain(CLIENT_SECRET);
    });
  }

  @Test
  void eachTokenCallCarriesItsOperationSoThatItsVerdictCanDependOnIt() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-2\"}")
        .answer(200, "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-3\"}").answer(200, "").answer(200, "");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    oauth.exchangeCode(exchange());
    oauth.refresh(grant(Optional.of(Secret.of("rt-1"))));
    oauth.revoke(grant(Optional.of(Secret.of("rt-1"))));

    assertThat(script.calls).extracting(ApiCall::operation).containsExactly(Operation.CODE_EXCHANGE,
        Operation.TOKEN_REFRESH, Operation.TOKEN_REVOKE, Operation.TOKEN_REVOKE);
    assertThat(oauth.call("users.me", script.calls.get(0).request(), Idempotency.IDEMPOTENT, Optional.empty(),
        Operation.APP_TOKEN).operation()).isEqualTo(Operation.APP_TOKEN);
  }

  @Test
  void invalidGrantInA200IsADeadRefreshTokenOnARefreshButAnUnusableCodeOnAnExchange() {
    String body = "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}";
    StandardOAuth2 refresh = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script().answer(200, body)), ENDPOINTS)
        .build();
    assertThatThrownBy(() -> refresh.refresh(grant(Optional.of(Secret.of("rt-1")))))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category())
            .isEqualTo(ErrorCategory.AUTH_REVOKED));
    StandardOAuth2 exchange = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script().answer(200, body)),
        ENDPOINTS).build();
    assertThatThrownBy(() -> exchange.exchangeCode(exchange()))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category())
            .isEqualTo(ErrorCategory.INVALID_REQUEST));
    StandardOAuth2 reader = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()), ENDPOINTS).build();
    assertThatThrownBy(() -> reader.readTokens(ApiResponse.of(200, Headers.empty(), body), Operation.CODE_EXCHANGE))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category())
            .isEqualTo(ErrorCategory.INVALID_REQUEST));
    assertThatThrownBy(() -> reader.readTokens(ApiResponse.of(200, Headers.empty(), body)))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category())
            .isEqualTo(ErrorCategory.AUTH_REVOKED));
  }

  @Test
  void theStandardErrorCodesMapToCategories() {
    Map<String, ErrorCategory> expected = Map.of("invalid_client", ErrorCategory.CONFIGURATION,
        "unauthorized_client", ErrorCategory.CONFIGURATION, "invalid_scope", ErrorCategory.CONFIGURATION,
        "invalid_request", ErrorCategory.INVALID_REQUEST, "unsupported_grant_type", ErrorCategory.INVALID_REQUEST,
        "server_error", ErrorCategory.TRANSIENT, "temporarily_unavailable", ErrorCategory.TRANSIENT,
        "access_denied", ErrorCategory.AUTH_REVOKED, "something_new", ErrorCategory.UNKNOWN);
    expected.forEach((code, category) -> {
      Script script = new Script().answer(200, "{\"error\":\"" + code + "\"}");
      StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();
      assertThatThrownBy(() -> oauth.refresh(grant(Optional.of(Secret.of("rt-1"))))).as(code)
          .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category()).isEqualTo(category));
    });
  }

  @Test
  void aResponseWithoutAccessTokenIsAClearUnknownErrorThatQuotesNothing() {
    Script script = new Script().answer(200, "{\"refresh_token\":\"rt-leaky\",\"expires_in\":60}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThatThrownBy(() -> oauth.exchangeCode(exchange())).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("Pebble's token response has no access_token").doesNotContain("rt-leaky");
    });
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnknownError() {
    Script script = new Script().answer(200, "<html>access_token=at-leaky</html>");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThatThrownBy(() -> oauth.exchangeCode(exchange())).isInstanceOfSatisfying(SocialinkException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
      assertThat(e.getMessage()).contains("not a JSON object").doesNotContain("at-leaky");
    });
  }

  @Test
  void aLifetimeThatIsNotANumberOrIsNegativeIsRefused() {
    for (String value : List.of("\"soon\"", "-5", "\"-5\"", "true")) {
      Script script = new Script().answer(200, "{\"access_token\":\"at-1\",\"expires_in\":" + value + "}");
      StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();
      assertThatThrownBy(() -> oauth.exchangeCode(exchange())).as(value)
          .isInstanceOfSatisfying(SocialinkException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
            assertThat(e.getMessage()).contains("'expires_in'").doesNotContain("at-1");
          });
    }
  }

  @Test
  void aFractionalLifetimeCountsWholeSeconds() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-1\",\"expires_in\":\"3599.9\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThat(oauth.exchangeCode(exchange()).expiresIn()).contains(Duration.ofSeconds(3599));
  }

  // --- refresh

  @Test
  void refreshesForTheGrantsAccountWithoutRetryingBlindly() {
    Script script = new Script().answer(200, "{\"access_token\":\"at-2\",\"refresh_token\":\"rt-2\",\"expires_in\":7200}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS)
        .tokenEndpointGroup("oauth2.token").build();

    TokenResponse t = oauth.refresh(grant(Optional.of(Secret.of("rt-1"))));

    assertThat(t.refreshToken()).map(Secret::reveal).contains("rt-2");
    ApiCall call = script.calls.get(0);
    assertThat(call.endpointGroup()).isEqualTo("oauth2.token");
    assertThat(call.idempotency()).isEqualTo(Idempotency.NON_IDEMPOTENT);
    assertThat(call.userKey()).contains("pebble:42");
    assertThat(script.form(0)).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "rt-1");
  }

  @Test
  void aGrantWithoutRefreshTokenCannotBeRefreshedAndNothingIsSent() {
    Script script = new Script();
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThatThrownBy(() -> oauth.refresh(grant(Optional.empty()))).isInstanceOfSatisfying(AuthorizationException.class,
        e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_EXPIRED));
    assertThat(script.calls).isEmpty();
  }

  // --- revocation

  @Test
  void revokesTheRefreshTokenThenTheAccessToken() {
    Script script = new Script().answer(200, "").answer(200, "{}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThat(oauth.revoke(grant(Optional.of(Secret.of("rt-1"))))).isEqualTo(Revocation.REVOKED);

    assertThat(script.calls).extracting(ApiCall::endpointGroup).containsOnly("oauth.revoke");
    assertThat(script.calls).extracting(ApiCall::idempotency).containsOnly(Idempotency.IDEMPOTENT);
    assertThat(script.calls).extracting(ApiCall::userKey).containsOnly(Optional.of("pebble:42"));
    assertThat(script.form(0)).containsEntry("token", "rt-1").containsEntry("token_type_hint", "refresh_token")
        .containsEntry("client_id", "client-1").containsEntry("client_secret", CLIENT_SECRET);
    assertThat(script.form(1)).containsEntry("token", "access-token-1").containsEntry("token_type_hint", "access_token");
  }

  @Test
  void tokensThePlatformCallsInvalidWereAlreadyRevoked() {
    Script script = new Script().fail(ErrorCategory.AUTH_REVOKED, 400).answer(200, "{\"error\":\"invalid_token\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();

    assertThat(oauth.revoke(grant(Optional.of(Secret.of("rt-1"))))).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(script.calls).hasSize(2);
  }

  @Test
  void aFailureOfTheAppsCredentialsIsNeverTakenForAlreadyRevoked() {
    Script in200 = new Script().answer(200, "{\"error\":\"invalid_client\",\"log_id\":\"L1\"}");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, in200), ENDPOINTS).build();
    assertThatThrownBy(() -> oauth.revoke(grant(Optional.empty()))).isInstanceOfSatisfying(ConfigurationException.class,
        e -> assertThat(e.requestId()).contains("L1"));

    Script inPipeline = new Script().fail(ErrorCategory.CONFIGURATION, 401);
    StandardOAuth2 other = StandardOAuth2.newBuilder(context(CONFIDENTIAL, inPipeline), ENDPOINTS).build();
    assertThatThrownBy(() -> other.revoke(grant(Optional.empty()))).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void canLeaveOutTheTokenTypeHint() {
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()), ENDPOINTS)
        .sendTokenTypeHint(false).build();

    var request = oauth.revokeRequest(Secret.of("at-1"), StandardOAuth2.TokenTypeHint.ACCESS_TOKEN);

    assertThat(decode(new String(request.body(), StandardCharsets.UTF_8))).doesNotContainKey("token_type_hint");
  }

  @Test
  void aPlatformWithoutRevocationEndpointSaysSoAndSendsNothing() {
    Script script = new Script();
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script),
        OAuth2Endpoints.withoutRevocation(AUTHORIZE, TOKEN)).build();

    assertThatThrownBy(() -> oauth.revoke(grant(Optional.empty()))).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("token revocation");
    assertThat(script.calls).isEmpty();
  }

  // --- the provider's own calls

  @Test
  void getsWithTheGrantsBearerTokenAndReadsTheObject() {
    Script script = new Script().answer(200, "{\"id\":\"42\"}").answer(200, "[1]");
    StandardOAuth2 oauth = StandardOAuth2.newBuilder(context(CONFIDENTIAL, script), ENDPOINTS).build();
    Grant grant = grant(Optional.empty());

    ApiResponse response = oauth.get("me", URI.create("https://api.example/me"), grant);

    assertThat(oauth.readObject(response, "a profile")).containsEntry("id", "42");
    ApiCall call = script.calls.get(0);
    assertThat(call.request().method()).isEqualTo(HttpMethod.GET);
    assertThat(call.request().headers().first("Authorization")).contains("Bearer access-token-1");
    assertThat(call.idempotency()).isEqualTo(Idempotency.IDEMPOTENT);
    assertThat(call.userKey()).contains("pebble:42");
    ApiResponse notAnObject = oauth.get("me", URI.create("https://api.example/me"), grant);
    assertThatThrownBy(() -> oauth.readObject(notAnObject, "a profile")).isInstanceOf(SocialinkException.class)
        .hasMessageContaining("Pebble answered a profile with a body that is not a JSON object");
  }

  // --- configuration

  @Test
  void theBuilderRefusesWhatThePipelineOrAUrlCouldNotCarry() {
    StandardOAuth2.Builder b = StandardOAuth2.newBuilder(context(CONFIDENTIAL, new Script()), ENDPOINTS);
    assertThatThrownBy(() -> b.scopeSeparator(";")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.clientIdParameter("client id")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tokenEndpointGroup("OAuth Token").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OAuth2Endpoints.of(URI.create("/relative"), TOKEN, REVOKE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorize");
    assertThatThrownBy(() -> OAuth2Endpoints.of(AUTHORIZE, URI.create("ftp://x.example/t"), REVOKE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
  }
}
