package io.socialink.resilience;

import io.socialink.http.Redaction;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the numbers and times platforms send in headers and bodies into {@link Instant}s and counts,
 * the one way every part of Socialink does it: {@code Retry-After} (delta-seconds or HTTP-date),
 * epoch-second reset headers such as X's {@code x-rate-limit-reset}, and counters such as
 * {@code x-rate-limit-remaining}.
 *
 * <p>Whatever a value holds, these methods never throw on it:
 *
 * <ul>
 *   <li>decimal digits are read with any number of leading zeros ({@code 000000000005} is 5);</li>
 *   <li>a number too large for a {@code long} counts as {@link Long#MAX_VALUE}, and any time is capped at
 *       {@link #MAX_WAIT} after the moment the response arrived, so that no platform, proxy or attacker
 *       can park calls for longer than a day;</li>
 *   <li>a sign, a fraction, letters, control characters or an unreadable date make the value ignored:
 *       the method answers empty.</li>
 * </ul>
 *
 * An ignored or capped value is reported on one WARN line of the {@code io.socialink.resilience.RetryTimes}
 * logger, naming what was read and showing at most {@value #SHOWN_CHARS} characters of the value, with
 * control characters replaced and secrets masked. An absent value is not reported.
 *
 * <p>Stateless and thread-safe.
 */
public final class RetryTimes {
  /** The longest any platform-announced wait is honoured: one day. Later times are taken as this. */
  public static final Duration MAX_WAIT = Duration.ofDays(1);
  /**
   * How far past {@link #MAX_WAIT} an announced instant may lie and still be capped without a
   * warning: the reset of a daily window lands a day away, and the platform's clock may run ahead of
   * ours.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** How many characters of an unreadable value a warning shows. */
  public static final int SHOWN_CHARS = 40;

  private static final Logger LOG = LoggerFactory.getLogger(RetryTimes.class);
  /** More significant digits than this cannot be a {@code long}. */
  private static final int MAX_LONG_DIGITS = 18;

  private RetryTimes() {}

  /**
   * Reads a non-negative decimal count, such as {@code x-rate-limit-remaining}.
   *
   * @param what what the value is, for the warning (e.g. the header name)
   * @param raw the value as sent, surrounding white space allowed
   * @return the count, {@link Long#MAX_VALUE} when larger, or empty when absent or not a count
   */
  public static OptionalLong count(String what, Optional<String> raw) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(raw, "raw");
    if (raw.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong n = digits(raw.get());
    if (n.isEmpty()) {
      ignored(what, raw.get(), "not a non-negative whole number");
    } else if (n.getAsLong() == Long.MAX_VALUE) {
      warn(what, raw.get(), "too large; taken as " + Long.MAX_VALUE);
    }
    return n;
  }

  /**
   * Reads a wait in delta-seconds, such as {@code Retry-After: 120}.
   *
   * @param what what the value is, for the warning
   * @param raw the value as sent
   * @param receivedAt when the response arrived
   * @return {@code receivedAt} plus the wait, at most {@link #MAX_WAIT} later; empty when absent or unreadable
   */
  public static Optional<Instant> afterSeconds(String what, Optional<String> raw, Instant receivedAt) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong seconds = digits(raw.get());
    if (seconds.isEmpty()) {
      ignored(what, raw.get(), "not a number of seconds");
      return Optional.empty();
    }
    if (seconds.getAsLong() > MAX_WAIT.toSeconds()) {
      warn(what, raw.get(), "longer than " + MAX_WAIT + "; capped");
      return Optional.of(latest(receivedAt));
    }
    Instant latest = latest(receivedAt);
    // receivedAt + seconds <= latest here, unless receivedAt is within a day of Instant.MAX.
    return Optional.of(latest.minusSeconds(seconds.getAsLong()).isBefore(receivedAt) ? latest
        : receivedAt.plusSeconds(seconds.getAsLong()));
  }

  /**
   * Reads an instant in seconds since the epoch, such as X's {@code x-rate-limit-reset}.
   *
   * @param what what the value is, for the warning
   * @param raw the value as sent
   * @param receivedAt when the response arrived
   * @return the instant, at most {@link #MAX_WAIT} after {@code receivedAt}; empty when absent or unreadable
   */
  public static Optional<Instant> atEpochSecond(String what, Optional<String> raw, Instant receivedAt) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    OptionalLong epoch = digits(raw.get());
    if (epoch.isEmpty()) {
      ignored(what, raw.get(), "not a number of seconds since the epoch");
      return Optional.empty();
    }
    Instant latest = latest(receivedAt);
    if (epoch.getAsLong() > latest.getEpochSecond()) {
      overLatest(what, raw.get(), epoch.getAsLong(), latest);
      return Optional.of(latest);
    }
    return Optional.of(Instant.ofEpochSecond(epoch.getAsLong()));
  }

  /**
   * Reads an HTTP-date ({@code Sun, 06 Nov 1994 08:49:37 GMT}), such as a {@code Retry-After} date.
   *
   * @param what what the value is, for the warning
   * @param raw the value as sent
   * @param receivedAt when the response arrived
   * @return the instant, at most {@link #MAX_WAIT} after {@code receivedAt}; empty when absent or unreadable
   */
  public static Optional<Instant> atHttpDate(String what, Optional<String> raw, Instant receivedAt) {
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> at = httpDate(raw.get());
    if (at.isEmpty()) {
      ignored(what, raw.get(), "not an HTTP-date");
      return Optional.empty();
    }
    Instant latest = latest(receivedAt);
    if (at.get().isAfter(latest)) {
      overLatest(what, raw.get(), at.get().getEpochSecond(), latest);
      return Optional.of(latest);
    }
    return at;
  }

  /**
   * Reads a {@code Retry-After} value: delta-seconds or an HTTP-date (RFC 9110, section 10.2.3).
   *
   * @param raw the value as sent
   * @param receivedAt when the response arrived
   * @return when a retry may go, at most {@link #MAX_WAIT} after {@code receivedAt}; empty when absent or
   *     unreadable
   */
  public static Optional<Instant> retryAfter(Optional<String> raw, Instant receivedAt) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String v = raw.get().strip();
    boolean seconds = !v.isEmpty() && isAsciiDigit(v.charAt(0));
    return seconds
        ? afterSeconds("Retry-After", raw, receivedAt)
        : atHttpDate("Retry-After", raw, receivedAt);
  }

  /** Caps an instant past the latest allowed, with a warning unless it is only clock skew past it. */
  private static void overLatest(String what, String raw, long epochSecond, Instant latest) {
    // No overflow: an Instant's epoch second is far from the ends of a long.
    if (epochSecond > latest.getEpochSecond() + CLOCK_SKEW.toSeconds()) {
      warn(what, raw, "more than " + MAX_WAIT + " after the response; capped");
    }
  }

  /**
   * An instant no later than {@link #MAX_WAIT} after {@code receivedAt}.
   *
   * @param at the instant announced
   * @param receivedAt when the announcement arrived
   * @return {@code at}, or {@code receivedAt + MAX_WAIT} when later
   */
  public static Instant capped(Instant at, Instant receivedAt) {
    Objects.requireNonNull(at, "at");
    Instant latest = latest(Objects.requireNonNull(receivedAt, "receivedAt"));
    return at.isAfter(latest) ? latest : at;
  }

  /**
   * A wait no longer than {@link #MAX_WAIT} and not negative.
   *
   * @param wait the wait announced
   * @return the wait, between zero and {@link #MAX_WAIT}
   */
  public static Duration capped(Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  /**
   * ASCII decimal digits with optional surrounding white space; leading zeros are skipped and more than
   * a {@code long} holds saturates.
   */
  private static OptionalLong digits(String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    int start = 0;
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (!isAsciiDigit(ch)) {
        return OptionalLong.empty();
      }
      if (ch == '0' && start == i) {
        start = i + 1;
      }
    }
    if (start == v.length()) {
      return OptionalLong.of(0);
    }
    String significant = v.substring(start);
    if (significant.length() > MAX_LONG_DIGITS) {
      return OptionalLong.of(Long.MAX_VALUE);
    }
    return OptionalLong.of(Long.parseLong(significant));
  }

  private static boolean isAsciiDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private static Optional<Instant> httpDate(String raw) {
    String v = raw.strip();
    // The longest valid HTTP-date is 29 characters ("Wed, 09 Jun 2021 10:18:14 GMT"); with offsets and
    // spacing variants RFC 1123 allows a few more. Anything far longer is not worth parsing.
    if (v.isEmpty() || v.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Instant latest(Instant receivedAt) {
    // Instant.MAX minus a day is the latest receivedAt for which this cannot overflow; clamp to be safe.
    return receivedAt.isAfter(Instant.MAX.minus(MAX_WAIT)) ? Instant.MAX : receivedAt.plus(MAX_WAIT);
  }

  private static void ignored(String what, String raw, String why) {
    warn(what, raw, why + "; ignored");
  }

  private static void warn(String what, String raw, String why) {
    if (LOG.isWarnEnabled()) {
      LOG.warn("Unreadable or out-of-range {} value \"{}\": {}", shown(what), shown(raw), why);
    }
  }

  /** At most {@link #SHOWN_CHARS} characters, one line, secrets masked. */
  static String shown(String raw) {
    StringBuilder b = new StringBuilder(Math.min(raw.length(), SHOWN_CHARS) + 16);
    int n = Math.min(raw.length(), SHOWN_CHARS);
    for (int i = 0; i < n; i++) {
      char ch = raw.charAt(i);
      b.append(Character.isISOControl(ch) || ch == '"' || ch == '\\' || Character.isSurrogate(ch) ? '?' : ch);
    }
    String cut = raw.length() > SHOWN_CHARS ? b + "…(" + raw.length() + " chars)" : b.toString();
    return Redaction.text(cut);
  }
}
