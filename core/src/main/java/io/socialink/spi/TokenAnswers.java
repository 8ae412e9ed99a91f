package io.socialink.spi;

import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiResponse;
import io.socialink.http.MalformedPayloadException;
import io.socialink.http.Redaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link StandardOAuth2} reads a platform's token endpoint answers, tolerantly: {@code expires_in}
 * and {@code refresh_expires_in} as numbers or numeric strings, {@code refresh_token} optional, the
 * scopes separated by spaces or commas (or a JSON array), the account id from the member the provider
 * names, as a string or an exact integer, and Meta's {@code {"data":[{...}]}} wrapping. An OAuth error
 * in a body (RFC 6749 {@code error}, with HTTP 200 on some platforms) is classified; a missing or
 * malformed member is {@code UNKNOWN}. No message holds a secret the request carried or the client
 * holds, nor quotes a body. Immutable and thread-safe.
 */
final class TokenAnswers {
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d+)?");
  private static final int MAX_DESCRIPTION = 200;
  private static final Map<String, ErrorCategory> OAUTH_ERRORS = Map.ofEntries(
      Map.entry("invalid_grant", ErrorCategory.AUTH_REVOKED),
      Map.entry("invalid_token", ErrorCategory.AUTH_REVOKED),
      Map.entry("access_denied", ErrorCategory.AUTH_REVOKED),
      Map.entry("invalid_client", ErrorCategory.CONFIGURATION),
      Map.entry("unauthorized_client", ErrorCategory.CONFIGURATION),
      Map.entry("invalid_scope", ErrorCategory.CONFIGURATION),
      Map.entry("invalid_request", ErrorCategory.INVALID_REQUEST),
      Map.entry("unsupported_grant_type", ErrorCategory.INVALID_REQUEST),
      Map.entry("unsupported_response_type", ErrorCategory.INVALID_REQUEST),
      Map.entry("unsupported_token_type", ErrorCategory.INVALID_REQUEST),
      Map.entry("server_error", ErrorCategory.TRANSIENT),
      Map.entry("temporarily_unavailable", ErrorCategory.TRANSIENT));

  private final ProviderContext context;
  private final Optional<String> accountIdField;
  private final String scopeField;

  TokenAnswers(ProviderContext context, Optional<String> accountIdField, String scopeField) {
    this.context = context;
    this.accountIdField = accountIdField;
    this.scopeField = scopeField;
  }

  /**
   * Reads a JSON object from a response.
   *
   * @param response the response
   * @param what what the answer was, for the message
   * @return the object's members
   * @throws SocialinkException {@code UNKNOWN} when the body is not a JSON object
   */
  Map<String, Object> readObject(ApiResponse response, String what) {
    Objects.requireNonNull(what, "what");
    return tryObject(response.body()).orElseThrow(() -> unexpected(response.status(),
        platformName() + " answered " + what + " with a body that is not a JSON object"));
  }

  /**
   * Reads a token endpoint's answer.
   *
   * @param response the answer
   * @param operation what the call was doing, for an OAuth error's classification
   * @param sent the secrets the request carried, kept out of every message
   * @return the tokens
   * @throws SocialinkException the classified OAuth error when the body holds one, else {@code UNKNOWN}
   */
  TokenResponse readTokens(ApiResponse response, Operation operation, List<Secret> sent) {
    Objects.requireNonNull(response, "response");
    Map<String, Object> outer = readObject(response, "the token request");
    Map<String, Object> m = text(outer, "access_token").isPresent() ? outer : unwrapData(outer).orElse(outer);
    Optional<String> access = text(m, "access_token");
    if (access.isEmpty()) {
      Optional<String> error = text(m, "error");
      if (error.isPresent()) {
        throw oauthError(response, operation, m, error.get(), sent);
      }
      throw unexpected(response.status(), platformName() + "'s token response has no access_token");
    }
    Optional<Duration> expiresIn = seconds(m, "expires_in", response.status());
    Optional<Duration> refreshExpiresIn = seconds(m, "refresh_expires_in", response.status());
    Optional<Set<String>> scopes = scopes(m, response.status());
    Optional<String> accountId = accountIdField.flatMap(field -> accountId(m, field, response.status()));
    String tokenType = text(m, "token_type").orElse("bearer");
    return new TokenResponse(Secret.of(access.get()), text(m, "refresh_token").map(Secret::of), expiresIn,
        refreshExpiresIn, scopes, tokenType, accountId);
  }

  /**
   * The OAuth error a response's body holds, if it is a JSON object with an {@code error} member.
   *
   * @param response the answer
   * @param operation what the call was doing
   * @param sent the secrets the request carried
   * @return the classified error, or empty
   */
  Optional<SocialinkException> oauthError(ApiResponse response, Operation operation, List<Secret> sent) {
    Optional<Map<String, Object>> body = tryObject(response.body());
    Optional<String> error = body.flatMap(m -> text(m, "error"));
    return error.map(e -> oauthError(response, operation, body.get(), e, sent));
  }

  private SocialinkException oauthError(ApiResponse response, Operation operation, Map<String, Object> body,
      String error, List<Secret> sent) {
    ErrorCategory category = OAUTH_ERRORS.getOrDefault(error, ErrorCategory.UNKNOWN);
    String description = text(body, "error_description").map(d -> scrub(d, sent)).orElse("");
    String code = error.length() <= 64 ? scrub(error, sent) : scrub(error.substring(0, 64), sent);
    Classification c = Classification.of(category, platformId(), response.status(),
        platformName() + " refused the OAuth request: " + code + (description.isEmpty() ? "" : " (" + description + ")"))
        .withPlatformCode(code);
    Optional<String> requestId = text(body, "log_id").or(() -> text(body, "request_id"));
    if (requestId.isPresent()) {
      c = c.withRequestId(requestId.get());
    }
    return SocialinkException.of(DefaultErrorClassifier.forOperation(operation, c), null, 1);
  }

  /** The platform's free text without the secrets this client sent or holds, shortened and on one line. */
  private String scrub(String text, List<Secret> sent) {
    List<Secret> secrets = new ArrayList<>(sent);
    credentials().clientSecret().ifPresent(secrets::add);
    secrets.addAll(credentials().secrets().values());
    String out = text;
    for (Secret s : secrets) {
      out = out.replace(s.reveal(), Secret.MASK);
    }
    out = Redaction.text(out).replaceAll("\\p{Cntrl}", " ");
    return out.length() <= MAX_DESCRIPTION ? out : out.substring(0, MAX_DESCRIPTION) + "…";
  }

  private Optional<Duration> seconds(Map<String, Object> m, String field, int status) {
    Object v = m.get(field);
    if (v == null) {
      return Optional.empty();
    }
    BigDecimal d;
    if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
      d = new BigDecimal(n.toString());
    } else if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      d = Double.isFinite(x) ? BigDecimal.valueOf(x) : BigDecimal.valueOf(-1);
    } else if (v instanceof String s && DECIMAL.matcher(s.strip()).matches()) {
      d = new BigDecimal(s.strip());
    } else {
      throw unexpected(status, platformName() + "'s token response has a member '" + field
          + "' that is neither a number nor a numeric string");
    }
    if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
      throw unexpected(status, platformName() + "'s token response has a member '" + field + "' out of range");
    }
    return Optional.of(Duration.ofSeconds(d.longValue()));
  }

  private Optional<Set<String>> scopes(Map<String, Object> m, int status) {
    Object v = m.get(scopeField);
    try {
      if (v instanceof String s) {
        return Optional.of(Scopes.parse(s));
      }
      if (v instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance)) {
        return Optional.of(Scopes.check(list.stream().map(String.class::cast).toList(), scopeField));
      }
    } catch (IllegalArgumentException e) {
      throw unexpected(status, platformName() + "'s token response has a malformed scope in member '" + scopeField + "'");
    }
    if (v != null) {
      throw unexpected(status, platformName() + "'s token response has a member '" + scopeField
          + "' that is neither a string nor a list of strings");
    }
    return Optional.empty();
  }

  private Optional<String> accountId(Map<String, Object> m, String field, int status) {
    Object v = m.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short) {
      return Optional.of(v.toString()); // exact: ids beyond 2^53 (Instagram's) never pass through a double
    }
    throw unexpected(status, platformName() + "'s token response has a member '" + field
        + "' that is neither a string nor an integer");
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> unwrapData(Map<String, Object> m) {
    Object data = m.get("data");
    if (data instanceof List<?> list && list.size() == 1) {
      data = list.get(0);
    }
    if (data instanceof Map<?, ?> inner && inner.get("access_token") instanceof String) {
      return Optional.of((Map<String, Object>) inner);
    }
    return Optional.empty();
  }

  private Optional<Map<String, Object>> tryObject(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(context.json().readObject(body));
    } catch (MalformedPayloadException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> text(Map<String, Object> m, String field) {
    return Optional.ofNullable(m.get(field)).filter(String.class::isInstance).map(String.class::cast)
        .filter(s -> !s.isBlank());
  }

  private SocialinkException unexpected(int status, String message) {
    return SocialinkException.of(Classification.of(ErrorCategory.UNKNOWN, platformId(), status, message)
        .withRemediation("The platform's answer did not have the documented shape; check the provider's endpoints,"
            + " and report it to the provider's authors if they are right."), null, 1);
  }

  private AppCredentials credentials() {
    return context.credentials();
  }

  private String platformId() {
    return context.platform().id();
  }

  private String platformName() {
    return context.platform().displayName();
  }
}
