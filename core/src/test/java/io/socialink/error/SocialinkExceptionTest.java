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
      case INVALID_REQUEST, NOT_FOUND, DUPLICATE -> expected = InvalidRequestException.class;
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

  @Test
  void authorizationCategoriesAreNotRetryable() {
    assertThat(ErrorCategory.AUTH_REVOKED.retryable()).isFalse();
    assertThat(ErrorCategory.AUTH_REVOKED.isAuthorization()).isTrue();
    assertThat(ErrorCategory.TRANSIENT.isAuthorization()).isFalse();
  }
}
