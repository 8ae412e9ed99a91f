package io.socialink.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTimesTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final Instant DAY_LATER = NOW.plus(Duration.ofDays(1));

  static Optional<String> v(String s) {
    return Optional.of(s);
  }

  @Test
  void leadingZerosAreReadAsTheNumberTheyPad() {
    assertThat(RetryTimes.retryAfter(v("000000000005"), NOW)).contains(NOW.plusSeconds(5));
    assertThat(RetryTimes.afterSeconds("w", v("0000000000000000000000000000120"), NOW)).contains(NOW.plusSeconds(120));
    assertThat(RetryTimes.atEpochSecond("r", v("0001772360000"), NOW)).contains(Instant.ofEpochSecond(1772360000));
    assertThat(RetryTimes.count("c", v("000"))).hasValue(0);
    assertThat(RetryTimes.count("c", v(" 0075 "))).hasValue(75);
  }

  @Test
  void everyTimeIsCappedAtADayAfterTheResponse() {
    assertThat(RetryTimes.afterSeconds("w", v("86401"), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.afterSeconds("w", v("99999999999999999999999999"), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.atEpochSecond("r", v("99999999999999999"), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.atEpochSecond("r", v("31556889864403199"), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.atEpochSecond("r", v(Long.toString(DAY_LATER.getEpochSecond())), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.atHttpDate("d", v("Fri, 31 Dec 9999 23:59:59 GMT"), NOW)).contains(DAY_LATER);
    assertThat(RetryTimes.capped(Instant.MAX, NOW)).isEqualTo(DAY_LATER);
    assertThat(RetryTimes.capped(NOW.plusSeconds(5), NOW)).isEqualTo(NOW.plusSeconds(5));
    assertThat(RetryTimes.capped(Duration.ofDays(400))).isEqualTo(Duration.ofDays(1));
    assertThat(RetryTimes.capped(Duration.ofSeconds(-3))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aDailyResetJustPastADayIsCappedQuietlyAndAFarOneWithAWarning() {
    try (io.socialink.testsupport.LogCapture logs = io.socialink.testsupport.LogCapture.start()) {
      long skewed = NOW.plus(Duration.ofDays(1)).plusSeconds(30).getEpochSecond();
      long far = NOW.plus(Duration.ofDays(1)).plusSeconds(600).getEpochSecond();

      assertThat(RetryTimes.atEpochSecond("daily-reset", Optional.of(Long.toString(skewed)), NOW)).contains(DAY_LATER);
      assertThat(logs.messages()).noneMatch(l -> l.contains("daily-reset"));
      assertThat(RetryTimes.atEpochSecond("far-reset", Optional.of(Long.toString(far)), NOW)).contains(DAY_LATER);
      assertThat(logs.messages()).anyMatch(l -> l.contains("far-reset") && l.contains("capped"));
    }
  }

  @Test
  void hugeCountsSaturate() {
    assertThat(RetryTimes.count("c", v("123456789012345678901234567890"))).hasValue(Long.MAX_VALUE);
    assertThat(RetryTimes.count("c", v("9223372036854775807"))).hasValue(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-5", "+5", "5.0", "1e3", "0x10", "five", "5 5", "\u0665", "\u001b[31m5",
      "9\n9", "Mon, 99 Foo 2026 10:05:00 GMT", "yesterday"})
  void garbageIsIgnored(String raw) {
    assertThat(RetryTimes.count("c", v(raw))).isEmpty();
    assertThat(RetryTimes.afterSeconds("w", v(raw), NOW)).isEmpty();
    assertThat(RetryTimes.atEpochSecond("r", v(raw), NOW)).isEmpty();
    assertThat(RetryTimes.atHttpDate("d", v(raw), NOW)).isEmpty();
    assertThat(RetryTimes.retryAfter(v(raw), NOW)).isEmpty();
  }

  @Test
  void absentIsEmpty() {
    assertThat(RetryTimes.count("c", Optional.empty())).isEqualTo(OptionalLong.empty());
    assertThat(RetryTimes.retryAfter(Optional.empty(), NOW)).isEmpty();
  }

  @Test
  void httpDatesAndPastTimesAreKept() {
    assertThat(RetryTimes.retryAfter(v("Sun, 22 Nov 2026 10:05:00 GMT"), NOW)).contains(NOW.plusSeconds(300));
    assertThat(RetryTimes.atEpochSecond("r", v("0"), NOW)).contains(Instant.EPOCH);
  }

  @Test
  void aReceiveTimeAtTheEndOfTimeDoesNotOverflow() {
    assertThat(RetryTimes.afterSeconds("w", v("5"), Instant.MAX.minusSeconds(10))).isPresent();
    assertThat(RetryTimes.atEpochSecond("r", v("99999999999999999999"), Instant.MAX)).contains(Instant.MAX);
  }

  @Test
  void aWarningShowsAShortOneLineMaskedExcerpt() {
    String raw = "5\r\nINFO forged line \u001b[31m" + "x".repeat(10_000);
    String shown = RetryTimes.shown(raw);
    assertThat(shown).doesNotContain("\r", "\n", "\u001b").hasSizeLessThan(RetryTimes.SHOWN_CHARS + 30)
        .endsWith("(" + raw.length() + " chars)");
    assertThat(RetryTimes.shown("access_token=abcdefghijkl")).doesNotContain("abcdefghijkl");
  }
}
