package io.socialink.internal.runtime;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.error.SocialinkException;
import io.socialink.store.LinkStore;
import io.socialink.store.VersionConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Moves the links that use a grant to another state. Thread-safe. */
public final class LinkStates {
  private final LinkStore links;
  private final Clock clock;

  /**
   * Creates the updater.
   *
   * @param links the link store
   * @param clock the clock
   */
  public LinkStates(LinkStore links, Clock clock) {
    this.links = Objects.requireNonNull(links, "links");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Marks the links of a grant {@link LinkState#REVOKED} after the platform refused its refresh
   * token. A concurrent change of a link is added to {@code cause} as suppressed: the revocation is
   * what the caller must see.
   *
   * @param grant the dead grant
   * @param cause the platform's refusal
   */
  public void markRevoked(Grant grant, SocialinkException cause) {
    mark(grant, LinkState.REVOKED, cause);
  }

  /**
   * Marks the links of a grant {@link LinkState#BROKEN} after a refresh of it was interrupted and its
   * refresh token can no longer be used. A concurrent change of a link is added to {@code cause}.
   *
   * @param grant the grant
   * @param cause the failure the caller sees
   */
  public void markBroken(Grant grant, SocialinkException cause) {
    mark(grant, LinkState.BROKEN, cause);
  }

  private void mark(Grant grant, LinkState next, SocialinkException cause) {
    Optional<String> reason = reason(cause);
    try {
      for (Link l : links.findByGrant(grant.ownerId(), grant.id())) {
        if (l.state() != next && l.state().canMoveTo(next)) {
          links.save(l.withState(next, reason, clock));
        }
      }
    } catch (VersionConflictException conflict) {
      cause.addSuppressed(conflict);
    }
  }

  /**
   * Marks links {@link LinkState#REVOKED} after a platform said the user removed access. A link
   * already revoked or unlinked, or no longer stored, is left alone; a link changed by someone else in
   * between is read again and marked.
   *
   * @param ownerId the owner
   * @param linkIds the links
   * @return the links this call moved to {@link LinkState#REVOKED}, as stored
   */
  public List<Link> markRevoked(String ownerId, java.util.Collection<String> linkIds) {
    return moveAll(ownerId, linkIds, LinkState.REVOKED, "the platform reported that the user removed the app's access");
  }

  /** Moves links to a state, reading each again after a concurrent change; returns those it moved. */
  private List<Link> moveAll(String ownerId, java.util.Collection<String> linkIds, LinkState next, String reason) {
    List<Link> moved = new java.util.ArrayList<>();
    for (String id : linkIds) {
      for (int attempt = 0; ; attempt++) {
        Optional<Link> link = links.find(ownerId, id);
        if (link.isEmpty() || link.get().state() == next || !link.get().state().canMoveTo(next)) {
          break;
        }
        try {
          moved.add(links.save(link.get().withState(next, Optional.of(reason), clock)));
          break;
        } catch (VersionConflictException conflict) {
          if (attempt == 2) {
            throw conflict;
          }
        }
      }
    }
    return moved;
  }

  /**
   * Marks links {@link LinkState#UNLINKED} once their unlink plan is complete. A link changed by
   * someone else in between is read again and marked; a link no longer stored is left alone.
   *
   * @param ownerId the owner
   * @param linkIds the links of the completed plan
   * @param planId the plan, named in the links' state reason
   */
  public void markUnlinked(String ownerId, List<String> linkIds, String planId) {
    moveAll(ownerId, linkIds, LinkState.UNLINKED, "unlink plan " + planId + " is complete");
  }

  /**
   * Marks an {@link LinkState#ACTIVE} link {@link LinkState#BROKEN}, as a sync does when one of the
   * link's grants was refused and cannot be made fresh. A link in another state is left as it is (a
   * link the refresh already marked {@link LinkState#REVOKED} stays revoked). A concurrent change of
   * the link is added to {@code cause} as suppressed.
   *
   * @param link the link as last read
   * @param cause the refusal
   * @return the link as stored now
   */
  public Link markBroken(Link link, SocialinkException cause) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(cause, "cause");
    Link current = links.find(link.ownerId(), link.id()).orElse(link);
    if (current.state() != LinkState.ACTIVE) {
      return current;
    }
    try {
      return links.save(current.withState(LinkState.BROKEN, reason(cause), clock));
    } catch (VersionConflictException conflict) {
      cause.addSuppressed(conflict);
      return links.find(link.ownerId(), link.id()).orElse(current);
    }
  }

  /** The failure's message as a link's state reason, cut to fit. */
  private static Optional<String> reason(SocialinkException cause) {
    String m = cause.classification().message();
    if (m.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(m.length() <= Link.MAX_STATE_REASON ? m : m.substring(0, Link.MAX_STATE_REASON - 1) + "…");
  }
}
