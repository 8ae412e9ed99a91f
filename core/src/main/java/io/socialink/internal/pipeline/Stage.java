package io.socialink.internal.pipeline;

import io.socialink.http.ApiResponse;

/**
 * One named step of the call pipeline. A stage gets the call through its {@link StageChain} and
 * passes it on with {@link StageChain#proceed}, exactly once unless it {@link #repeats()}; the chain
 * checks that. The order of the stages is written down in {@link CallPipeline} only.
 */
interface Stage {
  /**
   * The stage's name, for messages about a broken chain.
   *
   * @return the name
   */
  String name();

  /**
   * Whether the stage may pass the call on more than once (the retry stage does, one after the other).
   *
   * @return true if repeating is its job
   */
  default boolean repeats() {
    return false;
  }

  /**
   * Runs the stage.
   *
   * @param chain the rest of the pipeline
   * @return the response
   */
  ApiResponse intercept(StageChain chain);
}
