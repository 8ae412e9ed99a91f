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
 * as soon as the limit is passed, without reading the rest. Thread-safe.
 */
public class CallbackServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

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
      body = new byte[max + 1]; // answered 413 without reading a byte of it
    } else {
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes(max + 1);
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
