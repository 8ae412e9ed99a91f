package io.socialink.fuzz;

import io.socialink.PlatformRegistry;
import io.socialink.Socialink;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Socialinks made only to classify responses through the public path, at a fixed arrival time. */
public final class Classifiers {
  private Classifiers() {}

  /**
   * A Socialink over a registry whose clock stands at {@code at}, with a transport that sends nothing.
   *
   * @param registry the providers
   * @param at the arrival time of every classified response
   * @return the Socialink; use {@code platforms().classify(...)}
   */
  public static Socialink at(PlatformRegistry registry, Instant at) {
    return Socialink.builder().registry(registry).clock(Clock.fixed(at, ZoneOffset.UTC))
        .transport(request -> {
          throw new IOException("classification only");
        })
        .build();
  }
}
