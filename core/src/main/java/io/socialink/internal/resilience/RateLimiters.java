package io.socialink.internal.resilience;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.resilience.RateLimitScope;
import io.socialink.resilience.RateLimitWindow;
import io.socialink.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit layer of one platform: budgets keyed the way the platform counts, by endpoint group
 * (or {@code *} for every call) and by application credential ({@link RateLimitScope#PER_APP}) or
 * user account ({@link RateLimitScope#PER_USER}).
 *
 * <p>A budget has two parts. A declared {@link RateLimitPolicy} gives a permit per attempt,
 * {@code limit} permits per {@code window}: a {@link RateLimitWindow#FIXED} one through a
 * {@link FixedWindow}, a {@link RateLimitWindow#SLIDING} one through a {@link SlidingWindow},
 * which never lets more than {@code limit} attempts go in any span of {@code window}. A
 * <em>hold</em> comes from the platform itself: an exhausted {@link RateLimitObservation} or a
 * throttling answer holds every call on that budget until the reset, so calls are not spent on
 * certain 429s. A call waits (through the {@link Sleeper}) when the wait is within the maximum, and
 * otherwise fails at once with {@link ErrorCategory#RATE_LIMITED} and the instant it may go.
 *
 * <p><b>Sliding windows, provably.</b> An attempt takes its permits on all of its sliding windows at
 * one instant, the instant it goes, under the windows' monitors taken in one global order: only when
 * every one of them has room at that instant, and after any fixed-window wait. Otherwise it waits until
 * the latest instant one of them names and tries again, or fails fast, taking nothing, when its waits
 * would pass the maximum. So each window records the instants attempts actually go, in order. A
 * window has room at {@code t} only when the permit {@code limit} places earlier is at least
 * {@code window} before {@code t}; hence no span of {@code window} holds more than {@code limit}
 * attempts (see {@link SlidingWindow} for the slotted count of large limits). Nothing is reserved
 * ahead of time, so an attempt held by its own window (a user at their limit) never holds back
 * others on a window it shares with them (the app's); the price is no queue: of the callers a freed
 * permit wakes, the first takes it and the others wait again, within the maximum wait.
 *
 * <p>The platform's announced reset is the truth for a hold: a throttling answer that says when calls
 * may go again ({@code Retry-After}, or a spent budget's reset) holds the call's budget until then and
 * leaves the declared limits alone, since they are a ceiling on sending, not a penalty. Only a
 * throttling answer that names no time drains the declared limits of the call's endpoint group, so
 * their window is the estimate of when to try again.
 *
 * <p><b>Pace after a hold.</b> When a platform's hold ends, the callers that waited for it do not go
 * all at once. The budget reopens one answer at a time: the first caller goes; the others wait for its
 * answer. If that answer reports how many calls remain ({@code N}), up to {@code N} (less those still
 * in flight) go next, and the rest wait for the next answer; when everyone waiting fits in what
 * remains, the budget is open again. An answer that reports no count opens the budget (the declared
 * limits still pace it); an answer that says the budget is spent holds it again until the new reset,
 * and an attempt that got no answer gives its turn to the next caller.
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

  /**
   * What decides a call's budgets. Looked up on every attempt, so its equality is written out: a
   * record's generated {@code equals} and {@code hashCode} go through method handles that cost more
   * here than the lookup itself.
   */
  private static final class CallKey {
    final String group;
    final String appKey;
    final @Nullable String userKey;
    private final int hash;

    CallKey(String group, String appKey, @Nullable String userKey) {
      this.group = group;
      this.appKey = appKey;
      this.userKey = userKey;
      this.hash = (group.hashCode() * 31 + appKey.hashCode()) * 31 + Objects.hashCode(userKey);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CallKey k && hash == k.hash && group.equals(k.group) && appKey.equals(k.appKey)
          && Objects.equals(userKey, k.userKey);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A call's budgets, and those with a sliding window in the order their monitors are taken. */
  private record CallBudgets(Budget[] all, SlidingWindow[] sliding) {}

  /**
   * The turns an attempt took on budgets reopening after a hold; give it back with
   * {@link #release(Permit, boolean)}. {@link #NONE} when it took none, the usual case.
   */
  public static final class Permit {
    static final Permit NONE = new Permit(new Budget[0]);
    final Budget[] budgets;

    Permit(Budget[] budgets) {
      this.budgets = budgets;
    }
  }

  private final class Budget {
    final BudgetKey key;
    final @Nullable FixedWindow limiter;
    final @Nullable SlidingWindow sliding;
    final @Nullable RateLimitPolicy policy;
    final AtomicLong holdUntilMillis = new AtomicLong(Long.MIN_VALUE);
    /** Reopening after a platform's hold: attempts go one turn at a time. */
    volatile boolean reopening;
    /** The latest count of calls left the platform reported while reopening, or -1. */
    volatile long reported = -1;
    // Guarded by this budget's monitor:
    int turns;
    int inFlight;
    /** Callers that waited out this budget's hold or wait for a turn and have not gone yet. */
    int queued;

    Budget(BudgetKey key, @Nullable RateLimitPolicy policy, @Nullable FixedWindow limiter,
        @Nullable SlidingWindow sliding) {
      this.key = key;
      this.policy = policy;
      this.limiter = limiter;
      this.sliding = sliding;
    }

    /** A hold the platform announced; when it ends, the budget reopens one answer at a time. */
    void holdUntil(Instant until) {
      long t = until.toEpochMilli(); // callers cap the instant with capped(...)
      holdUntilMillis.accumulateAndGet(t, Math::max);
      synchronized (this) {
        reported = 0;
        if (!reopening) {
          reopening = true;
          reopeningBudgets.incrementAndGet();
          turns = inFlight > 0 ? 0 : 1;
        }
        notifyAll();
      }
    }

    boolean held(long nowMillis) {
      return holdUntilMillis.get() > nowMillis;
    }

    /** Called with the monitor held. */
    void open() {
      if (reopening) {
        reopening = false;
        reopeningBudgets.decrementAndGet();
      }
    }

    boolean idle(long nowMillis) {
      if (reopening || holdUntilMillis.get() > nowMillis) {
        return false;
      }
      if (sliding != null) {
        synchronized (sliding) {
          return sliding.idle(nowMillis);
        }
      }
      return limiter == null || policy == null || limiter.available() >= policy.limit();
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
  private final ConcurrentHashMap<CallKey, CallBudgets> byCall = new ConcurrentHashMap<>();
  private final AtomicInteger reopeningBudgets = new AtomicInteger();
  private final AtomicLong windowOrder = new AtomicLong();

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
   * Takes a permit for an attempt: waits for any hold on the call's budgets, for its turn on a budget
   * reopening after a hold, and for a permit of each declared limit, or fails fast when that would take
   * longer than the maximum wait.
   *
   * @param call the call
   * @return the attempt's turns, to give back with {@link #release(Permit, boolean)} once it is over
   * @throws AttemptFailure a {@link ErrorCategory#RATE_LIMITED} failure with the instant the call may
   *     go; not retried, not counted by the circuit breaker; nothing was sent
   * @throws InterruptedException if interrupted while waiting
   */
  public Permit acquire(ApiCall call) throws InterruptedException {
    CallBudgets cb = budgetsFor(call);
    Budget[] bs = cb.all;
    long waited = 0;
    Permit permit = Permit.NONE;
    List<Budget> queuedOn = null;
    try {
      while (true) {
        // A platform's hold makes its budget reopen one answer at a time; calls on budgets that are
        // not reopening (the usual case) keep no record of who waits.
        if (queuedOn == null && reopening(bs)) {
          queuedOn = new ArrayList<>(2);
        }
        waited = waitOutHolds(call, bs, waited, queuedOn);
        if (queuedOn == null) {
          if (!reopening(bs)) {
            break;
          }
          queuedOn = new ArrayList<>(2);
        }
        Permit p = takeTurns(bs, queuedOn);
        if (p != null) {
          permit = p;
          break;
        }
      }
    } finally {
      if (queuedOn != null) {
        leave(queuedOn);
      }
    }
    try {
      takeDeclaredPermits(call, cb, waited);
    } catch (RuntimeException | InterruptedException e) {
      release(permit, false);
      throw e;
    }
    return permit;
  }

  /**
   * The usual case, in one pass: a free permit of every declared fixed window, each window's monitor
   * entered once. When one has none free, the permits already taken are given back and nothing is
   * taken: the caller then goes the long way, which checks every limit before taking any permit.
   */
  private static boolean tookFreePermits(Budget[] bs, long now) {
    for (int i = 0; i < bs.length; i++) {
      FixedWindow w = bs[i].limiter;
      if (w != null && !w.tryTake(now)) {
        for (int j = 0; j < i; j++) {
          FixedWindow taken = bs[j].limiter;
          if (taken != null) {
            taken.giveBack(now);
          }
        }
        return false;
      }
    }
    return true;
  }

  private static boolean neverHeld(Budget[] bs) {
    for (Budget b : bs) {
      if (b.holdUntilMillis.get() != Long.MIN_VALUE) {
        return false;
      }
    }
    return true;
  }

  private boolean reopening(Budget[] bs) {
    if (reopeningBudgets.get() == 0) {
      return false;
    }
    for (Budget b : bs) {
      if (b.reopening) {
        return true;
      }
    }
    return false;
  }

  /** Counts the caller among those waiting on a budget, once. */
  private static void queue(Budget b, List<Budget> queuedOn) {
    for (Budget q : queuedOn) {
      if (q == b) {
        return;
      }
    }
    synchronized (b) {
      b.queued++;
    }
    queuedOn.add(b);
  }

  private static void unqueue(Budget b, List<Budget> queuedOn) {
    for (int i = 0; i < queuedOn.size(); i++) {
      if (queuedOn.get(i) == b) {
        queuedOn.remove(i);
        b.queued--; // the caller holds b's monitor
        return;
      }
    }
  }

  private static void leave(List<Budget> queuedOn) {
    for (Budget b : queuedOn) {
      synchronized (b) {
        b.queued--;
        b.notifyAll();
      }
    }
    queuedOn.clear();
  }

  private long waitOutHolds(ApiCall call, Budget[] bs, long waitedBefore, @Nullable List<Budget> queuedOn)
      throws InterruptedException {
    long waited = waitedBefore;
    while (true) {
      if (neverHeld(bs)) {
        return waited; // the usual case, found without reading the clock
      }
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
        return waited;
      }
      long wait = holdUntil - now;
      Instant until = Instant.ofEpochMilli(holdUntil);
      if (waited + wait > maxWaitMillis) {
        observer.throttled(call, Duration.ofMillis(wait), until, true);
        throw failFast(call, holding, until, "the platform said the budget is spent");
      }
      observer.throttled(call, Duration.ofMillis(wait), until, false);
      if (queuedOn != null) {
        // Counted as waiting from now on, so that the hold's end lets callers go at the budget's pace.
        for (Budget b : bs) {
          if (b.held(now)) {
            queue(b, queuedOn);
          }
        }
      }
      sleeper.sleep(Duration.ofMillis(wait));
      waited += wait;
    }
  }

  /**
   * Takes a turn on each of the call's budgets that is reopening after a hold; when one has no turn
   * left, gives back those taken, waits for an answer to come back on that budget, and returns null
   * so that the caller checks the holds again.
   */
  private @Nullable Permit takeTurns(Budget[] bs, List<Budget> queuedOn) throws InterruptedException {
    List<Budget> taken = null;
    Budget blocked = null;
    for (Budget b : bs) {
      if (!b.reopening) {
        continue;
      }
      synchronized (b) {
        if (!b.reopening) {
          continue;
        }
        if (b.turns > 0) {
          b.turns--;
          b.inFlight++;
          unqueue(b, queuedOn);
          if (taken == null) {
            taken = new ArrayList<>(2);
          }
          taken.add(b);
          continue;
        }
        blocked = b;
      }
      break;
    }
    if (blocked == null) {
      return taken == null ? Permit.NONE : new Permit(taken.toArray(new Budget[0]));
    }
    if (taken != null) {
      for (Budget b : taken) {
        queue(b, queuedOn);
      }
      giveBack(taken.toArray(new Budget[0]));
    }
    queue(blocked, queuedOn);
    synchronized (blocked) {
      // Woken by an answer on this budget, a new hold, or a turn given back; no clock involved.
      while (blocked.reopening && blocked.turns == 0 && !blocked.held(clock.millis())) {
        blocked.wait();
      }
    }
    return null;
  }

  private void giveBack(Budget[] budgets) {
    for (Budget b : budgets) {
      synchronized (b) {
        b.inFlight--;
        b.turns++;
        b.notifyAll();
      }
    }
  }

  /**
   * Ends an attempt's turns on budgets reopening after a hold. An answer sets how many callers go
   * next: as many as the platform said remain (less those still in flight), or everyone when it said
   * nothing; no answer gives the turn to the next caller.
   *
   * @param permit what {@link #acquire(ApiCall)} returned
   * @param answered whether the platform answered the attempt
   */
  public void release(Permit permit, boolean answered) {
    if (permit.budgets.length == 0) {
      return;
    }
    if (!answered) {
      giveBack(permit.budgets);
      return;
    }
    long now = clock.millis();
    for (Budget b : permit.budgets) {
      synchronized (b) {
        b.inFlight--;
        long remaining = b.reported;
        b.reported = -1;
        if (remaining < 0) {
          if (!b.held(now)) {
            b.open();
          }
        } else {
          b.turns = (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining - b.inFlight));
          if (b.turns == 0 && b.inFlight == 0) {
            // Spent again: one caller tries when the new hold ends.
            b.turns = 1;
          } else if (remaining > 0 && b.turns >= b.queued && !b.held(now)) {
            b.open();
          }
        }
        b.notifyAll();
      }
    }
  }

  private void takeDeclaredPermits(ApiCall call, CallBudgets cb, long waited) throws InterruptedException {
    Budget[] bs = cb.all;
    // Check every declared limit before taking any permit, so a call refused by one budget (say, a
    // user over their own limit) does not spend the permits of the others (the app's shared budget).
    long leftMillis = Math.max(0, maxWaitMillis - waited);
    long leftNanos = leftMillis > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : leftMillis * 1_000_000L;
    long now = clockNanos(); // one reading for every window: this runs on every attempt
    if (cb.sliding.length == 0 && tookFreePermits(bs, now)) {
      return;
    }
    for (Budget b : bs) {
      if (b.limiter == null) {
        if (b.sliding != null) {
          checkSliding(call, b, b.sliding, leftNanos);
        }
        continue;
      }
      long need = b.limiter.nanosToWait(now);
      if (need > leftNanos) {
        Instant until = clock.instant().plusNanos(need);
        observer.throttled(call, Duration.ofNanos(need), until, true);
        throw failFast(call, b, until, usedUp(b.policy));
      }
    }
    long reserved = 0;
    for (Budget b : bs) {
      if (b.limiter == null) {
        continue;
      }
      long nanos = b.limiter.reserve(now);
      if (nanos < 0) {
        long need = b.limiter.nanosToWait(now);
        Instant until = clock.instant().plusNanos(Math.max(0, need));
        observer.throttled(call, Duration.ofNanos(Math.max(0, need)), until, true);
        throw failFast(call, b, until, usedUp(b.policy));
      }
      reserved = Math.max(reserved, nanos);
    }
    if (reserved > 0) {
      Duration wait = Duration.ofNanos(reserved);
      observer.throttled(call, wait, clock.instant().plus(wait), false);
      sleeper.sleep(wait);
    }
    if (cb.sliding.length > 0) {
      takeSlidingPermits(call, cb, (leftNanos - reserved) / 1_000_000L);
    }
  }

  /** Fails fast, taking nothing, when a sliding window would hold the call longer than it may wait. */
  private void checkSliding(ApiCall call, Budget b, SlidingWindow w, long leftNanos) {
    long now = clock.millis();
    long need;
    synchronized (w) {
      need = Math.max(0, w.earliest(now) - now) * 1_000_000L;
    }
    if (need > leftNanos) {
      Instant until = clock.instant().plusNanos(need);
      observer.throttled(call, Duration.ofNanos(need), until, true);
      throw failFast(call, b, until, usedUp(b.policy));
    }
  }

  /**
   * Takes a permit of each sliding window of a call at the instant the call goes: when every window
   * has room now, reserves now in all of them at once (their monitors held in their global order);
   * otherwise waits until the latest instant one of them names and tries again, or fails fast,
   * taking nothing, once the waits would pass the maximum. No permit is reserved ahead of time, so a
   * call held by its own window never holds back other calls on a window it shares with them; a
   * caller that loses a race for the freed room waits again.
   */
  private void takeSlidingPermits(ApiCall call, CallBudgets cb, long leftMillis) throws InterruptedException {
    long left = leftMillis;
    while (true) {
      long now = clock.millis();
      long at = reserveSliding(cb.sliding, 0, now);
      if (at <= now) {
        return;
      }
      Duration wait = Duration.ofMillis(at - now);
      Instant until = Instant.ofEpochMilli(at);
      if (at - now > left) {
        observer.throttled(call, wait, until, true);
        Budget b = slidingBudget(cb.all, now);
        throw failFast(call, b, until, usedUp(b.policy));
      }
      observer.throttled(call, wait, until, false);
      sleeper.sleep(wait);
      left -= at - now;
    }
  }

  /**
   * With the monitors of a call's sliding windows held in their global order, reserves a permit now
   * in all of them if all have room now.
   *
   * @return now when reserved, else the earliest instant at which all of them may have room
   */
  private static long reserveSliding(SlidingWindow[] ws, int i, long now) {
    synchronized (ws[i]) {
      if (i + 1 < ws.length) {
        return reserveSliding(ws, i + 1, now);
      }
      long at = now;
      for (SlidingWindow w : ws) {
        at = Math.max(at, w.earliest(now));
      }
      if (at <= now) {
        for (SlidingWindow w : ws) {
          w.reserve(now, 1);
        }
      }
      return at;
    }
  }

  /** The sliding budget that holds a call longest, for the message of a call that cannot wait. */
  private static Budget slidingBudget(Budget[] bs, long now) {
    Budget worst = bs[0];
    long latest = Long.MIN_VALUE;
    for (Budget b : bs) {
      SlidingWindow w = b.sliding;
      if (w != null) {
        long e;
        synchronized (w) {
          e = w.earliest(now);
        }
        if (e > latest) {
          worst = b;
          latest = e;
        }
      }
    }
    return worst;
  }

  private static String usedUp(@Nullable RateLimitPolicy p) {
    if (p == null) {
      return "its declared limit is used up";
    }
    return p.windowKind() == RateLimitWindow.SLIDING
        ? "its declared limit of " + p.limit() + " calls in any " + p.window() + " is used up"
        : "its declared limit of " + p.limit() + " calls per " + p.window() + " is used up";
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
    boolean reopening = reopeningBudgets.get() > 0;
    Instant now = null; // read once, and only for a spent budget
    for (RateLimitObservation o : observations) {
      if (!o.exhausted()) {
        if (reopening) {
          String principal = principal(call, o.scope());
          Budget b = principal == null ? null : budgets.get(new BudgetKey(o.endpointGroup(), o.scope(), principal));
          if (b != null && b.reopening) {
            b.reported = o.remaining();
          }
        }
        continue;
      }
      if (now == null) {
        now = Instant.ofEpochMilli(clock.millis());
      }
      if (!o.resetAt().isAfter(now)) {
        continue;
      }
      String principal = principal(call, o.scope());
      if (principal != null) {
        budget(new BudgetKey(o.endpointGroup(), o.scope(), principal)).holdUntil(capped(o.resetAt()));
      }
    }
  }

  /**
   * Applies a throttling answer. When the platform said when calls may go again, holds the call's
   * most specific budget (per user when the call is for a user, else per app) until then and no
   * longer, leaving the declared limits alone. When it named no time, drains the declared limits of
   * the call's endpoint group instead, so their window stands in for the unknown reset.
   *
   * @param call the call that was throttled
   * @param retryAt when the platform said calls may go again
   */
  public void throttledBy(ApiCall call, Optional<Instant> retryAt) {
    if (retryAt.isEmpty()) {
      long now = clock.millis();
      for (Budget b : budgetsFor(call).all) {
        if (!b.key.group.equals(call.endpointGroup())) {
          continue;
        }
        if (b.limiter != null) {
          b.limiter.drain();
        } else if (b.sliding != null) {
          synchronized (b.sliding) {
            b.sliding.drain(now);
          }
        }
      }
      return;
    }
    if (retryAt.get().isAfter(clock.instant())) {
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

  /** The limiters' time source: the injected clock to the millisecond, without building an Instant. */
  private static long nanosOf(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private long clockNanos() {
    return clock.millis() * 1_000_000L;
  }

  /** A hold never lasts longer than a day, whatever a malformed or hostile reset says. */
  private Instant capped(Instant until) {
    Instant latest = clock.instant().plus(MAX_HOLD);
    return until.isAfter(latest) ? latest : until;
  }

  private static @Nullable String principal(ApiCall call, RateLimitScope scope) {
    return scope == RateLimitScope.PER_APP ? call.appKey() : call.userKey().orElse(null);
  }

  private CallBudgets budgetsFor(ApiCall call) {
    CallKey key = new CallKey(call.endpointGroup(), call.appKey(), call.userKey().orElse(null));
    CallBudgets bs = byCall.get(key);
    if (bs == null) {
      bs = byCall.computeIfAbsent(key, this::resolve);
    }
    return bs;
  }

  private CallBudgets resolve(CallKey k) {
    // Per-user budgets first: if permits are taken and a later budget refuses in a race, the
    // shared per-app budgets are the ones left untouched.
    List<Budget> list = new ArrayList<>(4);
    if (k.userKey != null) {
      list.add(budget(new BudgetKey(k.group, RateLimitScope.PER_USER, k.userKey)));
      list.add(budget(new BudgetKey(RateLimitPolicy.ALL_ENDPOINTS, RateLimitScope.PER_USER, k.userKey)));
    }
    list.add(budget(new BudgetKey(k.group, RateLimitScope.PER_APP, k.appKey)));
    list.add(budget(new BudgetKey(RateLimitPolicy.ALL_ENDPOINTS, RateLimitScope.PER_APP, k.appKey)));
    List<SlidingWindow> sliding = new ArrayList<>(2);
    for (Budget b : list) {
      if (b.sliding != null) {
        sliding.add(b.sliding);
      }
    }
    sliding.sort((a, b) -> Long.compare(a.order, b.order));
    return new CallBudgets(list.toArray(new Budget[0]), sliding.toArray(new SlidingWindow[0]));
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
        if (p.windowKind() == RateLimitWindow.SLIDING) {
          return new Budget(key, p, null, SlidingWindow.of(p.limit(), p.window(), windowOrder.incrementAndGet()));
        }
        // The window reads time from the injected clock, so declared limits are as deterministic as
        // everything else in the pipeline.
        return new Budget(key, p, new FixedWindow(p.limit(), nanosOf(p.window()), nanosOf(maxWait), this::clockNanos),
            null);
      }
    }
    return new Budget(key, null, null, null);
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
