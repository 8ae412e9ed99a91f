package io.socialink.internal.unlink;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.UnlinkStep;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.NotFoundException;
import io.socialink.error.SocialinkException;
import io.socialink.internal.runtime.ClientCache;
import io.socialink.internal.runtime.GrantCalls;
import io.socialink.internal.runtime.LinkStates;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.Revocation;
import io.socialink.store.GrantStore;
import io.socialink.store.PlanJournal;
import io.socialink.unlink.ExecutionOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs unlink plans step by step, writing each outcome to the plan journal before the next step
 * starts, so that a plan interrupted at any point resumes where it stopped. The rules are those of
 * {@link io.socialink.unlink.Unlinking}: phases in order, each starting only when the earlier ones are
 * settled; settled steps never run again; manual and export steps wait for the caller's confirmation.
 * Thread-safe; executions of one plan in one process run one at a time.
 */
public final class UnlinkExecutor {
  /** What a revocation failure means when the platform says the user's token is already dead. */
  private static final Set<ErrorCategory> ALREADY_DEAD =
      EnumSet.of(ErrorCategory.AUTH_REVOKED, ErrorCategory.AUTH_EXPIRED, ErrorCategory.NOT_FOUND);
  /** The refusals that prove an old token no longer works. */
  private static final Set<ErrorCategory> REFUSED = EnumSet.of(ErrorCategory.AUTH_REVOKED, ErrorCategory.AUTH_EXPIRED);

  private final GrantStore grants;
  private final PlanJournal journal;
  private final ClientCache clients;
  private final GrantCalls grantCalls;
  private final LinkStates linkStates;
  private final SyncStopper syncs;
  private final Clock clock;
  /** Striped by owner and plan: executions of one plan never overlap, and the locks never grow. */
  private final ReentrantLock[] running = new ReentrantLock[64];

  /**
   * Creates an executor.
   *
   * @param grants the grant store
   * @param journal the plan journal
   * @param clients the platform clients
   * @param grantCalls fresh grants with one refresh and replay
   * @param linkStates moves links to their final state
   * @param syncs stops synchronisations running in this process
   * @param clock the clock
   */
  public UnlinkExecutor(GrantStore grants, PlanJournal journal, ClientCache clients, GrantCalls grantCalls,
      LinkStates linkStates, SyncStopper syncs, Clock clock) {
    this.grants = Objects.requireNonNull(grants, "grants");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.grantCalls = Objects.requireNonNull(grantCalls, "grantCalls");
    this.linkStates = Objects.requireNonNull(linkStates, "linkStates");
    this.syncs = Objects.requireNonNull(syncs, "syncs");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (int i = 0; i < running.length; i++) {
      running[i] = new ReentrantLock();
    }
  }

  /**
   * Executes a plan as far as it can go now.
   *
   * @param ownerId the owner
   * @param plan the plan
   * @param options how to run it
   * @return one outcome per step, in plan order
   */
  public UnlinkReport execute(String ownerId, UnlinkPlan plan, ExecutionOptions options) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(options, "options");
    if (options.dryRun()) {
      return dryRun(ownerId, plan);
    }
    ReentrantLock lock = lockOf(ownerId, plan);
    lock.lock();
    try {
      return run(ownerId, plan);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records the caller's confirmation of a manual or export step.
   *
   * @param ownerId the owner
   * @param plan the plan
   * @param stepId the step
   * @return the plan's report afterwards
   */
  public UnlinkReport confirm(String ownerId, UnlinkPlan plan, String stepId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(stepId, "stepId");
    UnlinkStep step = plan.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
        .orElseThrow(() -> NotFoundException.local("", "plan " + plan.id() + " has no step " + stepId));
    if (!(step instanceof UnlinkStep.ManualStep) && !(step instanceof UnlinkStep.ExportData)) {
      throw new InvalidRequestException(Classification.of(ErrorCategory.INVALID_REQUEST, "", 0,
          "step " + stepId + " of plan " + plan.id() + " is done by Socialink, not confirmed by the user")
          .withRemediation("Confirm only the plan's manual and export steps; execute the plan for the others."),
          null, 1);
    }
    ReentrantLock lock = lockOf(ownerId, plan);
    lock.lock();
    try {
      Optional<StepOutcome> latest = journal.latest(ownerId, plan.id(), stepId);
      if (latest.isEmpty() || !latest.get().status().isSettled()) {
        journal.record(ownerId, plan.id(), new StepOutcome(stepId, StepStatus.DONE, clock.instant(),
            "confirmed by the user", Optional.empty()));
      }
      return report(ownerId, plan);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The plan's state from the journal.
   *
   * @param ownerId the owner
   * @param plan the plan
   * @return one outcome per step
   */
  public UnlinkReport report(String ownerId, UnlinkPlan plan) {
    Map<String, StepOutcome> latest = latest(ownerId, plan);
    List<StepOutcome> out = new ArrayList<>(plan.steps().size());
    for (UnlinkStep step : plan.steps()) {
      out.add(latest.getOrDefault(step.id(), notStarted(step, "not run yet")));
    }
    return new UnlinkReport(plan.id(), out);
  }

  private UnlinkReport run(String ownerId, UnlinkPlan plan) {
    Map<String, StepOutcome> latest = latest(ownerId, plan);
    List<StepOutcome> out = new ArrayList<>(plan.steps().size());
    boolean blocked = false;
    boolean stopped = false;
    UnlinkStep.Phase phase = null;
    boolean phaseSettled = true;
    for (UnlinkStep step : plan.steps()) {
      if (step.phase() != phase) {
        // A phase starts only when everything before it is settled.
        blocked |= !phaseSettled;
        phase = step.phase();
        phaseSettled = true;
      }
      StepOutcome before = latest.get(step.id());
      StepOutcome outcome;
      if (before != null && before.status().isSettled()) {
        outcome = before;
      } else if (blocked || stopped) {
        outcome = before != null ? before : notStarted(step, "waits for the earlier steps");
      } else {
        outcome = runStep(ownerId, step);
        if (before == null || before.status() != outcome.status() || outcome.status() != StepStatus.AWAITING_USER) {
          journal.record(ownerId, plan.id(), outcome);
        }
        stopped = stopsPlan(outcome);
      }
      phaseSettled &= outcome.status().isSettled();
      out.add(outcome);
    }
    UnlinkReport report = new UnlinkReport(plan.id(), out);
    if (report.isComplete() || plan.steps().isEmpty()) {
      linkStates.markUnlinked(ownerId, linksOf(plan), plan.id());
    }
    return report;
  }

  /** A failure of the application's own set-up stops the whole plan: nothing after it can succeed. */
  private static boolean stopsPlan(StepOutcome outcome) {
    return outcome.status() == StepStatus.FAILED
        && outcome.error().map(c -> c.category() == ErrorCategory.CONFIGURATION).orElse(false);
  }

  private StepOutcome runStep(String ownerId, UnlinkStep step) {
    if (step instanceof UnlinkStep.RevokeGrant r) {
      return revoke(ownerId, r);
    } else if (step instanceof UnlinkStep.PlatformAction a) {
      return action(ownerId, a);
    } else if (step instanceof UnlinkStep.Verify v) {
      return verify(ownerId, v);
    } else if (step instanceof UnlinkStep.ForgetGrant f) {
      return grants.delete(ownerId, f.grantId())
          ? done(step, "forgot the stored tokens of grant " + f.grantId())
          : outcome(step, StepStatus.ALREADY_DONE, "grant " + f.grantId() + " was not stored any more", null);
    } else if (step instanceof UnlinkStep.StopSync s) {
      return syncs.stop(ownerId, s.linkId())
          ? done(step, "stopped the synchronisation of link " + s.linkId())
          : outcome(step, StepStatus.ALREADY_DONE, "no synchronisation of link " + s.linkId() + " was running", null);
    } else if (step instanceof UnlinkStep.ManualStep m) {
      return outcome(step, StepStatus.AWAITING_USER, "waiting for the user: " + m.procedure().pathText(), null);
    } else if (step instanceof UnlinkStep.ExportData e) {
      return outcome(step, StepStatus.AWAITING_USER, "waiting for the user to export " + e.what(), null);
    }
    throw new IllegalStateException("unknown step type " + step.getClass().getName());
  }

  private StepOutcome revoke(String ownerId, UnlinkStep.RevokeGrant step) {
    if (grants.find(ownerId, step.grantId()).isEmpty()) {
      return outcome(step, StepStatus.SKIPPED, "grant " + step.grantId() + " is not stored: nothing to revoke", null);
    }
    try {
      Revocation r = grantCalls.withGrant(ownerId, step.grantId(), PlatformClient.class, (c, g) -> c.revoke(g));
      return r == Revocation.ALREADY_REVOKED
          ? outcome(step, StepStatus.ALREADY_DONE, step.platform() + " says the grant was already revoked", null)
          : done(step, "revoked at " + step.platform());
    } catch (SocialinkException e) {
      if (ALREADY_DEAD.contains(e.category())) {
        return outcome(step, StepStatus.ALREADY_DONE,
            step.platform() + " no longer accepts the grant (" + e.category() + "): it is already dead", null);
      }
      return failure(step, e, "revocation");
    }
  }

  /**
   * A provider's own call. Unlike a revocation, a refusal of the grant proves nothing here (the asset
   * is still held), so only "not found" counts as already done.
   */
  private StepOutcome action(String ownerId, UnlinkStep.PlatformAction step) {
    if (grants.find(ownerId, step.grantId()).isEmpty()) {
      return outcome(step, StepStatus.FAILED, "grant " + step.grantId() + " is not stored: the call cannot be made",
          Classification.of(ErrorCategory.NOT_FOUND, step.platform(), 0,
              "grant " + step.grantId() + " for '" + step.action() + "' is not stored")
              .withRemediation("Do the plan's manual step for this instead, and confirm it."));
    }
    try {
      Revocation r = grantCalls.withGrant(ownerId, step.grantId(), PlatformClient.class,
          (c, g) -> c.unlinkAction(g, step.action(), step.arguments()));
      return r == Revocation.ALREADY_REVOKED
          ? outcome(step, StepStatus.ALREADY_DONE, step.platform() + " says it was already done", null)
          : done(step, "done at " + step.platform() + ": " + step.description());
    } catch (SocialinkException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return outcome(step, StepStatus.ALREADY_DONE,
            step.platform() + " no longer knows what the call would remove: it is already gone", null);
      }
      return failure(step, e, step.action());
    }
  }

  private StepOutcome verify(String ownerId, UnlinkStep.Verify step) {
    Optional<Grant> grant = grants.find(ownerId, step.grantId());
    if (grant.isEmpty()) {
      return outcome(step, StepStatus.SKIPPED, "grant " + step.grantId() + " is not stored: no old token to probe", null);
    }
    try {
      // The old token as stored, never refreshed: a refresh would hide a revocation that did not happen.
      clients.client(step.platform(), grant.get().schemeId()).profile(grant.get());
    } catch (SocialinkException e) {
      if (REFUSED.contains(e.category())) {
        return done(step, step.platform() + " refuses the old token (" + e.category() + ")");
      }
      return failure(step, e, "verification");
    }
    return outcome(step, StepStatus.FAILED, step.platform() + " still accepts the old token",
        Classification.of(ErrorCategory.CONFLICT, step.platform(), 0,
            step.platform() + " still accepts the old token of grant " + step.grantId())
            .withRemediation("The access is not removed yet: finish the revoke and manual steps, then execute the"
                + " plan again."));
  }

  private StepOutcome failure(UnlinkStep step, SocialinkException e, String what) {
    Classification c = e.classification();
    if (c.retryable()) {
      return outcome(step, StepStatus.PENDING, what + " to try again: " + c.message(), c);
    }
    return outcome(step, StepStatus.FAILED, what + " failed: " + c.message(), c);
  }

  private UnlinkReport dryRun(String ownerId, UnlinkPlan plan) {
    Map<String, StepOutcome> latest = latest(ownerId, plan);
    List<StepOutcome> out = new ArrayList<>(plan.steps().size());
    for (UnlinkStep step : plan.steps()) {
      StepOutcome before = latest.get(step.id());
      if (before != null && before.status().isSettled()) {
        out.add(before);
        continue;
      }
      out.add(precondition(ownerId, step)
          .map(c -> outcome(step, StepStatus.FAILED, "would fail: " + c.message(), c))
          .orElseGet(() -> notStarted(step, "would " + lowerFirst(step.describe()))));
    }
    return new UnlinkReport(plan.id(), out);
  }

  /** Why a step could not run, checked without any call. */
  private Optional<Classification> precondition(String ownerId, UnlinkStep step) {
    String grantId = step instanceof UnlinkStep.RevokeGrant r ? r.grantId()
        : step instanceof UnlinkStep.Verify v ? v.grantId()
        : step instanceof UnlinkStep.PlatformAction a ? a.grantId() : null;
    if (grantId == null) {
      return Optional.empty();
    }
    Optional<Grant> grant = grants.find(ownerId, grantId);
    if (grant.isEmpty()) {
      return Optional.empty();
    }
    try {
      clients.client(grant.get().account().platformId(), grant.get().schemeId());
      return Optional.empty();
    } catch (SocialinkException e) {
      return Optional.of(e.classification());
    }
  }

  private Map<String, StepOutcome> latest(String ownerId, UnlinkPlan plan) {
    Map<String, StepOutcome> latest = new HashMap<>();
    for (StepOutcome o : journal.outcomes(ownerId, plan.id())) {
      latest.put(o.stepId(), o);
    }
    return latest;
  }

  private static List<String> linksOf(UnlinkPlan plan) {
    if (plan.subject() instanceof UnlinkPlan.LinkSubject ls) {
      return List.of(ls.link().id());
    }
    return ((UnlinkPlan.AccountDeletion) plan.subject()).links().stream().map(Link::id).toList();
  }

  private StepOutcome done(UnlinkStep step, String detail) {
    return outcome(step, StepStatus.DONE, detail, null);
  }

  private StepOutcome outcome(UnlinkStep step, StepStatus status, String detail, Classification error) {
    return new StepOutcome(step.id(), status, clock.instant(), detail, Optional.ofNullable(error));
  }

  private StepOutcome notStarted(UnlinkStep step, String detail) {
    return outcome(step, StepStatus.NOT_STARTED, detail, null);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private ReentrantLock lockOf(String ownerId, UnlinkPlan plan) {
    int h = (ownerId.hashCode() * 31 + plan.id().hashCode()) * 0x9E3779B9;
    return running[(h >>> 26) & (running.length - 1)];
  }
}
