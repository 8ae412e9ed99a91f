package io.socialink.servlet;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tests' SLF4J binding (slf4j-simple, see {@code simplelogger.properties}) wrote to
 * {@code target/socialink-test.log} since a mark.
 */
final class LogFile {
  static final Path FILE = Path.of("target", "socialink-test.log");

  private final long start;

  private LogFile(long start) {
    this.start = start;
  }

  static LogFile mark() {
    try {
      return new LogFile(Files.exists(FILE) ? Files.size(FILE) : 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String sinceMark() {
    try (RandomAccessFile f = new RandomAccessFile(FILE.toFile(), "r")) {
      byte[] added = new byte[(int) Math.max(0, f.length() - start)];
      f.seek(start);
      f.readFully(added);
      return new String(added, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
