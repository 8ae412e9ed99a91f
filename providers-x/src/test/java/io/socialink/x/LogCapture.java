package io.socialink.x;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the X provider logs (System.Logger, which goes to java.util.logging here). */
final class LogCapture implements AutoCloseable {
  private final Logger logger = Logger.getLogger("io.socialink.x");
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LogCapture() {
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  static LogCapture start() {
    return new LogCapture();
  }

  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
