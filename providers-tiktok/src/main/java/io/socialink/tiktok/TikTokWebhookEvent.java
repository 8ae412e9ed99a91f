package io.socialink.tiktok;

import io.socialink.webhook.WebhookEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified TikTok webhook delivery: its envelope ({@code client_key}, {@code event},
 * {@code create_time}, {@code user_openid}) and the members of its {@code content} that the documented
 * events carry. Get it from {@link TikTokClient#webhookEvent(io.socialink.webhook.WebhookRequest)}.
 *
 * @param event the event name, e.g. {@code authorization.removed} or {@code post.publish.complete}
 * @param clientKey the app the delivery is for
 * @param userOpenId the user's {@code open_id}
 * @param createTime when TikTok created the event
 * @param deliveryId the same for every retry of this delivery (TikTok delivers at least once, retrying for
 *     up to 72 hours): handle each id once
 * @param removalReason why the authorization was removed, for {@code authorization.removed}
 * @param publishId the publish id, for {@code post.publish.*}
 * @param publishType the publish type, e.g. {@code INBOX_SHARE}, for {@code post.publish.*}
 * @param postId the public post id, for {@code post.publish.publicly_available}
 * @param reason the failure reason, for {@code post.publish.failed}
 * @param requestId the data request id, for {@code portability.download.ready}
 */
public record TikTokWebhookEvent(
    String event,
    String clientKey,
    String userOpenId,
    Instant createTime,
    String deliveryId,
    Optional<RemovalReason> removalReason,
    Optional<String> publishId,
    Optional<String> publishType,
    Optional<String> postId,
    Optional<String> reason,
    Optional<String> requestId) {

  /** The event TikTok sends when a user's authorization of the app ends. */
  public static final String AUTHORIZATION_REMOVED = "authorization.removed";

  /** Validates the components. */
  public TikTokWebhookEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(userOpenId, "userOpenId");
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(removalReason, "removalReason");
    Objects.requireNonNull(publishId, "publishId");
    Objects.requireNonNull(publishType, "publishType");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestId, "requestId");
  }

  /**
   * Answers whether the user's grants for this app are dead: {@code authorization.removed}. The access
   * token has already been revoked when it arrives, so a later revocation may fail; treat that as
   * already unlinked.
   *
   * @return true for {@code authorization.removed}
   */
  public boolean isDeauthorization() {
    return event.equals(AUTHORIZATION_REMOVED);
  }

  /**
   * The event as Socialink's platform-neutral event: {@link WebhookEvent.Type#ACCOUNT_DELETED} for
   * {@code authorization.removed} with reason 2 (the account was deleted),
   * {@link WebhookEvent.Type#DEAUTHORIZED} for {@code authorization.removed} with any other reason,
   * {@link WebhookEvent.Type#OTHER} otherwise.
   *
   * @return the event
   */
  public WebhookEvent toWebhookEvent() {
    WebhookEvent.Type type = !isDeauthorization() ? WebhookEvent.Type.OTHER
        : removalReason.filter(r -> r == RemovalReason.ACCOUNT_DELETED).isPresent() ? WebhookEvent.Type.ACCOUNT_DELETED
        : WebhookEvent.Type.DEAUTHORIZED;
    return new WebhookEvent(TikTokProvider.ID, type, deliveryId, Optional.of(userOpenId), Optional.of(createTime));
  }

  /** Why TikTok removed an authorization ({@code content.reason} of {@code authorization.removed}). */
  public enum RemovalReason {
    /** 0: unknown. */
    UNKNOWN(0),
    /** 1: the user disconnected the app in the TikTok app. */
    USER_DISCONNECTED(1),
    /** 2: the user deleted the account. */
    ACCOUNT_DELETED(2),
    /** 3: the user's age changed. */
    AGE_CHANGED(3),
    /** 4: the account was banned. */
    ACCOUNT_BANNED(4),
    /** 5: the developer revoked the authorization (through the revoke API). */
    DEVELOPER_REVOKED(5);

    private final int code;

    RemovalReason(int code) {
      this.code = code;
    }

    /**
     * TikTok's number for the reason.
     *
     * @return 0 to 5
     */
    public int code() {
      return code;
    }

    /**
     * The reason of a number; a number TikTok may add later reads as {@link #UNKNOWN}.
     *
     * @param code TikTok's number
     * @return the reason
     */
    public static RemovalReason of(long code) {
      for (RemovalReason r : values()) {
        if (r.code == code) {
          return r;
        }
      }
      return UNKNOWN;
    }
  }
}
