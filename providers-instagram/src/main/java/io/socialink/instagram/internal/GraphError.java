package io.socialink.instagram.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One error answer from Meta, in either of the two shapes Instagram uses:
 *
 * <ul>
 *   <li>{@link Shape#GRAPH}: the Graph API envelope {@code {"error":{"message", "type", "code",
 *       "error_subcode", "error_user_title", "error_user_msg", "is_transient", "fbtrace_id"}}};</li>
 *   <li>{@link Shape#TOKEN_ENDPOINT}: the flat {@code {"error_type", "code", "error_message"}} of
 *       {@code api.instagram.com/oauth/access_token}, whose {@code code} only repeats the HTTP status (the
 *       legacy Instagram API sent the same members inside {@code "meta"}).</li>
 * </ul>
 *
 * Text members are kept as Meta sent them; callers make them safe before showing them. Immutable.
 *
 * @param shape which envelope the error came in
 * @param code the error code
 * @param subcode the error subcode
 * @param type the error type ({@code OAuthException}, {@code IGApiException}, ...)
 * @param message the developer message
 * @param userTitle the title Meta wrote for a person
 * @param userMessage the message Meta wrote for a person
 * @param traceId the {@code fbtrace_id}
 * @param transientFlag the {@code is_transient} flag, when sent
 */
record GraphError(
    Shape shape,
    OptionalLong code,
    OptionalLong subcode,
    Optional<String> type,
    Optional<String> message,
    Optional<String> userTitle,
    Optional<String> userMessage,
    Optional<String> traceId,
    Optional<Boolean> transientFlag) {

  /** The envelope of an error answer. */
  enum Shape {
    /** {@code {"error":{...}}} from {@code graph.instagram.com} and {@code graph.facebook.com}. */
    GRAPH,
    /** {@code {"error_type", "code", "error_message"}} from {@code api.instagram.com}. */
    TOKEN_ENDPOINT
  }

  /**
   * Finds an error in a decoded body.
   *
   * @param root the body's JSON object
   * @return the error, or empty when the body is not an error answer
   */
  static Optional<GraphError> of(JsonNode root) {
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      return Optional.of(new GraphError(Shape.GRAPH,
          GraphJson.integer(error, "code"),
          GraphJson.integer(error, "error_subcode"),
          GraphJson.text(error, "type"),
          GraphJson.text(error, "message"),
          GraphJson.text(error, "error_user_title"),
          GraphJson.text(error, "error_user_msg"),
          GraphJson.text(error, "fbtrace_id"),
          GraphJson.bool(error, "is_transient")));
    }
    JsonNode meta = root.get("meta");
    if (meta != null && meta.isObject() && (meta.has("error_type") || meta.has("error_message"))) {
      return of(meta); // the legacy Instagram API wrapped the flat error in "meta"
    }
    Optional<String> type = GraphJson.text(root, "error_type");
    Optional<String> message = GraphJson.text(root, "error_message");
    if ((type.isPresent() || message.isPresent()) && !root.has("access_token")) {
      return Optional.of(new GraphError(Shape.TOKEN_ENDPOINT, GraphJson.integer(root, "code"), OptionalLong.empty(),
          type, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * The code as the platform code: {@code 190/463} with a subcode, {@code 190} without, the number of a
   * legacy message's {@code (#n)} prefix when the answer has no code; for the token
   * endpoint, whose numeric code is only the HTTP status, the {@code error_type}.
   *
   * @return the platform code, or empty when the answer carried none
   */
  Optional<String> platformCode() {
    if (shape == Shape.TOKEN_ENDPOINT) {
      return type;
    }
    OptionalLong effective = GraphErrors.effectiveCode(this);
    if (effective.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(effective.getAsLong() + (subcode.isPresent() ? "/" + subcode.getAsLong() : ""));
  }

  /**
   * The subcode, or 0 when none was sent (Meta sends no subcode 0).
   *
   * @return the subcode or 0
   */
  long subcodeOrZero() {
    return subcode.orElse(0);
  }
}
