package io.socialink.tiktok;

import java.util.List;

/**
 * A category of a TikTok Data Portability export ({@code category_selection_list}), with the scopes
 * the user must have granted for it. {@link #ALL_DATA} takes precedence over the others when sent with
 * them.
 */
public enum TikTokDataCategory {
  /** The full archive; scope {@code portability.all.*}. */
  ALL_DATA("all_data", List.of("portability.all.single", "portability.all.ongoing")),
  /** Posts; scope {@code portability.postsandprofile.*} or {@code portability.all.*}. */
  VIDEO("video", List.of("portability.postsandprofile.single", "portability.postsandprofile.ongoing",
      "portability.all.single", "portability.all.ongoing")),
  /** Profile, following and followers; scope {@code portability.postsandprofile.*} or {@code portability.all.*}. */
  PROFILE("profile", List.of("portability.postsandprofile.single", "portability.postsandprofile.ongoing",
      "portability.all.single", "portability.all.ongoing")),
  /** Activity (comments, likes, history); scope {@code portability.activity.*} or {@code portability.all.*}. */
  ACTIVITY("activity", List.of("portability.activity.single", "portability.activity.ongoing",
      "portability.all.single", "portability.all.ongoing")),
  /** Direct messages; scope {@code portability.directmessages.*} or {@code portability.all.*}. */
  DIRECT_MESSAGE("direct_message", List.of("portability.directmessages.single", "portability.directmessages.ongoing",
      "portability.all.single", "portability.all.ongoing"));

  private final String wireName;
  private final List<String> scopes;

  TikTokDataCategory(String wireName, List<String> scopes) {
    this.wireName = wireName;
    this.scopes = scopes;
  }

  /**
   * The name TikTok uses.
   *
   * @return e.g. {@code direct_message}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The scopes of which the user must have granted one for this category.
   *
   * @return the scopes
   */
  public List<String> scopes() {
    return scopes;
  }
}
