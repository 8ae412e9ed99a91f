package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.event.CircuitState;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Interceptor;
import io.socialink.http.Redaction;
import io.socialink.http.SafeText;
import io.socialink.http.Transport;
import io.socialink.internal.resilience.PlatformBreaker;
import io.socialink.internal.resilience.RateLimiters;
import io.socialink.internal.resilience.RetryGate;
import io.socialink.spi.Sleeper;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RetryTimes;
import io.socialink.spi.ResponseInterpreter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The call pipeline of one platform: every outbound call of its provider goes through it. This class
 * is the one place where the pipeline is put together: an ordered list of small named stages, each
 * its own class, outermost first (Resilience4j's recommended nesting,
 * {@code Retry(CircuitBreaker(RateLimiter(call)))}, with the user's interceptors outside it):
 *
 * <ol>
 *   <li><b>events</b> ({@link EventStage}): {@code CallSucceeded} or {@code CallFailed} once per call;
 *       whatever leaves the pipeline is a {@link SocialinkException} free of the call's secrets along its
 *       whole cause chain.</li>
 *   <li><b>interceptors</b> ({@link InterceptorStage}): the user's {@link Interceptor}s, in the order
 *       given, once per logical call, outside retry.</li>
 *   <li><b>retry</b> ({@link RetryStage} on {@link RetryGate}): {@code CallStarted} for each attempt;
 *       repeats an attempt only when its category is retryable ({@code TRANSIENT}, {@code RATE_LIMITED})
 *       and repeating is safe: the call is idempotent or carries an idempotency key, or the failure
 *       proves the platform did not process it (connection refused, connect timeout, a throttling
 *       answer). Waits {@code max(server's retry time, full-jitter backoff)} through the
 *       {@link Sleeper}; a server's retry time beyond the maximum wait fails the call at once with that
 *       instant. Never repeats {@code AUTH_*}: an expired token is refreshed once by the caller.</li>
 *   <li><b>circuit breaker</b> ({@link BreakerStage} on {@link PlatformBreaker}), one per platform:
 *       every attempt is counted; transient failures and timeouts count as failures, authorization,
 *       permission and validation answers as successes, throttling not at all. While open, attempts
 *       fail at once with a {@code TRANSIENT} error naming the platform and when it will be tried
 *       again.</li>
 *   <li><b>rate limit</b> ({@link RateLimitStage} on {@link RateLimiters}): every attempt takes a
 *       permit of each declared limit of its budgets and waits out any hold the platform announced; too
 *       long a wait fails fast with {@code RATE_LIMITED} and the instant the call may go. After a hold,
 *       callers go one answer at a time.</li>
 *   <li><b>interpretation</b> ({@link InterpretationStage}): wraps the transport and reads its answer:
 *       rate-limit observations update the limiter; core's generic HTTP classification refined by the
 *       provider's interpreter turns a failure into the matching {@link SocialinkException}; a
 *       throttling answer holds the call's budget until the platform's reset.</li>
 *   <li><b>transport</b> ({@link TransportStage}): one request, no retrying of its own; every failure
 *       becomes a library exception.</li>
 * </ol>
 *
 * <p>Every stage passes the call on exactly once (the retry stage once per attempt), and the
 * {@link StageChain} checks it. Log lines and exception messages show URIs through {@link Redaction}
 * only, never headers or bodies, and the exact secret values the call carries are scrubbed from every
 * text it produces. Thread-safe: one instance serves every thread.
 */
public final class CallPipeline implements CallExecutor {
  private final String platformId;
  private final Clock clock;
  private final PlatformBreaker breaker;
  private final Stage[] stages;

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
   * @param config the policies, limits, interceptors and seams
   */
  public CallPipeline(String platformId, Transport transport, ResponseInterpreter interpreter, PipelineConfig config) {
    this.platformId = Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(interpreter, "interpreter");
    Objects.requireNonNull(config, "config");
    this.clock = config.clock();
    PipelineEvents events = new PipelineEvents(platformId, config.listener(), clock);
    Interruptions interruptions = new Interruptions(platformId);
    RetryGate retry = new RetryGate(platformId, config.retry(), config.maxWait(), clock, config.random());
    this.breaker = new PlatformBreaker(platformId, config.circuitBreaker(), clock, events::breakerChanged);
    RateLimiters limiters = new RateLimiters(platformId, config.rateLimits(), config.maxWait(), clock,
        config.sleeper(), events::throttled);

    List<Stage> list = new ArrayList<>();
    list.add(new EventStage(platformId, events));
    for (Interceptor i : config.interceptors()) {
      list.add(new InterceptorStage(platformId, i));
    }
    list.add(new RetryStage(retry, config.sleeper(), events, interruptions));
    list.add(new BreakerStage(platformId, breaker));
    list.add(new RateLimitStage(limiters, interruptions));
    list.add(new InterpretationStage(platformId, interpreter, limiters, clock, events));
    list.add(new TransportStage(platformId, transport, interruptions));
    if (list.size() > StageChain.MAX_STAGES) {
      throw new IllegalArgumentException("too many interceptors: " + config.interceptors().size() + "; at most "
          + (StageChain.MAX_STAGES - 6));
    }
    this.stages = list.toArray(new Stage[0]);
  }

  /**
   * The names of the stages, outermost first.
   *
   * @return the names
   */
  public List<String> stageNames() {
    List<String> names = new ArrayList<>(stages.length);
    for (Stage s : stages) {
      names.add(s.name());
    }
    return names;
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
    return new StageChain(stages, call, new CallState(call)).run();
  }

  /** The longest message a verdict keeps; a longer one is cut before it is redacted. */
  static final int MAX_MESSAGE_CHARS = 2_000;

  /**
   * The verdict the pipeline raises for a response: core's generic rules refined by the platform's
   * interpreter, the message redacted, and a throttling or spent-quota answer without its own retry
   * time given the latest reset of the budgets the response says are spent (a quota is not retried;
   * the instant says when it resets).
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
    return verdict(platformId, Operation.API_CALL, interpreter, response, receivedAt, observations);
  }

  /**
   * The verdict the pipeline raises for a response to a call doing an operation; see
   * {@link #verdict(String, ResponseInterpreter, ApiResponse, Instant, List)} and {@link Operation}.
   *
   * @param platformId the platform
   * @param operation what the call was doing
   * @param interpreter its interpreter
   * @param response the response
   * @param receivedAt when it arrived
   * @param observations what the interpreter read of the response's rate limits
   * @return the classification, or empty for a success
   */
  public static Optional<Classification> verdict(String platformId, Operation operation,
      ResponseInterpreter interpreter, ApiResponse response, Instant receivedAt,
      List<RateLimitObservation> observations) {
    Optional<Classification> failure = classify(platformId, operation, interpreter, response, receivedAt);
    if (failure.isEmpty()) {
      return failure;
    }
    Classification c = failure.get();
    // Cut before redacting: an interpreter may quote a platform's text of any length.
    String safeMessage = c.message().length() > MAX_MESSAGE_CHARS
        ? SafeText.excerpt(c.message(), MAX_MESSAGE_CHARS) : Redaction.text(c.message());
    if (!safeMessage.equals(c.message())) {
      c = c.withMessage(safeMessage);
    }
    // A spent quota is not retried, but when it resets is still worth knowing.
    if ((c.category() == ErrorCategory.RATE_LIMITED || c.category() == ErrorCategory.QUOTA_EXHAUSTED)
        && c.retryAt().isEmpty()) {
      Optional<Instant> reset = RateLimiters.latestExhaustedReset(observations);
      if (reset.isPresent()) {
        c = c.withRetryAt(reset.get());
      }
    }
    if (c.retryAt().isPresent()) {
      // Any interpreter's retry time, a third party's too, is at most a day after the answer.
      Instant capped = RetryTimes.capped(c.retryAt().get(), receivedAt);
      if (!capped.equals(c.retryAt().get())) {
        c = c.withRetryAt(capped);
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
    return classify(platformId, Operation.API_CALL, interpreter, response, receivedAt);
  }

  /**
   * Classifies a response to a call doing an operation: core's generic rules, then the platform's
   * operation-aware refinement, then {@link DefaultErrorClassifier#forOperation}.
   *
   * @param platformId the platform
   * @param operation what the call was doing
   * @param interpreter its interpreter
   * @param response the response
   * @param receivedAt when it arrived
   * @return the classification, or empty for a success
   */
  public static Optional<Classification> classify(String platformId, Operation operation,
      ResponseInterpreter interpreter, ApiResponse response, Instant receivedAt) {
    Optional<Classification> generic = DefaultErrorClassifier.classify(platformId, response, receivedAt);
    Optional<Classification> refined = interpreter.classify(operation, response, generic);
    return refined.isEmpty() ? refined : Optional.of(DefaultErrorClassifier.forOperation(operation, refined.get()));
  }

  @Override
  public String toString() {
    return "CallPipeline[" + platformId + "]";
  }
}
