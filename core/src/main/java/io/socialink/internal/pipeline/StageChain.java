package io.socialink.internal.pipeline;

import io.socialink.http.ApiCall;
import io.socialink.http.ApiResponse;
import io.socialink.http.Interceptor;
import java.util.Objects;

/**
 * The rest of the pipeline as one stage sees it. Checks the chain's rule: every stage passes the call
 * on exactly once (the retry stage may repeat it, one attempt after the other), and the last stage,
 * the transport, passes it on to no one. A broken rule fails the call with an
 * {@link IllegalStateException} naming the stage.
 */
final class StageChain implements Interceptor.Chain {
  private final Stage[] stages;
  private final int index;
  private final ApiCall call;
  private final CallState state;
  private int proceeded;

  StageChain(Stage[] stages, int index, ApiCall call, CallState state) {
    this.stages = stages;
    this.index = index;
    this.call = call;
    this.state = state;
  }

  @Override
  public ApiCall call() {
    return call;
  }

  @Override
  public String redact(String text) {
    return state.scrub(Objects.requireNonNull(text, "text"));
  }

  CallState state() {
    return state;
  }

  /**
   * Runs this chain's own stage: the start of a call.
   *
   * @return the response
   */
  ApiResponse run() {
    ApiResponse response = stages[index].intercept(this);
    checkProceeded();
    return response;
  }

  @Override
  public ApiResponse proceed(ApiCall next) {
    Objects.requireNonNull(next, "call");
    Stage stage = stages[index];
    if (index + 1 >= stages.length) {
      throw new IllegalStateException("the " + stage.name() + " stage is the last one; it has nothing to proceed to");
    }
    if (++proceeded > 1 && !stage.repeats()) {
      throw new IllegalStateException("the " + stage.name() + " stage called proceed more than once; "
          + "a stage passes each call on exactly once");
    }
    if (next != call) {
      if (!next.platformId().equals(call.platformId())) {
        throw new IllegalStateException("the " + stage.name() + " stage passed on a call for platform '"
            + next.platformId() + "' in place of one for '" + call.platformId() + "'");
      }
      state.sending(next.request());
    }
    StageChain rest = new StageChain(stages, index + 1, next, state);
    ApiResponse response = stages[index + 1].intercept(rest);
    rest.checkProceeded();
    return Objects.requireNonNull(response, () -> "the " + stages[index + 1].name() + " stage returned no response");
  }

  private void checkProceeded() {
    if (proceeded == 0 && index + 1 < stages.length) {
      throw new IllegalStateException("the " + stages[index].name() + " stage returned without calling proceed; "
          + "a stage passes each call on exactly once");
    }
  }
}
