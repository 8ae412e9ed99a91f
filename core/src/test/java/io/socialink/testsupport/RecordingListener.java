package io.socialink.testsupport;

import io.socialink.event.CallEvent;
import io.socialink.event.CallEventListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event. Thread-safe. */
public final class RecordingListener implements CallEventListener {
  private final List<CallEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(CallEvent event) {
    events.add(event);
  }

  public synchronized List<CallEvent> events() {
    return List.copyOf(events);
  }

  public synchronized <T extends CallEvent> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
