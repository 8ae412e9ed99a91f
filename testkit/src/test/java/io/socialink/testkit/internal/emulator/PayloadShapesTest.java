package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadShapesTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameMembersAndTypesAreTheSameShapeWhateverTheValues() {
    assertThat(PayloadShapes.difference(b("{\"a\":1,\"b\":[{\"c\":\"x\"}],\"d\":{}}"),
        b("{\"d\":{},\"b\":[{\"c\":\"y\"},{\"c\":\"z\"}],\"a\":7}"))).isEmpty();
  }

  @Test
  void aMissingMemberOrAnotherTypeIsADifference() {
    assertThat(PayloadShapes.difference(b("{\"a\":1}"), b("{\"a\":1,\"b\":2}"))).isPresent();
    assertThat(PayloadShapes.difference(b("{\"a\":\"1\"}"), b("{\"a\":1}"))).isPresent();
    assertThat(PayloadShapes.difference(b("{\"a\":1.5}"), b("{\"a\":1}"))).isPresent();
    assertThat(PayloadShapes.difference(b("not json"), b("{}"))).get().asString().startsWith("not JSON");
  }
}
