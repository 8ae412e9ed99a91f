package io.socialink;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection between two ends, owned by one of the application's users.
 *
 * <p>An {@link LinkKind#APP_AUTHORIZATION} link joins this application to an account and refers to
 * the grant it holds; a {@link LinkKind#CROSS_POST} link joins two accounts and refers to the grants
 * used to read and to write. Immutable and thread-safe.
 *
 * @param id the link's id
 * @param ownerId the application's user who owns the link
 * @param kind the kind of link
 * @param from the end the link starts from (the application for an authorization, the source for a cross-post)
 * @param to the other end
 * @param grantIds the ids of the grants the link uses
 * @param state the state
 * @param createdAt when the link was made
 * @param updatedAt when it last changed
 * @param version the version for optimistic concurrency
 * @param stateReason why the link is in its state, for a person, when Socialink moved it there for a
 *     reason worth telling (a refused or interrupted refresh, a deauthorization, a completed unlink
 *     plan); empty otherwise, and cleared by every other change of state. Never holds a secret.
 */
public record Link(
    String id,
    String ownerId,
    LinkKind kind,
    LinkEnd from,
    LinkEnd to,
    List<String> grantIds,
    LinkState state,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Optional<String> stateReason) {

  /** The longest {@link #stateReason()}, in characters. */
  public static final int MAX_STATE_REASON = 1000;

  /** Validates and copies the components. */
  public Link {
    Checks.notBlank(id, "id");
    Checks.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    grantIds = List.copyOf(Objects.requireNonNull(grantIds, "grantIds"));
    grantIds.forEach(g -> Checks.notBlank(g, "grantIds element"));
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
    }
    Objects.requireNonNull(stateReason, "stateReason");
    stateReason.ifPresent(r -> {
      Checks.notBlank(r, "stateReason");
      if (r.length() > MAX_STATE_REASON) {
        throw new IllegalArgumentException("stateReason is longer than " + MAX_STATE_REASON + " characters");
      }
    });
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative; got " + version);
    }
    if (kind == LinkKind.APP_AUTHORIZATION && !(from instanceof LinkEnd.ThisApplication)) {
      throw new IllegalArgumentException("an APP_AUTHORIZATION link must start from this application");
    }
    if (kind == LinkKind.APP_AUTHORIZATION && grantIds.isEmpty()) {
      throw new IllegalArgumentException("an APP_AUTHORIZATION link must name its grant");
    }
  }

  /**
   * A link without a state reason.
   *
   * @param id the link's id
   * @param ownerId the owner
   * @param kind the kind
   * @param from the first end
   * @param to the other end
   * @param grantIds the grants it uses
   * @param state the state
   * @param createdAt when made
   * @param updatedAt when last changed
   * @param version the version
   */
  public Link(String id, String ownerId, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds,
      LinkState state, Instant createdAt, Instant updatedAt, long version) {
    this(id, ownerId, kind, from, to, grantIds, state, createdAt, updatedAt, version, Optional.empty());
  }

  /**
   * A new active link, with timestamps from the clock and version 0.
   *
   * @param id the id
   * @param ownerId the owner
   * @param kind the kind
   * @param from the first end
   * @param to the second end
   * @param grantIds the grants it uses
   * @param clock the clock
   * @return the link
   */
  public static Link create(
      String id, String ownerId, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds, Clock clock) {
    Instant now = clock.instant();
    return new Link(id, ownerId, kind, from, to, grantIds, LinkState.ACTIVE, now, now, 0);
  }

  /**
   * Returns this link in a new state, stamped by the clock, with the version increased.
   *
   * @param next the new state
   * @param clock the clock
   * @return the changed link
   * @throws IllegalStateException if the move is not allowed (an unlinked link stays unlinked)
   */
  public Link withState(LinkState next, Clock clock) {
    return withState(next, Optional.empty(), clock);
  }

  /**
   * Returns this link in a new state with the reason a person should read, stamped by the clock, with
   * the version increased.
   *
   * @param next the new state
   * @param reason why, or empty
   * @param clock the clock
   * @return the changed link
   * @throws IllegalStateException if the move is not allowed (an unlinked link stays unlinked)
   */
  public Link withState(LinkState next, Optional<String> reason, Clock clock) {
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(reason, "reason");
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("link " + id + " is " + state + " and cannot become " + next);
    }
    Instant now = clock.instant();
    return new Link(id, ownerId, kind, from, to, grantIds, next, createdAt,
        now.isBefore(updatedAt) ? updatedAt : now, version + 1, reason);
  }

  /**
   * The platforms of both ends, without duplicates.
   *
   * @return the platform ids
   */
  public List<String> platformIds() {
    return java.util.stream.Stream.of(from, to)
        .flatMap(e -> e.platform().stream())
        .distinct()
        .toList();
  }
}
