package io.socialink.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When a platform's circuit breaker opens. The pipeline keeps one breaker per platform; it counts
 * the outcomes of the last {@code slidingWindowSize} attempts and opens when at least
 * {@code minimumNumberOfCalls} were counted and {@code failureRateThreshold} percent of them failed
 * transiently (5xx, timeouts, refused connections). Authorization, permission and validation errors
 * count as the platform answering, and throttling answers are not counted at all: a dead grant is not
 * a dead platform. While open, calls fail at once with the instant the platform will be tried again;
 * after {@code waitInOpenState} a few trial calls ({@code permittedCallsInHalfOpenState}) decide
 * whether it closes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether the breaker is used at all
 * @param failureRateThreshold the failure percentage that opens the breaker, 1 to 100
 * @param slidingWindowSize how many recent attempts are counted; positive
 * @param minimumNumberOfCalls how many attempts must be counted before the rate is judged, 1 to {@code slidingWindowSize}
 * @param waitInOpenState how long the breaker stays open before trial calls; positive
 * @param permittedCallsInHalfOpenState how many trial calls decide whether it closes; positive
 */
public record CircuitBreakerPolicy(
    boolean enabled,
    int failureRateThreshold,
    int slidingWindowSize,
    int minimumNumberOfCalls,
    Duration waitInOpenState,
    int permittedCallsInHalfOpenState) {

  /** Validates the components. */
  public CircuitBreakerPolicy {
    if (failureRateThreshold < 1 || failureRateThreshold > 100) {
      throw new IllegalArgumentException("failureRateThreshold must be between 1 and 100; got "
          + failureRateThreshold);
    }
    if (slidingWindowSize < 1) {
      throw new IllegalArgumentException("slidingWindowSize must be positive; got " + slidingWindowSize);
    }
    if (minimumNumberOfCalls < 1 || minimumNumberOfCalls > slidingWindowSize) {
      throw new IllegalArgumentException("minimumNumberOfCalls must be between 1 and slidingWindowSize ("
          + slidingWindowSize + "); got " + minimumNumberOfCalls);
    }
    Objects.requireNonNull(waitInOpenState, "waitInOpenState");
    if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
      throw new IllegalArgumentException("waitInOpenState must be positive; got " + waitInOpenState);
    }
    if (permittedCallsInHalfOpenState < 1) {
      throw new IllegalArgumentException("permittedCallsInHalfOpenState must be positive; got "
          + permittedCallsInHalfOpenState);
    }
  }

  /**
   * Enabled; opens at 50% transient failures among the last 20 attempts once 10 were counted; stays
   * open 30 s; 3 trial calls.
   *
   * @return the defaults
   */
  public static CircuitBreakerPolicy ofDefaults() {
    return new CircuitBreakerPolicy(true, 50, 20, 10, Duration.ofSeconds(30), 3);
  }

  /**
   * A breaker that never opens.
   *
   * @return the policy
   */
  public static CircuitBreakerPolicy disabled() {
    return ofDefaults().toBuilder().enabled(false).build();
  }

  /**
   * A builder starting from {@link #ofDefaults()}.
   *
   * @return the builder
   */
  public static Builder custom() {
    return new Builder(ofDefaults());
  }

  /**
   * A builder starting from this policy.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link CircuitBreakerPolicy}; not thread-safe. Values are checked together in {@link #build()}. */
  public static final class Builder {
    private boolean enabled;
    private int failureRateThreshold;
    private int slidingWindowSize;
    private int minimumNumberOfCalls;
    private Duration waitInOpenState;
    private int permittedCallsInHalfOpenState;

    private Builder(CircuitBreakerPolicy from) {
      this.enabled = from.enabled;
      this.failureRateThreshold = from.failureRateThreshold;
      this.slidingWindowSize = from.slidingWindowSize;
      this.minimumNumberOfCalls = from.minimumNumberOfCalls;
      this.waitInOpenState = from.waitInOpenState;
      this.permittedCallsInHalfOpenState = from.permittedCallsInHalfOpenState;
    }

    /**
     * Whether the breaker is used.
     *
     * @param value true to use it
     * @return this builder
     */
    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    /**
     * The failure percentage that opens the breaker.
     *
     * @param percent 1 to 100
     * @return this builder
     */
    public Builder failureRateThreshold(int percent) {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("failureRateThreshold must be between 1 and 100; got " + percent);
      }
      this.failureRateThreshold = percent;
      return this;
    }

    /**
     * How many recent attempts are counted.
     *
     * @param size positive
     * @return this builder
     */
    public Builder slidingWindowSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("slidingWindowSize must be positive; got " + size);
      }
      this.slidingWindowSize = size;
      return this;
    }

    /**
     * How many attempts must be counted before the failure rate is judged.
     *
     * @param calls positive, at most the sliding window size when built
     * @return this builder
     */
    public Builder minimumNumberOfCalls(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("minimumNumberOfCalls must be positive; got " + calls);
      }
      this.minimumNumberOfCalls = calls;
      return this;
    }

    /**
     * How long the breaker stays open.
     *
     * @param wait positive
     * @return this builder
     */
    public Builder waitInOpenState(Duration wait) {
      Objects.requireNonNull(wait, "waitInOpenState");
      if (wait.isNegative() || wait.isZero()) {
        throw new IllegalArgumentException("waitInOpenState must be positive; got " + wait);
      }
      this.waitInOpenState = wait;
      return this;
    }

    /**
     * How many trial calls decide whether the breaker closes.
     *
     * @param calls positive
     * @return this builder
     */
    public Builder permittedCallsInHalfOpenState(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("permittedCallsInHalfOpenState must be positive; got " + calls);
      }
      this.permittedCallsInHalfOpenState = calls;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if the minimum number of calls exceeds the window
     */
    public CircuitBreakerPolicy build() {
      return new CircuitBreakerPolicy(enabled, failureRateThreshold, slidingWindowSize, minimumNumberOfCalls,
          waitInOpenState, permittedCallsInHalfOpenState);
    }
  }
}
