package io.socialink.store.memory;

import io.socialink.Link;
import io.socialink.store.LinkStore;
import io.socialink.store.VersionConflictException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link LinkStore} in memory. */
public final class InMemoryLinkStore implements LinkStore {
  private final Map<Key, Link> links = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryLinkStore() {}

  @Override
  public Optional<Link> find(String ownerId, String linkId) {
    return Optional.ofNullable(links.get(new Key(ownerId, linkId)));
  }

  @Override
  public List<Link> findByOwner(String ownerId) {
    return links.values().stream().filter(l -> l.ownerId().equals(ownerId)).toList();
  }

  @Override
  public Link save(Link link) {
    links.compute(new Key(link.ownerId(), link.id()), (k, stored) -> {
      long actual = stored == null ? -1 : stored.version();
      if (actual != link.version() - 1) {
        throw new VersionConflictException("link", link.id(), link.version() - 1, actual);
      }
      return link;
    });
    return link;
  }

  private record Key(String ownerId, String id) {}
}
