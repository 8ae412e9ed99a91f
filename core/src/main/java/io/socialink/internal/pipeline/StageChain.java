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
 *
 * <p>One instance serves a whole call: {@link #proceed} moves its position one stage in for the
 * duration of the inner stage and back out after, so a call allocates one chain, not one per stage.
 * Used by the thread running the call; stages and interceptors call {@code proceed} on that thread,
 * before they return.
 */
final class StageChain implements Interceptor.Chain {
  /** Stages beyond this many do not fit the chain's record of who proceeded. */
  static final int MAX_STAGES = 63;

  private final Stage[] stages;
  private final CallState state;
  private int index;
  private ApiCall call;
  /** Bit i: the stage at index i passed the call on during its current run. */
  private long proceeded;

  StageChain(Stage[] stages, ApiCall call, CallState state) {
    this.stages = stages;
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
   * Runs the first stage: the start of a call.
   *
   * @return the response
   */
  ApiResponse run() {
    return runStage(0);
  }

  @Override
  public ApiResponse proceed(ApiCall next) {
    Objects.requireNonNull(next, "call");
    int at = index;
    Stage stage = stages[at];
    if (at + 1 >= stages.length) {
      throw new IllegalStateException("the " + stage.name() + " stage is the last one; it has nothing to proceed to");
    }
    long bit = 1L << at;
    if ((proceeded & bit) != 0 && !stage.repeats()) {
      throw new IllegalStateException("the " + stage.name() + " stage called proceed more than once; "
          + "a stage passes each call on exactly once");
    }
    proceeded |= bit;
    ApiCall current = call;
    if (next != current) {
      if (!next.platformId().equals(current.platformId())) {
        throw new IllegalStateException("the " + stage.name() + " stage passed on a call for platform '"
            + next.platformId() + "' in place of one for '" + current.platformId() + "'");
      }
      state.sending(next.request());
    }
    call = next;
    try {
      return runStage(at + 1);
    } finally {
      index = at;
      call = current;
    }
  }

  private ApiResponse runStage(int at) {
    index = at;
    proceeded &= ~(1L << at);
    Stage stage = stages[at];
    ApiResponse response = stage.intercept(this);
    if (at + 1 < stages.length && (proceeded & (1L << at)) == 0) {
      throw new IllegalStateException("the " + stage.name() + " stage returned without calling proceed; "
          + "a stage passes each call on exactly once");
    }
    if (response == null) {
      throw new IllegalStateException("the " + stage.name() + " stage returned no response");
    }
    return response;
  }
}
