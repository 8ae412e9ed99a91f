package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.FakeProvider;
import io.socialink.Grant;
import io.socialink.PlatformRegistry;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.spi.Sleeper;
import io.socialink.internal.runtime.ClientKey;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.spi.PlatformProvider;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** A runtime over fake providers, for testing one service without the façade. */
final class Fixture {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final Stores stores = Stores.inMemory();
  final FakeProvider fake = new FakeProvider("fake");
  private final Map<ClientKey, AppCredentials> credentials = new LinkedHashMap<>();
  private final PlatformRegistry.Builder registry = PlatformRegistry.builder().register(fake);
  private Optional<String> applicationName = Optional.empty();

  Fixture() {
    credentials(AppCredentials.publicClient("fake", "oauth2", "client-1", URI.create("https://app.example/callback")));
  }

  Fixture register(PlatformProvider provider) {
    registry.register(provider);
    return this;
  }

  Fixture credentials(AppCredentials creds) {
    credentials.put(new ClientKey(creds.platformId(), creds.schemeId()), creds);
    return this;
  }

  Fixture applicationName(String name) {
    applicationName = Optional.of(name);
    return this;
  }

  SocialinkRuntime runtime() {
    return new SocialinkRuntime(registry.build(), credentials, stores, clock, new Random(3),
        new SocialinkRuntime.Settings(Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(2),
            applicationName),
        request -> {
          throw new IOException("no network in this test");
        },
        PipelineConfig.defaults(clock), RateLimitSettings.ofDefaults(), Sleeper.system());
  }

  /** Stores a grant of the fake platform for alice, expiring in an hour. */
  Grant grant(String id) {
    return stores.grants().save(new Grant(id, "alice", Account.of("fake", "u-1"), "oauth2", "client-1",
        Secret.of("access-" + id), Optional.of(Secret.of("refresh-" + id)), Set.of("read"), "bearer", T0,
        Optional.of(T0.plus(Duration.ofHours(1))), Optional.empty(), 0));
  }
}
