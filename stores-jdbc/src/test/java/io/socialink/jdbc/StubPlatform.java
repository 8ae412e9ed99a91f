package io.socialink.jdbc;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.RefreshRotation;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A platform whose refreshes go to a {@link StubTokenServer}. */
final class StubPlatform implements PlatformProvider {
  static final String ID = "stub";
  static final AppCredentials CREDENTIALS = AppCredentials.publicClient(ID, "oauth2", "client-1",
      URI.create("https://app.example/callback"));

  private final URI tokenEndpoint;
  private final RefreshRotation rotation;
  private final boolean haltAfterAnswer;
  private final HttpClient http = HttpClient.newHttpClient();

  StubPlatform(URI tokenEndpoint) {
    this(tokenEndpoint, RefreshRotation.ROTATING_STRICT, false);
  }

  /**
   * A stub platform.
   *
   * @param tokenEndpoint the stub token server
   * @param rotation what the client says of its refresh tokens
   * @param haltAfterAnswer whether the process dies the moment the platform has answered a refresh
   */
  StubPlatform(URI tokenEndpoint, RefreshRotation rotation, boolean haltAfterAnswer) {
    this.tokenEndpoint = tokenEndpoint;
    this.rotation = rotation;
    this.haltAfterAnswer = haltAfterAnswer;
  }

  @Override
  public Platform platform() {
    return Platform.of(ID, "Stub", Set.of(Capability.PROFILE, Capability.TOKEN_REFRESH));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(new AuthorizationScheme("oauth2", "Stub OAuth", List.of("read"), "test"));
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    return new PlatformClient() {
      @Override
      public AppCredentials credentials() {
        return context.credentials();
      }

      @Override
      public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create("https://stub.example/authorize");
      }

      @Override
      public TokenResponse exchangeCode(CodeExchange exchange) {
        throw new UnsupportedOperationException("grants are stored directly");
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        HttpResponse<String> response;
        try {
          response = http.send(HttpRequest.newBuilder(tokenEndpoint)
              .POST(HttpRequest.BodyPublishers.ofString("refresh_token=" + grant.refreshToken().orElseThrow().reveal()))
              .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          throw Classification.of(ErrorCategory.TRANSIENT, ID, 0, "stub unreachable").toException();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Classification.of(ErrorCategory.TRANSIENT, ID, 0, "interrupted").toException();
        }
        if (haltAfterAnswer) {
          Runtime.getRuntime().halt(3); // a crash between the platform's answer and the store write
        }
        if (response.statusCode() != 200) {
          throw Classification.of(ErrorCategory.AUTH_REVOKED, ID, 400, "refresh token refused").toException();
        }
        String[] tokens = response.body().split(" ");
        return new TokenResponse(Secret.of(tokens[0]), Optional.of(Secret.of(tokens[1])), Optional.of(Duration.ofHours(2)),
            Optional.empty(), Optional.of(Set.of("read")), "bearer", Optional.empty());
      }

      @Override
      public RefreshRotation refreshRotation() {
        return rotation;
      }

      @Override
      public Revocation revoke(Grant grant) {
        return Revocation.REVOKED;
      }

      @Override
      public Account profile(Grant grant) {
        return Account.of(ID, "u-1");
      }
    };
  }
}
