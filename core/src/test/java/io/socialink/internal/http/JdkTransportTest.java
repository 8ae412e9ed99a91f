package io.socialink.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.http.TransportOptions;
import io.socialink.internal.pipeline.CallPipeline;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RetryPolicy;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.testsupport.HalfRandom;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.RecordingListener;
import io.socialink.testsupport.RecordingSleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport's response limit, against a loopback server. */
class JdkTransportTest {
  static final int MIB = 1024 * 1024;

  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  /** Bytes the server managed to write before the client stopped reading. */
  final AtomicLong written = new AtomicLong();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/sized", exchange -> {
      requests.incrementAndGet();
      int n = Integer.parseInt(exchange.getRequestURI().getQuery());
      exchange.sendResponseHeaders(200, n);
      stream(exchange.getResponseBody(), n);
    });
    server.createContext("/chunked", exchange -> {
      requests.incrementAndGet();
      int n = Integer.parseInt(exchange.getRequestURI().getQuery());
      exchange.sendResponseHeaders(200, 0);
      stream(exchange.getResponseBody(), n);
    });
    server.start();
  }

  void stream(OutputStream out, int n) {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    try (out) {
      for (int sent = 0; sent < n; sent += chunk.length) {
        int len = Math.min(chunk.length, n - sent);
        out.write(chunk, 0, len);
        written.addAndGet(len);
      }
    } catch (IOException clientWentAway) {
      // expected once the client cancels
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  ApiRequest get(String path, int bytes) {
    return ApiRequest.newBuilder(HttpMethod.GET,
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?" + bytes)).build();
  }

  static JdkTransport transport(int limit) {
    return new JdkTransport(TransportOptions.ofDefaults().withMaxResponseBytes(limit));
  }

  @Test
  void aBodyUpToTheLimitIsRead() throws Exception {
    assertThat(transport(1000).send(get("/sized", 1000)).bodyLength()).isEqualTo(1000);
    assertThat(transport(1000).send(get("/chunked", 1000)).bodyLength()).isEqualTo(1000);
    assertThat(transport(1000).send(get("/chunked", 0)).bodyLength()).isZero();
  }

  @Test
  void anAnnouncedLengthOverTheLimitFailsBeforeTheBodyIsRead() {
    assertThatThrownBy(() -> transport(MIB).send(get("/sized", 50 * MIB)))
        .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
          assertThat(e.limit()).isEqualTo(MIB);
          assertThat(e.declaredLength()).hasValue(50L * MIB);
          assertThat(e.getMessage()).contains("TransportOptions.maxResponseBytes", "1048576", "GET http://127.0.0.1:");
        });
  }

  @Test
  void aBodyGrowingPastTheLimitIsCancelledThere() {
    assertThatThrownBy(() -> transport(MIB).send(get("/chunked", 50 * MIB)))
        .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
          assertThat(e.declaredLength()).isEmpty();
          assertThat(e.getMessage()).contains("more than 1048576 bytes");
        });
    // The server could not have pushed all 50 MiB: the client stopped reading at the limit.
    assertThat(written.get()).isLessThan(50L * MIB);
  }

  @Test
  void theDefaultLimitIsEightMebibytes() {
    assertThat(TransportOptions.ofDefaults().maxResponseBytes()).isEqualTo(8 * MIB);
    assertThatThrownBy(() -> new JdkTransport(TransportOptions.ofDefaults()).send(get("/chunked", 9 * MIB)))
        .isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  void theLimitIsValidated() {
    assertThatThrownBy(() -> TransportOptions.ofDefaults().withMaxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
    assertThatThrownBy(() -> TransportOptions.ofDefaults().withMaxResponseBytes(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new TransportOptions(Duration.ofSeconds(1), Duration.ofSeconds(2)).maxResponseBytes())
        .isEqualTo(TransportOptions.DEFAULT_MAX_RESPONSE_BYTES);
  }

  @Test
  void inThePipelineATooLargeAnswerIsAConfigurationFailureThatIsNotRetried() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    PipelineConfig config = new PipelineConfig(RetryPolicy.ofDefaults(), CircuitBreakerPolicy.ofDefaults(), List.of(),
        Duration.ofSeconds(30), new RecordingListener(), new RecordingSleeper(clock), new HalfRandom(), clock);
    CallPipeline pipeline = new CallPipeline("test", transport(MIB), ResponseInterpreter.generic(), config);
    ApiCall call = new ApiCall("test", "items", get("/chunked", 50 * MIB), Idempotency.IDEMPOTENT, "client-1",
        Optional.of("test:alice"));

    assertThatThrownBy(() -> pipeline.execute(call))
        .isInstanceOfSatisfying(SocialinkException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("maxResponseBytes");
        });
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aSmallAnswerStillPassesThePipeline() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    PipelineConfig config = PipelineConfig.defaults(clock);
    CallPipeline pipeline = new CallPipeline("test", transport(MIB), ResponseInterpreter.generic(), config);
    ApiResponse r = pipeline.execute(new ApiCall("test", "items", get("/sized", 10), Idempotency.IDEMPOTENT,
        "client-1", Optional.of("test:alice")));
    assertThat(r.bodyLength()).isEqualTo(10);
  }

  @Test
  void aBodyOfAnnouncedLengthWithinTheLimitIsReadByTheJdksOwnSubscriber() {
    java.util.function.Supplier<String> what = () -> "GET /x";
    // The JDK completes a call read by one of its own subscribers without a hand-off to its executor.
    assertThat(JdkTransport.bodySubscriber(info("1000"), what, 1000))
        .isNotInstanceOf(JdkTransport.CappedBody.class)
        .satisfies(sub -> assertThat(sub.getClass().getName()).startsWith("jdk.internal.net.http."));
    assertThat(JdkTransport.bodySubscriber(info("1001"), what, 1000)).isInstanceOf(JdkTransport.CappedBody.class);
    assertThat(JdkTransport.bodySubscriber(info(null), what, 1000)).isInstanceOf(JdkTransport.CappedBody.class);
    assertThat(JdkTransport.bodySubscriber(info("not a number"), what, 1000))
        .isInstanceOf(JdkTransport.CappedBody.class);
  }

  static java.net.http.HttpResponse.ResponseInfo info(String contentLength) {
    java.util.Map<String, List<String>> map = contentLength == null
        ? java.util.Map.of() : java.util.Map.of("content-length", List.of(contentLength));
    java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(map, (n, v) -> true);
    return new java.net.http.HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public java.net.http.HttpHeaders headers() {
        return headers;
      }

      @Override
      public java.net.http.HttpClient.Version version() {
        return java.net.http.HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
