package io.socialink.internal.runtime;

import io.socialink.Grant;
import io.socialink.auth.TokenResponse;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.NotFoundException;
import io.socialink.error.SocialinkException;
import io.socialink.error.TransientException;
import io.socialink.spi.Sleeper;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.RefreshRotation;
import io.socialink.store.GrantStore;
import io.socialink.store.RefreshClaim;
import io.socialink.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Refreshes grants so that a rotating refresh token is spent once, by one holder, and its successor
 * stored before anyone uses the grant:
 *
 * <ul>
 *   <li>within this instance, concurrent callers for one grant share one refresh (single flight);</li>
 *   <li>across instances sharing a grant store, the refreshing caller first claims the grant in the
 *       store ({@link GrantStore#claimRefresh}); the others poll the store until they see the
 *       holder's newer grant or the claim lapses, then claim it themselves;</li>
 *   <li>the rotated grant is saved before it is returned; a version conflict on save means another
 *       holder stored first, and its grant wins;</li>
 *   <li>a refused refresh token ({@link ErrorCategory#AUTH_REVOKED}) marks the grant's links
 *       revoked only when the store, read again after the refusal, holds no newer grant; any other
 *       failure changes nothing.</li>
 *   <li>an interrupted refresh — the claim was taken over from a holder that never released it
 *       ({@link RefreshClaim#TAKEN_OVER}), so it may have been stopped between the platform's answer
 *       and the store write — is handled by the platform's {@link RefreshRotation}: a reusable token is
 *       simply refreshed again; a strictly rotating one (X) is presumed spent and not sent again; a
 *       leniently rotating one (TikTok) is tried once more. A strictly rotating token, or a lenient one
 *       the platform refuses, leaves the grant without a refresh token (so it is never retried in a
 *       loop) and its links {@link io.socialink.LinkState#BROKEN}: "refresh interrupted; link
 *       again". A claim must therefore outlast a refresh call with its retries: a holder still waiting
 *       for the platform when its claim lapses looks, to the next holder, like one that died.</li>
 * </ul>
 *
 * <p>Thread-safe. Time comes from the injected clock and waits go through the injected sleeper.
 */
public final class RefreshCoordinator {
  /** How long a refresh claim lasts unless released: longer than a refresh call with its retries. */
  public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofMinutes(2);
  /** How often a waiting instance looks at the store while another holds the claim. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

  private final GrantStore grants;
  private final LinkStates links;
  private final ClientCache clients;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration skew;
  private final Duration claimTimeout;
  private final Duration pollInterval;
  private final String holder;
  private final Map<GrantKey, CompletableFuture<Grant>> inFlight = new ConcurrentHashMap<>();

  /**
   * Creates the coordinator.
   *
   * @param grants the grant store
   * @param links the link updater
   * @param clients the clients that refresh
   * @param clock the clock
   * @param sleeper how to wait for another holder
   * @param skew how long before expiry a grant is refreshed
   * @param claimTimeout how long a claim lasts unless released
   * @param pollInterval how often to look at the store while another holder refreshes
   * @param holder this instance's claim holder id, unique among instances sharing the store
   */
  public RefreshCoordinator(GrantStore grants, LinkStates links, ClientCache clients, Clock clock, Sleeper sleeper,
      Duration skew, Duration claimTimeout, Duration pollInterval, String holder) {
    this.grants = Objects.requireNonNull(grants, "grants");
    this.links = Objects.requireNonNull(links, "links");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.claimTimeout = positive(claimTimeout, "claimTimeout");
    this.pollInterval = positive(pollInterval, "pollInterval");
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  /**
   * The grant with a fresh access token: as it is when it does not expire within the skew, or when it
   * cannot be renewed but has not expired yet; refreshed otherwise.
   *
   * @param grant the grant as read from the store
   * @return the fresh grant
   * @throws AuthorizationException if it expired and cannot be refreshed, or its refresh token is dead
   */
  public Grant fresh(Grant grant) {
    if (!grant.needsRefresh(clock, skew)) {
      return grant;
    }
    if (!grant.canRefresh(clock) && !grant.isExpired(clock)) {
      return grant; // cannot be renewed, but still valid: use it until it expires
    }
    return refresh(grant);
  }

  /**
   * Refreshes a grant whatever its expiry, unless another caller renewed it since {@code seen} was
   * read, in which case that renewal is the answer.
   *
   * @param seen the grant as the caller read it
   * @return the renewed grant, already stored
   * @throws AuthorizationException if it has no usable refresh token, or the platform refused it
   */
  public Grant refresh(Grant seen) {
    if (!seen.canRefresh(clock)) {
      throw new AuthorizationException(Classification.of(ErrorCategory.AUTH_EXPIRED, seen.account().platformId(), 0,
          "grant " + seen.id() + " has no usable refresh token"
              + (seen.refreshToken().isEmpty() ? " (the platform issued none for the granted scopes)" : " (it expired)"))
          .withRemediation("Ask the user to link the account again."), null, 1);
    }
    GrantKey key = new GrantKey(seen.ownerId(), seen.id());
    CompletableFuture<Grant> mine = new CompletableFuture<>();
    CompletableFuture<Grant> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(running, seen);
    }
    try {
      Grant result = refreshAcrossHolders(seen);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private Grant refreshAcrossHolders(Grant seen) {
    while (true) {
      Grant current = load(seen);
      if (renewedSince(seen, current)) {
        return current;
      }
      Instant now = clock.instant();
      RefreshClaim claim = grants.claim(seen.ownerId(), seen.id(), holder, now, now.plus(claimTimeout));
      if (claim.held()) {
        try {
          return refreshHoldingClaim(seen, claim == RefreshClaim.TAKEN_OVER);
        } finally {
          grants.releaseRefresh(seen.ownerId(), seen.id(), holder);
        }
      }
      // Another instance is refreshing: wait for its write, or for its claim to lapse.
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(seen, e);
      }
    }
  }

  private Grant refreshHoldingClaim(Grant seen, boolean interrupted) {
    Grant current = load(seen);
    if (renewedSince(seen, current)) {
      return current;
    }
    PlatformClient client = clients.client(current.account().platformId(), current.schemeId());
    RefreshRotation rotation = client.refreshRotation();
    if (interrupted && rotation == RefreshRotation.ROTATING_STRICT) {
      throw interruptedRefresh(current, "its refresh token was presumably spent and is single-use", null);
    }
    TokenResponse t;
    try {
      t = client.refresh(current);
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.AUTH_REVOKED) {
        // A holder whose claim lapsed may have spent the token and stored its successor meanwhile:
        // its newer grant is the answer, not a revoked link.
        Grant stored = load(current);
        if (stored.version() > current.version()) {
          return stored;
        }
        if (interrupted && rotation == RefreshRotation.ROTATING_LENIENT) {
          throw interruptedRefresh(current, "the platform refused its refresh token, tried once more", e);
        }
        links.markRevoked(current, e);
      }
      throw e;
    }
    Instant now = clock.instant();
    Grant renewed = current.renewed(t.accessToken(), t.refreshToken(), t.scopes().orElse(current.scopes()), now,
        t.expiresIn().map(now::plus),
        t.refreshToken().isPresent() ? t.refreshExpiresIn().map(now::plus) : Optional.empty());
    if (!t.attributes().isEmpty()) {
      Map<String, String> attributes = new HashMap<>(current.attributes());
      attributes.putAll(t.attributes());
      renewed = renewed.withAttributes(attributes);
    }
    try {
      return grants.save(renewed);
    } catch (VersionConflictException conflict) {
      return load(current); // another holder stored a refresh first; the store's grant wins
    }
  }

  /**
   * Ends an interrupted refresh: the grant loses its refresh token (so no caller sends it again), its
   * links become broken, and the returned failure tells the user to link again.
   */
  private AuthorizationException interruptedRefresh(Grant current, String why,
      @org.jspecify.annotations.Nullable SocialinkException refusal) {
    AuthorizationException failure = new AuthorizationException(Classification.of(ErrorCategory.AUTH_REVOKED,
        current.account().platformId(), 0, "grant " + current.id() + ": refresh interrupted; link again (a previous"
            + " refresh of it stopped before its answer was stored, and " + why + ")")
        .withRemediation("Ask the user to link the account again."), refusal, 1);
    try {
      grants.save(new Grant(current.id(), current.ownerId(), current.account(), current.schemeId(), current.clientId(),
          current.accessToken(), Optional.empty(), current.scopes(), current.tokenType(), current.issuedAt(),
          current.expiresAt(), Optional.empty(), current.version() + 1, current.attributes()));
    } catch (VersionConflictException conflict) {
      failure.addSuppressed(conflict);
    }
    links.markBroken(current, failure);
    return failure;
  }

  /** Whether the stored grant is a renewal made after {@code seen} was read, still fresh. */
  private boolean renewedSince(Grant seen, Grant current) {
    return current.version() > seen.version() && !current.needsRefresh(clock, skew);
  }

  private Grant load(Grant grant) {
    return grants.find(grant.ownerId(), grant.id()).orElseThrow(() -> NotFoundException.local(
        grant.account().platformId(), "grant " + grant.id() + " of owner " + grant.ownerId() + " was deleted during its refresh"));
  }

  private static Grant await(CompletableFuture<Grant> running, Grant seen) {
    try {
      return running.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(seen, e);
    }
  }

  private static TransientException interrupted(Grant grant, InterruptedException e) {
    return new TransientException(Classification.of(ErrorCategory.TRANSIENT, grant.account().platformId(), 0,
        "interrupted while waiting for the refresh of grant " + grant.id())
        .withRemediation("The thread was interrupted; try again if the work is still wanted."), e, 1);
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive; got " + d);
    }
    return d;
  }

  private record GrantKey(String ownerId, String grantId) {}
}
