package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
  static Call call(String method, String path, Map<String, String> query) {
    return new Call(method, path, query, Map.of(), new byte[0], Map.of());
  }

  final Routes routes = new Routes()
      .add("GET", "/a/{id:[0-9]+}/b", c -> Reply.text(200, "numeric " + c.params().get("id")))
      .add("GET", "/a/{name}/b", c -> Reply.text(200, "any " + c.params().get("name")))
      .add("GET", "/q", c -> "yes".equals(c.query().get("x")), c -> Reply.text(200, "conditional"))
      .add("POST", "/q", c -> Reply.text(201, "post"));

  static String text(Reply r) {
    return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void firstMatchingRouteAnswersWithItsCapturedSegments() {
    assertThat(text(routes.dispatch(call("GET", "/a/42/b", Map.of())).orElseThrow())).isEqualTo("numeric 42");
    assertThat(text(routes.dispatch(call("GET", "/a/x.y/b", Map.of())).orElseThrow())).isEqualTo("any x.y");
  }

  @Test
  void methodConditionAndWholePathMustMatch() {
    assertThat(routes.dispatch(call("GET", "/q", Map.of("x", "yes")))).map(RoutesTest::text).contains("conditional");
    assertThat(routes.dispatch(call("GET", "/q", Map.of()))).isEmpty();
    assertThat(routes.dispatch(call("DELETE", "/q", Map.of()))).isEmpty();
    assertThat(routes.dispatch(call("GET", "/a/1/b/c", Map.of()))).isEmpty();
    assertThat(routes.dispatch(call("POST", "/q", Map.of())).orElseThrow().status()).isEqualTo(201);
  }

  @Test
  void patternTextIsLiteral() {
    Routes dots = new Routes().add("GET", "/v2/user.info/", c -> Reply.text(200, "ok"));

    assertThat(dots.dispatch(call("GET", "/v2/userXinfo/", Map.of()))).isEmpty();
    assertThat(dots.dispatch(call("GET", "/v2/user.info/", Map.of()))).isPresent();
  }
}
