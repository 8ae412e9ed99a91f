package io.socialink.auth;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.error.AuthorizationException;
import io.socialink.error.NotFoundException;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.Revocation;
import java.util.List;
import java.util.Optional;

/**
 * The grants an application holds: audit them, keep them fresh, and use them with their platform's
 * client. Get it from {@link io.socialink.Socialink#grants()}. Thread-safe.
 *
 * <p>Concurrent callers for one grant share one refresh, also across instances sharing a grant store;
 * a rotated refresh token is stored before the new grant is handed out. A dead refresh token marks
 * the grant's links {@link io.socialink.LinkState#REVOKED} and throws {@link AuthorizationException};
 * a transient failure changes nothing.
 *
 * <pre>{@code
 * Grant grant = socialink.grants().fresh(userId, grantId);     // refreshed first if it expires soon
 * Account me = socialink.grants().profile(userId, grantId);    // one refresh + one replay on an expired token
 * String mediaId = socialink.grants().withGrant(userId, grantId, XClient.class,
 *     (x, g) -> x.uploadMedia(g, media));                      // a provider's own calls, same handling
 * }</pre>
 */
public interface Grants {
  /**
   * An owner's grants, for audit.
   *
   * @param ownerId the owner
   * @return the grants, in no order
   */
  List<Grant> list(String ownerId);

  /**
   * An owner's grant.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the grant, or empty
   */
  Optional<Grant> find(String ownerId, String grantId);

  /**
   * A grant whose access token is fresh: refreshed first if it expires within the refresh skew (a
   * grant that cannot be refreshed is returned as it is until it has actually expired).
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the fresh grant
   * @throws NotFoundException if the owner has no such grant
   * @throws AuthorizationException if the grant expired and cannot be refreshed, or was revoked
   */
  Grant fresh(String ownerId, String grantId);

  /**
   * Refreshes a grant now, whatever its expiry; concurrent callers share one refresh.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the refreshed grant, already stored
   * @throws NotFoundException if the owner has no such grant
   * @throws AuthorizationException if it has no usable refresh token or the platform refused it
   */
  Grant refresh(String ownerId, String grantId);

  /**
   * Runs an operation with the grant's client and a fresh grant; on
   * {@link io.socialink.error.ErrorCategory#AUTH_EXPIRED} it refreshes once and replays once, never more.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param operation what to do with the client and the grant
   * @param <T> the result type
   * @return the result
   * @throws NotFoundException if the owner has no such grant
   */
  <T> T withGrant(String ownerId, String grantId, GrantOperation<PlatformClient, T> operation);

  /**
   * Runs an operation with the grant's client as a provider's own type, such as {@code XClient}, with
   * the same fresh-grant and refresh-once-and-replay handling.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param type the client type
   * @param operation what to do with the client and the grant
   * @param <C> the client type
   * @param <T> the result type
   * @return the result
   * @throws NotFoundException if the owner has no such grant
   * @throws io.socialink.error.ConfigurationException if the grant's client is not of that type
   */
  <C extends PlatformClient, T> T withGrant(String ownerId, String grantId, Class<C> type, GrantOperation<C, T> operation);

  /**
   * Reads the linked account's profile.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the account
   */
  Account profile(String ownerId, String grantId);

  /**
   * Revokes a grant at its platform. Idempotent: a grant already dead is
   * {@link Revocation#ALREADY_REVOKED}. The stored grant is kept; an unlink plan forgets it.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return what happened
   * @throws NotFoundException if the owner has no such grant
   */
  Revocation revoke(String ownerId, String grantId);
}
