package io.socialink.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.TestClock;
import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaTokensTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final MetaTokens tokens = new MetaTokens(clock, "IGAA", new GraphReplies());

  @SuppressWarnings("unchecked")
  static Map<String, Object> error(Optional<Reply> refusal) {
    assertThat(refusal).isPresent();
    return (Map<String, Object>) Json.object(refusal.get().body()).orElseThrow().get("error");
  }

  @Test
  void aTokenIsHonouredUntilItExpiresThen190() {
    String t = tokens.issue("17841400000000000", List.of("basic"), Duration.ofHours(1));

    assertThat(t).startsWith("IGAA");
    assertThat(tokens.refusal(t)).isEmpty();
    assertThat(tokens.live(t).orElseThrow().longLived()).isFalse();
    assertThat(tokens.live(t).orElseThrow().expiresAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
    clock.advance(Duration.ofHours(1));
    assertThat(error(tokens.refusal(t))).containsEntry("code", 190).doesNotContainKey("error_subcode");
  }

  @Test
  void anUnknownTokenIs190Slash467() {
    assertThat(error(tokens.refusal("IGAAnope"))).containsEntry("code", 190).containsEntry("error_subcode", 467);
  }

  @Test
  void endingAUsersAccessRefusesEveryEarlierTokenOfItsLineWith458ButNotLaterOnes() {
    String shortLived = tokens.issue("1", List.of("basic"), Duration.ofHours(1));
    String longLived = tokens.extend(tokens.live(shortLived).orElseThrow(), Duration.ofDays(60));
    String otherUser = tokens.issue("2", List.of("basic"), Duration.ofHours(1));

    tokens.endAll("1");

    assertThat(error(tokens.refusal(shortLived))).containsEntry("error_subcode", 458);
    assertThat(error(tokens.refusal(longLived))).containsEntry("error_subcode", 458);
    assertThat(tokens.refusal(otherUser)).isEmpty();
    String again = tokens.issue("1", List.of("basic"), Duration.ofHours(1));
    assertThat(tokens.refusal(again)).isEmpty();
  }

  @Test
  void extendKeepsTheUserAndScopesAndIsLongLived() {
    String t = tokens.issue("1", List.of("basic", "publish"), Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(5));

    MetaTokens.Token extended = tokens.live(tokens.extend(tokens.live(t).orElseThrow(), Duration.ofDays(60))).orElseThrow();

    assertThat(extended.userId()).isEqualTo("1");
    assertThat(extended.scopes()).containsExactly("basic", "publish");
    assertThat(extended.longLived()).isTrue();
    assertThat(extended.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(extended.expiresAt()).isEqualTo(Instant.parse("2026-04-30T10:05:00Z"));
  }

  @Test
  void bearerFillsTheDocumentedPayload() {
    Reply r = MetaTokens.bearer(InstagramPayloads.LONG_LIVED_TOKEN, "IGAAxyz", Duration.ofDays(60));

    assertThat(r.status()).isEqualTo(200);
    assertThat(Json.object(r.body()).orElseThrow()).containsEntry("access_token", "IGAAxyz")
        .containsEntry("token_type", "bearer").containsEntry("expires_in", 5_184_000);
  }
}
