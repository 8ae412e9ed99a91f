package io.socialink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.http.MalformedPayloadException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: reproducible inputs, and failures that say how to replay them. */
class FuzzTest {
  @Test
  void aCaseIsReproducibleFromTheSeedTheTargetAndItsNumber() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    Fuzz.run("harness", 50, Fuzz.DOCUMENTED, m -> m.mutate("{\"a\":1}"), first::add);
    Fuzz.run("harness", 50, Fuzz.DOCUMENTED, m -> m.mutate("{\"a\":1}"), second::add);

    assertThat(first).hasSize(50).isEqualTo(second);
    assertThat(new Mutator(Fuzz.caseSeed(1, "a", 7)).headerValue())
        .isEqualTo(new Mutator(Fuzz.caseSeed(1, "a", 7)).headerValue());
  }

  @Test
  void anUndocumentedExceptionFailsTheRunNamingSeedAndCase() {
    assertThatThrownBy(() -> Fuzz.run("harness", 10, Fuzz.DOCUMENTED, m -> m.nextInt(3), n -> {
      if (n == 2) {
        throw new IllegalStateException("boom");
      }
    })).isInstanceOf(AssertionError.class)
        .hasMessageContaining("'harness' threw an undocumented java.lang.IllegalStateException at case #")
        .hasMessageContaining("-Dsocialink.fuzz.seed=0x").hasMessageContaining("-Dsocialink.fuzz.case=");
  }

  @Test
  void documentedExceptionsAreCountedNotFailed() {
    Fuzz.Report r = Fuzz.run("harness", 10, Fuzz.DOCUMENTED, m -> 0, n -> {
      throw new MalformedPayloadException("bad");
    });

    assertThat(r.thrown()).isEqualTo(10);
    assertThat(r.cases()).isEqualTo(10);
  }

  @Test
  void oneLineChecksCatchControlCharactersAndLength() {
    assertThatThrownBy(() -> Fuzz.assertOneLine("m", "a\nb", 10)).hasMessageContaining("U+000A");
    assertThatThrownBy(() -> Fuzz.assertOneLine("m", "abc", 2)).hasMessageContaining("3 characters");
    Fuzz.assertOneLine("m", "fine", 10);
  }
}
