package io.socialink.http;

/** Whether repeating a call is safe, which decides whether the pipeline may retry it. */
public enum Idempotency {
  /** Repeating the call has the same effect as making it once (reads, revocations). Retried on retryable failures. */
  IDEMPOTENT,
  /**
   * A write the platform may process twice (posting, publishing). Retried only when the failure proves
   * the request was not processed: it was never sent, or the platform refused it before processing.
   */
  NON_IDEMPOTENT,
  /** A write carrying an idempotency key the platform honours, minted once per logical operation. Retried like a read. */
  IDEMPOTENT_WITH_KEY
}
