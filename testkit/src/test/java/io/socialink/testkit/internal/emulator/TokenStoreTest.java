package io.socialink.testkit.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenStoreTest {
  final TestClock clock = TestClock.at(Instant.parse("2026-03-01T10:00:00Z"));
  final TokenStore<String> store = new TokenStore<>(clock, "act.", 24);

  @Test
  void aTokenLivesUntilItsExpiryOnTheInjectedClock() {
    String t = store.issue("alice", Duration.ofSeconds(30));

    assertThat(t).startsWith("act.").hasSize(4 + 32);
    assertThat(store.live(t)).contains("alice");
    clock.advance(Duration.ofSeconds(29));
    assertThat(store.live(t)).contains("alice");
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.live(t)).isEmpty();
  }

  @Test
  void takeSpendsAToken() {
    String t = store.issue("code", Duration.ofMinutes(1));

    assertThat(store.take(t)).contains("code");
    assertThat(store.take(t)).isEmpty();
    assertThat(store.live(t)).isEmpty();
  }

  @Test
  void anExpiredTokenIsSpentByTakeToo() {
    String t = store.issue("code", Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.take(t)).isEmpty();
    assertThat(store.kill(t)).isFalse();
  }

  @Test
  void killAndKillIf() {
    String a = store.issue("alice", TokenStore.forever());
    String b = store.issue("bob", TokenStore.forever());
    String c = store.issue("alice", TokenStore.forever());
    clock.advance(Duration.ofDays(100_000));

    assertThat(store.live(a)).contains("alice");
    assertThat(store.kill(b)).isTrue();
    assertThat(store.live(b)).isEmpty();
    assertThat(store.killIf("alice"::equals)).isEqualTo(2);
    assertThat(store.live(a)).isEmpty();
    assertThat(store.live(c)).isEmpty();
  }
}
