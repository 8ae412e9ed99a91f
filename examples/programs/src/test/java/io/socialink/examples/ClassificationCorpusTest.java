package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.instagram.InstagramProvider;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.x.XProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a corpus of real platform responses (logged in public issues, recorded in other SDKs' test
 * fixtures, or printed in the platforms' documentation) through the public
 * {@link io.socialink.platform.Platforms#classify(String, Operation, int, Map, byte[])}, with every
 * provider registered, exactly as an application would. The corpus lives in
 * {@code src/test/resources/corpus/<platform>.json}; each entry keeps the body and headers as found,
 * the operation of the call, the expected category, retryability, platform code and request id, its
 * source and, where something had to be assumed (a status the log did not print, a body assembled
 * from a documented code and message), an {@code assumed} note.
 *
 * <p>An entry is right when all four expected values match (for a success: when no classification
 * comes back). The test prints the accuracy per platform and per expected category, lists every
 * miss, and fails when a platform falls below its bar in {@link #BAR} (the accuracy reached when the
 * corpus was gathered) or the corpus shrinks below {@link #MIN_ENTRIES}.
 */
class ClassificationCorpusTest {
  /** The accuracy each platform reached; the build fails below it. */
  static final Map<String, Double> BAR = Map.of("instagram", 1.0, "tiktok", 1.0, "x", 1.0);
  /** The corpus holds at least this many responses. */
  static final int MIN_ENTRIES = 150;
  static final List<String> PLATFORMS = List.of("instagram", "tiktok", "x");
  static final Instant RECEIVED_AT = Instant.parse("2026-03-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  static final Socialink SOCIALINK = Socialink.builder()
      .registry(PlatformRegistry.builder().register(new InstagramProvider()).register(new TikTokProvider())
          .register(new XProvider()).build())
      .clock(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC))
      .transport(request -> {
        throw new IOException("classification only");
      })
      .build();

  /** One verdict on one entry. */
  record Outcome(String platform, String id, String expected, boolean assumed, List<String> misses) {}

  static final List<Outcome> OUTCOMES = Collections.synchronizedList(new ArrayList<>());

  static Stream<Arguments> corpus() {
    List<Arguments> out = new ArrayList<>();
    for (String platform : PLATFORMS) {
      for (JsonNode e : load(platform)) {
        out.add(Arguments.of(platform + " " + e.path("id").asText(), platform, e));
      }
    }
    return out.stream();
  }

  static JsonNode load(String platform) {
    String resource = "/corpus/" + platform + ".json";
    try (InputStream in = ClassificationCorpusTest.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      JsonNode root = JSON.readTree(in);
      assertThat(root.isArray()).as(resource + " is a list of entries").isTrue();
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void classifiesAsExpected(String name, String platform, JsonNode entry) {
    assertThat(entry.path("source").asText()).as("source").startsWith("https://");
    assertThat(entry.path("api").asText()).as("api").isNotBlank();
    assertThat(entry.has("body")).as("body").isTrue();
    JsonNode expect = entry.path("expect");
    String expectedCategory = expect.path("category").isNull() ? "SUCCESS" : expect.path("category").asText();
    if (!expectedCategory.equals("SUCCESS")) {
      ErrorCategory category = ErrorCategory.valueOf(expectedCategory);
      assertThat(expect.path("retryable").asBoolean()).as("retryable follows the category")
          .isEqualTo(category.retryable());
    }
    Operation operation = Operation.valueOf(entry.path("operation").asText());
    int status = entry.path("status").asInt();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = entry.path("headers").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> h = fields.next();
      headers.put(h.getKey(), List.of(h.getValue().asText()));
    }
    byte[] body = entry.path("body").asText().getBytes(StandardCharsets.UTF_8);

    Optional<Classification> verdict = SOCIALINK.platforms().classify(platform, operation, status, headers, body);

    List<String> misses = misses(expect, verdict);
    OUTCOMES.add(new Outcome(platform, entry.path("id").asText(), expectedCategory, entry.has("assumed"), misses));
    assertThat(verdict.map(c -> c.platformId())).as("platform of the verdict").isIn(Optional.empty(),
        Optional.of(platform));
  }

  private static List<String> misses(JsonNode expect, Optional<Classification> verdict) {
    List<String> misses = new ArrayList<>();
    if (expect.path("category").isNull()) {
      verdict.ifPresent(c -> misses.add("expected a success, got " + c.category() + " " + c.platformCode().orElse("")));
      return misses;
    }
    if (verdict.isEmpty()) {
      misses.add("expected " + expect.path("category").asText() + ", got a success");
      return misses;
    }
    Classification c = verdict.get();
    if (!c.category().name().equals(expect.path("category").asText())) {
      misses.add("category " + c.category() + " != " + expect.path("category").asText());
    }
    if (c.retryable() != expect.path("retryable").asBoolean()) {
      misses.add("retryable " + c.retryable());
    }
    Optional<String> code = text(expect.path("platformCode"));
    if (!c.platformCode().equals(code)) {
      misses.add("platformCode " + c.platformCode() + " != " + code);
    }
    Optional<String> id = text(expect.path("requestId"));
    if (!c.requestId().equals(id)) {
      misses.add("requestId " + c.requestId() + " != " + id);
    }
    return misses;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
  }

  @AfterAll
  static void reportAndHoldTheBar() {
    List<Outcome> outcomes = List.copyOf(OUTCOMES);
    StringBuilder report = new StringBuilder("\nClassification corpus: ").append(outcomes.size())
        .append(" real responses\n");
    Map<String, double[]> byPlatform = new TreeMap<>();
    for (String platform : PLATFORMS) {
      List<Outcome> mine = outcomes.stream().filter(o -> o.platform().equals(platform)).toList();
      long right = mine.stream().filter(o -> o.misses().isEmpty()).count();
      long assumed = mine.stream().filter(Outcome::assumed).count();
      double accuracy = mine.isEmpty() ? 0 : (double) right / mine.size();
      byPlatform.put(platform, new double[] {accuracy, mine.size()});
      report.append(String.format(Locale.ROOT, "  %-9s %3d/%3d right (%5.1f%%), %d with an assumption%n", platform,
          right, mine.size(), accuracy * 100, assumed));
      Map<String, long[]> byCategory = new TreeMap<>();
      for (Outcome o : mine) {
        long[] n = byCategory.computeIfAbsent(o.expected(), k -> new long[2]);
        n[1]++;
        if (o.misses().isEmpty()) {
          n[0]++;
        }
      }
      byCategory.forEach((category, n) -> report.append(String.format(Locale.ROOT, "      %-18s %3d/%3d%n", category,
          n[0], n[1])));
    }
    outcomes.stream().filter(o -> !o.misses().isEmpty()).forEach(o -> report.append("  MISS ").append(o.platform())
        .append(' ').append(o.id()).append(": ").append(String.join("; ", o.misses())).append('\n'));
    System.out.println(report);

    assertThat(outcomes).as("corpus size").hasSizeGreaterThanOrEqualTo(MIN_ENTRIES);
    byPlatform.forEach((platform, r) -> assertThat(r[0]).as(platform + " accuracy" + report)
        .isGreaterThanOrEqualTo(BAR.get(platform)));
  }
}
