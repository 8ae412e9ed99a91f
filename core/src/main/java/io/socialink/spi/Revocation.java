package io.socialink.spi;

/** What a revocation at a platform achieved. */
public enum Revocation {
  /** The platform revoked the grant now. */
  REVOKED,
  /** The grant was already dead (revoked by the user, expired, or revoked earlier). */
  ALREADY_REVOKED
}
