package io.socialink.tiktok;

/** The format of the files in a TikTok Data Portability export ({@code data_format}). */
public enum TikTokDataFormat {
  /** Text files. */
  TEXT("text"),
  /** JSON files. */
  JSON("json");

  private final String wireName;

  TikTokDataFormat(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name TikTok uses.
   *
   * @return {@code text} or {@code json}
   */
  public String wireName() {
    return wireName;
  }
}
