package io.socialink.internal.pipeline;

import io.socialink.http.ApiResponse;

/**
 * One named step of the call pipeline. A stage gets the call through its {@link StageChain} and
 * passes it on with {@link StageChain#proceed}, exactly once unless it {@link #repeats()}; the chain
 * checks that. The order of the stages is written down in {@link CallPipeline} only.
 *
 * <p>An abstract class rather than an interface: the chain calls a different stage at the same place
 * for every step of every call, and a class's method is found in one table lookup where an
 * interface's is searched for.
 */
abstract class Stage {
  /**
   * The stage's name, for messages about a broken chain.
   *
   * @return the name
   */
  abstract String name();

  /**
   * Whether the stage may pass the call on more than once (the retry stage does, one after the other).
   *
   * @return true if repeating is its job
   */
  boolean repeats() {
    return false;
  }

  /**
   * Runs the stage.
   *
   * @param chain the rest of the pipeline
   * @return the response
   */
  abstract ApiResponse intercept(StageChain chain);
}
