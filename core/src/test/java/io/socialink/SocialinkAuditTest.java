package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.audit.AuditFlag;
import io.socialink.audit.AuditReport;
import io.socialink.audit.AuditSettings;
import io.socialink.auth.AppCredentials;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The façade audits its stores, declaring a platform's scheme default scopes unless told otherwise. */
class SocialinkAuditTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void undeclaredScopesAreThoseBeyondTheSchemesDefaultsUnlessTheSettingsSay() {
    MutableClock clock = new MutableClock(T0);
    Stores stores = Stores.inMemory();
    Socialink socialink = Socialink.builder().register(new FakeProvider("fake"))
        .credentials(AppCredentials.publicClient("fake", "oauth2", "client-1", URI.create("https://app.example/cb")))
        .stores(stores).clock(clock).build();
    stores.grants().save(new Grant("g-1", "alice", Account.of("fake", "42"), "oauth2", "client-1", Secret.of("t"),
        Optional.empty(), Set.of("read", "write"), "bearer", T0, Optional.of(T0.plus(Duration.ofDays(30))),
        Optional.empty(), 0));

    AuditReport report = socialink.audit("alice");
    assertThat(report.entries()).singleElement().satisfies(e -> {
      assertThat(e.undeclaredScopes()).containsExactly("write");
      assertThat(e.flags()).containsExactly(AuditFlag.SCOPES_BROADER_THAN_DECLARED);
    });
    assertThat(socialink.audit("alice", AuditSettings.ofDefaults().withDeclaredScopes("fake", Set.of("read", "write")))
        .flagged()).isEmpty();
  }
}
