package com.example.pebble;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.http.ApiResponse;
import io.socialink.spi.ResponseInterpreter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Pebble's error payloads: {@code {"error":"invalid_token"}} means the grant is dead. */
final class PebbleInterpreter implements ResponseInterpreter {
  @Override
  public Optional<Classification> classify(ApiResponse response, Optional<Classification> generic) {
    if (generic.isEmpty()) {
      return generic;
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (body.contains("\"invalid_token\"") || body.contains("\"invalid_grant\"")) {
      return Optional.of(generic.get().withCategory(ErrorCategory.AUTH_REVOKED).withPlatformCode("invalid_token"));
    }
    return generic;
  }
}
