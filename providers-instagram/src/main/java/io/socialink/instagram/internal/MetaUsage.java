package io.socialink.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialink.http.Headers;
import io.socialink.resilience.RetryTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Meta's usage headers: {@code x-app-usage} ({@code {"call_count", "total_time", "total_cputime"}},
 * percentages of the app's budget) and {@code x-business-use-case-usage} (per business object id, a
 * list of the same percentages with a {@code type} and {@code estimated_time_to_regain_access} in
 * minutes). Malformed values are skipped, never fatal. Thread-safe.
 */
final class MetaUsage {
  /** The app usage header. */
  static final String APP_USAGE = "x-app-usage";
  /** The Business Use Case usage header. */
  static final String BUSINESS_USE_CASE_USAGE = "x-business-use-case-usage";

  /** The percentage members; the highest counts. */
  private static final List<String> PERCENTAGES = List.of("call_count", "total_time", "total_cputime");
  /** Meta documents at most 32 objects; more than this many entries are ignored. */
  private static final int MAX_ENTRIES = 64;
  /** Percentages beyond this are taken as this, so that arithmetic on them stays small. */
  private static final int MAX_PERCENT = 10_000;
  /** Regain estimates beyond a day (Instagram's longest window, and the cap on every retry time) are taken as a day. */
  private static final Duration MAX_REGAIN = RetryTimes.MAX_WAIT;

  private MetaUsage() {}

  /**
   * One usage reading.
   *
   * @param percent the highest of the percentages sent, rounded up; empty when none was readable
   * @param regainIn Meta's positive estimate of when calls go again; empty when absent or 0
   */
  record Reading(OptionalInt percent, Optional<Duration> regainIn) {}

  /**
   * Reads {@code x-app-usage}.
   *
   * @param headers the response headers
   * @return the reading, or empty when the header is absent or unreadable
   */
  static Optional<Reading> app(Headers headers) {
    return headers.first(APP_USAGE).flatMap(GraphJson::object).flatMap(MetaUsage::reading);
  }

  /**
   * Reads {@code x-business-use-case-usage}: one reading per entry, in the header's order.
   *
   * @param headers the response headers
   * @return the readings, possibly none
   */
  static List<Reading> businessUseCase(Headers headers) {
    Optional<JsonNode> root = headers.first(BUSINESS_USE_CASE_USAGE).flatMap(GraphJson::object);
    if (root.isEmpty()) {
      return List.of();
    }
    List<Reading> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> object : root.get().properties()) {
      if (out.size() >= MAX_ENTRIES) {
        break;
      }
      JsonNode value = object.getValue();
      if (value.isArray()) {
        for (JsonNode entry : value) {
          if (out.size() < MAX_ENTRIES && entry.isObject()) {
            reading(entry).ifPresent(out::add);
          }
        }
      } else if (value.isObject()) {
        reading(value).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The longest of Meta's regain estimates in {@code x-business-use-case-usage}.
   *
   * @param headers the response headers
   * @return the estimate, or empty when none is positive
   */
  static Optional<Duration> longestRegain(Headers headers) {
    Optional<Duration> longest = Optional.empty();
    for (Reading r : businessUseCase(headers)) {
      if (r.regainIn().isPresent() && (longest.isEmpty() || r.regainIn().get().compareTo(longest.get()) > 0)) {
        longest = r.regainIn();
      }
    }
    return longest;
  }

  private static Optional<Reading> reading(JsonNode usage) {
    OptionalInt percent = OptionalInt.empty();
    for (String name : PERCENTAGES) {
      OptionalDouble v = GraphJson.number(usage, name);
      if (v.isPresent() && v.getAsDouble() >= 0) {
        int p = (int) Math.min(MAX_PERCENT, Math.ceil(v.getAsDouble()));
        if (percent.isEmpty() || p > percent.getAsInt()) {
          percent = OptionalInt.of(p);
        }
      }
    }
    Optional<Duration> regain = Optional.empty();
    OptionalDouble minutes = GraphJson.number(usage, "estimated_time_to_regain_access");
    if (minutes.isPresent() && minutes.getAsDouble() > 0) {
      double seconds = Math.ceil(Math.min(minutes.getAsDouble(), MAX_REGAIN.toMinutes()) * 60);
      regain = Optional.of(Duration.ofSeconds((long) seconds));
    }
    if (percent.isEmpty() && regain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Reading(percent, regain));
  }
}
