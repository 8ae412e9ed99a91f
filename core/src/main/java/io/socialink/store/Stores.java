package io.socialink.store;

import io.socialink.store.memory.InMemoryCrossPostStore;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.store.memory.InMemoryPendingAuthorizationStore;
import io.socialink.store.memory.InMemoryPlanJournal;
import java.util.Objects;

/**
 * Where a {@link io.socialink.Socialink} keeps its state: grants, links, pending authorizations, the
 * plan journal and the cross-post journal. Immutable.
 *
 * <pre>{@code
 * Socialink.builder().stores(Stores.inMemory().withGrants(myGrantStore).withLinks(myLinkStore))
 * }</pre>
 *
 * <p>Instances that share grants (several application servers) must share the grant store and the
 * pending authorization store: refresh claims and single-use states live there.
 *
 * @param grants the grant store
 * @param links the link store
 * @param pending the pending authorization store
 * @param journal the plan journal
 * @param crossPosts the cross-post rules, cursors and journal
 */
public record Stores(GrantStore grants, LinkStore links, PendingAuthorizationStore pending, PlanJournal journal,
    CrossPostStore crossPosts) {
  /** Validates the components. */
  public Stores {
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(crossPosts, "crossPosts");
  }

  /**
   * Stores with a new, empty in-memory cross-post store.
   *
   * @param grants the grant store
   * @param links the link store
   * @param pending the pending authorization store
   * @param journal the plan journal
   */
  public Stores(GrantStore grants, LinkStore links, PendingAuthorizationStore pending, PlanJournal journal) {
    this(grants, links, pending, journal, new InMemoryCrossPostStore());
  }

  /**
   * New, empty in-memory stores; state is lost when the process ends.
   *
   * @return the stores
   */
  public static Stores inMemory() {
    return new Stores(new InMemoryGrantStore(), new InMemoryLinkStore(), new InMemoryPendingAuthorizationStore(),
        new InMemoryPlanJournal(), new InMemoryCrossPostStore());
  }

  /**
   * A copy with another grant store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withGrants(GrantStore store) {
    return new Stores(store, links, pending, journal, crossPosts);
  }

  /**
   * A copy with another link store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withLinks(LinkStore store) {
    return new Stores(grants, store, pending, journal, crossPosts);
  }

  /**
   * A copy with another pending authorization store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withPending(PendingAuthorizationStore store) {
    return new Stores(grants, links, store, journal, crossPosts);
  }

  /**
   * A copy with another plan journal.
   *
   * @param planJournal the journal
   * @return the copy
   */
  public Stores withJournal(PlanJournal planJournal) {
    return new Stores(grants, links, pending, planJournal, crossPosts);
  }

  /**
   * A copy with another cross-post store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withCrossPosts(CrossPostStore store) {
    return new Stores(grants, links, pending, journal, store);
  }
}
