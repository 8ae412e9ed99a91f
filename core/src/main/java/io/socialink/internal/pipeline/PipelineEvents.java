package io.socialink.internal.pipeline;

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
import io.socialink.internal.resilience.PlatformBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events and log lines of one platform's pipeline. Every stage reports through it; nothing here
 * carries a header, a body or an unredacted URI. Builds no event at all when no listener is set.
 * Thread-safe.
 */
final class PipelineEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CallPipeline.class);

  private final String platformId;
  private final CallEventListener listener;
  private final boolean enabled;
  private final Clock clock;

  PipelineEvents(String platformId, CallEventListener listener, Clock clock) {
    this.platformId = platformId;
    this.listener = listener;
    this.enabled = listener != CallEventListener.noop();
    this.clock = clock;
  }

  Logger log() {
    return LOG;
  }

  /**
   * When a call starts, for the duration its outcome event reports; not read when no listener is set.
   *
   * @param call the call
   * @return the instant, or null without a listener
   */
  @Nullable Instant startOf(ApiCall call) {
    return enabled ? clock.instant() : null;
  }

  void started(ApiCall call, int attempt) {
    if (enabled) {
      emit(new CallStarted(platformId, call.endpointGroup(), call.request().method(), attempt, clock.instant()));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: attempt {}", platformId, call.request(), attempt);
    }
  }

  void retried(ApiCall call, ErrorCategory category, int failedAttempt, Duration wait) {
    if (enabled) {
      emit(new CallRetried(platformId, call.endpointGroup(), category, failedAttempt + 1, wait, clock.instant()));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: attempt {} failed ({}); retrying in {} ms", platformId, call.request(), failedAttempt,
          category, wait.toMillis());
    }
  }

  void succeeded(ApiCall call, int status, int attempts, @Nullable Instant start) {
    if (enabled) {
      Instant now = clock.instant();
      emit(new CallSucceeded(platformId, call.endpointGroup(), status, attempts, Duration.between(start, now), now));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: HTTP {} after {} attempt(s)", platformId, call.request(), status, attempts);
    }
  }

  void failed(ApiCall call, SocialinkException failure, int attempts, @Nullable Instant start) {
    if (enabled) {
      Instant now = clock.instant();
      emit(new CallFailed(platformId, call.endpointGroup(), failure.category(), failure.httpStatus(),
          Math.max(1, attempts), Duration.between(start, now), now));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: failed after {} attempt(s): {}", platformId, call.request(), attempts, failure.getMessage());
    }
  }

  void throttled(ApiCall call, Duration wait, Instant until, boolean failedFast) {
    if (enabled) {
      emit(new CallThrottled(platformId, call.endpointGroup(), wait, until, failedFast, clock.instant()));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: rate limit holds it until {} ({} ms){}", platformId, call.request(), until, wait.toMillis(),
          failedFast ? "; failing fast" : "");
    }
  }

  void breakerChanged(PlatformBreaker.Transition t) {
    if (t.to() == CircuitState.OPEN) {
      LOG.warn("Circuit breaker of {} opened after repeated transient failures; calls fail fast until {}",
          platformId, t.retryAt().map(Instant::toString).orElse("?"));
    } else {
      LOG.info("Circuit breaker of {} is now {}", platformId, t.to());
    }
    if (enabled) {
      emit(new CircuitStateChanged(platformId, t.from(), t.to(), t.retryAt(), t.at()));
    }
  }

  private void emit(CallEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // The listener's own failure is logged by class and message only: its text is the listener's,
      // but its cause chain could hold anything, so no stack trace.
      LOG.warn("Socialink event listener {} threw {} on {}; ignored", listener.getClass().getName(),
          e.getClass().getName(), event.getClass().getSimpleName());
    }
  }
}
