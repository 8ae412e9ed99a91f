package io.socialink.store;

import io.socialink.store.memory.InMemoryCallbackStore;
import io.socialink.store.memory.InMemoryCrossPostStore;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.store.memory.InMemoryPendingAuthorizationStore;
import io.socialink.store.memory.InMemoryPlanJournal;
import java.util.Objects;

/**
 * Where a {@link io.socialink.Socialink} keeps its state: grants, links, pending authorizations, the
 * plan journal, the cross-post journal and what the callback intake remembers. Immutable.
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
 * @param callbacks the deliveries the callback intake acted on and the data deletions it received
 */
public record Stores(GrantStore grants, LinkStore links, PendingAuthorizationStore pending, PlanJournal journal,
    CrossPostStore crossPosts, CallbackStore callbacks) {
  /** Validates the components. */
  public Stores {
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(crossPosts, "crossPosts");
    Objects.requireNonNull(callbacks, "callbacks");
  }

  /**
   * Stores with new, empty in-memory cross-post and callback stores.
   *
   * @param grants the grant store
   * @param links the link store
   * @param pending the pending authorization store
   * @param journal the plan journal
   */
  public Stores(GrantStore grants, LinkStore links, PendingAuthorizationStore pending, PlanJournal journal) {
    this(grants, links, pending, journal, new InMemoryCrossPostStore(), new InMemoryCallbackStore());
  }

  /**
   * New, empty in-memory stores: state lives as long as the process.
   *
   * @return the stores
   */
  public static Stores inMemory() {
    return new Stores(new InMemoryGrantStore(), new InMemoryLinkStore(), new InMemoryPendingAuthorizationStore(),
        new InMemoryPlanJournal(), new InMemoryCrossPostStore(), new InMemoryCallbackStore());
  }

  /**
   * A copy with another grant store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withGrants(GrantStore store) {
    return new Stores(store, links, pending, journal, crossPosts, callbacks);
  }

  /**
   * A copy with another link store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withLinks(LinkStore store) {
    return new Stores(grants, store, pending, journal, crossPosts, callbacks);
  }

  /**
   * A copy with another pending authorization store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withPending(PendingAuthorizationStore store) {
    return new Stores(grants, links, store, journal, crossPosts, callbacks);
  }

  /**
   * A copy with another plan journal.
   *
   * @param planJournal the journal
   * @return the copy
   */
  public Stores withJournal(PlanJournal planJournal) {
    return new Stores(grants, links, pending, planJournal, crossPosts, callbacks);
  }

  /**
   * A copy with another cross-post store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withCrossPosts(CrossPostStore store) {
    return new Stores(grants, links, pending, journal, store, callbacks);
  }

  /**
   * A copy with another callback store.
   *
   * @param store the store
   * @return the copy
   */
  public Stores withCallbacks(CallbackStore store) {
    return new Stores(grants, links, pending, journal, crossPosts, store);
  }
}
