package io.socialink.instagram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON fixtures under {@code src/test/resources/instagram/}; see SOURCES.md there. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A fixture's bytes.
   *
   * @param path the path below {@code instagram/}, e.g. {@code errors/4-app-rate-limit.json}
   * @return the bytes
   */
  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/instagram/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture instagram/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fixture as text.
   *
   * @param path the path below {@code instagram/}
   * @return the text
   */
  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /**
   * A header fixture as a header value: its one line, trimmed.
   *
   * @param path the path below {@code instagram/headers/}
   * @return the value
   */
  public static String header(String path) {
    return text("headers/" + path).trim();
  }
}
