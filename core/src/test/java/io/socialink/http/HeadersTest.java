package io.socialink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeadersTest {
  @Test
  void namesAreLowercasedSortedAndFoundInAnyCase() {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put("X-Rate-Limit-Reset", List.of("4102444800"));
    raw.put("Content-Type", List.of("application/json"));
    raw.put("x-rate-limit-remaining", List.of("7"));
    Headers h = new Headers(raw);

    assertThat(h.map().keySet()).containsExactly("content-type", "x-rate-limit-remaining", "x-rate-limit-reset");
    assertThat(h.first("CONTENT-TYPE")).hasValue("application/json");
    assertThat(h.first("x-rate-limit-reset")).hasValue("4102444800");
    assertThat(h.first("missing")).isEmpty();
    assertThat(h.all("X-RATE-LIMIT-REMAINING")).containsExactly("7");
    assertThat(h.all("missing")).isEmpty();
    assertThat(h.map().containsKey("content-type")).isTrue();
    assertThat(h.map().containsKey("Content-Type")).as("the map's own keys are lowercase").isFalse();
    assertThat(h.map().get(42)).isNull();
    assertThat(h).hasToString("Headers[content-type, x-rate-limit-remaining, x-rate-limit-reset]");
  }

  @Test
  void namesDifferingOnlyInCaseAreMergedInTheOrderGiven() {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    raw.put("Set-Cookie", List.of("a=1"));
    raw.put("b", List.of("x"));
    raw.put("set-cookie", List.of("b=2", "c=3"));
    raw.put("SET-COOKIE", List.of("d=4"));
    Headers h = new Headers(raw);

    assertThat(h.all("set-cookie")).containsExactly("a=1", "b=2", "c=3", "d=4");
    assertThat(h.map()).hasSize(2);
  }

  @Test
  void theHeadersAreACopyThatCannotBeChanged() {
    List<String> values = new ArrayList<>(List.of("one"));
    Map<String, List<String>> raw = new TreeMap<>(Map.of("A", values));
    Headers h = new Headers(raw);
    values.add("two");
    raw.put("B", List.of("x"));

    assertThat(h.all("a")).containsExactly("one");
    assertThat(h.map()).hasSize(1);
    assertThatThrownBy(() -> h.map().put("c", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.map().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.map().get("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> h.map().entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void headersMadeFromOtherHeadersAreEqualAndEqualToAPlainMap() {
    Headers h = Headers.of("Accept", "application/json", "authorization", "Bearer t");
    Headers again = new Headers(h.map());

    assertThat(again).isEqualTo(h).hasSameHashCodeAs(h);
    assertThat(again.map()).isSameAs(h.map());
    assertThat(h.map()).isEqualTo(Map.of("accept", List.of("application/json"), "authorization", List.of("Bearer t")));
    assertThat(h.with("ACCEPT", "text/plain").all("accept")).containsExactly("text/plain");
    assertThat(Headers.empty().map()).isEmpty();
    assertThat(new Headers(Map.of())).isEqualTo(Headers.empty());
  }

  @Test
  void nullNamesAndValuesAreRefused() {
    Map<String, List<String>> nullName = new LinkedHashMap<>();
    nullName.put(null, List.of("v"));
    Map<String, List<String>> nullValues = new LinkedHashMap<>();
    nullValues.put("a", null);

    assertThatThrownBy(() -> new Headers(nullName)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("header name");
    assertThatThrownBy(() -> new Headers(nullValues)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("header values");
    assertThatThrownBy(() -> Headers.of("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsValues() {
    assertThat(Headers.of("Authorization", "Bearer secret-token").toString()).doesNotContain("secret-token");
  }

  @Test
  void theJdksHeadersAreReadWithoutRegardToCaseAndSeenAsLowercaseNames() {
    java.net.http.HttpHeaders jdk = java.net.http.HttpHeaders.of(Map.of(
        "Content-Type", List.of("application/json"),
        "X-Rate-Limit-Remaining", List.of("7"),
        "set-cookie", List.of("a=1", "b=2")), (n, v) -> true);
    Headers h = Headers.of(jdk);

    assertThat(h.first("content-type")).hasValue("application/json");
    assertThat(h.first("X-RATE-LIMIT-REMAINING")).hasValue("7");
    assertThat(h.all("Set-Cookie")).containsExactly("a=1", "b=2");
    assertThat(h.first("missing")).isEmpty();
    assertThat(h.map().get("x-rate-limit-remaining")).containsExactly("7");
    assertThat(h.map().get("X-Rate-Limit-Remaining")).as("the map's own keys are lowercase").isNull();
    assertThat(h.map().containsKey("Content-Type")).isFalse();
    assertThat(h.map().get(7)).isNull();
    assertThat(h.map()).hasSize(3);
    assertThat(h.map().keySet()).containsExactly("content-type", "set-cookie", "x-rate-limit-remaining");
    assertThat(h).hasToString("Headers[content-type, set-cookie, x-rate-limit-remaining]");
    Headers copied = Headers.of("content-type", "application/json", "x-rate-limit-remaining", "7",
        "set-cookie", "a=1", "set-cookie", "b=2");
    assertThat(h).isEqualTo(copied).hasSameHashCodeAs(copied);
    assertThat(copied).isEqualTo(h);
    assertThat(new Headers(h.map()).map()).isSameAs(h.map());
    assertThatThrownBy(() -> h.map().put("a", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThat(h.with("X-Extra", "1").all("x-extra")).containsExactly("1");
  }

  @Test
  void aLookupInTheJdksHeadersFindsTheNameAmongOthersOfTheSameLength() {
    // x-rate-limit-limit and x-rate-limit-reset are both 18 letters long, and differ only at the end.
    java.net.http.HttpHeaders jdk = java.net.http.HttpHeaders.of(Map.of(
        "X-Rate-Limit-Limit", List.of("900"),
        "x-rate-limit-RESET", List.of("4102444800"),
        "Content-Length", List.of("42"),
        "Date", List.of("Mon, 30 Nov 2026 21:00:00 GMT")), (n, v) -> true);
    Headers h = Headers.of(jdk);

    assertThat(h.first("x-rate-limit-reset")).hasValue("4102444800");
    assertThat(h.first("X-RATE-LIMIT-LIMIT")).hasValue("900");
    assertThat(h.first("x-rate-limit-later")).as("same length, no such name").isEmpty();
    assertThat(h.first("content-length")).hasValue("42");
    assertThat(h.first("date")).hasValue("Mon, 30 Nov 2026 21:00:00 GMT");
    assertThat(h.first("dat")).isEmpty();
    assertThat(h.first("")).isEmpty();
    assertThat(h.map().get("x-rate-limit-reset")).containsExactly("4102444800");
    assertThat(Headers.of(java.net.http.HttpHeaders.of(Map.of(), (n, v) -> true)).first("date")).isEmpty();
  }
}
