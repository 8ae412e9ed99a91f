package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * socialink-testkit declares JUnit and AssertJ optional: a program that depends on it (as this one
 * does, in compile scope) gets neither them nor AssertJ's Byte Buddy on its class path, and the X
 * emulator runs without them. The runtime class path is the one Maven resolved for this module
 * (written by {@code dependency:build-classpath} with runtime scope), so the test fails if the
 * testkit's POM brings a test library again.
 */
class TestkitClassPathTest {
  /** Jar name prefixes of the libraries a test kit must not force on its users. */
  private static final List<String> TEST_LIBRARIES = List.of("junit-", "assertj-", "byte-buddy", "opentest4j-",
      "apiguardian-", "mockito-");

  private static List<Path> runtimeClassPath() throws Exception {
    Path file = Path.of(System.getProperty("socialink.runtimeClassPathFile"));
    List<Path> paths = new ArrayList<>();
    for (String entry : Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
      paths.add(Path.of(entry));
    }
    return paths;
  }

  @Test
  void theRuntimeClassPathHasTheTestkitButNoTestLibrary() throws Exception {
    List<Path> classPath = runtimeClassPath();

    assertThat(classPath).anySatisfy(p -> assertThat(p.toString()).contains("testkit"));
    assertThat(classPath).extracting(p -> p.getFileName().toString())
        .noneMatch(name -> TEST_LIBRARIES.stream().anyMatch(name::startsWith));
  }

  @Test
  void theDemoLinksAnAccountAgainstTheXEmulatorOnThatClassPathAlone() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path p : runtimeClassPath()) {
      urls.add(url(p));
    }
    urls.add(url(Path.of(System.getProperty("socialink.programClasses"))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // The platform class loader as parent: nothing of this test's own class path is visible.
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      for (String testClass : Arrays.asList("org.junit.jupiter.api.Test", "org.assertj.core.api.Assertions",
          "net.bytebuddy.ByteBuddy")) {
        assertThatThrownBy(() -> loader.loadClass(testClass)).as(testClass).isInstanceOf(ClassNotFoundException.class);
      }
      Class<?> demo = loader.loadClass(Demo.class.getName());
      assertThat(demo).isNotSameAs(Demo.class);
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        demo.getMethod("run", PrintStream.class).invoke(null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("APP_AUTHORIZATION the application Socialink Demo -> x account @XDevelopers")
        .contains("verify   GET /2/users/me with the old token is refused: true; grant forgotten: true")
        .contains("Instagram shown on a TikTok profile, taken off");
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
