package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whoever holds a valid state cannot forge log lines through the platform's error text. */
class CallbackForgeryTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final Socialink socialink = Socialink.builder()
      .providerLoader(ProviderLoader.of())
      .register(new FakeProvider("fake"))
      .credentials(AppCredentials.confidential("fake", "oauth2", "client-1", Secret.of("client-secret"),
          URI.create("https://app.example/callback")))
      .clock(clock)
      .random(new Random(1))
      .build();

  CallbackRejectedException denied(String error, String description) {
    AuthorizationStart start = socialink.linking().authorize("alice", "fake");
    CallbackParameters callback = new CallbackParameters(Optional.of(start.state()), Optional.empty(),
        Optional.of(error), Optional.of(description));
    try {
      socialink.linking().complete("alice", callback);
    } catch (CallbackRejectedException e) {
      return e;
    }
    throw new AssertionError("the callback was accepted");
  }

  @Test
  void controlCharactersNeverReachTheMessage() {
    CallbackRejectedException e = denied("access_denied\r\n[WARN] forged",
        "User said no\r\nINFO admin logged in\u001b[2J\u0085\u2028\u202e");

    assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u001b", "\u0085", "\u2028", "\u202e");
    assertThat(e.getMessage()).contains("the platform returned error \"access_denied [WARN] forged\"",
        "it said: \"User said no INFO admin logged in");
    assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.DENIED);
  }

  @Test
  void aHugeDescriptionIsCutAndMarkedAsThePlatforms() {
    CallbackRejectedException e = denied("access_denied", "no ".repeat(350_000));

    assertThat(e.getMessage()).hasSizeLessThan(500).contains("it said: \"no no", "…\"");
    assertThat(e.platformDescription()).hasValueSatisfying(d -> assertThat(d).hasSizeLessThanOrEqualTo(201));
    assertThat(e.platformError()).contains("access_denied");
  }

  @Test
  void quotesInsideThePlatformsTextAreEscaped() {
    AuthorizationStart start = socialink.linking().authorize("alice", "fake");
    assertThatThrownBy(() -> socialink.linking().complete("alice", CallbackParameters.fromQuery(
        "state=" + start.state() + "&error=access_denied&error_description=%22%7D+done%22+and+%5C")))
        .isInstanceOf(CallbackRejectedException.class)
        .hasMessageContaining("it said: \"\\\"} done\\\" and \\\\\"");
  }

  @Test
  void secretsInThePlatformsTextAreMasked() {
    CallbackRejectedException e = denied("access_denied", "retry with access_token=EAAB1234567890abcdef please");

    assertThat(e.getMessage()).doesNotContain("EAAB1234567890abcdef");
  }

  @Test
  void otherMessagesAreKeptToOneLine() {
    CallbackRejectedException e = new CallbackRejectedException("fake", CallbackRejectedException.Reason.UNKNOWN_STATE,
        "line one\nline two" + "x".repeat(5_000));

    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_200);
    assertThat(e.platformError()).isEmpty();
  }
}
