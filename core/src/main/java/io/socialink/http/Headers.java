package io.socialink.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP headers with case-insensitive names. Immutable and thread-safe. {@link #toString()} prints the
 * names only, never the values, since values may carry tokens.
 *
 * @param map lowercase header name to its values, in order
 */
public record Headers(Map<String, List<String>> map) {
  private static final Headers EMPTY = new Headers(Map.of());

  /** Lowercases the names and copies the values. */
  public Headers {
    Objects.requireNonNull(map, "map");
    // One pass, one map: a response's headers are copied on every call.
    TreeMap<String, List<String>> copy = new TreeMap<>();
    map.forEach((name, values) -> {
      Objects.requireNonNull(name, "header name");
      Objects.requireNonNull(values, "header values");
      String key = name.toLowerCase(Locale.ROOT); // the same string when already lowercase
      List<String> prior = copy.get(key);
      if (prior == null) {
        copy.put(key, List.copyOf(values)); // no copy when the list is already immutable
      } else {
        List<String> merged = new ArrayList<>(prior);
        merged.addAll(values);
        copy.put(key, List.copyOf(merged));
      }
    });
    map = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * No headers.
   *
   * @return the empty headers
   */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * Headers from alternating names and values.
   *
   * @param namesAndValues name, value, name, value, ...
   * @return the headers
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return new Headers(m);
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, or empty
   */
  public Optional<String> first(String name) {
    List<String> values = map.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name the name, any case
   * @return the values, possibly none
   */
  public List<String> all(String name) {
    return map.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * Returns these headers with one header set to a single value, replacing earlier values.
   *
   * @param name the name
   * @param value the value
   * @return the new headers
   */
  public Headers with(String name, String value) {
    Map<String, List<String>> m = new LinkedHashMap<>(map);
    m.put(name.toLowerCase(Locale.ROOT), List.of(value));
    return new Headers(m);
  }

  /** Lists the header names only. */
  @Override
  public String toString() {
    return "Headers" + map.keySet();
  }
}
