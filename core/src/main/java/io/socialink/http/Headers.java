package io.socialink.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP headers with case-insensitive names. Immutable and thread-safe. {@link #toString()} prints the
 * names only, never the values, since values may carry tokens.
 *
 * @param map lowercase header name to its values, in order
 */
public record Headers(Map<String, List<String>> map) {
  private static final Headers EMPTY = new Headers(Map.of());

  /** Lowercases the names and copies the values; headers taken from other headers are not copied again. */
  public Headers {
    Objects.requireNonNull(map, "map");
    if (!(map instanceof SortedNames) && !(map instanceof JdkNames)) {
      map = SortedNames.of(map);
    }
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
   * The headers of a response of the JDK's {@link java.net.http.HttpClient}, without copying them: the
   * JDK's headers are immutable and already found without regard to case, so a lookup goes straight
   * to them, and the lowercase names of {@link #map()} are made only when the map is iterated.
   *
   * @param headers the JDK's headers
   * @return the headers
   */
  public static Headers of(java.net.http.HttpHeaders headers) {
    return new Headers(new JdkNames(Objects.requireNonNull(headers, "headers")));
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
   * A request's headers while its {@link ApiRequest.Builder} runs: lowercase names kept sorted as they
   * are set, each with its values, so that building the request takes the arrays as they are instead
   * of sorting them again; a request is built on every call. Headers built from it share its arrays
   * until its next change, which copies them first. Not thread-safe, like the builder.
   */
  static final class Fields {
    private String[] names = new String[4];
    private List<?>[] values = new List<?>[4];
    private int size;
    /** Whether built headers share the arrays. */
    private boolean shared;

    /**
     * Sets a header, replacing the values of the same name in any case.
     *
     * @param name the name, any case
     * @param vs the values, an immutable list
     */
    void set(String name, List<String> vs) {
      String key = lowercase(name);
      if (shared) {
        names = names.clone();
        values = values.clone();
        shared = false;
      }
      int i = SortedNames.search(names, size, key);
      if (i >= 0) {
        values[i] = vs;
        return;
      }
      int at = -i - 1;
      if (size == names.length) {
        names = java.util.Arrays.copyOf(names, size * 2);
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      SortedNames.insert(names, values, size++, at, key, vs);
    }

    /**
     * The headers set so far.
     *
     * @return the headers
     */
    Headers headers() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new Headers(new SortedNames(names, values, size));
    }
  }

  /**
   * A header name in lowercase; the names Socialink itself sends every call are not lowercased anew
   * each time.
   *
   * @param name the name
   * @return the lowercase name
   */
  static String lowercase(String name) {
    switch (name) {
      case "Authorization":
        return "authorization";
      case "Content-Type":
        return "content-type";
      default:
        return name.toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, or empty
   */
  public Optional<String> first(String name) {
    List<String> values = valuesOf(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Every value of a header.
   *
   * @param name the name, any case
   * @return the values, possibly none
   */
  public List<String> all(String name) {
    List<String> values = valuesOf(name);
    return values == null ? List.of() : values;
  }

  /** The values of a name in any case; the JDK's headers ignore case themselves, so it is not lowercased. */
  private List<String> valuesOf(String name) {
    return map instanceof JdkNames jdk ? jdk.anyCase(name) : map.get(lowercase(name));
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

  /**
   * The immutable map behind every {@code Headers}: lowercase names in order, each with its values,
   * found by binary search. A response's headers are turned into one on every call, so it is built in
   * one pass over arrays, without a node per header.
   */
  private static final class SortedNames extends AbstractMap<String, List<String>> {
    private static final SortedNames EMPTY = new SortedNames(new String[0], new List<?>[0], 0);

    private final String[] names;
    private final List<?>[] values;
    private final int size;

    private SortedNames(String[] names, List<?>[] values, int size) {
      this.names = names;
      this.values = values;
      this.size = size;
    }

    static SortedNames of(Map<String, List<String>> map) {
      int n = map.size();
      if (n == 0) {
        return EMPTY;
      }
      Sorter sorter = new Sorter(n);
      for (Map.Entry<String, List<String>> e : map.entrySet()) {
        sorter.add(e.getKey(), e.getValue());
      }
      return sorter.sorted();
    }

    /** Builds the sorted arrays in one pass, merging the values of names equal but for case. */
    private static final class Sorter {
      private final String[] names;
      private final List<?>[] values;
      private int size;

      Sorter(int capacity) {
        names = new String[capacity];
        values = new List<?>[capacity];
      }

      void add(String name, List<String> vs) {
        String key = lowercase(Objects.requireNonNull(name, "header name"));
        List<String> copy = List.copyOf(Objects.requireNonNull(vs, "header values")); // same if immutable
        // Insertion into the sorted prefix; names usually arrive sorted, so this is one comparison.
        int at = size;
        while (at > 0 && names[at - 1].compareTo(key) > 0) {
          at--;
        }
        if (at > 0 && names[at - 1].equals(key)) {
          List<String> merged = new ArrayList<>(cast(values[at - 1]));
          merged.addAll(copy);
          values[at - 1] = List.copyOf(merged);
          return;
        }
        SortedNames.insert(names, values, size++, at, key, copy);
      }

      SortedNames sorted() {
        return new SortedNames(names, values, size);
      }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(List<?> list) {
      return (List<String>) list;
    }

    private int indexOf(Object key) {
      if (!(key instanceof String k)) {
        return -1;
      }
      int i = search(names, size, k);
      return i < 0 ? -1 : i;
    }

    /** Puts a name and its values at index {@code at} of the first {@code size}, moving the rest up. */
    static void insert(String[] names, List<?>[] values, int size, int at, String key, List<?> vs) {
      System.arraycopy(names, at, names, at + 1, size - at);
      System.arraycopy(values, at, values, at + 1, size - at);
      names[at] = key;
      values[at] = vs;
    }

    /** The index of a name in the first {@code size} sorted names, or (-(insertion point) - 1). */
    static int search(String[] names, int size, String key) {
      int low = 0;
      int high = size - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int c = names[mid].compareTo(key);
        if (c < 0) {
          low = mid + 1;
        } else if (c > 0) {
          high = mid - 1;
        } else {
          return mid;
        }
      }
      return -(low + 1);
    }

    @Override
    public List<String> get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : cast(values[i]);
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super List<String>> action) {
      for (int i = 0; i < size; i++) {
        action.accept(names[i], cast(values[i]));
      }
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, List<String>>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < size;
            }

            @Override
            public Entry<String, List<String>> next() {
              if (next >= size) {
                throw new java.util.NoSuchElementException();
              }
              int i = next++;
              return Map.entry(names[i], cast(values[i]));
            }
          };
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
  }

  /**
   * The JDK's immutable headers seen as a map of lowercase names: a lowercase name is looked up in
   * them without regard to case, any other name is absent, as in a map of lowercase names; the sorted
   * lowercase copy is made the first time the map is iterated.
   */
  private static final class JdkNames extends AbstractMap<String, List<String>> {
    private final java.net.http.HttpHeaders headers;
    /** Made on first iteration; a race makes two equal copies, either is right. */
    private SortedNames lowercase;

    JdkNames(java.net.http.HttpHeaders headers) {
      this.headers = headers;
    }

    private SortedNames lowercase() {
      SortedNames l = lowercase;
      if (l == null) {
        l = SortedNames.of(headers.map());
        lowercase = l;
      }
      return l;
    }

    @Override
    public List<String> get(Object key) {
      if (!(key instanceof String k) || !k.toLowerCase(Locale.ROOT).equals(k)) {
        return null;
      }
      return anyCase(k);
    }

    /** The values of a name in any case, or null. */
    List<String> anyCase(String name) {
      return headers.map().get(Objects.requireNonNull(name, "name"));
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public int size() {
      return headers.map().size();
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super List<String>> action) {
      lowercase().forEach(action);
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
      return lowercase().entrySet();
    }
  }

  /** Lists the header names only. */
  @Override
  public String toString() {
    return "Headers" + map.keySet();
  }
}
