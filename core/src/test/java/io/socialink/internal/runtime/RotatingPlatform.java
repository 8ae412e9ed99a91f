package io.socialink.internal.runtime;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.Platform;
import io.socialink.PlatformRegistry;
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
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform with single-use refresh tokens, as X's and TikTok's: a refresh with the current refresh
 * token spends it and issues the next; any other refresh token is refused as {@code AUTH_REVOKED}.
 * Shared by every instance under test, as the real platform is.
 */
final class RotatingPlatform implements PlatformProvider {
  static final String ID = "rotating";
  static final AuthorizationScheme SCHEME = new AuthorizationScheme("oauth2", "Rotating OAuth", List.of("read"), "test");
  static final AppCredentials CREDENTIALS = AppCredentials.publicClient(ID, "oauth2", "client-1",
      URI.create("https://app.example/callback"));

  final AtomicInteger refreshRequests = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private int generation;
  /**
   * When set, a refresh waits (at most the given time) for another refresh to arrive before it
   * answers, so that overlapping refreshes overlap at the platform.
   */
  volatile Duration overlapWindow = Duration.ZERO;
  /** What the client reports about its refresh tokens. */
  volatile io.socialink.spi.RefreshRotation rotation = io.socialink.spi.RefreshRotation.ROTATING_LENIENT;
  /** When set, the refresh token before the current one is still accepted (a grace period, or a reusable token). */
  volatile boolean previousStaysValid;
  /** When set, runs once while a refresh is at the platform, before it is answered. */
  volatile Runnable duringNextRefresh;
  /** When set, the next refresh fails with it (once). */
  volatile io.socialink.error.SocialinkException failNext;
  private final CountDownLatch second = new CountDownLatch(2);

  synchronized Secret currentRefreshToken() {
    return Secret.of("refresh-" + generation);
  }

  synchronized TokenResponse rotate(Secret presented) {
    boolean previous = previousStaysValid && generation > 0 && presented.reveal().equals("refresh-" + (generation - 1));
    if (!presented.reveal().equals("refresh-" + generation) && !previous) {
      refused.incrementAndGet();
      throw Classification.of(ErrorCategory.AUTH_REVOKED, ID, 400, "Value passed for the token was invalid.").toException();
    }
    generation++;
    return new TokenResponse(Secret.of("access-" + generation), Optional.of(Secret.of("refresh-" + generation)),
        Optional.of(Duration.ofHours(2)), Optional.empty(), Optional.of(Set.of("read")), "bearer", Optional.of("u-1"));
  }

  @Override
  public Platform platform() {
    return Platform.of(ID, "Rotating", Set.of(Capability.PROFILE, Capability.TOKEN_REFRESH));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(SCHEME);
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
        return URI.create("https://rotating.example/authorize");
      }

      @Override
      public TokenResponse exchangeCode(CodeExchange exchange) {
        throw new UnsupportedOperationException("the tests store their grants directly");
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        refreshRequests.incrementAndGet();
        second.countDown();
        Runnable during = duringNextRefresh;
        if (during != null) {
          duringNextRefresh = null;
          during.run();
        }
        io.socialink.error.SocialinkException failure = failNext;
        if (failure != null) {
          failNext = null;
          throw failure;
        }
        if (!overlapWindow.isZero()) {
          try {
            second.await(overlapWindow.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return rotate(grant.refreshToken().orElseThrow());
      }

      @Override
      public io.socialink.spi.RefreshRotation refreshRotation() {
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

  static PlatformRegistry registry(RotatingPlatform platform) {
    return PlatformRegistry.builder().register(platform).build();
  }
}
