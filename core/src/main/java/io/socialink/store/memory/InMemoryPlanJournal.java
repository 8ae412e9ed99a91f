package io.socialink.store.memory;

import io.socialink.StepOutcome;
import io.socialink.store.PlanJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link PlanJournal} in memory. */
public final class InMemoryPlanJournal implements PlanJournal {
  private final Map<Key, List<StepOutcome>> entries = new ConcurrentHashMap<>();

  /** Creates an empty journal. */
  public InMemoryPlanJournal() {}

  @Override
  public void record(String ownerId, String planId, StepOutcome outcome) {
    entries.compute(new Key(ownerId, planId), (k, list) -> {
      List<StepOutcome> next = list == null ? new ArrayList<>() : list;
      next.add(outcome);
      return next;
    });
  }

  @Override
  public List<StepOutcome> outcomes(String ownerId, String planId) {
    java.util.concurrent.atomic.AtomicReference<List<StepOutcome>> copy = new java.util.concurrent.atomic.AtomicReference<>(List.of());
    entries.computeIfPresent(new Key(ownerId, planId), (k, list) -> {
      copy.set(List.copyOf(list));
      return list;
    });
    return copy.get();
  }

  private record Key(String ownerId, String planId) {}
}
