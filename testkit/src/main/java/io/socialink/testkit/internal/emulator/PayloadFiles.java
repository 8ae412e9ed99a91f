package io.socialink.testkit.internal.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A platform's documented payload files, kept as resources in a {@code payloads/} folder beside a
 * class, with an {@code index.txt} listing them. Immutable and thread-safe.
 */
public final class PayloadFiles {
  private final Class<?> anchor;
  private final String platform;
  private final List<String> names;

  /**
   * Opens the payloads beside a class.
   *
   * @param anchor the class whose package holds the {@code payloads/} folder
   * @param platform the platform's name, for messages
   */
  public PayloadFiles(Class<?> anchor, String platform) {
    this.anchor = Objects.requireNonNull(anchor, "anchor");
    this.platform = Objects.requireNonNull(platform, "platform");
    this.names = List.copyOf(Arrays.stream(text("index.txt").split("\n")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList());
  }

  /**
   * Every payload's name, as listed in the index.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * A payload as UTF-8 text.
   *
   * @param name the relative name, such as {@code oauth/token.json}
   * @return the text
   * @throws IllegalArgumentException if there is no such payload
   */
  public String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /**
   * A payload's bytes.
   *
   * @param name the relative name, such as {@code oauth/token.json}
   * @return the bytes
   * @throws IllegalArgumentException if the name is not relative or there is no such payload
   */
  public byte[] bytes(String name) {
    Objects.requireNonNull(name, "name");
    if (name.contains("..") || name.startsWith("/")) {
      throw new IllegalArgumentException("payload names are relative paths such as oauth/token.json; got " + name);
    }
    try (InputStream in = anchor.getResourceAsStream("payloads/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + platform + " payload named '" + name + "'; see "
            + anchor.getSimpleName() + ".names()");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + platform + " payload " + name, e);
    }
  }
}
