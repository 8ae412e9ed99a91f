package io.socialink.event;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each event to several listeners; one that throws does not stop the others. Thread-safe. */
final class Composite implements CallEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(CallEventListener.class);

  private final List<CallEventListener> listeners;

  Composite(List<CallEventListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void callStarted(CallStarted event) {
    each(event);
  }

  @Override
  public void callSucceeded(CallSucceeded event) {
    each(event);
  }

  @Override
  public void callFailed(CallFailed event) {
    each(event);
  }

  @Override
  public void callRetried(CallRetried event) {
    each(event);
  }

  @Override
  public void callThrottled(CallThrottled event) {
    each(event);
  }

  @Override
  public void circuitStateChanged(CircuitStateChanged event) {
    each(event);
  }

  private void each(CallEvent event) {
    for (CallEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Socialink event listener {} threw on {}; ignored", l.getClass().getName(),
            event.getClass().getSimpleName(), e);
      }
    }
  }
}
