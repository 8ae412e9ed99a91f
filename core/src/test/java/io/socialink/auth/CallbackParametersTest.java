package io.socialink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackParametersTest {
  @Test
  void readsSuccessAndErrorCallbacks() {
    CallbackParameters ok = CallbackParameters.fromUri(URI.create("https://app.example/cb?state=s1&code=VGNibzFW"));
    assertThat(ok.state()).contains("s1");
    assertThat(ok.code().orElseThrow().reveal()).isEqualTo("VGNibzFW");
    assertThat(ok.toString()).doesNotContain("VGNibzFW");
    CallbackParameters denied = CallbackParameters.fromQuery("error=access_denied&error_description=User+said+no&state=s2");
    assertThat(denied.error()).contains("access_denied");
    assertThat(denied.errorDescription()).contains("User said no");
    assertThat(denied.code()).isEmpty();
  }

  @Test
  void repeatedParametersAreRejected() {
    assertThatThrownBy(() -> CallbackParameters.fromQuery("state=a&state=b&code=c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'state' appears more than once");
    assertThatThrownBy(() -> CallbackParameters.fromQuery("state=a&code=b&code=c"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'code' appears more than once");
    assertThatThrownBy(() -> CallbackParameters.fromQuery("state=a&error=x&error=y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'error' appears more than once");
  }

  @Test
  void theApplicationsOwnParametersMayRepeatAndAreIgnored() {
    CallbackParameters p = CallbackParameters.fromQuery("tag=a&tag=b&state=s1&code=c1&%zz=1");

    assertThat(p.state()).contains("s1");
    assertThat(p.code()).isPresent();
  }

  @Test
  void theErrorTextsAreKeptAsOneBoundedLine() {
    CallbackParameters p = CallbackParameters.fromQuery(
        "state=s&error=access_denied%0D%0Aforged&error_description=no%0AINFO+forged%1B%5B2J+" + "x+".repeat(1000));

    assertThat(p.error()).contains("access_denied forged");
    assertThat(p.errorDescription()).hasValueSatisfying(d -> {
      assertThat(d).doesNotContain("\n", "\u001b").startsWith("no INFO forged");
      assertThat(d.length()).isLessThanOrEqualTo(CallbackParameters.MAX_DESCRIPTION_LENGTH + 1);
      assertThat(d).endsWith("…");
    });
    CallbackParameters direct = new CallbackParameters(Optional.empty(), Optional.empty(),
        Optional.of("e".repeat(10_000)), Optional.of("\r\n"));
    assertThat(direct.error()).hasValueSatisfying(e -> assertThat(e).hasSize(CallbackParameters.MAX_ERROR_LENGTH + 1));
    assertThat(direct.errorDescription()).isEmpty();
  }

  @Test
  void hugeQueriesAndTooManyParametersAreRefusedWithoutQuotingThem() {
    assertThatThrownBy(() -> CallbackParameters.fromQuery("state=s&error_description=" + "x".repeat(1 << 20)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16384").hasMessageNotContaining("xxxx");
    assertThatThrownBy(() -> CallbackParameters.fromQuery("a=1&".repeat(CallbackParameters.MAX_PARAMETERS + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
  }

  @Test
  void badPercentEncodingInAValueIsAnArgumentErrorThatDoesNotQuoteIt() {
    assertThatThrownBy(() -> CallbackParameters.fromQuery("state=s&code=%zzsecret"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'code'").hasMessageNotContaining("secret");
  }
}
