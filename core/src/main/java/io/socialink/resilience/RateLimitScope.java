package io.socialink.resilience;

/** Whom a platform counts a rate limit against. */
public enum RateLimitScope {
  /** One budget per application credential (client id). */
  PER_APP,
  /** One budget per user account, for each application. */
  PER_USER
}
