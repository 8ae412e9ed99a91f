package io.socialink.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pebble.PebbleProvider;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.socialink.Socialink;
import io.socialink.instagram.InstagramProvider;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.x.XProvider;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the project, checked on the compiled classes of each module: core names no
 * provider or the testkit, providers and the testkit name no other provider, nothing uses another module's {@code internal}
 * packages, no public API type exposes a Resilience4j, ScribeJava, twitter-text or Jackson type, and
 * everything logs through the SLF4J API.
 */
class ArchitectureTest {
  static final List<String> HIDDEN_LIBRARIES = List.of(
      "io.github.resilience4j", "com.github.scribejava", "com.twitter.twittertext", "com.fasterxml.jackson");

  /** Module name to its classes. */
  static final Map<String, JavaClasses> MODULES = new LinkedHashMap<>();
  static final Map<String, String> MODULE_OF_LOCATION = new LinkedHashMap<>();

  @BeforeAll
  static void importModules() {
    add("core", Socialink.class);
    add("tiktok", TikTokProvider.class);
    add("instagram", InstagramProvider.class);
    add("x", XProvider.class);
    add("pebble", PebbleProvider.class);
    add("testkit", io.socialink.testkit.TestClock.class);
    add("micrometer", io.socialink.micrometer.MicrometerCallEventListener.class);
    add("jdbc", io.socialink.jdbc.JdbcStores.class);
    add("servlet", io.socialink.servlet.CallbackServlet.class);
    add("examples", Demo.class);
  }

  private static void add(String module, Class<?> member) {
    URL url = member.getProtectionDomain().getCodeSource().getLocation();
    try {
      Path path = Path.of(url.toURI());
      ClassFileImporter importer = new ClassFileImporter();
      JavaClasses classes = path.toString().endsWith(".jar")
          ? importer.importJar(new java.util.jar.JarFile(path.toFile()))
          : importer.importPath(path);
      MODULES.put(module, classes);
      MODULE_OF_LOCATION.put(path.toUri().toString(), module);
    } catch (URISyntaxException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String moduleOf(JavaClass type) {
    JavaClass c = type.getBaseComponentType(); // an array belongs where its element type does
    return MODULES.entrySet().stream().filter(e -> e.getValue().contain(c.getName())).map(Map.Entry::getKey)
        .findFirst().orElse("external");
  }

  private static final Set<String> PROVIDERS = Set.of("tiktok", "instagram", "x", "pebble");

  @Test
  void everyModuleWasImported() {
    MODULES.forEach((name, classes) -> assertThat(classes).as(name).isNotEmpty());
  }

  @Test
  void coreNamesNoProvider() {
    List<String> violations = new ArrayList<>();
    for (JavaClass c : MODULES.get("core")) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String target = moduleOf(d.getTargetClass());
        if (PROVIDERS.contains(target) || List.of("examples", "testkit", "micrometer", "jdbc", "servlet").contains(target)) {
          violations.add(d.getDescription());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void nothingInCoreCallsBackIntoTheFacade() {
    List<String> violations = new ArrayList<>();
    for (JavaClass c : MODULES.get("core")) {
      if (c.getName().startsWith(Socialink.class.getName())) {
        continue; // the façade and its builder
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        if (d.getTargetClass().getName().equals(Socialink.class.getName())) {
          violations.add(d.getDescription());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theFacadeHoldsOnlyItsServicesAndTheRuntime() {
    JavaClass facade = MODULES.get("core").get(Socialink.class);
    assertThat(facade.getFields()).allSatisfy(f -> assertThat(f.getModifiers()).contains(JavaModifier.FINAL));
    assertThat(facade.getMethods()).filteredOn(m -> !m.getModifiers().contains(JavaModifier.PUBLIC))
        .as("no private helpers: the work lives in the services").isEmpty();
  }

  @Test
  void noPublicApiSignatureNamesAnInternalType() {
    List<String> violations = new ArrayList<>();
    MODULES.forEach((module, classes) -> {
      for (JavaClass c : classes) {
        if (!isApi(c) || module.equals("examples")) {
          continue;
        }
        for (JavaCodeUnit unit : c.getCodeUnits()) {
          if (!unit.getModifiers().contains(JavaModifier.PUBLIC) && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          List<JavaClass> types = new ArrayList<>(unit.getReturnType().getAllInvolvedRawTypes());
          unit.getParameterTypes().forEach(p -> types.addAll(p.getAllInvolvedRawTypes()));
          types.stream().filter(t -> t.getPackageName().contains(".internal") && t.getPackageName().startsWith("io.socialink"))
              .forEach(t -> violations.add(unit.getFullName() + " names " + t.getName()));
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void providersNameNoOtherProvider() {
    List<String> violations = new ArrayList<>();
    for (String provider : PROVIDERS) {
      for (JavaClass c : MODULES.get(provider)) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          String target = moduleOf(d.getTargetClass());
          if (!target.equals(provider) && (PROVIDERS.contains(target) || target.equals("examples"))) {
            violations.add(d.getDescription());
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void testkitSpeaksHttpAndNamesNoProvider() {
    List<String> violations = new ArrayList<>();
    for (JavaClass c : MODULES.get("testkit")) {
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        if (PROVIDERS.contains(moduleOf(d.getTargetClass()))) {
          violations.add(d.getDescription());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void nothingUsesAnotherModulesInternalPackages() {
    List<String> violations = new ArrayList<>();
    MODULES.forEach((module, classes) -> {
      for (JavaClass c : classes) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass();
          String targetModule = moduleOf(target);
          boolean ours = MODULES.containsKey(targetModule);
          if (ours && target.getPackageName().contains(".internal") && !targetModule.equals(module)) {
            violations.add(module + ": " + d.getDescription());
          }
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void publicApiExposesNoHiddenLibraryType() {
    List<String> violations = new ArrayList<>();
    MODULES.forEach((module, classes) -> {
      if (module.equals("examples")) {
        return;
      }
      for (JavaClass c : classes) {
        if (!isApi(c)) {
          continue;
        }
        c.getRawSuperclass().ifPresent(s -> check(violations, c.getName() + " extends", Set.of(s)));
        check(violations, c.getName() + " implements", c.getRawInterfaces());
        for (JavaCodeUnit unit : c.getCodeUnits()) {
          if (!unit.getModifiers().contains(JavaModifier.PUBLIC) && !unit.getModifiers().contains(JavaModifier.PROTECTED)) {
            continue;
          }
          check(violations, unit.getFullName() + " returns", unit.getReturnType().getAllInvolvedRawTypes());
          unit.getParameterTypes().forEach(p -> check(violations, unit.getFullName() + " takes", p.getAllInvolvedRawTypes()));
          check(violations, unit.getFullName() + " throws", Set.copyOf(unit.getThrowsClause().getTypes()));
        }
        for (JavaField f : c.getFields()) {
          if (f.getModifiers().contains(JavaModifier.PUBLIC) || f.getModifiers().contains(JavaModifier.PROTECTED)) {
            check(violations, f.getFullName(), f.getType().getAllInvolvedRawTypes());
          }
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  /**
   * One logging API everywhere: SLF4J, as core uses. A module that logged through
   * {@code System.Logger} or {@code java.util.logging} would print in another format, beside the
   * SLF4J lines, and ignore the application's logging configuration.
   */
  @Test
  void everyModuleLogsThroughSlf4jOnly() {
    List<String> violations = new ArrayList<>();
    MODULES.forEach((module, classes) -> {
      for (JavaClass c : classes) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getBaseComponentType().getName();
          // javax.sql.CommonDataSource makes a DataSource name java.util.logging.Logger; nothing logs through it.
          boolean dataSourceContract = d.getDescription().contains(".getParentLogger()>");
          if (!dataSourceContract
              && (target.startsWith("java.util.logging.") || target.startsWith("java.lang.System$Logger"))) {
            violations.add(module + ": " + d.getDescription());
          }
        }
        c.getMethodCallsFromSelf().stream()
            .filter(call -> call.getTargetOwner().isEquivalentTo(System.class) && call.getName().equals("getLogger"))
            .forEach(call -> violations.add(module + ": " + call.getDescription()));
      }
    });
    assertThat(violations).isEmpty();
  }

  private static boolean isApi(JavaClass c) {
    if (c.getPackageName().contains(".internal")) {
      return false;
    }
    JavaClass outer = c;
    while (true) {
      if (!outer.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
      if (outer.getEnclosingClass().isEmpty()) {
        return true;
      }
      outer = outer.getEnclosingClass().get();
    }
  }

  private static void check(List<String> violations, String where, Set<JavaClass> types) {
    String hidden = types.stream().map(JavaClass::getName)
        .filter(n -> HIDDEN_LIBRARIES.stream().anyMatch(n::startsWith))
        .collect(Collectors.joining(", "));
    if (!hidden.isEmpty()) {
      violations.add(where + " " + hidden);
    }
  }
}
