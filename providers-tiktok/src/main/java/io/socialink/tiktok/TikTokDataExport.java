package io.socialink.tiktok;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TikTok Data Portability export request as {@code POST /v2/user/data/check/} reports it.
 *
 * @param requestId the request id {@code /v2/user/data/add/} returned
 * @param status where the export stands
 * @param rawStatus the status as TikTok spelt it
 * @param appliedAt when the export was requested, if reported
 * @param collectedAt when TikTok started collecting the data, if reported
 * @param dataFormat the format asked for ({@code text} or {@code json}), if reported
 * @param categories the categories asked for, as TikTok names them
 */
public record TikTokDataExport(long requestId, Status status, String rawStatus, Optional<Instant> appliedAt,
    Optional<Instant> collectedAt, Optional<String> dataFormat, List<String> categories) {

  /** Where an export stands; TikTok documents four statuses. */
  public enum Status {
    /** {@code pending}: TikTok is still collecting the data. */
    PENDING,
    /** {@code downloading}: ready to download, for four days after it became ready. */
    READY,
    /** {@code expired}: no longer downloadable; request a new export. */
    EXPIRED,
    /** {@code cancelled}: cancelled with {@code /v2/user/data/cancel/}. */
    CANCELLED,
    /** A status TikTok does not document; see {@link TikTokDataExport#rawStatus()}. */
    UNKNOWN;

    /**
     * Reads TikTok's status.
     *
     * @param raw the status as TikTok spells it
     * @return the status; {@link #UNKNOWN} for an undocumented one
     */
    public static Status of(String raw) {
      switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "pending":
          return PENDING;
        case "downloading":
          return READY;
        case "expired":
          return EXPIRED;
        case "cancelled":
        case "canceled":
          return CANCELLED;
        default:
          return UNKNOWN;
      }
    }
  }

  /** Validates and copies the components. */
  public TikTokDataExport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(dataFormat, "dataFormat");
    categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
  }

  /**
   * Whether the archive can be downloaded now.
   *
   * @return true when {@link Status#READY}
   */
  public boolean isReady() {
    return status == Status.READY;
  }
}
