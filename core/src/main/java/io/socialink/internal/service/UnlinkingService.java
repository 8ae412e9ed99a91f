package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.internal.unlink.BulkRun;
import io.socialink.unlink.BulkUnlink;
import io.socialink.unlink.BulkUnlinkOptions;
import io.socialink.unlink.ExecutionOptions;
import io.socialink.error.NotFoundException;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.store.PlanJournal;
import io.socialink.unlink.Unlinking;
import java.util.List;
import java.util.Objects;

/** {@link Unlinking} over the runtime. Thread-safe. */
public final class UnlinkingService implements Unlinking {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public UnlinkingService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public UnlinkPlan plan(String ownerId, String linkId) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return rt.planner().planLink(rt.stores().links().find(ownerId, linkId)
        .orElseThrow(() -> NotFoundException.local("", "owner " + ownerId + " has no link " + linkId)), false);
  }

  @Override
  public UnlinkPlan planAccountDeletion(String ownerId, Account account) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(account, "account");
    return rt.planner().planAccountDeletion(ownerId, account, false);
  }

  @Override
  public PlanJournal journal() {
    return rt.stores().journal();
  }

  @Override
  public UnlinkReport execute(String ownerId, UnlinkPlan plan, ExecutionOptions options) {
    Args.notBlank(ownerId, "ownerId");
    return rt.executor().execute(ownerId, Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(options, "options"));
  }

  @Override
  public UnlinkReport confirm(String ownerId, UnlinkPlan plan, String stepId) {
    Args.notBlank(ownerId, "ownerId");
    return rt.executor().confirm(ownerId, Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(stepId, "stepId"));
  }

  @Override
  public BulkUnlink unlinkAll(String ownerId, List<String> linkIds, BulkUnlinkOptions options) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(linkIds, "linkIds").forEach(id -> Objects.requireNonNull(id, "linkIds element"));
    Objects.requireNonNull(options, "options");
    return BulkRun.start(linkIds, options,
        BulkRun.of(id -> plan(ownerId, id), p -> rt.executor().execute(ownerId, p, ExecutionOptions.defaults())),
        rt.clock());
  }

  @Override
  public UnlinkReport report(String ownerId, UnlinkPlan plan) {
    Args.notBlank(ownerId, "ownerId");
    return rt.executor().report(ownerId, Objects.requireNonNull(plan, "plan"));
  }
}
