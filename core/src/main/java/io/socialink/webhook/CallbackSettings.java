package io.socialink.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the callback intake behaves. Immutable; start from {@link #ofDefaults()}.
 *
 * @param maxBodyBytes the largest body accepted; larger ones are answered 413 without being read on
 * @param deletionStatusUrl the page where users check a data deletion; the intake answers Meta with it
 *     plus {@code code=<confirmation code>} in the query. Without it, data-deletion requests are
 *     answered 500 and recorded nowhere
 * @param listener hears what the intake did
 * @param deliveryRetention how long delivery ids are kept for de-duplication; longer than the
 *     platforms retry (TikTok 72 hours, Meta 36 hours)
 */
public record CallbackSettings(int maxBodyBytes, Optional<URI> deletionStatusUrl, CallbackListener listener,
    Duration deliveryRetention) {
  /** The default largest body: 64 KiB, far above any documented callback. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** Validates the components. */
  public CallbackSettings {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive; got " + maxBodyBytes);
    }
    Objects.requireNonNull(deletionStatusUrl, "deletionStatusUrl");
    deletionStatusUrl.ifPresent(u -> {
      if (!u.isAbsolute() || u.getFragment() != null) {
        throw new IllegalArgumentException("deletionStatusUrl must be absolute and without a fragment; got " + u);
      }
    });
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(deliveryRetention, "deliveryRetention");
    if (deliveryRetention.isNegative() || deliveryRetention.isZero()) {
      throw new IllegalArgumentException("deliveryRetention must be positive; got " + deliveryRetention);
    }
  }

  /**
   * The defaults: 64 KiB bodies, no deletion status URL, no listener, delivery ids kept 7 days.
   *
   * @return the settings
   */
  public static CallbackSettings ofDefaults() {
    return new CallbackSettings(DEFAULT_MAX_BODY_BYTES, Optional.empty(), CallbackListener.noop(), Duration.ofDays(7));
  }

  /**
   * A copy with another body limit.
   *
   * @param bytes the largest body accepted
   * @return the copy
   */
  public CallbackSettings withMaxBodyBytes(int bytes) {
    return new CallbackSettings(bytes, deletionStatusUrl, listener, deliveryRetention);
  }

  /**
   * A copy with a deletion status page.
   *
   * @param url the page, absolute
   * @return the copy
   */
  public CallbackSettings withDeletionStatusUrl(URI url) {
    return new CallbackSettings(maxBodyBytes, Optional.of(Objects.requireNonNull(url, "url")), listener,
        deliveryRetention);
  }

  /**
   * A copy with another listener.
   *
   * @param value the listener; fast and never throwing
   * @return the copy
   */
  public CallbackSettings withListener(CallbackListener value) {
    return new CallbackSettings(maxBodyBytes, deletionStatusUrl, value, deliveryRetention);
  }

  /**
   * A copy with another delivery retention.
   *
   * @param retention how long delivery ids are kept
   * @return the copy
   */
  public CallbackSettings withDeliveryRetention(Duration retention) {
    return new CallbackSettings(maxBodyBytes, deletionStatusUrl, listener, retention);
  }

  /**
   * The status URL of a confirmation code.
   *
   * @param confirmationCode the code
   * @return the URL, or empty without a status page
   */
  public Optional<URI> statusUrl(String confirmationCode) {
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    return deletionStatusUrl.map(u -> {
      String s = u.toString();
      return URI.create(s + (u.getRawQuery() == null ? "?" : "&") + "code=" + confirmationCode);
    });
  }

  /** Names the settings; the listener by class only. */
  @Override
  public String toString() {
    return "CallbackSettings[maxBodyBytes=" + maxBodyBytes + ", deletionStatusUrl=" + deletionStatusUrl
        + ", listener=" + listener.getClass().getName() + ", deliveryRetention=" + deliveryRetention + "]";
  }
}
