package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Rate limits and throttling on the Graph hosts: every admitted Graph call counts against its account
 * in a rolling hour of {@link InstagramPlatform#USAGE_WINDOW}; answers carry {@code x-app-usage} and
 * {@code x-business-use-case-usage} (keyed by the account, {@code type} {@code instagram}) with the
 * percentage used; at 100 %, or while {@link #throttleNext injected throttling} lasts, calls are refused
 * with 80002 and {@code estimated_time_to_regain_access} in minutes. {@link #throttleNext} is
 * thread-safe; {@link #metered} runs under the platform's lock.
 */
final class InstagramUsage {
  private final Clock clock;
  private final int callLimit;
  private final GraphReplies replies;
  private final RateWindows usage = new RateWindows(RateWindows.Kind.SLIDING);
  private final AtomicInteger throttleNext = new AtomicInteger();

  /**
   * Creates the meter.
   *
   * @param clock the clock the window slides on
   * @param callLimit calls per account per rolling hour (100 %)
   * @param replies the Graph errors' wording
   */
  InstagramUsage(Clock clock, int callLimit, GraphReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.callLimit = callLimit;
    this.replies = Objects.requireNonNull(replies, "replies");
    usage.limit("graph", callLimit, InstagramPlatform.USAGE_WINDOW);
  }

  /** Throttles the next {@code count} metered calls with error 80002. */
  void throttleNext(int count) {
    throttleNext.set(count);
  }

  /**
   * Counts a Graph call against a key's usage, throttles at 100 %, and adds the usage headers.
   *
   * @param key the account (or Facebook user) the call is counted against
   * @param answer the call's answer, asked only when the call is admitted
   * @return the answer with the usage headers, or the 80002 refusal
   */
  Reply metered(String key, Supplier<Reply> answer) {
    Instant now = clock.instant();
    if (throttleNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return replies.error(400, InstagramPayloads.INSTAGRAM_BUC, null).withHeaders(headers(key, 100,
          Duration.ofMinutes(1)));
    }
    RateWindows.Admission a = usage.admit("graph", key, now).orElseThrow();
    if (!a.admitted()) {
      return replies.error(400, InstagramPayloads.INSTAGRAM_BUC, null)
          .withHeaders(headers(key, 100, Duration.between(now, a.reset())));
    }
    int percent = (int) ((callLimit - a.remaining()) * 100L / callLimit);
    return answer.get().withHeaders(headers(key, percent, Duration.ZERO));
  }

  private static Map<String, String> headers(String userId, int percent, Duration regain) {
    long minutes = regain.isZero() ? 0 : Math.max(1, (regain.toSeconds() + 59) / 60);
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("call_count", percent);
    app.put("total_time", percent);
    app.put("total_cputime", percent);
    Map<String, Object> buc = new LinkedHashMap<>();
    buc.put("type", "instagram");
    buc.put("call_count", percent);
    buc.put("total_cputime", percent);
    buc.put("total_time", percent);
    buc.put("estimated_time_to_regain_access", minutes);
    return Map.of("x-app-usage", GraphReplies.json(app), "x-business-use-case-usage",
        GraphReplies.json(Map.of(userId, List.of(buc))));
  }
}
