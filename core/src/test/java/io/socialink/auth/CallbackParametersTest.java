package io.socialink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
  }
}
