package io.socialink.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Captures what is logged while it is open. The library logs through SLF4J, bound in the modules'
 * tests to slf4j-simple, which writes to {@code target/socialink-test.log} (see each module's
 * {@code simplelogger.properties}); this reads what the file gained since the capture started.
 */
public final class LogCapture implements AutoCloseable {
  static final Path LOG_FILE = Path.of("target", "socialink-test.log");

  private final long start;

  private LogCapture() {
    start = size();
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  public List<String> messages() {
    try (RandomAccessFile file = new RandomAccessFile(LOG_FILE.toFile(), "r")) {
      long end = file.length();
      byte[] added = new byte[(int) Math.max(0, end - start)];
      file.seek(start);
      file.readFully(added);
      return new String(added, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + LOG_FILE, e);
    }
  }

  private static long size() {
    try {
      return Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + LOG_FILE, e);
    }
  }

  @Override
  public void close() {
    // nothing to undo: the file stays for the build's own reading
  }
}
