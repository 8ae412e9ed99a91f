package io.socialink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackValuesTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theDeletionAnswerIsMetasJsonWithTheUrlEscaped() {
    DataDeletion d = new DataDeletion("abc123", "instagram", "1", List.of(), DataDeletion.Status.RECEIVED, T0, T0,
        URI.create("https://app.example/deletion?x=%22a%22&code=abc123"));
    assertThat(d.platformAnswer()).isEqualTo(
        "{\"url\":\"https://app.example/deletion?x=%22a%22&code=abc123\",\"confirmation_code\":\"abc123\"}");
  }

  @Test
  void aDeletionValidatesItsCodeAndTimes() {
    URI u = URI.create("https://app.example/d");
    assertThatThrownBy(() -> new DataDeletion("a-b", "x", "1", List.of(), DataDeletion.Status.RECEIVED, T0, T0, u))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DataDeletion("ab", "x", "1", List.of(), DataDeletion.Status.RECEIVED, T0,
        T0.minusSeconds(1), u)).isInstanceOf(IllegalArgumentException.class);
    DataDeletion d = new DataDeletion("ab", "x", "1", List.of(), DataDeletion.Status.RECEIVED, T0, T0, u);
    DataDeletion moved = d.withStatus(DataDeletion.Status.IN_PROGRESS, Clock.fixed(T0.minusSeconds(5), ZoneOffset.UTC));
    assertThat(moved.updatedAt()).as("a clock behind never moves updatedAt back").isEqualTo(T0);
  }

  @Test
  void settingsValidateAndBuildStatusUrls() {
    CallbackSettings s = CallbackSettings.ofDefaults();
    assertThat(s.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(s.statusUrl("c1")).isEmpty();
    assertThat(s.withDeletionStatusUrl(URI.create("https://a.example/del")).statusUrl("c1"))
        .contains(URI.create("https://a.example/del?code=c1"));
    assertThat(s.withDeletionStatusUrl(URI.create("https://a.example/del?lang=de")).statusUrl("c1"))
        .contains(URI.create("https://a.example/del?lang=de&code=c1"));
    assertThatThrownBy(() -> s.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withDeletionStatusUrl(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withDeliveryRetention(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThat(s.withListener(CallbackListener.noop()).toString()).startsWith("CallbackSettings[maxBodyBytes=65536");
  }

  @Test
  void aRefusalCarriesItsStatus() {
    assertThat(new WebhookRejectedException("x", "why").reason()).isEqualTo(WebhookRejectedException.Reason.UNVERIFIED);
    assertThat(new WebhookRejectedException("x", "why", WebhookRejectedException.Reason.MALFORMED).reason().status())
        .isEqualTo(400);
  }
}
