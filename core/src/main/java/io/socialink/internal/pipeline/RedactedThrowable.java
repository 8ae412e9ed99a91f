package io.socialink.internal.pipeline;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A throwable rebuilt with a redacted message: it shows the original's class name in its text, keeps
 * its stack trace, and holds redacted copies of its cause and suppressed throwables. Stands in for a
 * failure whose chain held a secret somewhere, so that {@code printStackTrace} prints the same lines
 * with the secrets masked.
 */
final class RedactedThrowable extends Exception {
  private static final long serialVersionUID = 1L;

  private final String originalClass;

  private RedactedThrowable(String originalClass, @Nullable String message) {
    super(message);
    this.originalClass = originalClass;
  }

  /**
   * The class name of the throwable this one stands for.
   *
   * @return the name
   */
  String originalClass() {
    return originalClass;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClass : originalClass + ": " + message;
  }

  /**
   * A throwable whose whole chain (causes and suppressed ones) is free of what the scrubber removes:
   * the throwable itself when nothing in its chain changes, else a rebuilt chain.
   *
   * @param t the throwable
   * @param scrub removes secrets from a text
   * @return a safe throwable
   */
  static Throwable redact(Throwable t, UnaryOperator<String> scrub) {
    if (clean(t, scrub, new IdentityHashMap<>())) {
      return t;
    }
    return copy(t, scrub, new IdentityHashMap<>());
  }

  private static boolean clean(Throwable t, UnaryOperator<String> scrub, Map<Throwable, Boolean> seen) {
    if (seen.put(t, Boolean.TRUE) != null) {
      return true;
    }
    String text = t.toString();
    if (!scrub.apply(text).equals(text)) {
      return false;
    }
    for (Throwable s : t.getSuppressed()) {
      if (!clean(s, scrub, seen)) {
        return false;
      }
    }
    Throwable cause = t.getCause();
    return cause == null || clean(cause, scrub, seen);
  }

  private static Throwable copy(Throwable t, UnaryOperator<String> scrub, Map<Throwable, Throwable> done) {
    Throwable existing = done.get(t);
    if (existing != null) {
      return existing;
    }
    String className = t instanceof RedactedThrowable r ? r.originalClass : t.getClass().getName();
    String message = t.getMessage();
    RedactedThrowable copy = new RedactedThrowable(className, message == null ? null : scrub.apply(message));
    done.put(t, copy);
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t) {
      copy.initCause(copy(cause, scrub, done));
    }
    for (Throwable s : t.getSuppressed()) {
      copy.addSuppressed(copy(s, scrub, done));
    }
    return copy;
  }
}
