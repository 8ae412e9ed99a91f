package io.socialink.instagram;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what is logged while it is open. Core logs through SLF4J, bound in tests to slf4j-simple,
 * which writes each line to the current {@code System.err}; this tees that stream, so what is logged
 * still shows in the build output.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream previous;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {
    previous = System.err;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        previous.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (captured) {
          captured.write(b, off, len);
        }
        previous.write(b, off, len);
      }

      @Override
      public void flush() {
        previous.flush();
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  static LogCapture start() {
    return new LogCapture();
  }

  List<String> messages() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(previous);
  }
}
