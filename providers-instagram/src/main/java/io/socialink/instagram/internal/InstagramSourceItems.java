package io.socialink.instagram.internal;

import io.socialink.crosspost.ContentType;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SourceMedia;
import io.socialink.instagram.InstagramMedia;
import io.socialink.instagram.InstagramMediaPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Instagram account's media as cross-post {@link SourceItem}s: pages of {@code /me/media}
 * followed within one call (the paging cursors are never kept), each media mapped to its content type
 * ({@code media_product_type} {@code REELS} is a reel and {@code STORY} a story; otherwise
 * {@code media_type}). Images are JPEG (the only image format Instagram serves) and videos MP4; a
 * carousel's {@code media_url} is its first item's, so only that item is offered. Stateless.
 */
public final class InstagramSourceItems {
  private InstagramSourceItems() {}

  /** Reads one page of media. */
  @FunctionalInterface
  public interface Pages {
    /**
     * Reads a page.
     *
     * @param after the cursor of the previous page, or empty
     * @param limit how many at most
     * @return the page
     */
    InstagramMediaPage page(Optional<String> after, int limit);
  }

  /**
   * Lists the newest items.
   *
   * @param pages reads pages of {@code /me/media}
   * @param limit how many items at most, 1 to 100
   * @return the items, newest first
   */
  public static List<SourceItem> recent(Pages pages, int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100; got " + limit);
    }
    List<SourceItem> out = new ArrayList<>();
    Optional<String> after = Optional.empty();
    for (int page = 0; page < 10 && out.size() < limit; page++) { // a page may be empty yet have a next one
      InstagramMediaPage p = pages.page(after, limit - out.size());
      for (InstagramMedia m : p.media()) {
        if (out.size() < limit) {
          out.add(item(m));
        }
      }
      if (!p.hasNext()) {
        break;
      }
      after = p.after();
    }
    return out;
  }

  /**
   * One media as an item.
   *
   * @param m the media
   * @return the item
   */
  public static SourceItem item(InstagramMedia m) {
    ContentType type = type(m);
    Instant at = m.timestamp().orElseThrow(() -> IgFields.malformed("media list answer",
        "media " + m.id() + " has no 'timestamp'"));
    boolean video = type == ContentType.VIDEO || type == ContentType.REEL
        || m.mediaType().map("VIDEO"::equals).orElse(false);
    List<SourceMedia> media = m.mediaUrl().map(u -> List.of(new SourceMedia(u, video ? "video/mp4" : "image/jpeg")))
        .orElse(List.of());
    return new SourceItem(m.id(), at, type, m.caption().filter(c -> !c.isBlank()), m.permalink(), media);
  }

  private static ContentType type(InstagramMedia m) {
    String product = m.mediaProductType().orElse("FEED");
    if (product.equals("STORY")) {
      return ContentType.STORY;
    }
    if (product.equals("REELS")) {
      return ContentType.REEL;
    }
    String t = m.mediaType().orElse("IMAGE");
    return t.equals("CAROUSEL_ALBUM") ? ContentType.CAROUSEL : t.equals("VIDEO") ? ContentType.VIDEO : ContentType.IMAGE;
  }
}
