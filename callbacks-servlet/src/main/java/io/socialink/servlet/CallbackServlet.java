package io.socialink.servlet;

import io.socialink.http.Headers;
import io.socialink.webhook.Callbacks;
import io.socialink.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The callback intake as a Jakarta Servlet (Servlet 6): mount it on a path ending in {@code /*} and
 * every platform's callbacks below that path reach {@code Socialink.callbacks()}.
 *
 * <pre>{@code
 * // plain servlet container
 * context.addServlet(new ServletHolder(new CallbackServlet(socialink.callbacks())), "/callbacks/*");
 *
 * // Spring Boot
 * @Bean ServletRegistrationBean<CallbackServlet> callbacks(Socialink socialink) {
 *   return new ServletRegistrationBean<>(new CallbackServlet(socialink.callbacks()), "/callbacks/*");
 * }
 * }</pre>
 *
 * The path the intake sees is the request's path info (below the mapping) with its query string. The
 * body is read raw, never through request parameters, so signatures are checked over the bytes as
 * sent; a body longer than {@link io.socialink.webhook.CallbackSettings#maxBodyBytes()} is answered 413
 * and never kept. Up to {@link #DRAINED_BYTES} beyond the limit are read and dropped first, so that a
 * sender still writing its body reads the 413 instead of a closed connection (as Tomcat's
 * {@code maxSwallowSize} does); a body announced longer than that is answered without reading it, and
 * the container closes the connection. Thread-safe.
 */
public class CallbackServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  /** How many bytes past the limit an oversized body is read and dropped before the 413: 1 MiB. */
  public static final long DRAINED_BYTES = 1L << 20;

  /** The intake; a servlet is serialized only by containers that persist sessions, never with it. */
  private final transient Callbacks callbacks;

  /**
   * Creates the servlet.
   *
   * @param callbacks the intake, from {@code Socialink.callbacks()}
   */
  public CallbackServlet(Callbacks callbacks) {
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
  }

  /**
   * Hands every request, whatever its method, to the intake and writes its answer.
   *
   * @param request the request
   * @param response the response
   * @throws IOException if reading the body or writing the answer fails
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    if (request.getQueryString() != null) {
      path = path + "?" + request.getQueryString();
    }
    int max = callbacks.settings().maxBodyBytes();
    long declared = request.getContentLengthLong();
    byte[] body;
    if (declared > max) {
      body = new byte[max + 1]; // answered 413; nothing of it is kept
      if (declared <= max + DRAINED_BYTES) {
        try (InputStream in = request.getInputStream()) {
          drain(in, declared);
        }
      }
    } else {
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes(max + 1);
        if (body.length > max) {
          drain(in, DRAINED_BYTES);
        }
      }
    }
    WebhookResponse answer = callbacks.handle(request.getMethod(), path, headers(request), body);
    response.setStatus(answer.status());
    answer.headers().map().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    byte[] out = answer.bodyBytes();
    if (out.length > 0) {
      response.setContentLength(out.length);
      response.getOutputStream().write(out);
    }
  }

  /** Reads and drops at most {@code limit} bytes, stopping at the body's end. */
  private static void drain(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long left = limit;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        return;
      }
      left -= n;
    }
  }

  private static Headers headers(HttpServletRequest request) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      map.computeIfAbsent(name, k -> new ArrayList<>()).addAll(Collections.list(request.getHeaders(name)));
    }
    return new Headers(map);
  }

  /** Names the servlet only. */
  @Override
  public String toString() {
    return "CallbackServlet";
  }
}
