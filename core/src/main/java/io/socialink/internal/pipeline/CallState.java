package io.socialink.internal.pipeline;

import io.socialink.http.ApiCall;
import io.socialink.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the stages share about one logical call: how many attempts it made, and the secrets its
 * requests carry (derived only when a message needs scrubbing). Used by the thread running the call.
 */
final class CallState {
  int attempts;
  private final ApiRequest original;
  private @Nullable List<ApiRequest> replacements;
  private @Nullable CallSecrets secrets;

  CallState(ApiCall call) {
    this.original = call.request();
  }

  /** Notes a request a user interceptor sent in place of the call's own, so its secrets are scrubbed too. */
  void sending(ApiRequest request) {
    if (request == original) {
      return;
    }
    synchronized (this) {
      if (replacements == null) {
        replacements = new ArrayList<>(2);
      }
      if (!replacements.contains(request)) {
        replacements.add(request);
        secrets = null;
      }
    }
  }

  /**
   * The secrets of every request of the call.
   *
   * @return the secrets
   */
  synchronized CallSecrets secrets() {
    CallSecrets s = secrets;
    if (s == null) {
      List<ApiRequest> all = new ArrayList<>(2);
      all.add(original);
      if (replacements != null) {
        all.addAll(replacements);
      }
      s = CallSecrets.of(all);
      secrets = s;
    }
    return s;
  }

  /**
   * Text made safe for a log line or a message: pattern-based redaction, then the call's own secrets.
   *
   * @param text the text
   * @return the safe text
   */
  String scrub(String text) {
    return secrets().scrub(text);
  }
}
