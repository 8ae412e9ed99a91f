package io.socialink.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the emulator tests' raw HTTP helpers share: a client that does not follow redirects, form
 * encoding, and reading answers as JSON. Each platform's helper extends it with that platform's flows.
 */
public abstract class RawHttp {
  /** Reads and writes JSON in the tests. */
  public static final ObjectMapper JSON = new ObjectMapper();

  /** The client, which leaves redirects to the test. */
  public final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * Encodes form fields.
   *
   * @param fields the fields, in order
   * @return {@code a=1&b=2}
   */
  public static String form(Map<String, String> fields) {
    StringJoiner j = new StringJoiner("&");
    fields.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  /**
   * Fields from names and values.
   *
   * @param kv a name, its value, the next name, ...
   * @return the fields, in order, mutable
   */
  public static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /**
   * An answer's body as JSON.
   *
   * @param r the answer
   * @return the tree
   */
  public static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a request.
   *
   * @param request the request
   * @return the answer, its body as text
   */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
