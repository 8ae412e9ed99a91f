package io.socialink.internal.crosspost;

import io.socialink.Link;
import io.socialink.LinkKind;
import io.socialink.PlatformRegistry;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.error.NotFoundException;
import io.socialink.internal.runtime.ClientCache;
import io.socialink.internal.runtime.GrantCalls;
import io.socialink.internal.runtime.LinkStates;
import io.socialink.spi.Sleeper;
import io.socialink.spi.TextRules;
import io.socialink.store.CrossPostStore;
import io.socialink.store.LinkStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What cross-post syncs share: the stores, grant calls, text rules, media fetcher, clock, sleeper and
 * the registry of running syncs. Built once per Socialink. Thread-safe.
 */
public final class CrossPostEngine {
  final GrantCalls grantCalls;
  final ClientCache clients;
  final LinkStore links;
  final LinkStates linkStates;
  final CrossPostStore store;
  final PlatformRegistry registry;
  final MediaFetcher fetcher;
  final Clock clock;
  final Sleeper sleeper;
  private final SyncRegistry syncs = new SyncRegistry();
  /**
   * Items this instance left in flight after a failed attempt ("owner\nlink\nitem"): it may look them
   * up again at once, while an item another instance has in flight waits out {@link LinkSync#IN_FLIGHT_LEASE}.
   */
  final java.util.Set<String> leftInFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Creates the engine.
   *
   * @param grantCalls runs calls with fresh grants
   * @param clients the clients, to ask a target what it takes before a grant is made fresh
   * @param links the link store
   * @param linkStates moves links to other states
   * @param store the cross-post store
   * @param registry the providers, for text rules
   * @param fetcher copies media
   * @param clock the clock
   * @param sleeper waits between passes
   */
  public CrossPostEngine(GrantCalls grantCalls, ClientCache clients, LinkStore links, LinkStates linkStates, CrossPostStore store,
      PlatformRegistry registry, MediaFetcher fetcher, Clock clock, Sleeper sleeper) {
    this.grantCalls = Objects.requireNonNull(grantCalls, "grantCalls");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.links = Objects.requireNonNull(links, "links");
    this.linkStates = Objects.requireNonNull(linkStates, "linkStates");
    this.store = Objects.requireNonNull(store, "store");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The cross-post store.
   *
   * @return the store
   */
  public CrossPostStore store() {
    return store;
  }

  /**
   * The running syncs.
   *
   * @return the registry
   */
  public SyncRegistry syncs() {
    return syncs;
  }

  /**
   * An owner's cross-post link.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the link
   * @throws NotFoundException if the owner has no such cross-post link
   */
  public Link link(String ownerId, String linkId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(linkId, "linkId");
    return links.find(ownerId, linkId).filter(l -> l.kind() == LinkKind.CROSS_POST && l.grantIds().size() == 2)
        .orElseThrow(() -> NotFoundException.local("", "owner " + ownerId + " has no cross-post link " + linkId));
  }

  /**
   * A link's rules.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the rules
   * @throws NotFoundException if the link has none
   */
  public CrossPostRules rules(String ownerId, String linkId) {
    return store.rules(ownerId, linkId).orElseThrow(() -> NotFoundException.local("",
        "cross-post link " + linkId + " of owner " + ownerId + " has no rules"));
  }

  /**
   * Makes a sync of a link and registers it.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param listener the listener
   * @return the sync
   */
  public LinkSync newSync(String ownerId, String linkId, CrossPostListener listener) {
    link(ownerId, linkId);
    LinkSync sync = new LinkSync(this, ownerId, linkId, Objects.requireNonNull(listener, "listener"));
    syncs.add(sync);
    return sync;
  }

  TextRules textRules(String platformId) {
    return registry.provider(platformId).textRules();
  }
}
