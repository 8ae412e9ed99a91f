package io.socialink.internal.resilience;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit layer of one platform: budgets keyed the way the platform counts, by endpoint group
 * (or {@code *} for every call) and by application credential ({@link RateLimitScope#PER_APP}) or
 * user account ({@link RateLimitScope#PER_USER}).
 *
 * <p>A budget has two parts. A declared {@link RateLimitPolicy} becomes a Resilience4j
 * {@link AtomicRateLimiter} (a permit per attempt, {@code limit} permits per {@code window}). A
 * <em>hold</em> comes from the platform itself: an exhausted {@link RateLimitObservation} or a
 * throttling answer holds every call on that budget until the reset, so calls are not spent on
 * certain 429s. A call waits (through the {@link Sleeper}) when the wait is within the maximum, and
 * otherwise fails at once with {@link ErrorCategory#RATE_LIMITED} and the instant it may go.
 *
 * <p>Thread-safe. Budgets are kept for the pipeline's lifetime, except that idle budgets are
 * dropped when more than {@value #MAX_BUDGETS} exist.
 */
public final class RateLimiters {
  /** The longest a response can hold a budget. */
  static final Duration MAX_HOLD = Duration.ofDays(1);

  /** Above this many budgets, idle ones are dropped. */
  static final int MAX_BUDGETS = 50_000;

  /** Hears about attempts held or failed fast; called on the caller's thread. */
  @FunctionalInterface
  public interface ThrottleObserver {
    /**
     * An attempt was held.
     *
     * @param call the call
     * @param wait how long it waits or would have had to wait
     * @param until when it may go
     * @param failedFast whether it failed instead of waiting
     */
    void throttled(ApiCall call, Duration wait, Instant until, boolean failedFast);
  }

  private record BudgetKey(String group, RateLimitScope scope, String principal) {}

  private record CallKey(String group, String appKey, @Nullable String userKey) {}

  private static final class Budget {
    final BudgetKey key;
    final @Nullable AtomicRateLimiter limiter;
    final @Nullable RateLimitPolicy policy;
    final AtomicLong holdUntilMillis = new AtomicLong(Long.MIN_VALUE);

    Budget(BudgetKey key, @Nullable RateLimitPolicy policy, @Nullable AtomicRateLimiter limiter) {
      this.key = key;
      this.policy = policy;
      this.limiter = limiter;
    }

    void holdUntil(Instant until) {
      long t = until.toEpochMilli(); // callers cap the instant with capped(...)
      holdUntilMillis.accumulateAndGet(t, Math::max);
    }

    boolean idle(long nowMillis) {
      return holdUntilMillis.get() <= nowMillis
          && (limiter == null || policy == null || limiter.getMetrics().getAvailablePermissions() >= policy.limit());
    }

    String describe() {
      String scope = key.scope == RateLimitScope.PER_APP ? "per-app" : "per-user";
      return (key.group.equals(RateLimitPolicy.ALL_ENDPOINTS) ? "all endpoints" : "endpoint group " + key.group)
          + ", " + scope;
    }
  }

  private final String platformId;
  private final List<RateLimitPolicy> policies;
  private final Duration maxWait;
  private final long maxWaitMillis;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ThrottleObserver observer;
  private final ConcurrentHashMap<BudgetKey, Budget> budgets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<CallKey, Budget[]> byCall = new ConcurrentHashMap<>();

  /**
   * Creates the layer.
   *
   * @param platformId the platform
   * @param policies the declared policies in force (provider defaults merged with overrides)
   * @param maxWait the longest an attempt may wait for a permit
   * @param clock the clock
   * @param sleeper how to wait
   * @param observer hears about held attempts
   */
  public RateLimiters(String platformId, List<RateLimitPolicy> policies, Duration maxWait, Clock clock,
      Sleeper sleeper, ThrottleObserver observer) {
    this.platformId = platformId;
    this.policies = List.copyOf(policies);
    this.maxWait = maxWait;
    this.maxWaitMillis = maxWait.toMillis();
    this.clock = clock;
    this.sleeper = sleeper;
    this.observer = observer;
  }

  /**
   * Takes a permit for an attempt: waits for any hold on the call's budgets and for a permit of each
   * declared limit, or fails fast when that would take longer than the maximum wait.
   *
   * @param call the call
   * @throws AttemptFailure a {@link ErrorCategory#RATE_LIMITED} failure with the instant the call may
   *     go; not retried, not counted by the circuit breaker; nothing was sent
   * @throws InterruptedException if interrupted while waiting
   */
  public void acquire(ApiCall call) throws InterruptedException {
    Budget[] bs = budgetsFor(call);
    long waited = 0;
    while (true) {
      long now = clock.millis();
      Budget holding = null;
      long holdUntil = now;
      for (Budget b : bs) {
        long h = b.holdUntilMillis.get();
        if (h > holdUntil) {
          holdUntil = h;
          holding = b;
        }
      }
      if (holding == null) {
        break;
      }
      long wait = holdUntil - now;
      Instant until = Instant.ofEpochMilli(holdUntil);
      if (waited + wait > maxWaitMillis) {
        observer.throttled(call, Duration.ofMillis(wait), until, true);
        throw failFast(call, holding, until, "the platform said the budget is spent");
      }
      observer.throttled(call, Duration.ofMillis(wait), until, false);
      sleeper.sleep(Duration.ofMillis(wait));
      waited += wait;
    }
    // Check every declared limit before taking any permit, so a call refused by one budget (say, a
    // user over their own limit) does not spend the permits of the others (the app's shared budget).
    long leftNanos = Duration.ofMillis(Math.max(0, maxWaitMillis - waited)).toNanos();
    for (Budget b : bs) {
      if (b.limiter == null) {
        continue;
      }
      long need = b.limiter.getDetailedMetrics().getNanosToWait();
      if (need > leftNanos) {
        Instant until = clock.instant().plusNanos(need);
        observer.throttled(call, Duration.ofNanos(need), until, true);
        throw failFast(call, b, until, "its declared limit of " + b.policy.limit() + " calls per "
            + b.policy.window() + " is used up");
      }
    }
    long reserved = 0;
    for (Budget b : bs) {
      if (b.limiter == null) {
        continue;
      }
      long nanos = b.limiter.reservePermission(1);
      if (nanos < 0) {
        long need = b.limiter.getDetailedMetrics().getNanosToWait();
        Instant now = clock.instant();
        Instant until = now.plusNanos(Math.max(0, need));
        observer.throttled(call, Duration.ofNanos(Math.max(0, need)), until, true);
        throw failFast(call, b, until, "its declared limit of " + b.policy.limit() + " calls per "
            + b.policy.window() + " is used up");
      }
      reserved = Math.max(reserved, nanos);
    }
    if (reserved > 0) {
      Duration wait = Duration.ofNanos(reserved);
      observer.throttled(call, wait, clock.instant().plus(wait), false);
      sleeper.sleep(wait);
    }
  }

  private AttemptFailure failFast(ApiCall call, Budget budget, Instant until, String why) {
    Classification c = Classification.of(ErrorCategory.RATE_LIMITED, platformId, 0,
            "call to " + platformId + " " + call.endpointGroup() + " not sent: the rate limit on "
                + budget.describe() + " holds calls until " + until + " (" + why + "), longer than the maximum wait of "
                + maxWait)
        .withRetryAt(until)
        .withRemediation("Too many calls to " + platformId + " for this budget; try again at " + until
            + ", or spread the calls out. To wait longer in-process instead, raise the pipeline's maximum wait.");
    return new AttemptFailure(SocialinkException.of(c, null, 1), false, AttemptFailure.BreakerVerdict.NOT_COUNTED);
  }

  /**
   * Applies what a response said about the call's budgets: an exhausted budget holds calls until
   * its reset.
   *
   * @param call the call that got the response
   * @param observations the interpreter's observations
   */
  public void observe(ApiCall call, List<RateLimitObservation> observations) {
    if (observations.isEmpty()) {
      return;
    }
    long now = clock.millis();
    for (RateLimitObservation o : observations) {
      if (!o.exhausted() || !o.resetAt().isAfter(Instant.ofEpochMilli(now))) {
        continue;
      }
      String principal = principal(call, o.scope());
      if (principal != null) {
        budget(new BudgetKey(o.endpointGroup(), o.scope(), principal)).holdUntil(capped(o.resetAt()));
      }
    }
  }

  /**
   * Applies a throttling answer: drains the declared limits of the call's endpoint group and, when
   * the platform said when to retry, holds the call's most specific budget (per user when the call
   * is for a user, else per app) until then.
   *
   * @param call the call that was throttled
   * @param retryAt when the platform said calls may go again
   */
  public void throttledBy(ApiCall call, Optional<Instant> retryAt) {
    for (Budget b : budgetsFor(call)) {
      if (b.limiter != null && b.key.group.equals(call.endpointGroup())) {
        b.limiter.drainPermissions();
      }
    }
    if (retryAt.isPresent() && retryAt.get().isAfter(clock.instant())) {
      RateLimitScope scope = call.userKey().isPresent() ? RateLimitScope.PER_USER : RateLimitScope.PER_APP;
      budget(new BudgetKey(call.endpointGroup(), scope, principal(call, scope))).holdUntil(capped(retryAt.get()));
    }
  }

  /**
   * The latest reset among a response's exhausted observations.
   *
   * @param observations the observations
   * @return the instant, if any budget is spent
   */
  public static Optional<Instant> latestExhaustedReset(List<RateLimitObservation> observations) {
    Instant latest = null;
    for (RateLimitObservation o : observations) {
      if (o.exhausted() && (latest == null || o.resetAt().isAfter(latest))) {
        latest = o.resetAt();
      }
    }
    return Optional.ofNullable(latest);
  }

  private Long clockNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** A hold never lasts longer than a day, whatever a malformed or hostile reset says. */
  private Instant capped(Instant until) {
    Instant latest = clock.instant().plus(MAX_HOLD);
    return until.isAfter(latest) ? latest : until;
  }

  private static @Nullable String principal(ApiCall call, RateLimitScope scope) {
    return scope == RateLimitScope.PER_APP ? call.appKey() : call.userKey().orElse(null);
  }

  private Budget[] budgetsFor(ApiCall call) {
    CallKey key = new CallKey(call.endpointGroup(), call.appKey(), call.userKey().orElse(null));
    Budget[] bs = byCall.get(key);
    if (bs == null) {
      bs = byCall.computeIfAbsent(key, this::resolve);
    }
    return bs;
  }

  private Budget[] resolve(CallKey k) {
    // Per-user budgets first: if permits are taken and a later budget refuses in a race, the
    // shared per-app budgets are the ones left untouched.
    List<Budget> list = new ArrayList<>(4);
    if (k.userKey != null) {
      list.add(budget(new BudgetKey(k.group, RateLimitScope.PER_USER, k.userKey)));
      list.add(budget(new BudgetKey(RateLimitPolicy.ALL_ENDPOINTS, RateLimitScope.PER_USER, k.userKey)));
    }
    list.add(budget(new BudgetKey(k.group, RateLimitScope.PER_APP, k.appKey)));
    list.add(budget(new BudgetKey(RateLimitPolicy.ALL_ENDPOINTS, RateLimitScope.PER_APP, k.appKey)));
    return list.toArray(new Budget[0]);
  }

  private Budget budget(BudgetKey key) {
    Budget b = budgets.get(key);
    if (b != null) {
      return b;
    }
    if (budgets.size() >= MAX_BUDGETS) {
      evictIdle();
    }
    return budgets.computeIfAbsent(key, this::newBudget);
  }

  private Budget newBudget(BudgetKey key) {
    for (RateLimitPolicy p : policies) {
      if (p.endpointGroup().equals(key.group) && p.scope() == key.scope) {
        RateLimiterConfig config = RateLimiterConfig.custom()
            .limitForPeriod(p.limit())
            .limitRefreshPeriod(p.window())
            .timeoutDuration(maxWait)
            .writableStackTraceEnabled(false)
            .build();
        String name = "socialink-" + platformId + "-" + key.group + "-" + key.scope;
        // The limiter reads time from the injected clock, so declared limits are as deterministic
        // as everything else in the pipeline.
        return new Budget(key, p, new AtomicRateLimiter(name, config, this::clockNanos));
      }
    }
    return new Budget(key, null, null);
  }

  private synchronized void evictIdle() {
    if (budgets.size() < MAX_BUDGETS) {
      return;
    }
    long now = clock.millis();
    budgets.values().removeIf(b -> b.idle(now));
    byCall.clear();
  }
}
