package io.socialink.internal.pipeline;

import io.socialink.error.SocialinkException;
import io.socialink.http.ApiResponse;
import io.socialink.http.Interceptor;

/**
 * A user's {@link Interceptor}, once per logical call, outside retry. Whatever it throws reaches the
 * caller as a redacted library exception.
 */
final class InterceptorStage extends Stage {
  private final String platformId;
  private final Interceptor interceptor;

  InterceptorStage(String platformId, Interceptor interceptor) {
    this.platformId = platformId;
    this.interceptor = interceptor;
  }

  @Override
  public String name() {
    return "interceptor " + interceptor.getClass().getName();
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    try {
      return interceptor.intercept(chain);
    } catch (SocialinkException e) {
      throw Failures.scrub(e, chain.state());
    } catch (RuntimeException e) {
      throw Failures.unexpected(platformId, chain.call(), "interceptor " + interceptor.getClass().getName(), e,
          chain.state(), "A Socialink interceptor threw instead of returning a response; fix the interceptor "
              + interceptor.getClass().getName() + ".");
    }
  }
}
