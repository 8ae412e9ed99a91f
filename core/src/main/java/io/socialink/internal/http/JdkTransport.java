package io.socialink.internal.http;

import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.http.Redaction;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.http.Transport;
import io.socialink.http.TransportOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The default {@link Transport}: one {@link HttpClient} per instance, shared by every call of one
 * {@link io.socialink.Socialink}. Redirects are not followed: a platform that redirects an API call
 * gets classified, not silently re-sent with credentials elsewhere. A response body is read up to
 * {@link TransportOptions#maxResponseBytes()}: one that announces a longer {@code Content-Length} is
 * refused before its body is read, and one that grows past the limit is cancelled there; both fail
 * with a {@link ResponseTooLargeException}. A request with a {@link ApiRequest#bodyTarget()} has a
 * successful body that is not JSON written to that file as it arrives, with no limit, and is answered
 * with an empty body.
 */
public final class JdkTransport implements Transport {
  private final HttpClient client;
  private final TransportOptions options;

  /**
   * Creates a transport with its own client.
   *
   * @param options the timeouts and the response limit
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
    Call call = new Call(request, b, options.maxResponseBytes());
    request.headers().map().forEach(call);
    if (request.method() == HttpMethod.GET) {
      b.GET(); // never with a body: ApiRequest refuses one
    } else {
      b.method(request.method().name(), request.bodyLength() == 0
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), call);
    } catch (IOException e) {
      // HttpClient.send wraps a failure of the body subscriber in a plain IOException.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ResponseTooLargeException tooLarge) {
          ResponseTooLargeException thrown = new ResponseTooLargeException(call.get(), tooLarge.limit(),
              tooLarge.declaredLength().orElse(-1));
          thrown.setStackTrace(e.getStackTrace());
          throw thrown;
        }
      }
      throw e;
    }
    return ApiResponse.ofOwnedBody(response.statusCode(), Headers.of(response.headers()), response.body());
  }

  /**
   * What one send needs besides the request builder, in one object: it copies the request's headers
   * into the builder, chooses the body's subscriber once the status and headers are in, and names the
   * request in a message about an answer too large (redacting only then, never on the way of a success).
   */
  private static final class Call implements BiConsumer<String, List<String>>, HttpResponse.BodyHandler<byte[]>,
      Supplier<String> {
    private final ApiRequest request;
    private final HttpRequest.Builder builder;
    private final int limit;

    Call(ApiRequest request, HttpRequest.Builder builder, int limit) {
      this.request = request;
      this.builder = builder;
      this.limit = limit;
    }

    @Override
    public void accept(String name, List<String> values) {
      if (!name.equals("content-length") && !name.equals("host")) {
        for (String v : values) {
          builder.header(name, v);
        }
      }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      Path target = request.bodyTarget().orElse(null);
      if (target != null && streamed(info)) {
        return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target,
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), file -> new byte[0]);
      }
      return bodySubscriber(info, this, limit);
    }

    @Override
    public String get() {
      return request.method().name() + " " + Redaction.uri(request.uri());
    }
  }

  /**
   * How a body is read into memory. A body whose announced length fits the limit is read by the
   * JDK's own array subscriber: the client never reads past {@code Content-Length}, so the limit holds,
   * and with one of its own subscribers the client completes the call on the thread that read the
   * last bytes, where any other subscriber costs a hand-off to the client's executor on every call.
   * A body announced too long, or with no length (chunked), goes to a {@link CappedBody}.
   *
   * @param info the status and headers
   * @param what names the request in a message about a body that is too large
   * @param limit the most bytes kept
   * @return the subscriber
   */
  static HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info,
      Supplier<String> what, int limit) {
    long declared = declaredLength(info);
    if (declared >= 0 && declared <= limit) {
      return HttpResponse.BodySubscribers.ofByteArray();
    }
    return new CappedBody(what, limit, declared);
  }

  /** A body to stream to a file: a success that is not JSON (a JSON body carries an error). */
  private static boolean streamed(HttpResponse.ResponseInfo info) {
    if (info.statusCode() < 200 || info.statusCode() > 299) {
      return false;
    }
    String type = info.headers().firstValue("content-type").orElse("").toLowerCase(java.util.Locale.ROOT);
    return !type.startsWith("application/json") && !type.contains("+json");
  }

  private static long declaredLength(HttpResponse.ResponseInfo info) {
    try {
      return info.headers().firstValueAsLong("content-length").orElse(-1);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Collects a body into one array, never holding more than the limit: it fails at once when the
   * announced length is over the limit, and cancels the stream when the bytes pass it.
   */
  static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private static final int FIRST_CAPACITY = 8 * 1024;

    private final Supplier<String> what;
    private final int limit;
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer;
    private int size;
    private Flow.Subscription subscription;

    CappedBody(Supplier<String> what, int limit, long declaredLength) {
      this.what = what;
      this.limit = limit;
      this.declaredLength = declaredLength;
      int first = declaredLength >= 0 && declaredLength <= limit ? (int) declaredLength : FIRST_CAPACITY;
      this.buffer = new byte[Math.min(Math.max(first, 0), limit)];
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (declaredLength > limit) {
        s.cancel();
        result.completeExceptionally(new ResponseTooLargeException(what.get(), limit, declaredLength));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if (n > limit - size) {
          subscription.cancel();
          buffer = new byte[0];
          result.completeExceptionally(new ResponseTooLargeException(what.get(), limit, declaredLength));
          return;
        }
        if (size + n > buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max((long) buffer.length * 2, (long) size + n)));
        }
        item.get(buffer, size, n);
        size += n;
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
