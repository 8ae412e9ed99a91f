package io.socialink.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parsing of query strings, form bodies and multipart bodies, as small as an emulator needs. */
public final class HttpForms {
  private HttpForms() {}

  /**
   * Parses {@code a=b&c=d}; the first value of a repeated name wins.
   *
   * @param raw the raw text, or null
   * @return the decoded parameters
   */
  public static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  /**
   * One part of a multipart body.
   *
   * @param name the form field name
   * @param content the part's bytes
   */
  public record Part(String name, byte[] content) {
    /** Copies the content. */
    public Part {
      content = content.clone();
    }

    /**
     * A copy of the bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /**
     * The content as UTF-8 text.
     *
     * @return the text
     */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /**
   * Parses a {@code multipart/form-data} body.
   *
   * @param contentType the request's content type, with its boundary
   * @param body the body
   * @return the parts, or empty when the body is not multipart
   */
  public static Optional<List<Part>> multipart(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    int at = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
    if (at < 0) {
      return Optional.empty();
    }
    String boundary = contentType.substring(at + "boundary=".length()).split(";")[0].trim().replace("\"", "");
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    while (pos >= 0) {
      int start = pos + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break;
      }
      start += 2; // CRLF after the delimiter
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
      int next = indexOf(body, delimiter, start);
      if (headerEnd < 0 || next < 0) {
        return Optional.empty();
      }
      String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
      String name = fieldName(headers);
      int contentEnd = next - 2; // CRLF before the next delimiter
      parts.add(new Part(name, Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, contentEnd))));
      pos = next;
    }
    return Optional.of(parts);
  }

  private static String fieldName(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition")) {
        int n = line.indexOf("name=\"");
        if (n >= 0) {
          int end = line.indexOf('"', n + 6);
          return line.substring(n + 6, end);
        }
      }
    }
    return "";
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
