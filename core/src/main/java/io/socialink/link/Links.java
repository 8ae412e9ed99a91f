package io.socialink.link;

import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.NotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * The links of an application's users. Get it from {@link io.socialink.Socialink#links()}. Thread-safe.
 *
 * <pre>{@code
 * Link shown = socialink.links().record(userId, LinkKind.PROFILE_LINK,
 *     LinkEnd.account(tiktokAccount), LinkEnd.account(instagramAccount), List.of());
 * socialink.links().list(userId);
 * }</pre>
 */
public interface Links {
  /**
   * An owner's links, for audit.
   *
   * @param ownerId the owner
   * @return the links, in no order
   */
  List<Link> list(String ownerId);

  /**
   * An owner's link.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the link, or empty
   */
  Optional<Link> find(String ownerId, String linkId);

  /**
   * Records a link Socialink did not make itself: an Instagram account shown on a TikTok profile
   * ({@link LinkKind#PROFILE_LINK}), a cross-posting pair ({@link LinkKind#CROSS_POST}) or an account
   * held by a business tool ({@link LinkKind#BUSINESS_ASSET}).
   *
   * @param ownerId the owner
   * @param kind the kind
   * @param from the first end
   * @param to the second end
   * @param grantIds the owner's grants the link uses, possibly none
   * @return the stored link
   * @throws NotFoundException if a grant id is not one of the owner's grants
   */
  Link record(String ownerId, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds);

  /**
   * Moves a link to another state, such as {@link LinkState#PAUSED}.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @param state the new state
   * @return the stored link; the same link when it already is in that state
   * @throws NotFoundException if the owner has no such link
   * @throws InvalidRequestException if the link cannot move to that state (an unlinked link stays unlinked)
   * @throws io.socialink.store.VersionConflictException if the link changed meanwhile
   */
  Link changeState(String ownerId, String linkId, LinkState state);
}
