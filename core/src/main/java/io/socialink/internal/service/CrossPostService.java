package io.socialink.internal.service;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.CrossPostSync;
import io.socialink.crosspost.CrossPosting;
import io.socialink.crosspost.SyncReport;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.internal.crosspost.CrossPostEngine;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.spi.CrossPostSource;
import io.socialink.spi.CrossPostTarget;
import io.socialink.spi.PlatformClient;
import java.util.List;
import java.util.Objects;

/** {@link CrossPosting} over the runtime. Thread-safe. */
public final class CrossPostService implements CrossPosting {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public CrossPostService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  private CrossPostEngine engine() {
    return rt.crossPosts();
  }

  @Override
  public Link link(String ownerId, String sourceGrantId, String targetGrantId, CrossPostRules rules) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(rules, "rules");
    Grant source = rt.grantCalls().grant(ownerId, Args.notBlank(sourceGrantId, "sourceGrantId"));
    Grant target = rt.grantCalls().grant(ownerId, Args.notBlank(targetGrantId, "targetGrantId"));
    if (sourceGrantId.equals(targetGrantId)) {
      throw new IllegalArgumentException("the source and the target grant must differ; both are " + sourceGrantId);
    }
    check(source, CrossPostSource.class, "read as a cross-post source");
    check(target, CrossPostTarget.class, "posted to as a cross-post target");
    Link link = Link.create(rt.ids().id("l"), ownerId, LinkKind.CROSS_POST, LinkEnd.account(source.account()),
        LinkEnd.account(target.account()), List.of(source.id(), target.id()), rt.clock());
    engine().store().saveRules(ownerId, link.id(), rules);
    return rt.stores().links().save(link);
  }

  private void check(Grant grant, Class<? extends PlatformClient> type, String what) {
    PlatformClient client = rt.clients().clientFor(grant, PlatformClient.class);
    if (!type.isInstance(client)) {
      String platform = grant.account().platformId();
      throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platform, 0,
          "platform '" + platform + "' (scheme '" + grant.schemeId() + "') cannot be " + what + ": its client "
              + client.getClass().getSimpleName() + " is not a " + type.getSimpleName())
          .withRemediation("Pick a source whose client is a CrossPostSource (such as Instagram) and a target whose"
              + " client is a CrossPostTarget (such as X or TikTok)."), null, 1);
    }
  }

  @Override
  public CrossPostRules rules(String ownerId, String linkId) {
    engine().link(ownerId, linkId);
    return engine().rules(ownerId, linkId);
  }

  @Override
  public void changeRules(String ownerId, String linkId, CrossPostRules rules) {
    Objects.requireNonNull(rules, "rules");
    engine().link(ownerId, linkId);
    engine().store().saveRules(ownerId, linkId, rules);
  }

  @Override
  public CrossPostSync sync(String ownerId, String linkId, CrossPostListener listener) {
    return engine().newSync(ownerId, linkId, listener);
  }

  @Override
  public SyncReport syncNow(String ownerId, String linkId, CrossPostListener listener) {
    CrossPostSync sync = engine().newSync(ownerId, linkId, listener);
    try {
      return sync.runOnce();
    } finally {
      sync.stop();
    }
  }

  @Override
  public SyncReport stop(String ownerId, String linkId) {
    engine().link(ownerId, linkId);
    engine().syncs().stopAll(ownerId, linkId);
    List<CrossPostEntry> all = engine().store().entries(ownerId, linkId);
    return new SyncReport(linkId, all.stream().filter(x -> x.state() == CrossPostEntry.State.POSTED).toList(),
        all.stream().filter(x -> x.state() == CrossPostEntry.State.SKIPPED || x.state() == CrossPostEntry.State.FAILED)
            .toList(), List.of(), true);
  }

  @Override
  public List<CrossPostEntry> journal(String ownerId, String linkId) {
    engine().link(ownerId, linkId);
    return engine().store().entries(ownerId, linkId);
  }
}
