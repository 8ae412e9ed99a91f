package io.socialink.fuzz;

import io.socialink.error.SocialinkException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A seeded fuzz run: a fixed number of cases, each fed by its own {@link Mutator} derived from the run's
 * seed, the target's name and the case number, so any case can be replayed alone. A case fails when the
 * code under test throws anything but the documented exception types, or when one of the case's own
 * assertions fails; the failure names the seed, the case and the command that replays it.
 *
 * <p>System properties: {@value #SEED_PROPERTY} (decimal or {@code 0x} hex; default {@link #DEFAULT_SEED}),
 * {@value #CASES_PROPERTY} (cases per target, overriding each target's default) and
 * {@value #CASE_PROPERTY} (run only that case number).
 *
 * <p>Each run prints one line with its slowest case and the heap's peak (the sum of the heap pools' peak
 * usage while it ran), and appends it to {@code target/fuzz-report.txt}. They are reported, not asserted.
 */
public final class Fuzz {
  /** The seed property. */
  public static final String SEED_PROPERTY = "socialink.fuzz.seed";
  /** The cases-per-target property. */
  public static final String CASES_PROPERTY = "socialink.fuzz.cases";
  /** The single-case property. */
  public static final String CASE_PROPERTY = "socialink.fuzz.case";
  /** The seed when none is given. */
  public static final long DEFAULT_SEED = 0x50C1A11C2026L;

  /** The library's own exception types, which any parser may throw on bad input. */
  public static final Predicate<Throwable> DOCUMENTED =
      t -> t instanceof SocialinkException;

  /** {@link #DOCUMENTED}, plus the argument errors a parser documents for malformed input. */
  public static final Predicate<Throwable> DOCUMENTED_OR_ARGUMENT =
      DOCUMENTED.or(t -> t instanceof IllegalArgumentException);

  private static final long MIB = 1024 * 1024;

  private Fuzz() {}

  /**
   * Makes a case's input.
   *
   * @param <T> the input's type
   */
  @FunctionalInterface
  public interface Input<T> {
    /**
     * Makes the input.
     *
     * @param m the case's source of randomness
     * @return the input
     */
    T make(Mutator m);
  }

  /**
   * Runs the code under test on one input and checks what it did; only this part is timed.
   *
   * @param <T> the input's type
   */
  @FunctionalInterface
  public interface Check<T> {
    /**
     * Runs and checks.
     *
     * @param input the input
     * @throws Throwable whatever the code under test throws
     */
    void run(T input) throws Throwable;
  }

  /**
   * What a run measured.
   *
   * @param target the target's name
   * @param cases the cases run
   * @param seed the seed
   * @param firstMillis the first case's time, which includes class loading and a cold JIT
   * @param slowestCase the slowest case's number after the first
   * @param slowestMillis its time
   * @param totalMillis the time of all cases' checks
   * @param peakHeapMiB the heap pools' summed peak usage while the run went
   * @param thrown how many cases ended in a documented exception
   */
  public record Report(String target, int cases, long seed, double firstMillis, int slowestCase, double slowestMillis,
      double totalMillis, long peakHeapMiB, int thrown) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "[fuzz] %-24s %5d cases, seed 0x%x: checks %.0f ms in all; first case %.1f ms;"
          + " slowest after it #%d %.1f ms; peak heap %d MiB; %d documented exceptions", target, cases, seed,
          totalMillis, firstMillis, slowestCase, slowestMillis, peakHeapMiB, thrown);
    }
  }

  /**
   * The run's seed.
   *
   * @return the seed
   */
  public static long seed() {
    String v = System.getProperty(SEED_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_SEED;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
  }

  /**
   * Runs a target.
   *
   * @param target a name for the target, also mixed into each case's seed
   * @param defaultCases the cases to run unless {@value #CASES_PROPERTY} says otherwise
   * @param allowed the exceptions the target documents
   * @param input makes each case's input (not timed)
   * @param check runs the code under test on it and checks the outcome (timed)
   * @param <T> the input's type
   * @return what was measured
   */
  public static <T> Report run(String target, int defaultCases, Predicate<Throwable> allowed, Input<T> input,
      Check<T> check) {
    Objects.requireNonNull(target, "target");
    long seed = seed();
    int cases = Integer.getInteger(CASES_PROPERTY, defaultCases);
    Integer only = Integer.getInteger(CASE_PROPERTY);
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long slowest = -1;
    int slowestCase = -1;
    long first = -1;
    long total = 0;
    int thrown = 0;
    int ran = 0;
    for (int i = 0; i < cases; i++) {
      if (only != null && only != i) {
        continue;
      }
      T in = input.make(new Mutator(caseSeed(seed, target, i)));
      long start = System.nanoTime();
      try {
        check.run(in);
      } catch (Throwable t) {
        if (t instanceof AssertionError || !allowed.test(t)) {
          throw new AssertionError(failure(target, seed, i, t), t);
        }
        thrown++;
      }
      long took = System.nanoTime() - start;
      total += took;
      if (first < 0) {
        first = took;
      } else if (took > slowest) {
        slowest = took;
        slowestCase = i;
      }
      ran++;
    }
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage() == null ? 0 : p.getPeakUsage().getUsed()).sum();
    Report r = new Report(target, ran, seed, first / 1e6, slowestCase, slowest / 1e6, total / 1e6, peak / MIB, thrown);
    record(r);
    return r;
  }

  /**
   * The seed of one case.
   *
   * @param seed the run's seed
   * @param target the target
   * @param caseNumber the case
   * @return the case's seed
   */
  public static long caseSeed(long seed, String target, int caseNumber) {
    long h = seed;
    for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001B3L;
    }
    return h * 0x9E3779B97F4A7C15L + caseNumber;
  }

  /**
   * Asserts that text fits a message or log line: at most {@code maxChars} characters and no line
   * breaks, escape or other control characters, line separators or bidirectional overrides.
   *
   * @param what what the text is, for the failure
   * @param text the text
   * @param maxChars the longest allowed
   */
  public static void assertOneLine(String what, String text, int maxChars) {
    if (text.length() > maxChars) {
      throw new AssertionError(what + " has " + text.length() + " characters; at most " + maxChars + " allowed");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        throw new AssertionError(what + " holds the unsafe character U+" + String.format(Locale.ROOT, "%04X", (int) c)
            + " at " + i);
      }
    }
  }

  /**
   * Every {@code .json} file under a class-path directory of test resources, as seeds.
   *
   * @param anchor a class loaded from the same test classes
   * @param dir the directory, e.g. {@code /tiktok}
   * @return the files' bytes, in path order
   */
  public static List<byte[]> jsonSeeds(Class<?> anchor, String dir) {
    try {
      java.net.URL url = Objects.requireNonNull(anchor.getResource(dir), dir);
      try (java.util.stream.Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
        List<Path> paths = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        List<byte[]> out = new java.util.ArrayList<>();
        for (Path f : paths) {
          out.add(Files.readAllBytes(f));
        }
        return List.copyOf(out);
      }
    } catch (IOException | java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot read the seeds under " + dir, e);
    }
  }

  private static String failure(String target, long seed, int caseNumber, Throwable t) {
    String what = t instanceof AssertionError ? "failed an assertion" : "threw an undocumented " + t.getClass().getName();
    return "fuzz target '" + target + "' " + what + " at case #" + caseNumber + " (seed 0x" + Long.toHexString(seed)
        + "); replay it alone with -D" + SEED_PROPERTY + "=0x" + Long.toHexString(seed) + " -D" + CASE_PROPERTY + "="
        + caseNumber;
  }

  private static void record(Report r) {
    System.out.println(r);
    try {
      Path dir = Path.of("target");
      if (Files.isDirectory(dir)) {
        Files.writeString(dir.resolve("fuzz-report.txt"), r + System.lineSeparator(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      System.out.println("[fuzz] could not write target/fuzz-report.txt: " + e);
    }
  }
}
