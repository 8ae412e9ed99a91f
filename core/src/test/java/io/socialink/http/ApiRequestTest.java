package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
  private static final URI URI_ = URI.create("https://api.example/2/users/me");

  @Test
  void aHeaderSetAgainInAnyCaseReplacesTheEarlierValue() {
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.GET, URI_)
        .header("Authorization", "Bearer old")
        .header("Accept", "application/json")
        .header("AUTHORIZATION", "Bearer new")
        .build();

    assertThat(r.headers().all("authorization")).containsExactly("Bearer new");
    assertThat(r.headers().map().keySet()).containsExactly("accept", "authorization");
  }

  @Test
  void headerNamesAreLowercasedTheCommonOnesAndAnyOther() {
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.POST, URI_)
        .header("Authorization", "Bearer t")
        .header("X-Custom-Name", "v")
        .json("{}".getBytes(StandardCharsets.UTF_8))
        .build();

    assertThat(r.headers().map().keySet()).containsExactly("authorization", "content-type", "x-custom-name");
    assertThat(r.contentType()).hasValue("application/json");
    assertThat(Headers.lowercase("Authorization")).isEqualTo("authorization");
    assertThat(Headers.lowercase("Content-Type")).isEqualTo("content-type");
    assertThat(Headers.lowercase("Idempotency-Key")).isEqualTo("idempotency-key");
  }

  @Test
  void toBuilderKeepsEveryHeaderValueTheBodyAndTheSecrets() {
    Secret secret = Secret.of("s3cr3t-value");
    ApiRequest original = ApiRequest.newBuilder(HttpMethod.POST, URI_)
        .header("Authorization", "Bearer t")
        .form(java.util.Map.of("a", "1"))
        .secret(secret)
        .build();
    ApiRequest copy = original.toBuilder().header("X-Extra", "e").build();

    assertThat(copy.headers().all("authorization")).containsExactly("Bearer t");
    assertThat(copy.headers().all("x-extra")).containsExactly("e");
    assertThat(copy.body()).isEqualTo(original.body());
    assertThat(copy.declaredSecrets()).containsExactly(secret);
    assertThat(original.headers().first("x-extra")).isEmpty();
    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void aRequestWithoutBodyOrSecretsHasAnEmptyBodyAndNoSecrets() {
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.GET, URI_).build();

    assertThat(r.bodyLength()).isZero();
    assertThat(r.body()).isEmpty();
    assertThat(r.declaredSecrets()).isEmpty();
    assertThat(r.headers().map()).isEmpty();
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void theBodyIsACopyBothWays() {
    byte[] bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.POST, URI_).json(bytes).build();
    bytes[0] = 'x';
    r.body()[1] = 'y';

    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void secretsAreKeptInTheOrderDeclaredAndCannotBeChanged() {
    Secret a = Secret.of("first-secret");
    Secret b = Secret.of("second-secret");
    ApiRequest r = ApiRequest.newBuilder(HttpMethod.GET, URI_).secret(a).secret(b).build();

    assertThat(r.declaredSecrets()).containsExactly(a, b);
    assertThatThrownBy(() -> r.declaredSecrets().add(a)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI_).secret(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI.create("ftp://host/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI_).header(null, "v"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI_).header("n", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ApiRequest.newBuilder(HttpMethod.GET, URI_).json(new byte[] {'{', '}'}).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBuilderUsedAgainAfterBuildingLeavesTheBuiltRequestAsItWas() {
    ApiRequest.Builder b = ApiRequest.newBuilder(HttpMethod.GET, URI_).header("Authorization", "Bearer first");
    ApiRequest first = b.build();

    ApiRequest second = b.header("authorization", "Bearer second").header("Accept", "application/json").build();

    assertThat(first.headers().all("Authorization")).containsExactly("Bearer first");
    assertThat(first.headers().map().keySet()).containsExactly("authorization");
    assertThat(second.headers().all("Authorization")).containsExactly("Bearer second");
    assertThat(second.headers().map().keySet()).containsExactly("accept", "authorization");
  }

  @Test
  void manyHeadersInAnyOrderAreKeptSortedAndEachFoundInAnyCase() {
    ApiRequest.Builder b = ApiRequest.newBuilder(HttpMethod.GET, URI_);
    for (String name : new String[] {"X-F", "x-b", "X-D", "X-A", "x-e", "X-C", "X-H", "x-g", "X-B"}) {
      b.header(name, name + "-value");
    }
    ApiRequest r = b.build();

    assertThat(r.headers().map().keySet()).containsExactly("x-a", "x-b", "x-c", "x-d", "x-e", "x-f", "x-g", "x-h");
    assertThat(r.headers().all("X-B")).containsExactly("X-B-value");
    assertThat(r.headers().first("x-h")).hasValue("X-H-value");
    assertThat(r.headers().first("x-z")).isEmpty();
  }
}
