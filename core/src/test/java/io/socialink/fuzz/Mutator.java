package io.socialink.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs of one fuzz case: mutations of known-good seeds (truncation, random bytes, deep nesting,
 * huge numbers, wrong JSON types, control characters, repetition) and absurd header values. Every choice
 * comes from one seeded random source, so a case is reproducible from its seed. Not thread-safe.
 */
public final class Mutator {
  /** The longest input a mutation grows to, in characters; large enough to cross every limit once. */
  public static final int MAX_LENGTH = 3 * 1024 * 1024;

  private static final String[] CONTROLS = {
      "\r", "\n", "\r\n", "\u001b[2J", "\u001b]0;x\u0007", "\u0000", "\t", "\u0085", "\u2028", "\u2029", "\u202e",
      "\u200b", "\ufeff", "\ud800", "\udc00", "\u007f", "\u009b"};
  private static final String[] NUMBERS = {
      "0", "-0", "-1", "1.5", "-1.5", "1e9", "1E400", "-1e400", "1e-400", "9223372036854775807", "9223372036854775808",
      "-9223372036854775809", "99999999999999999", "31556889864403199", "000000000005", "0.0000000001", "NaN",
      "Infinity", "-Infinity", "0x10", "1_000", "\u0665", "+5", "5.", ".5"};
  private static final String[] WRONG_TYPES = {
      "[]", "{}", "true", "false", "null", "\"\"", "\" \"", "\"x\"", "1.5", "-1", "0", "[1,2]", "{\"a\":{}}", "\"null\"",
      "[[[[[]]]]]", "\"\\u0000\"", "\"\\ud800\""};
  private static final String[] KEYS = {
      "error", "error_description", "errors", "code", "message", "type", "title", "detail", "data", "status",
      "error_subcode", "error_user_msg", "error_user_title", "is_transient", "fbtrace_id", "log_id", "request_id",
      "access_token", "refresh_token", "expires_in", "scope", "token_type", "open_id", "call_count", "total_time",
      "total_cputime", "estimated_time_to_regain_access", "event_type", "payload", "user_id", "date_time", "x"};

  private final SplittableRandom random;

  /**
   * A mutator.
   *
   * @param seed the case's seed
   */
  public Mutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * A number in {@code [0, bound)}.
   *
   * @param bound the bound, positive
   * @return the number
   */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /**
   * A number in {@code [from, to]}.
   *
   * @param from the least
   * @param to the most
   * @return the number
   */
  public int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  /**
   * True with a probability.
   *
   * @param p the probability
   * @return the outcome
   */
  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /**
   * One of some values.
   *
   * @param values the values
   * @param <T> their type
   * @return one of them
   */
  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /**
   * One of some strings.
   *
   * @param values the strings
   * @return one of them
   */
  public String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * A seed as is, or mutated one to four times.
   *
   * @param seed the known-good text
   * @return the text to try
   */
  public String mutate(String seed) {
    if (chance(0.05)) {
      return seed;
    }
    String s = seed;
    int rounds = between(1, 4);
    for (int i = 0; i < rounds && s.length() <= MAX_LENGTH; i++) {
      s = once(s);
    }
    return s;
  }

  /**
   * Bytes: a UTF-8 seed mutated as text, sometimes with raw bytes (invalid UTF-8 included) spliced in.
   *
   * @param seed the known-good bytes
   * @return the bytes to try
   */
  public byte[] mutate(byte[] seed) {
    byte[] b = mutate(new String(seed, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    if (chance(0.2) && b.length > 0) {
      int n = between(1, 8);
      for (int i = 0; i < n; i++) {
        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
      }
    }
    return b;
  }

  private String once(String s) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    switch (random.nextInt(12)) {
      case 0: // truncation
        return s.substring(0, at);
      case 1: // random characters
        return s.substring(0, at) + randomText(between(1, 16)) + s.substring(at);
      case 2: // deep nesting
        return s.substring(0, at) + nesting(between(1, chance(0.1) ? 20_000 : 300)) + s.substring(at);
      case 3: // a huge or odd number, in place of a digit run when there is one
        return replaceNumber(s, hugeNumber());
      case 4: // a JSON value of the wrong type
        return wrongType(s);
      case 5: // control characters
        return s.substring(0, at) + controls() + s.substring(at);
      case 6: // repetition of a slice
        return repeatSlice(s, at);
      case 7: // deletion
        return s.isEmpty() ? s : s.substring(0, at) + s.substring(Math.min(s.length(), at + between(1, 32)));
      case 8: // a structural character
        return s.substring(0, at) + pick("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "&", "=", "%", "%zz", "+")
            + s.substring(at);
      case 9: // a long string
        return s.substring(0, at) + "x".repeat(chance(0.03) ? between(1_000_000, 2_000_000) : between(300, 20_000))
            + s.substring(at);
      case 10: // a random JSON document
        return json(between(0, 4));
      default: // a header-like absurd value
        return s.substring(0, at) + headerValue() + s.substring(at);
    }
  }

  private String repeatSlice(String s, int at) {
    if (s.isEmpty()) {
      return s;
    }
    int from = Math.min(at, s.length() - 1);
    int to = Math.min(s.length(), from + between(1, 64));
    String slice = s.substring(from, to);
    int times = Math.min(between(2, 2_000), 200_000 / Math.max(1, slice.length()));
    return s.substring(0, to) + slice.repeat(times) + s.substring(to);
  }

  private String replaceNumber(String s, String number) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      }
    }
    if (runs.isEmpty()) {
      int at = random.nextInt(s.length() + 1);
      return s.substring(0, at) + number + s.substring(at);
    }
    int[] r = pick(runs);
    return s.substring(0, r[0]) + number + s.substring(r[1]);
  }

  private String wrongType(String s) {
    int colon = s.isEmpty() ? -1 : s.indexOf(':', random.nextInt(s.length()));
    if (colon < 0) {
      return s + pick(WRONG_TYPES);
    }
    int end = colon + 1;
    int depth = 0;
    boolean inString = false;
    while (end < s.length()) {
      char c = s.charAt(end);
      if (inString) {
        if (c == '\\') {
          end++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      end++;
    }
    return s.substring(0, colon + 1) + pick(WRONG_TYPES) + s.substring(Math.min(end, s.length()));
  }

  /**
   * Random characters: ASCII, controls, Latin-1, other planes and lone surrogates.
   *
   * @param n how many
   * @return the text
   */
  public String randomText(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(5)) {
        case 0:
          b.append((char) random.nextInt(32));
          break;
        case 1:
          b.append((char) between(0x80, 0x2fff));
          break;
        case 2:
          b.appendCodePoint(between(0x10000, 0x10ffff));
          break;
        case 3:
          b.append((char) between(0xd800, 0xdfff));
          break;
        default:
          b.append((char) between(32, 126));
      }
    }
    return b.toString();
  }

  /**
   * Nested arrays or objects, unclosed or closed.
   *
   * @param depth the depth
   * @return the text
   */
  public String nesting(int depth) {
    String open = chance(0.5) ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + (chance(0.5) ? "1" + close.repeat(depth) : "");
  }

  /**
   * A huge, negative, fractional or otherwise odd number.
   *
   * @return its text
   */
  public String hugeNumber() {
    if (chance(0.3)) {
      return "9".repeat(between(19, chance(0.2) ? 5_000 : 60));
    }
    if (chance(0.1)) {
      return "0".repeat(between(1, 40)) + between(0, 999);
    }
    return pick(NUMBERS);
  }

  /**
   * One to four control or other unsafe characters.
   *
   * @return the characters
   */
  public String controls() {
    StringBuilder b = new StringBuilder();
    int n = between(1, 4);
    for (int i = 0; i < n; i++) {
      b.append(pick(CONTROLS));
    }
    return b.toString();
  }

  /**
   * An absurd value for a number, time or date header: huge, padded, signed, fractional, non-ASCII digits,
   * dates out of range, control characters, very long.
   *
   * @return the value
   */
  public String headerValue() {
    switch (random.nextInt(9)) {
      case 0:
        return "0".repeat(between(0, 30)) + between(0, 99999);
      case 1:
        return hugeNumber();
      case 2:
        return httpDate();
      case 3:
        return " " + between(0, 3600) + pick(" ", "\t", "", "s", "ms", ",5");
      case 4:
        return controls() + between(0, 100) + controls();
      case 5:
        return "9".repeat(between(1_000, 100_000));
      case 6:
        return randomText(between(0, 40));
      case 7:
        return Long.toString(random.nextLong());
      default:
        return pick("", " ", "-", "--1", "1-", "1.0", "1e3", "\u0665\u0660", "\uff15", "infinity", "soon", "null");
    }
  }

  /**
   * An HTTP-date, valid or nearly so, in any year from 0 to beyond 9999.
   *
   * @return the date text
   */
  public String httpDate() {
    String day = pick(List.of(DayOfWeek.values())).name().substring(0, 3);
    String month = pick(List.of(Month.values())).name().substring(0, 3);
    day = day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT);
    month = month.charAt(0) + month.substring(1).toLowerCase(Locale.ROOT);
    String year = pick("0000", "1970", "2026", "9999", "10000", "+999999999", "-1", Integer.toString(between(0, 9999)));
    return String.format(Locale.ROOT, "%s, %02d %s %s %02d:%02d:%02d %s", day, between(0, 40), month, year,
        between(0, 25), between(0, 61), between(0, 61), pick("GMT", "UTC", "+0100", "Z", "", "PST"));
  }

  /**
   * A random JSON value, sometimes with keys the platforms use.
   *
   * @param depth how deep it may nest
   * @return the JSON text
   */
  public String json(int depth) {
    int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
    switch (kind) {
      case 0:
        return hugeNumber();
      case 1:
        return "\"" + escape(chance(0.5) ? pick(KEYS) : randomText(between(0, 20))) + "\"";
      case 2:
        return pick("true", "false", "null");
      case 3:
        return Integer.toString(between(-5, 500));
      case 4: {
        List<String> items = new ArrayList<>();
        int n = between(0, 5);
        for (int i = 0; i < n; i++) {
          items.add(json(depth - 1));
        }
        return "[" + String.join(",", items) + "]";
      }
      default: {
        Map<String, String> members = new LinkedHashMap<>();
        int n = between(0, 6);
        for (int i = 0; i < n; i++) {
          members.put(chance(0.8) ? pick(KEYS) : escape(randomText(between(0, 8))), json(depth - 1));
        }
        List<String> parts = new ArrayList<>();
        members.forEach((k, v) -> parts.add("\"" + k + "\":" + v));
        return "{" + String.join(",", parts) + "}";
      }
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 32) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
