package io.socialink.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.socialink.event.CallEventListener;
import io.socialink.event.CallFailed;
import io.socialink.event.CallRetried;
import io.socialink.event.CallStarted;
import io.socialink.event.CallSucceeded;
import io.socialink.event.CallThrottled;
import io.socialink.event.CircuitState;
import io.socialink.event.CircuitStateChanged;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records Socialink's call pipeline events as Micrometer meters. Tags are the platform id, the
 * endpoint group and outcomes, never a user or a token, so their number stays bounded.
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@value #CALLS}</td><td>timer</td><td>platform, endpoint, outcome ({@code success}, {@code failure}),
 *     category ({@code none} or the error category)</td><td>calls, waits and retries included</td></tr>
 * <tr><td>{@value #ATTEMPTS}</td><td>counter</td><td>platform, endpoint</td><td>attempts started</td></tr>
 * <tr><td>{@value #RETRIES}</td><td>counter</td><td>platform, endpoint, category</td><td>retries scheduled</td></tr>
 * <tr><td>{@value #THROTTLED}</td><td>timer</td><td>platform, endpoint, outcome ({@code waited},
 *     {@code failed_fast})</td><td>attempts held by the rate limiter, and how long</td></tr>
 * <tr><td>{@value #CIRCUIT_STATE}</td><td>gauge</td><td>platform</td><td>0 closed, 1 half-open, 2 open</td></tr>
 * <tr><td>{@value #CIRCUIT_TRANSITIONS}</td><td>counter</td><td>platform, from, to</td><td>breaker state changes</td></tr>
 * </table>
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .eventListener(MicrometerCallEventListener.of(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MicrometerCallEventListener implements CallEventListener {
  /** Timer of calls. */
  public static final String CALLS = "socialink.calls";
  /** Counter of attempts. */
  public static final String ATTEMPTS = "socialink.call.attempts";
  /** Counter of retries. */
  public static final String RETRIES = "socialink.call.retries";
  /** Timer of rate-limit holds. */
  public static final String THROTTLED = "socialink.call.throttled";
  /** Gauge of circuit breaker states. */
  public static final String CIRCUIT_STATE = "socialink.circuit.state";
  /** Counter of circuit breaker transitions. */
  public static final String CIRCUIT_TRANSITIONS = "socialink.circuit.transitions";

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> circuitStates = new ConcurrentHashMap<>();

  private MicrometerCallEventListener(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A listener that records into a registry.
   *
   * @param registry the registry
   * @return the listener
   */
  public static MicrometerCallEventListener of(MeterRegistry registry) {
    return new MicrometerCallEventListener(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void callStarted(CallStarted event) {
    Counter.builder(ATTEMPTS).description("Attempts of Socialink calls")
        .tags(Tags.of("platform", event.platformId(), "endpoint", event.endpointGroup()))
        .register(registry).increment();
  }

  @Override
  public void callSucceeded(CallSucceeded event) {
    Timer.builder(CALLS).description("Socialink calls, retries and waits included")
        .tags(Tags.of("platform", event.platformId(), "endpoint", event.endpointGroup(), "outcome", "success",
            "category", "none"))
        .register(registry).record(event.duration());
  }

  @Override
  public void callFailed(CallFailed event) {
    Timer.builder(CALLS).description("Socialink calls, retries and waits included")
        .tags(Tags.of("platform", event.platformId(), "endpoint", event.endpointGroup(), "outcome", "failure",
            "category", event.category().name().toLowerCase(Locale.ROOT)))
        .register(registry).record(event.duration());
  }

  @Override
  public void callRetried(CallRetried event) {
    Counter.builder(RETRIES).description("Retries of Socialink calls")
        .tags(Tags.of("platform", event.platformId(), "endpoint", event.endpointGroup(), "category",
            event.category().name().toLowerCase(Locale.ROOT)))
        .register(registry).increment();
  }

  @Override
  public void callThrottled(CallThrottled event) {
    Timer.builder(THROTTLED).description("Attempts held by Socialink's rate limiter")
        .tags(Tags.of("platform", event.platformId(), "endpoint", event.endpointGroup(), "outcome",
            event.failedFast() ? "failed_fast" : "waited"))
        .register(registry).record(event.delay());
  }

  @Override
  public void circuitStateChanged(CircuitStateChanged event) {
    state(event.platformId()).set(code(event.to()));
    Counter.builder(CIRCUIT_TRANSITIONS).description("Circuit breaker state changes")
        .tags(Tags.of("platform", event.platformId(), "from", name(event.from()), "to", name(event.to())))
        .register(registry).increment();
  }

  private AtomicInteger state(String platformId) {
    return circuitStates.computeIfAbsent(platformId, id -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder(CIRCUIT_STATE, value, AtomicInteger::get)
          .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
          .tag("platform", id)
          .register(registry);
      return value;
    });
  }

  private static int code(CircuitState s) {
    switch (s) {
      case OPEN:
        return 2;
      case HALF_OPEN:
        return 1;
      default:
        return 0;
    }
  }

  private static String name(CircuitState s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "MicrometerCallEventListener[" + registry.getClass().getSimpleName() + "]";
  }
}
