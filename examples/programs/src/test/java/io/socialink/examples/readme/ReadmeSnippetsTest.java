package io.socialink.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README cannot drift from the API: each of its {@code java} blocks stands, line for line, in
 * {@link ReadmeSnippets}, which the build compiles; and each artifact its {@code xml} blocks name is
 * one the build makes.
 */
class ReadmeSnippetsTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
  static final Path README = ROOT.resolve("README.md");
  static final Path SNIPPETS = Path.of(System.getProperty("user.dir"))
      .resolve("src/main/java/io/socialink/examples/readme");

  /** The compiled snippet files, each as its significant lines. */
  static List<List<String>> sources() throws IOException {
    try (Stream<Path> files = Files.list(SNIPPETS)) {
      List<List<String>> out = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        out.add(significant(Files.readString(f)));
      }
      return out;
    }
  }

  @Test
  void everyJavaBlockOfTheReadmeIsCompiledCode() throws IOException {
    List<List<String>> sources = sources();
    List<String> blocks = blocks(Files.readString(README), "java");
    assertThat(blocks).as("java blocks in the README").hasSizeGreaterThan(5);
    List<String> missing = new ArrayList<>();
    for (String block : blocks) {
      if (sources.stream().noneMatch(source -> containsRun(source, significant(block)))) {
        missing.add(block);
      }
    }
    assertThat(missing).as("README java blocks not found line for line in the readme package").isEmpty();
  }

  @Test
  void theCheckFindsABlockThatDrifted() throws IOException {
    List<String> source = significant(Files.readString(SNIPPETS.resolve("ReadmeSnippets.java")));
    assertThat(containsRun(source, significant("Grant grant = socialink.freshGrant(userId, grantId);"))).isFalse();
    assertThat(containsRun(source, significant(
        "Grant grant = socialink.grants().fresh(userId, grantId);         // refreshed first if it expires soon"))).isTrue();
  }

  @Test
  void everyArtifactTheReadmeNamesIsBuiltAndPublished() throws IOException {
    Set<String> published = new LinkedHashSet<>();
    try (Stream<Path> poms = Files.walk(ROOT, 2)) {
      for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
        String xml = Files.readString(pom);
        Matcher m = Pattern.compile("<artifactId>(socialink-[a-z0-9-]+)</artifactId>").matcher(xml.substring(
            xml.indexOf("</parent>") < 0 ? 0 : xml.indexOf("</parent>")));
        if (m.find() && !xml.contains("<maven.install.skip>true</maven.install.skip>")) {
          published.add(m.group(1));
        }
      }
    }
    List<String> named = new ArrayList<>();
    for (String block : blocks(Files.readString(README), "xml")) {
      Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(block);
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).isNotEmpty();
    assertThat(published).containsAll(named);
  }

  /** The fenced blocks of one language. */
  static List<String> blocks(String markdown, String language) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^```" + language + "\\s*\\n(.*?)^```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Lines without their indentation, blank lines left out. */
  static List<String> significant(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static boolean containsRun(List<String> haystack, List<String> run) {
    if (run.isEmpty()) {
      return true;
    }
    for (int i = 0; i + run.size() <= haystack.size(); i++) {
      if (haystack.subList(i, i + run.size()).equals(run)) {
        return true;
      }
    }
    return false;
  }
}
