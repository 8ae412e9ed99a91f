package io.socialink.internal.pipeline;

import io.socialink.error.Classification;
import io.socialink.error.DefaultErrorClassifier;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.Idempotency;
import io.socialink.http.ResponseTooLargeException;
import io.socialink.http.Transport;
import io.socialink.internal.resilience.AttemptFailure;
import io.socialink.internal.resilience.AttemptFailure.BreakerVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The last stage: sends one request, no retrying of its own. Every failure of the transport, checked
 * or not, becomes an {@link AttemptFailure} carrying a library exception whose cause chain (and
 * suppressed throwables) is rebuilt with redacted messages when it held a secret.
 */
final class TransportStage extends Stage {
  private final String platformId;
  private final Transport transport;
  private final Interruptions interruptions;

  TransportStage(String platformId, Transport transport, Interruptions interruptions) {
    this.platformId = platformId;
    this.transport = transport;
    this.interruptions = interruptions;
  }

  @Override
  public String name() {
    return "transport";
  }

  @Override
  public ApiResponse intercept(StageChain chain) {
    ApiCall call = chain.call();
    try {
      return transport.send(call.request());
    } catch (IOException e) {
      throw ioFailure(chain, e, e);
    } catch (UncheckedIOException e) {
      throw ioFailure(chain, e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interruptions.attempt(call, e);
    } catch (RuntimeException e) {
      throw new AttemptFailure(Failures.unexpected(platformId, call, "the transport " + transport.getClass().getName(),
          e, chain.state(), "The HTTP transport threw instead of answering or failing with an IOException; check a "
              + "custom Transport, or report it with this message."), false, BreakerVerdict.FAILURE);
    }
  }

  private AttemptFailure ioFailure(StageChain chain, IOException e, Exception thrown) {
    ApiCall call = chain.call();
    Classification generic = DefaultErrorClassifier.classify(platformId, e);
    Classification c = generic.withMessage(generic.message() + " (" + call.request() + ")");
    boolean safe = call.idempotency() != Idempotency.NON_IDEMPOTENT || DefaultErrorClassifier.provesNotSent(e);
    SocialinkException failure = SocialinkException.of(c, Failures.cause(thrown, chain.state()), 1);
    // An answer over the size limit is the platform answering, not the platform failing.
    BreakerVerdict verdict = e instanceof ResponseTooLargeException ? BreakerVerdict.ANSWERED : BreakerVerdict.FAILURE;
    return new AttemptFailure(failure, safe && c.retryable(), verdict);
  }
}
