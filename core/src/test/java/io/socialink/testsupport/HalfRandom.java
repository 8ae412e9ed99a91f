package io.socialink.testsupport;

import java.util.random.RandomGenerator;

/** A "random" source that always picks the middle of a range, so jittered delays are exact. */
public final class HalfRandom implements RandomGenerator {
  @Override
  public long nextLong() {
    return 0;
  }

  @Override
  public long nextLong(long bound) {
    return bound / 2;
  }
}
