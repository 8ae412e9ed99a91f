package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.event.CallEvent;
import io.socialink.event.CallEventListener;
import io.socialink.event.CallFailed;
import io.socialink.event.CallRetried;
import io.socialink.event.CallStarted;
import io.socialink.event.CallSucceeded;
import io.socialink.event.CallThrottled;
import io.socialink.event.CircuitState;
import io.socialink.event.CircuitStateChanged;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Idempotency;
import io.socialink.http.Redaction;
import io.socialink.http.Transport;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.AttemptFailure.BreakerVerdict;
import io.socialink.internal.resilience.PlatformBreaker;
import io.socialink.internal.resilience.RateLimiters;
import io.socialink.internal.resilience.RetryGate;
import io.socialink.internal.resilience.Sleeper;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.spi.ResponseInterpreter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call pipeline of one platform: every outbound call of its provider goes through it. This class
 * is the one place where the layers are put together, outermost first (Resilience4j's recommended
 * nesting, {@code Retry(CircuitBreaker(RateLimiter(call)))}):
 *
 * <ol>
 *   <li><b>events</b>: {@link CallStarted} for each attempt, then {@link CallSucceeded} or
 *       {@link CallFailed} once per call; {@link CallRetried}, {@link CallThrottled} and
 *       {@link CircuitStateChanged} as they happen.</li>
 *   <li><b>retry</b> ({@link RetryGate}): repeats an attempt only when its category is retryable
 *       ({@code TRANSIENT}, {@code RATE_LIMITED}) and repeating is safe: the call is idempotent or
 *       carries an idempotency key, or the failure proves the platform did not process it (connection
 *       refused, connect timeout, a throttling answer). Waits {@code max(server's retry time,
 *       full-jitter backoff)} through the {@link Sleeper}; a server's retry time beyond the maximum wait
 *       fails the call at once with that instant. Never repeats {@code AUTH_*}: an expired token is
 *       refreshed once by the caller ({@link io.socialink.Socialink#withGrant}).</li>
 *   <li><b>circuit breaker</b> ({@link PlatformBreaker}), one per platform: every attempt is counted;
 *       transient failures and timeouts count as failures, authorization, permission and validation
 *       answers as successes, throttling not at all. While open, attempts fail at once with a
 *       {@code TRANSIENT} error naming the platform and when it will be tried again.</li>
 *   <li><b>rate limiter</b> ({@link RateLimiters}): every attempt takes a permit of each declared
 *       limit of its budgets and waits out any hold the platform announced; too long a wait fails fast
 *       with {@code RATE_LIMITED} and the instant the call may go.</li>
 *   <li><b>transport</b>: one request, no retrying of its own.</li>
 *   <li><b>interpretation</b>: the provider's rate-limit observations update the limiter; core's generic
 *       HTTP classification refined by the provider's interpreter turns a failure into the matching
 *       {@link SocialinkException}; a throttling answer drains the call's limits.</li>
 * </ol>
 *
 * <p>Log lines and exception messages show URIs through {@link Redaction} only, never headers or
 * bodies. Thread-safe: one instance serves every thread.
 */
public final class CallPipeline implements CallExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(CallPipeline.class);

  private final String platformId;
  private final Transport transport;
  private final ResponseInterpreter interpreter;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CallEventListener listener;
  private final boolean events;
  private final RetryGate retry;
  private final PlatformBreaker breaker;
  private final RateLimiters limiters;

  /**
   * Creates a pipeline with default policies and no declared rate limits.
   *
   * @param platformId the platform
   * @param transport the transport
   * @param interpreter the platform's interpreter
   * @param clock the clock
   */
  public CallPipeline(String platformId, Transport transport, ResponseInterpreter interpreter, Clock clock) {
    this(platformId, transport, interpreter, PipelineConfig.defaults(clock));
  }

  /**
   * Creates the pipeline.
   *
   * @param platformId the platform
   * @param transport the transport
   * @param interpreter the platform's interpreter
   * @param config the policies, limits and seams
   */
  public CallPipeline(String platformId, Transport transport, ResponseInterpreter interpreter, PipelineConfig config) {
    this.platformId = Objects.requireNonNull(platformId, "platformId");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    Objects.requireNonNull(config, "config");
    this.clock = config.clock();
    this.sleeper = config.sleeper();
    this.listener = config.listener();
    this.events = config.listener() != CallEventListener.noop();
    this.retry = new RetryGate(platformId, config.retry(), config.maxWait(), clock, config.random());
    this.breaker = new PlatformBreaker(platformId, config.circuitBreaker(), clock, this::breakerChanged);
    this.limiters = new RateLimiters(platformId, config.rateLimits(), config.maxWait(), clock, sleeper,
        this::throttled);
  }

  /**
   * The state of the platform's circuit breaker.
   *
   * @return the state
   */
  public CircuitState circuitState() {
    return breaker.state();
  }

  @Override
  public ApiResponse execute(ApiCall call) {
    if (!call.platformId().equals(platformId)) {
      throw new IllegalArgumentException("call for platform '" + call.platformId() + "' sent to the pipeline of '"
          + platformId + "'");
    }
    Instant start = clock.instant();
    RetryGate.Context retryContext = null;
    int attempt = 0;
    while (true) {
      attempt++;
      if (events) {
        emit(new CallStarted(platformId, call.endpointGroup(), call.request().method(), attempt, clock.instant()));
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {}: attempt {}", platformId, call.request(), attempt);
      }
      ApiResponse response;
      try {
        response = attempt(call);
      } catch (AttemptFailure f) {
        if (retryContext == null) {
          retryContext = retry.context();
        }
        long delay = retryContext.onFailure(f);
        if (delay < 0) {
          throw failed(call, f.failure(), attempt, start);
        }
        Duration wait = Duration.ofMillis(delay);
        if (events) {
          emit(new CallRetried(platformId, call.endpointGroup(), f.failure().category(), attempt + 1, wait,
              clock.instant()));
        }
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} {}: attempt {} failed ({}); retrying in {} ms", platformId, call.request(), attempt,
              f.failure().category(), delay);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw failed(call, interrupted(call, e), attempt, start);
        }
        continue;
      } catch (RuntimeException e) {
        if (events) {
          emit(new CallFailed(platformId, call.endpointGroup(), ErrorCategory.UNKNOWN, 0, attempt,
              Duration.between(start, clock.instant()), clock.instant()));
        }
        throw e;
      }
      if (retryContext != null) {
        retryContext.onSuccess();
      }
      if (events) {
        Instant now = clock.instant();
        emit(new CallSucceeded(platformId, call.endpointGroup(), response.status(), attempt,
            Duration.between(start, now), now));
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {}: HTTP {} after {} attempt(s)", platformId, call.request(), response.status(), attempt);
      }
      return response;
    }
  }

  /** The circuit breaker around the rate-limited attempt. */
  private ApiResponse attempt(ApiCall call) {
    breaker.acquire();
    Instant startedAt = clock.instant();
    try {
      ApiResponse response = limitedAttempt(call);
      breaker.onSuccess(startedAt);
      return response;
    } catch (RuntimeException e) {
      breaker.onFailure(startedAt, e);
      throw e;
    }
  }

  /** The rate limiter around the sent request. */
  private ApiResponse limitedAttempt(ApiCall call) {
    try {
      limiters.acquire(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttemptFailure(interrupted(call, e), false, BreakerVerdict.NOT_COUNTED);
    }
    return send(call);
  }

  /** The transport and the interpretation of its response. */
  private ApiResponse send(ApiCall call) {
    ApiResponse response;
    try {
      response = transport.send(call.request());
    } catch (IOException e) {
      Classification generic = DefaultErrorClassifier.classify(platformId, e);
      Classification c = generic.withMessage(generic.message() + " (" + call.request() + ")");
      boolean safe = repeatable(call) || DefaultErrorClassifier.provesNotSent(e);
      throw new AttemptFailure(SocialinkException.of(c, redacted(e), 1), safe && c.retryable(), BreakerVerdict.FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttemptFailure(interrupted(call, e), false, BreakerVerdict.NOT_COUNTED);
    }
    Instant receivedAt = clock.instant();
    List<RateLimitObservation> observations = observations(call, response, receivedAt);
    limiters.observe(call, observations);
    Optional<Classification> failure = verdict(platformId, interpreter, response, receivedAt, observations);
    if (failure.isEmpty()) {
      return response;
    }
    Classification c = failure.get();
    if (c.category() == ErrorCategory.RATE_LIMITED) {
      limiters.throttledBy(call, c.retryAt());
    }
    // A throttling answer means the platform refused the request before processing it.
    boolean safe = repeatable(call) || c.category() == ErrorCategory.RATE_LIMITED;
    throw new AttemptFailure(SocialinkException.of(c, null, 1), safe && c.retryable(), verdictOf(c.category()));
  }

  private List<RateLimitObservation> observations(ApiCall call, ApiResponse response, Instant receivedAt) {
    try {
      return interpreter.rateLimits(call.endpointGroup(), response, receivedAt);
    } catch (RuntimeException e) {
      LOG.warn("{} interpreter failed to read rate-limit signals of {}; ignored: {}", platformId, call.request(),
          Redaction.text(String.valueOf(e.getMessage())));
      return List.of();
    }
  }

  private static boolean repeatable(ApiCall call) {
    return call.idempotency() != Idempotency.NON_IDEMPOTENT;
  }

  private static BreakerVerdict verdictOf(ErrorCategory category) {
    switch (category) {
      case TRANSIENT:
        return BreakerVerdict.FAILURE;
      case RATE_LIMITED:
      case QUOTA_EXHAUSTED:
        return BreakerVerdict.NOT_COUNTED;
      default:
        return BreakerVerdict.ANSWERED;
    }
  }

  private SocialinkException interrupted(ApiCall call, InterruptedException e) {
    return SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
        "interrupted while calling " + call.request()), e, 1);
  }

  private SocialinkException failed(ApiCall call, SocialinkException failure, int attempts, Instant start) {
    SocialinkException out = attempts > 1 ? failure.withAttempts(attempts) : failure;
    if (events) {
      Instant now = clock.instant();
      emit(new CallFailed(platformId, call.endpointGroup(), out.category(), out.httpStatus(), attempts,
          Duration.between(start, now), now));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: failed after {} attempt(s): {}", platformId, call.request(), attempts, out.getMessage());
    }
    return out;
  }

  private void throttled(ApiCall call, Duration wait, Instant until, boolean failedFast) {
    if (events) {
      emit(new CallThrottled(platformId, call.endpointGroup(), wait, until, failedFast, clock.instant()));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: rate limit holds it until {} ({} ms){}", platformId, call.request(), until, wait.toMillis(),
          failedFast ? "; failing fast" : "");
    }
  }

  private void breakerChanged(PlatformBreaker.Transition t) {
    if (t.to() == CircuitState.OPEN) {
      LOG.warn("Circuit breaker of {} opened after repeated transient failures; calls fail fast until {}",
          platformId, t.retryAt().map(Instant::toString).orElse("?"));
    } else {
      LOG.info("Circuit breaker of {} is now {}", platformId, t.to());
    }
    if (events) {
      emit(new CircuitStateChanged(platformId, t.from(), t.to(), t.retryAt(), t.at()));
    }
  }

  private void emit(CallEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("Socialink event listener {} threw on {}; ignored", listener.getClass().getName(),
          event.getClass().getSimpleName(), e);
    }
  }

  /**
   * The transport's failure as a cause that is safe to log: a custom transport may have put the
   * request's URI, with a token in its query, into its message.
   */
  private static IOException redacted(IOException e) {
    String message = e.getMessage();
    if (message == null || Redaction.text(message).equals(message)) {
      return e;
    }
    IOException safe = new IOException(e.getClass().getName() + ": " + Redaction.text(message));
    safe.setStackTrace(e.getStackTrace());
    return safe;
  }

  /**
   * The verdict the pipeline raises for a response: core's generic rules refined by the platform's
   * interpreter, the message redacted, and a throttling answer without its own retry time given the
   * latest reset of the budgets the response says are spent.
   *
   * @param platformId the platform
   * @param interpreter its interpreter
   * @param response the response
   * @param receivedAt when it arrived
   * @param observations what the interpreter read of the response's rate limits
   * @return the classification, or empty for a success
   */
  public static Optional<Classification> verdict(String platformId, ResponseInterpreter interpreter,
      ApiResponse response, Instant receivedAt, List<RateLimitObservation> observations) {
    Optional<Classification> failure = classify(platformId, interpreter, response, receivedAt);
    if (failure.isEmpty()) {
      return failure;
    }
    Classification c = failure.get();
    String safeMessage = Redaction.text(c.message());
    if (!safeMessage.equals(c.message())) {
      c = c.withMessage(safeMessage);
    }
    if (c.category() == ErrorCategory.RATE_LIMITED && c.retryAt().isEmpty()) {
      Optional<Instant> reset = RateLimiters.latestExhaustedReset(observations);
      if (reset.isPresent()) {
        c = c.withRetryAt(reset.get());
      }
    }
    return Optional.of(c);
  }

  /**
   * Classifies a response: core's generic rules, then the platform's refinement.
   *
   * @param platformId the platform
   * @param interpreter its interpreter
   * @param response the response
   * @param receivedAt when it arrived
   * @return the classification, or empty for a success
   */
  public static Optional<Classification> classify(
      String platformId, ResponseInterpreter interpreter, ApiResponse response, Instant receivedAt) {
    Optional<Classification> generic = DefaultErrorClassifier.classify(platformId, response, receivedAt);
    return interpreter.classify(response, generic);
  }

  @Override
  public String toString() {
    return "CallPipeline[" + platformId + "]";
  }
}
