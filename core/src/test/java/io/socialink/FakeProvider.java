package io.socialink;

import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider without HTTP whose client records what it was asked; for façade tests. */
public class FakeProvider implements PlatformProvider {
  static final AuthorizationScheme SCHEME = new AuthorizationScheme("oauth2", "Fake OAuth", List.of("read"), "fake");

  final String id;
  public final List<String> exchangedCodes = new ArrayList<>();
  final List<String> exchangedVerifiers = new ArrayList<>();
  public final AtomicInteger refreshes = new AtomicInteger();
  public final AtomicInteger profileCalls = new AtomicInteger();
  volatile Set<String> grantedScopes = Set.of("read");
  volatile boolean issueRefreshToken = true;
  volatile RuntimeException refreshFailure;
  public volatile int expiredProfileAnswers;
  /** Revocations asked for, including refused ones. */
  public final AtomicInteger revokes = new AtomicInteger();
  /** Access tokens revoked so far; the profile refuses them as revoked. */
  public final Set<String> revokedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Revocations running now, and the most that ever ran at once. */
  public final AtomicInteger revoking = new AtomicInteger();
  public final AtomicInteger mostRevokingAtOnce = new AtomicInteger();
  /** Failures the next revocations throw, first first. */
  public final java.util.Deque<RuntimeException> revokeFailures = new java.util.concurrent.ConcurrentLinkedDeque<>();
  /** Unlink actions made, as {@code action:grantId:arguments}; an action done twice answers already done. */
  public final List<String> unlinkActions = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Failures the next unlink actions throw, first in first out. */
  public final java.util.Deque<RuntimeException> unlinkActionFailures = new java.util.concurrent.ConcurrentLinkedDeque<>();
  /** When set, each revocation counts it down on entry and waits for {@link #revokeRelease}. */
  public volatile java.util.concurrent.CountDownLatch revokeEntered;
  public final java.util.concurrent.CountDownLatch revokeRelease = new java.util.concurrent.CountDownLatch(1);
  /** When set, each refresh counts it down on entry and waits for {@link #refreshRelease}. */
  volatile java.util.concurrent.CountDownLatch refreshEntered;
  final java.util.concurrent.CountDownLatch refreshRelease = new java.util.concurrent.CountDownLatch(1);
  private final AtomicInteger tokenCounter = new AtomicInteger();

  public FakeProvider(String id) {
    this.id = id;
  }

  @Override
  public Platform platform() {
    return Platform.of(id, "Fake " + id, Set.of(Capability.PROFILE, Capability.TOKEN_REVOCATION, Capability.TOKEN_REFRESH));
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(SCHEME);
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  TokenResponse tokens() {
    int n = tokenCounter.incrementAndGet();
    return new TokenResponse(Secret.of("access-" + n), issueRefreshToken ? Optional.of(Secret.of("refresh-" + n)) : Optional.empty(),
        Optional.of(Duration.ofHours(2)), Optional.empty(), Optional.of(grantedScopes), "bearer", Optional.of("u-1"));
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    AppCredentials creds = context.credentials();
    return new PlatformClient() {
      @Override
      public AppCredentials credentials() {
        return creds;
      }

      @Override
      public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create("https://fake.example/authorize?state=" + request.state() + "&code_challenge="
            + request.pkce().challenge() + "&scope=" + String.join("+", request.scopes()));
      }

      @Override
      public TokenResponse exchangeCode(CodeExchange exchange) {
        exchangedCodes.add(exchange.code().reveal());
        exchangedVerifiers.add(exchange.pkce().verifier().reveal());
        return tokens();
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        refreshes.incrementAndGet();
        if (refreshEntered != null) {
          refreshEntered.countDown();
          try {
            refreshRelease.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (refreshFailure != null) {
          throw refreshFailure;
        }
        return tokens();
      }

      @Override
      public Revocation revoke(Grant grant) {
        revokes.incrementAndGet();
        mostRevokingAtOnce.accumulateAndGet(revoking.incrementAndGet(), Math::max);
        try {
          return revokeOnce(grant);
        } finally {
          revoking.decrementAndGet();
        }
      }

      private Revocation revokeOnce(Grant grant) {
        if (revokeEntered != null) {
          revokeEntered.countDown();
          try {
            revokeRelease.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        RuntimeException failure = revokeFailures.poll();
        if (failure != null) {
          throw failure;
        }
        return revokedTokens.add(grant.accessToken().reveal()) ? Revocation.REVOKED : Revocation.ALREADY_REVOKED;
      }

      @Override
      public Revocation unlinkAction(Grant grant, String action, java.util.Map<String, String> arguments) {
        RuntimeException failure = unlinkActionFailures.poll();
        if (failure != null) {
          throw failure;
        }
        String call = action + ":" + grant.id() + ":" + arguments;
        boolean first = !unlinkActions.contains(call);
        unlinkActions.add(call);
        return first ? Revocation.REVOKED : Revocation.ALREADY_REVOKED;
      }

      @Override
      public Account profile(Grant grant) {
        profileCalls.incrementAndGet();
        if (revokedTokens.contains(grant.accessToken().reveal())) {
          throw SocialinkException.of(Classification.of(ErrorCategory.AUTH_REVOKED, id, 401, "token revoked"), null, 1);
        }
        if (expiredProfileAnswers > 0) {
          expiredProfileAnswers--;
          throw SocialinkException.of(Classification.of(ErrorCategory.AUTH_EXPIRED, id, 401, "expired"), null, 1);
        }
        return Account.of(id, "u-1", "fake_user", "Fake User");
      }
    };
  }
}
