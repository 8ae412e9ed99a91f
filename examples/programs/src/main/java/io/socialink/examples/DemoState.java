package io.socialink.examples;

import io.socialink.jdbc.JdbcStores;
import io.socialink.jdbc.KeyProvider;
import io.socialink.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Where the example programs keep their state: an embedded H2 file database by default, so that a
 * second run sees the first run's links, or memory only.
 *
 * <p>Tokens in the file are encrypted with a key the first run makes and keeps beside the database
 * ({@code demo.key}, readable by its owner only). That is for a demo: an application takes its keys
 * from a vault or a KMS through its own {@link KeyProvider}.
 *
 * @param stores the stores
 * @param description where the state lives, for a person
 */
public record DemoState(Stores stores, String description) {
  /** The directory the programs keep their database and key in unless told otherwise. */
  public static final Path DEFAULT_DIRECTORY = Path.of("target", "socialink-demo");

  /**
   * State kept in memory only: lost when the program ends.
   *
   * @return the state
   */
  public static DemoState inMemory() {
    return new DemoState(Stores.inMemory(), "memory only (--memory)");
  }

  /**
   * State kept in an H2 file database in a directory, created with its key on first use.
   *
   * @param directory the directory
   * @return the state
   */
  public static DemoState h2File(Path directory) {
    try {
      Files.createDirectories(directory);
      Path keyFile = directory.resolve("demo.key");
      if (!Files.exists(keyFile)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(keyFile, key);
        try {
          Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file keeps its default permissions
        }
      }
      KeyProvider keys = KeyProvider.of("demo", Map.of("demo", KeyProvider.aesKey(Files.readAllBytes(keyFile))));
      String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("socialink") + ";DB_CLOSE_DELAY=-1";
      JdbcStores jdbc = JdbcStores.builder(url, "sa", "").keys(keys).build();
      return new DemoState(jdbc.stores(), "H2 file " + directory.resolve("socialink.mv.db")
          + " (run with --memory to keep nothing)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + directory, e);
    }
  }

  /**
   * The state the arguments ask for: {@code --memory} for memory only, otherwise the H2 file in
   * {@link #DEFAULT_DIRECTORY}.
   *
   * @param args the program's arguments
   * @return the state
   */
  public static DemoState fromArguments(String... args) {
    for (String arg : args) {
      if (arg.equals("--memory")) {
        return inMemory();
      }
    }
    return h2File(DEFAULT_DIRECTORY);
  }
}
