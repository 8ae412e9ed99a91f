package io.socialink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  static Grant grant(Optional<Instant> expiresAt, Optional<Secret> refresh) {
    return new Grant("g1", "owner", Account.of("x", "42"), "oauth2", "client", Secret.of("at"), refresh,
        Set.of("tweet.read", "users.read"), "bearer", T0, expiresAt, Optional.empty(), 0);
  }

  @Test
  void platformIdsAreLowercaseAndValidated() {
    assertThat(Platform.of("x", "X", Set.of()).id()).isEqualTo("x");
    assertThatThrownBy(() -> Platform.of("TikTok", "TikTok", Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id").hasMessageContaining("TikTok");
    assertThatThrownBy(() -> Platform.of(" ", "X", Set.of())).hasMessageContaining("id");
    assertThatThrownBy(() -> Platform.of("x", " ", Set.of())).hasMessageContaining("displayName");
  }

  @Test
  void platformRejectsProceduresOfAnotherPlatform() {
    ManualProcedure p = new ManualProcedure("p", "tiktok", "t", List.of("a"), Optional.empty(), Optional.empty(), "w", "c");
    assertThatThrownBy(() -> new Platform("x", "X", Set.of(), List.of(p)))
        .hasMessageContaining("belongs to platform 'tiktok'");
  }

  @Test
  void accountEqualityIsItsBusinessKey() {
    Account a = Account.of("x", "42", "alice", "Alice");
    Account b = Account.of("x", "42");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Account.of("tiktok", "42"));
    assertThat(a.key()).isEqualTo("x:42");
    assertThatThrownBy(() -> Account.of("x", "")).hasMessageContaining("userId");
  }

  @Test
  void grantAnswersExpiryRefreshAndScopes() {
    Grant g = grant(Optional.of(T0.plus(Duration.ofHours(2))), Optional.of(Secret.of("rt")));
    assertThat(g.isExpired(CLOCK)).isFalse();
    assertThat(g.isExpired(Clock.offset(CLOCK, Duration.ofHours(2)))).isTrue();
    assertThat(g.needsRefresh(CLOCK, Duration.ofMinutes(5))).isFalse();
    assertThat(g.needsRefresh(Clock.offset(CLOCK, Duration.ofMinutes(116)), Duration.ofMinutes(5))).isTrue();
    assertThat(g.canRefresh(CLOCK)).isTrue();
    assertThat(g.covers(List.of("tweet.read"))).isTrue();
    assertThat(g.covers(List.of("tweet.write"))).isFalse();
    assertThat(g.missing(List.of("tweet.read", "tweet.write"))).containsExactly("tweet.write");
  }

  @Test
  void grantWithoutRefreshTokenCannotRefreshAndWithoutExpiryNeverExpires() {
    Grant g = grant(Optional.empty(), Optional.empty());
    assertThat(g.canRefresh(CLOCK)).isFalse();
    assertThat(g.isExpired(Clock.offset(CLOCK, Duration.ofDays(3650)))).isFalse();
  }

  @Test
  void grantRejectsBadInputNamingTheField() {
    assertThatThrownBy(() -> new Grant(" ", "o", Account.of("x", "1"), "oauth2", "c", Secret.of("a"), Optional.empty(),
        Set.of(), "bearer", T0, Optional.empty(), Optional.empty(), 0)).hasMessageContaining("id");
    assertThatThrownBy(() -> new Grant("g", "o", Account.of("x", "1"), "oauth2", "c", Secret.of("a"), Optional.empty(),
        Set.of(), "bearer", T0, Optional.of(T0.minusSeconds(1)), Optional.empty(), 0)).hasMessageContaining("expiresAt");
    assertThatThrownBy(() -> new Grant("g", "o", Account.of("x", "1"), "oauth2", "c", Secret.of("a"), Optional.empty(),
        Set.of("bad scope"), "bearer", T0, Optional.empty(), Optional.empty(), 0)).hasMessageContaining("scopes");
    assertThatThrownBy(() -> new Grant("g", "o", Account.of("x", "1"), "oauth2", "c", Secret.of("a"), Optional.empty(),
        Set.of(), "bearer", T0, Optional.empty(), Optional.empty(), -1)).hasMessageContaining("version");
    assertThatThrownBy(() -> grant(Optional.empty(), Optional.empty()).needsRefresh(CLOCK, Duration.ofSeconds(-1)))
        .hasMessageContaining("skew");
  }

  @Test
  void renewedGrantKeepsTheOldRefreshTokenOnlyWhenNoNewOneCame() {
    Grant g = grant(Optional.of(T0.plusSeconds(60)), Optional.of(Secret.of("rt-old")));
    Grant rotated = g.renewed(Secret.of("at2"), Optional.of(Secret.of("rt-new")), Set.of("tweet.read"), T0,
        Optional.of(T0.plusSeconds(7200)), Optional.empty());
    assertThat(rotated.refreshToken()).contains(Secret.of("rt-new"));
    assertThat(rotated.version()).isEqualTo(1);
    Grant kept = g.renewed(Secret.of("at2"), Optional.empty(), Set.of(), T0, Optional.empty(), Optional.empty());
    assertThat(kept.refreshToken()).contains(Secret.of("rt-old"));
  }

  @Test
  void grantToStringHidesTokens() {
    Grant g = grant(Optional.empty(), Optional.of(Secret.of("refresh-canary")));
    assertThat(g.toString()).doesNotContain("refresh-canary").doesNotContain("at,").contains("****");
  }

  @Test
  void linkValidatesKindsAndStateMoves() {
    Link link = Link.create("l1", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("x", "1")), List.of("g1"), CLOCK);
    assertThat(link.state()).isEqualTo(LinkState.ACTIVE);
    Link revoked = link.withState(LinkState.REVOKED, CLOCK);
    assertThat(revoked.version()).isEqualTo(1);
    Link unlinked = revoked.withState(LinkState.UNLINKED, CLOCK);
    assertThatThrownBy(() -> unlinked.withState(LinkState.ACTIVE, CLOCK)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Link.create("l2", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.account(Account.of("x", "1")),
        LinkEnd.account(Account.of("x", "2")), List.of("g1"), CLOCK)).hasMessageContaining("this application");
    assertThatThrownBy(() -> Link.create("l2", "owner", LinkKind.APP_AUTHORIZATION, LinkEnd.application("App"),
        LinkEnd.account(Account.of("x", "2")), List.of(), CLOCK)).hasMessageContaining("grant");
    assertThat(link.platformIds()).containsExactly("x");
  }

  @Test
  void businessAssetHolderEndIsValidated() {
    LinkEnd bc = new LinkEnd.BusinessAssetHolder("tiktok", "business-center", "7000", "Acme BC");
    assertThat(bc.platform()).contains("tiktok");
    assertThat(bc.describe()).contains("Acme BC");
    assertThatThrownBy(() -> new LinkEnd.BusinessAssetHolder("tiktok", "Business Center", "1", "n"))
        .hasMessageContaining("holderType");
  }

  @Test
  void manualProcedureNeedsAPath() {
    assertThatThrownBy(() -> new ManualProcedure("p", "x", "t", List.of(), Optional.empty(), Optional.empty(), "w", "c"))
        .hasMessageContaining("path");
    ManualProcedure p = new ManualProcedure("p", "x", "t", List.of("A", "B"), Optional.of(URI.create("https://x.com")),
        Optional.empty(), "w", "c");
    assertThat(p.pathText()).isEqualTo("A → B");
  }

  @org.junit.jupiter.api.Test
  void absurdTokenLifetimesAreTakenAsNotSaid() {
    io.socialink.auth.TokenResponse t = new io.socialink.auth.TokenResponse(Secret.of("a"), java.util.Optional.empty(),
        java.util.Optional.of(java.time.Duration.ofSeconds(Long.MAX_VALUE)),
        java.util.Optional.of(java.time.Duration.ofDays(3651)), java.util.Optional.empty(), "bearer",
        java.util.Optional.empty());
    org.assertj.core.api.Assertions.assertThat(t.expiresIn()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(t.refreshExpiresIn()).isEmpty();
    io.socialink.auth.TokenResponse sane = new io.socialink.auth.TokenResponse(Secret.of("a"), java.util.Optional.empty(),
        java.util.Optional.of(java.time.Duration.ofDays(60)), java.util.Optional.empty(), java.util.Optional.empty(),
        "bearer", java.util.Optional.empty());
    org.assertj.core.api.Assertions.assertThat(sane.expiresIn()).contains(java.time.Duration.ofDays(60));
  }
}
