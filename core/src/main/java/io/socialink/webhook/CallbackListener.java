package io.socialink.webhook;

import io.socialink.Link;
import io.socialink.Account;
import java.util.List;
import java.util.Objects;

/**
 * Hears what the callback intake did with verified deliveries, once per delivery (repeated
 * deliveries are not passed on). Every method has a no-op default. Handlers run on the thread that
 * answers the platform, so they must be fast (hand work to a queue) and must not throw; what they
 * throw is logged and ignored.
 */
public interface CallbackListener {
  /**
   * A listener that does nothing.
   *
   * @return the listener
   */
  static CallbackListener noop() {
    return new CallbackListener() { };
  }

  /**
   * A user removed the application, or deleted the account; the links are already {@code REVOKED}
   * and the grants forgotten.
   *
   * @param deauthorization what happened and what changed
   */
  default void deauthorized(Deauthorization deauthorization) {}

  /**
   * A user asked for their data to be deleted; the request is recorded with status
   * {@link DataDeletion.Status#RECEIVED}. Delete the data, then report progress with
   * {@link Callbacks#updateDeletion}.
   *
   * @param deletion the recorded request
   */
  default void dataDeletionRequested(DataDeletion deletion) {}

  /**
   * Any other verified event, such as a TikTok publish notification or an Instagram comment.
   *
   * @param event the event
   */
  default void received(WebhookEvent event) {}

  /**
   * What a verified deauthorization or account deletion changed.
   *
   * @param event the verified event ({@link WebhookEvent.Type#DEAUTHORIZED} or
   *     {@link WebhookEvent.Type#ACCOUNT_DELETED})
   * @param account the account it is about: the event's platform and user id (when the event names a
   *     {@linkplain WebhookEvent#userAttribute() grant attribute}, that id may be another than an
   *     account's, such as a Facebook user's)
   * @param revokedLinks the links now {@code REVOKED}, as stored after the change
   * @param forgottenGrantIds the grants deleted
   */
  record Deauthorization(WebhookEvent event, Account account, List<Link> revokedLinks, List<String> forgottenGrantIds) {
    /** Validates and copies the components. */
    public Deauthorization {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(account, "account");
      revokedLinks = List.copyOf(Objects.requireNonNull(revokedLinks, "revokedLinks"));
      forgottenGrantIds = List.copyOf(Objects.requireNonNull(forgottenGrantIds, "forgottenGrantIds"));
    }

    /**
     * Answers whether the account was deleted rather than the application removed.
     *
     * @return true for an account deletion
     */
    public boolean accountDeleted() {
      return event.type() == WebhookEvent.Type.ACCOUNT_DELETED;
    }
  }
}
