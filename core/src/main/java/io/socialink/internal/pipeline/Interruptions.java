package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.internal.resilience.AttemptFailure;

/** The failure of a call whose thread was interrupted while it waited or sent. */
final class Interruptions {
  private final String platformId;

  Interruptions(String platformId) {
    this.platformId = platformId;
  }

  SocialinkException of(ApiCall call, InterruptedException e) {
    return SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, platformId, 0,
        "interrupted while calling " + call.request()), e, 1);
  }

  AttemptFailure attempt(ApiCall call, InterruptedException e) {
    return new AttemptFailure(of(call, e), false, AttemptFailure.BreakerVerdict.NOT_COUNTED);
  }
}
