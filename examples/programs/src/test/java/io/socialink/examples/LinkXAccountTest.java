package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.LinkKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinkXAccountTest {
  @Test
  void linksThroughTheLocalCallbackListenerThenRefreshesOnceAndReadsTheProfile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LinkXAccount.Outcome outcome = LinkXAccount.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(outcome.redirectUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(outcome.redirectUri().getPort()).isPositive();
    assertThat(outcome.callbacks()).as("the browser reached the listener once").isEqualTo(1);
    assertThat(outcome.browserPage()).isEqualTo("Linked @XDevelopers to Socialink Demo. You can close this window.");
    assertThat(outcome.linked().link().kind()).isEqualTo(LinkKind.APP_AUTHORIZATION);
    assertThat(outcome.fresh().version()).as("one refresh").isEqualTo(1);
    assertThat(outcome.fresh().refreshToken()).isNotEqualTo(outcome.linked().grant().refreshToken());
    assertThat(outcome.profile().handle()).contains("XDevelopers");
    assertThat(outcome.tokenRequests()).as("the code exchange and one refresh").isEqualTo(2);
    assertThat(out)
        .contains("listener   " + outcome.redirectUri())
        .contains("code_challenge", "state", "redirect_uri").contains("PKCE: code_challenge_method=S256")
        .contains("1 request to /x/callback; the listener completed APP_AUTHORIZATION the application Socialink Demo"
            + " -> x account @XDevelopers")
        .contains("browser    HTTP 200: Linked @XDevelopers")
        .contains("fresh() refreshed it (version 1, new, rotated refresh token, now expires at 2026-12-01T13:01:00Z)")
        .contains("no second refresh (version 1)")
        .contains("profile    @XDevelopers (X Developers), X user id 2244994945");
    assertThat(out).doesNotContain("emulator-client-secret").doesNotContain("code=");
  }
}
