package io.socialink.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SocialinkExceptionTest {
  @ParameterizedTest
  @EnumSource(ErrorCategory.class)
  void eachCategoryMapsToItsExceptionType(ErrorCategory category) {
    SocialinkException e = SocialinkException.of(Classification.of(category, "x", 0, "m"), null, 1);
    Class<? extends SocialinkException> expected;
    switch (category) {
      case AUTH_EXPIRED, AUTH_REVOKED, INSUFFICIENT_SCOPE -> expected = AuthorizationException.class;
      case PERMISSION_DENIED, ACCOUNT_RESTRICTED -> expected = PermissionException.class;
      case RATE_LIMITED, QUOTA_EXHAUSTED -> expected = RateLimitedException.class;
      case TRANSIENT -> expected = TransientException.class;
      case INVALID_REQUEST, DUPLICATE -> expected = InvalidRequestException.class;
      case NOT_FOUND -> expected = NotFoundException.class;
      case CONFLICT -> expected = ConflictException.class;
      case CONFIGURATION -> expected = ConfigurationException.class;
      default -> expected = UncategorizedException.class;
    }
    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.retryable()).isEqualTo(category.retryable());
    assertThat(e.category()).isEqualTo(category);
  }

  @Test
  void messageCarriesPlatformCodeRequestIdRetryTimeAndHint() {
    Classification c = Classification.of(ErrorCategory.RATE_LIMITED, "x", 429, "Too Many Requests")
        .withPlatformCode("88").withRequestId("abc").withRetryAt(Instant.parse("2026-01-01T00:15:00Z"));
    SocialinkException e = c.toException().withAttempts(3);
    assertThat(e.getMessage()).contains("Too Many Requests").contains("platform=x").contains("status=429")
        .contains("code=88").contains("requestId=abc").contains("retryAt=2026-01-01T00:15:00Z").contains("attempts=3")
        .contains("wait until");
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.platform()).isEqualTo("x");
    assertThat(e.platformCode()).contains("88");
    assertThat(e.httpStatus()).isEqualTo(429);
  }

  @ParameterizedTest
  @EnumSource(ErrorCategory.class)
  void aSerializedExceptionStillAnswersItsClassification(ErrorCategory category) throws Exception {
    Classification c = Classification.of(category, "x", 429, "Too Many Requests").withPlatformCode("88")
        .withRequestId("abc").withRetryAt(Instant.parse("2026-01-01T00:15:00Z")).withRemediation("wait");
    SocialinkException original = SocialinkException.of(c, new java.io.IOException("reset"), 2);

    SocialinkException copy = roundTrip(original);

    assertThat(copy).isExactlyInstanceOf(original.getClass());
    assertThat(copy.classification()).isEqualTo(c);
    assertThat(copy.category()).isEqualTo(category);
    assertThat(copy.platform()).isEqualTo("x");
    assertThat(copy.httpStatus()).isEqualTo(429);
    assertThat(copy.attempts()).isEqualTo(2);
    assertThat(copy.retryAt()).contains(Instant.parse("2026-01-01T00:15:00Z"));
    assertThat(copy.getMessage()).isEqualTo(original.getMessage());
    assertThat(copy.getCause()).hasMessage("reset");
  }

  @Test
  void aSerializedExceptionWithoutOptionalPartsRoundTrips() throws Exception {
    SocialinkException copy = roundTrip(Classification.of(ErrorCategory.UNKNOWN, "", 0, "m").toException());
    assertThat(copy.platformCode()).isEmpty();
    assertThat(copy.requestId()).isEmpty();
    assertThat(copy.retryAt()).isEmpty();
    assertThat(copy.httpStatus()).isZero();
  }

  @Test
  void storeConflictsAndMalformedPayloadsAreSocialinkExceptionsWithACategory() throws Exception {
    SocialinkException conflict = new io.socialink.store.VersionConflictException("grant", "g-1", 2, 3);
    assertThat(conflict).isInstanceOf(ConflictException.class);
    assertThat(conflict.category()).isEqualTo(ErrorCategory.CONFLICT);
    assertThat(conflict.retryable()).isFalse();
    assertThat(conflict.getMessage()).contains("grant g-1").contains("expected to replace version 2")
        .contains("version 3 is stored");
    assertThat(roundTrip(conflict).category()).isEqualTo(ErrorCategory.CONFLICT);

    SocialinkException malformed = new io.socialink.http.MalformedPayloadException("x", "no id at $.data");
    assertThat(malformed).isInstanceOf(UncategorizedException.class);
    assertThat(malformed.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(malformed.platform()).isEqualTo("x");
    assertThat(malformed.getMessage()).startsWith("no id at $.data");
  }

  private static SocialinkException roundTrip(SocialinkException e) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (SocialinkException) in.readObject();
    }
  }

  @Test
  void authorizationCategoriesAreNotRetryable() {
    assertThat(ErrorCategory.AUTH_REVOKED.retryable()).isFalse();
    assertThat(ErrorCategory.AUTH_REVOKED.isAuthorization()).isTrue();
    assertThat(ErrorCategory.TRANSIENT.isAuthorization()).isFalse();
  }
}
