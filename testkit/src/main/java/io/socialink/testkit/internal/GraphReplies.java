package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * How the Instagram emulator words its answers on Meta's hosts: the Graph error envelope (every error
 * with its own {@code fbtrace_id}, from one counter), the token host's flat errors, the {@code fields} a
 * call asks for, and cursor paging (a {@code limit} of 1 to 100, 25 by default, opaque {@code after}
 * cursors, a {@code next} link while more rows remain). Thread-safe.
 */
final class GraphReplies {
  /**
   * The rows of one page.
   *
   * @param from the first row's index
   * @param to the index after the last row
   * @param limit the page size asked
   */
  record Slice(int from, int to, int limit) {}

  private final AtomicInteger trace = new AtomicInteger();

  /**
   * A Graph error: the documented payload with a fresh {@code fbtrace_id}.
   *
   * @param status the HTTP status
   * @param payload the documented error payload
   * @param message the message to put instead of the documented one, or null to keep it
   * @return the answer
   */
  Reply error(int status, String payload, @Nullable String message) {
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(payload));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) doc.get("error"));
    if (message != null) {
      error.put("message", message);
    }
    error.put("fbtrace_id", "Emu" + Integer.toString(trace.incrementAndGet(), 36) + "Trace");
    doc.put("error", error);
    return Json.reply(status, doc);
  }

  /** An error of the token host ({@code api.instagram.com}): the flat documented payload, HTTP 400. */
  static Reply tokenError(String payload) {
    return Json.reply(400, Json.template(InstagramPayloads.bytes(payload)));
  }

  /** The members of {@code all} that {@code fields} names, in the order asked. */
  static Map<String, Object> pick(Map<String, Object> all, List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : fields) {
      if (all.containsKey(f)) {
        out.put(f, all.get(f));
      }
    }
    return out;
  }

  /** The {@code fields} query parameter's names, or the fallback's. */
  static List<String> fields(Call c, String fallback) {
    return Arrays.stream(c.query().getOrDefault("fields", fallback).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }

  /** The {@code fields} asked ({@code id} by default), with {@code id} always among them. */
  static List<String> fieldsWithId(Call c) {
    List<String> f = new ArrayList<>(fields(c, "id"));
    if (!f.contains("id")) {
      f.add("id");
    }
    return f;
  }

  /** A value as JSON text, for a header. */
  static String json(Object value) {
    return new String(Json.reply(200, value).body(), StandardCharsets.UTF_8);
  }

  /**
   * The page a call asks of a list: {@code limit} 1 to 100 (25 by default) from the {@code after}
   * cursor.
   *
   * @param c the call
   * @param size the list's size
   * @return the page, or empty when the limit or the cursor is invalid (error 100)
   */
  static Optional<Slice> slice(Call c, int size) {
    int limit;
    try {
      limit = Integer.parseInt(c.query().getOrDefault("limit", "25"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (limit < 1 || limit > 100) {
      return Optional.empty();
    }
    int from = 0;
    if (c.query().containsKey("after")) {
      Optional<Integer> at = cursor(c.query().get("after"));
      if (at.isEmpty()) {
        return Optional.empty();
      }
      from = Math.min(Math.max(0, at.get()), size);
    }
    return Optional.of(new Slice(from, Math.min(size, from + limit), limit));
  }

  /**
   * A page's {@code paging}: the cursors around it and, while more rows remain, the {@code next} link.
   *
   * @param c the call, whose {@code Host} the link names
   * @param s the page
   * @param size the list's size
   * @param edge the edge's path after the version, e.g. {@code <id>/media}
   * @return the member's value
   */
  static Map<String, Object> paging(Call c, Slice s, int size, String edge) {
    Map<String, Object> cursors = new LinkedHashMap<>();
    cursors.put("before", cursorOf(s.from()));
    cursors.put("after", cursorOf(s.to()));
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("cursors", cursors);
    if (s.to() < size) {
      paging.put("next", "http://" + c.header("host") + "/" + InstagramPlatform.VERSION + "/" + edge + "?limit="
          + s.limit() + "&after=" + cursorOf(s.to()));
    }
    return paging;
  }

  static String cursorOf(int index) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("ig:" + index).getBytes(StandardCharsets.US_ASCII));
  }

  static Optional<Integer> cursor(String value) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
      return s.startsWith("ig:") ? Optional.of(Integer.parseInt(s.substring(3))) : Optional.empty();
    } catch (IllegalArgumentException e) { // not base64url, or not a number
      return Optional.empty();
    }
  }
}
