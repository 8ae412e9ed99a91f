package io.socialink.internal.http;

import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.Transport;
import io.socialink.http.TransportOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The default {@link Transport}: one {@link HttpClient} per instance, shared by every call of one
 * {@link io.socialink.Socialink}. Redirects are not followed: a platform that redirects an API call
 * gets classified, not silently re-sent with credentials elsewhere.
 */
public final class JdkTransport implements Transport {
  private final HttpClient client;
  private final TransportOptions options;

  /**
   * Creates a transport with its own client.
   *
   * @param options the timeouts
   */
  public JdkTransport(TransportOptions options) {
    this.options = options;
    this.client = HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  @Override
  public ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(options.requestTimeout());
    request.headers().map().forEach((name, values) -> {
      if (!name.equals("content-length") && !name.equals("host")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpRequest.BodyPublisher body = request.bodyLength() == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.body());
    b.method(request.method().name(), body);
    HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new ApiResponse(response.statusCode(), new Headers(response.headers().map()), response.body());
  }
}
