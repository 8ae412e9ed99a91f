package io.socialink.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified event from a platform.
 *
 * @param platformId the platform
 * @param type what happened
 * @param deliveryId an id that is the same for repeated deliveries of one event, for de-duplication
 * @param userId the platform's user id the event is about, when it names one
 * @param occurredAt when it happened, when the platform said
 * @param userAttribute the name of the {@linkplain io.socialink.Grant#attributes() grant attribute}
 *     that also holds {@code userId}, for platforms whose callbacks name another id than the grant's
 *     account (Meta's Facebook Login callbacks name the Facebook user, while the grant's account is the
 *     Instagram account): the callback intake then also acts on the grants whose attribute of that name
 *     equals {@code userId}; empty when the user id is the account's only
 */
public record WebhookEvent(String platformId, Type type, String deliveryId, Optional<String> userId, Optional<Instant> occurredAt,
    Optional<String> userAttribute) {
  /**
   * Creates an event whose user id names the account only.
   *
   * @param platformId the platform
   * @param type what happened
   * @param deliveryId an id that is the same for repeated deliveries of one event, for de-duplication
   * @param userId the platform's user id the event is about, when it names one
   * @param occurredAt when it happened, when the platform said
   */
  public WebhookEvent(String platformId, Type type, String deliveryId, Optional<String> userId,
      Optional<Instant> occurredAt) {
    this(platformId, type, deliveryId, userId, occurredAt, Optional.empty());
  }

  /** Validates the components. */
  public WebhookEvent {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isBlank()) {
      throw new IllegalArgumentException("deliveryId must not be blank");
    }
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(userAttribute, "userAttribute");
    userAttribute.ifPresent(a -> {
      if (!a.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
        throw new IllegalArgumentException("userAttribute must be an attribute name: 1-64 lowercase letters, digits,"
            + " '.', '_' or '-'");
      }
    });
  }

  /** Kinds of events. */
  public enum Type {
    /** The user removed the application; its grants for the user are dead. */
    DEAUTHORIZED,
    /**
     * The account was deleted on the platform: the application's grants for it are dead and every
     * link of the account is gone.
     */
    ACCOUNT_DELETED,
    /** The user asked for their data to be deleted. */
    DATA_DELETION_REQUESTED,
    /** Any other event, passed on as is. */
    OTHER
  }
}
