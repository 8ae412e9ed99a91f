package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A provider whose client has calls of its own, as a real provider's client has. */
final class TypedProvider implements PlatformProvider {
  static final AuthorizationScheme OAUTH2 = new AuthorizationScheme("oauth2", "Typed OAuth", List.of("read"), "test");
  static final AuthorizationScheme BUSINESS = new AuthorizationScheme("business", "Typed Business", List.of("ads"), "test");

  /** Access tokens the client's own call saw, in order. */
  final List<String> seenTokens = new ArrayList<>();
  /** How many answers of the client's own call say the token expired. */
  int expiredAnswers;

  @Override
  public Platform platform() {
    return Platform.of("typed", "Typed", Set.of(Capability.PROFILE, Capability.PUBLISH_TEXT));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(OAUTH2, BUSINESS);
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  @Override
  public TypedClient createClient(ProviderContext context) {
    return new TypedClient(context.credentials());
  }

  /** The provider's own client type. */
  final class TypedClient implements PlatformClient {
    private final AppCredentials credentials;

    TypedClient(AppCredentials credentials) {
      this.credentials = credentials;
    }

    /** A call only this client has. */
    String ownCall(Grant grant) {
      seenTokens.add(grant.accessToken().reveal());
      if (expiredAnswers > 0) {
        expiredAnswers--;
        throw Classification.of(ErrorCategory.AUTH_EXPIRED, "typed", 401, "expired").toException();
      }
      return "ok with " + grant.id();
    }

    @Override
    public AppCredentials credentials() {
      return credentials;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      return URI.create("https://typed.example/authorize");
    }

    @Override
    public TokenResponse exchangeCode(CodeExchange exchange) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenResponse refresh(Grant grant) {
      return new TokenResponse(io.socialink.Secret.of("renewed-" + grant.version()), grant.refreshToken(),
          java.util.Optional.of(java.time.Duration.ofHours(2)), java.util.Optional.empty(), java.util.Optional.empty(),
          "bearer", java.util.Optional.empty());
    }

    @Override
    public Revocation revoke(Grant grant) {
      return Revocation.ALREADY_REVOKED;
    }

    @Override
    public Account profile(Grant grant) {
      return grant.account();
    }

    @Override
    public PublishedPost publish(Grant grant, Post post) {
      seenTokens.add(grant.accessToken().reveal());
      return new PublishedPost("typed", "post-1", java.util.Optional.empty());
    }
  }
}
