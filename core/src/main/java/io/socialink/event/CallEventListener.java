package io.socialink.event;

import java.util.List;
import java.util.Objects;

/**
 * Receives the call pipeline's events. Every method does nothing by default, so implement only what
 * you need. Handlers run on the calling thread, in the pipeline: they must be fast, thread-safe and
 * must not throw (an exception is logged and otherwise ignored).
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .eventListener(new CallEventListener() {
 *       public void callFailed(CallFailed e) { alerts.count(e.platformId(), e.category()); }
 *     })
 *     .build();
 * }</pre>
 */
public interface CallEventListener {
  /**
   * An attempt is starting.
   *
   * @param event the event
   */
  default void callStarted(CallStarted event) {}

  /**
   * A call succeeded.
   *
   * @param event the event
   */
  default void callSucceeded(CallSucceeded event) {}

  /**
   * A call failed for good.
   *
   * @param event the event
   */
  default void callFailed(CallFailed event) {}

  /**
   * A failed attempt will be retried.
   *
   * @param event the event
   */
  default void callRetried(CallRetried event) {}

  /**
   * The rate limiter held an attempt, or failed it fast.
   *
   * @param event the event
   */
  default void callThrottled(CallThrottled event) {}

  /**
   * A circuit breaker changed state.
   *
   * @param event the event
   */
  default void circuitStateChanged(CircuitStateChanged event) {}

  /**
   * Dispatches any event to its method.
   *
   * @param event the event
   */
  default void onEvent(CallEvent event) {
    if (event instanceof CallStarted e) {
      callStarted(e);
    } else if (event instanceof CallSucceeded e) {
      callSucceeded(e);
    } else if (event instanceof CallFailed e) {
      callFailed(e);
    } else if (event instanceof CallRetried e) {
      callRetried(e);
    } else if (event instanceof CallThrottled e) {
      callThrottled(e);
    } else if (event instanceof CircuitStateChanged e) {
      circuitStateChanged(e);
    }
  }

  /**
   * A listener that does nothing; the pipeline's default.
   *
   * @return the listener
   */
  static CallEventListener noop() {
    return Noop.INSTANCE;
  }

  /**
   * A listener that hands every event to each of the given listeners in order; one that throws does
   * not keep the event from the others.
   *
   * @param listeners the listeners
   * @return the combined listener
   */
  static CallEventListener composite(List<CallEventListener> listeners) {
    List<CallEventListener> all = List.copyOf(Objects.requireNonNull(listeners, "listeners"));
    if (all.isEmpty()) {
      return noop();
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new Composite(all);
  }
}
