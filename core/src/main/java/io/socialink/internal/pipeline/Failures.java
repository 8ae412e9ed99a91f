package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import java.util.Optional;

/**
 * Turns what goes wrong inside the pipeline into safe {@link SocialinkException}s: the call's secrets
 * scrubbed from classification texts, causes rebuilt with redacted messages along the whole chain.
 */
final class Failures {
  private Failures() {}

  /**
   * A classification with the call's exact secret values masked in each of its texts.
   *
   * @param c the classification
   * @param state the call
   * @return the classification; the same instance when nothing changed
   */
  static Classification scrub(Classification c, CallState state) {
    CallSecrets s = state.secrets();
    String message = s.scrubExact(c.message());
    String remediation = s.scrubExact(c.remediation());
    Optional<String> code = c.platformCode().map(s::scrubExact);
    Optional<String> requestId = c.requestId().map(s::scrubExact);
    if (message.equals(c.message()) && remediation.equals(c.remediation()) && code.equals(c.platformCode())
        && requestId.equals(c.requestId())) {
      return c;
    }
    return new Classification(c.category(), c.platformId(), c.httpStatus(), code, requestId, c.retryAt(), message,
        remediation);
  }

  /**
   * A throwable safe to attach as a cause or to log: the call's secrets and secret patterns masked
   * along its chain.
   *
   * @param t the throwable
   * @param state the call
   * @return the throwable itself when clean, else a redacted copy
   */
  static Throwable cause(Throwable t, CallState state) {
    return RedactedThrowable.redact(t, state::scrub);
  }

  /**
   * An exception free of the call's secrets in its messages and along its cause chain.
   *
   * @param e the exception
   * @param state the call
   * @return the exception itself when clean, else a rebuilt copy with its stack trace
   */
  static SocialinkException scrub(SocialinkException e, CallState state) {
    Classification c = scrub(e.classification(), state);
    Throwable cause = e.getCause();
    Throwable safeCause = cause == null ? null : cause(cause, state);
    boolean suppressedClean = true;
    for (Throwable s : e.getSuppressed()) {
      suppressedClean &= cause(s, state) == s;
    }
    if (c == e.classification() && safeCause == cause && suppressedClean) {
      return e;
    }
    SocialinkException out = SocialinkException.of(c, safeCause, e.attempts());
    out.setStackTrace(e.getStackTrace());
    for (Throwable s : e.getSuppressed()) {
      out.addSuppressed(cause(s, state));
    }
    return out;
  }

  /**
   * A library exception for a throwable that was not one: category {@code UNKNOWN}, message and cause
   * chain redacted.
   *
   * @param platformId the platform
   * @param call the call
   * @param what what failed, e.g. "the transport"
   * @param t the throwable
   * @param state the call
   * @param remediation what a person can do
   * @return the exception, not thrown
   */
  static SocialinkException unexpected(String platformId, ApiCall call, String what, Throwable t, CallState state,
      String remediation) {
    if (t instanceof SocialinkException se) {
      return scrub(se, state);
    }
    String detail = t.getMessage() == null ? "" : ": " + state.scrub(t.getMessage());
    Classification c = Classification.of(ErrorCategory.UNKNOWN, platformId, 0,
            what + " failed on " + call.request() + " with " + t.getClass().getName() + detail)
        .withRemediation(remediation);
    return SocialinkException.of(c, cause(t, state), Math.max(1, state.attempts));
  }
}
