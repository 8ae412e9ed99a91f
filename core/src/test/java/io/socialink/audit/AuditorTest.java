package io.socialink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditorTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  final MutableClock clock = new MutableClock(T0.minus(Duration.ofDays(100)));
  final Stores stores = Stores.inMemory();

  Grant grant(String id, Account account, Optional<String> refresh, Set<String> scopes, Instant issued,
      Optional<Instant> expires, Optional<Instant> refreshExpires) {
    return stores.grants().save(new Grant(id, "alice", account, "oauth2", "client-1", Secret.of("AT-" + id + "-canary"),
        refresh.map(Secret::of), scopes, "bearer", issued, expires, refreshExpires, 0));
  }

  void link(String id, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds, LinkState state) {
    Link l = stores.links().save(Link.create(id, "alice", kind, from, to, grantIds, clock));
    if (state != LinkState.ACTIVE) {
      stores.links().save(l.withState(state, clock));
    }
  }

  /** A healthy X link; an Instagram token near its end; a broken TikTok link; a profile link; an unused orphan grant. */
  AuditReport audit() {
    Account x = Account.of("x", "u-1", "ada", "Ada");
    Account ig = Account.of("instagram", "ig-1");
    Account tt = Account.of("tiktok", "open-1");
    grant("g-x", x, Optional.of("RT-x-canary"), Set.of("tweet.read", "users.read", "offline.access"), T0.minusSeconds(60),
        Optional.of(T0.plus(Duration.ofMinutes(30))), Optional.empty());
    grant("g-ig", ig, Optional.of("AT-g-ig-canary"), Set.of("instagram_business_basic"), T0.minus(Duration.ofDays(50)),
        Optional.of(T0.plus(Duration.ofDays(10))), Optional.of(T0.plus(Duration.ofDays(10))));
    grant("g-tt", tt, Optional.empty(), Set.of("user.info.basic", "video.list"), T0.minus(Duration.ofHours(30)),
        Optional.of(T0.minus(Duration.ofHours(6))), Optional.empty());
    grant("g-old", x, Optional.empty(), Set.of("tweet.read"), T0.minus(Duration.ofDays(95)), Optional.empty(),
        Optional.empty());
    stores.grants().recordUse("alice", "g-ig", T0.minus(Duration.ofDays(1)));
    stores.grants().recordUse("alice", "g-old", T0.minus(Duration.ofDays(91)));
    link("l-1", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Pebble"), LinkEnd.account(x), List.of("g-x"),
        LinkState.ACTIVE);
    link("l-2", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Pebble"), LinkEnd.account(ig), List.of("g-ig"),
        LinkState.ACTIVE);
    link("l-3", LinkKind.APP_AUTHORIZATION, LinkEnd.application("Pebble"), LinkEnd.account(tt), List.of("g-tt"),
        LinkState.BROKEN);
    link("l-4", LinkKind.PROFILE_LINK, LinkEnd.account(tt), LinkEnd.account(ig), List.of(), LinkState.ACTIVE);
    clock.advance(Duration.ofDays(100));
    AuditSettings settings = AuditSettings.ofDefaults()
        .withDeclaredScopes("x", Set.of("tweet.read", "users.read", "offline.access"))
        .withDeclaredScopes("tiktok", Set.of("user.info.basic"));
    return Auditor.of(stores, clock, settings).audit("alice");
  }

  AuditEntry entry(AuditReport report, String grantOrLink) {
    return report.entries().stream()
        .filter(e -> e.grantId().map(grantOrLink::equals).orElse(false) || e.linkId().map(grantOrLink::equals).orElse(false))
        .findFirst().orElseThrow();
  }

  @Test
  void everyLinkAndGrantIsListedWithItsFlags() {
    AuditReport report = audit();

    assertThat(report.at()).isEqualTo(T0);
    assertThat(report.entries()).extracting(e -> e.linkId().orElse("-") + "/" + e.grantId().orElse("-"))
        .containsExactly("l-1/g-x", "l-2/g-ig", "l-3/g-tt", "l-4/-", "-/g-old");
    assertThat(entry(report, "g-x").flags()).as("refreshable, in use, as declared").isEmpty();
    assertThat(entry(report, "g-ig").flags()).containsExactly(AuditFlag.REFRESH_TOKEN_ENDING);
    assertThat(entry(report, "g-tt").flags()).containsExactly(AuditFlag.EXPIRING_SOON,
        AuditFlag.SCOPES_BROADER_THAN_DECLARED, AuditFlag.BROKEN);
    assertThat(entry(report, "g-tt").undeclaredScopes()).containsExactly("video.list");
    assertThat(entry(report, "g-old").flags()).containsExactly(AuditFlag.UNUSED);
    assertThat(entry(report, "g-old").lastUse()).contains(T0.minus(Duration.ofDays(91)));
    assertThat(entry(report, "l-4").flags()).isEmpty();
    assertThat(entry(report, "l-4").account()).isEqualTo("instagram:ig-1");
    assertThat(entry(report, "g-x").account()).isEqualTo("x:u-1");
    assertThat(report.flagged()).hasSize(3);
    assertThat(Auditor.of(stores, clock, AuditSettings.ofDefaults()).audit("bob").entries()).isEmpty();
  }

  @Test
  void theTextShowsEachEntryOnALineWithoutTokens() {
    String text = audit().toText();

    assertThat(text.lines()).hasSize(6);
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("Audit of owner alice at 2026-11-30T10:00:00Z: 5 entries, 3 flagged");
    assertThat(text).contains("link l-3 APP_AUTHORIZATION BROKEN | tiktok:open-1 | grant g-tt | scopes user.info.basic"
        + " video.list (undeclared: video.list) | issued 2026-11-29T04:00:00Z | expires 2026-11-30T04:00:00Z"
        + " | refresh until unknown | last use none recorded | flags EXPIRING_SOON, SCOPES_BROADER_THAN_DECLARED, BROKEN");
    assertThat(text).contains("grant without link | x:u-1 | grant g-old").contains("flags UNUSED");
    assertThat(text).doesNotContain("canary");
  }

  @Test
  void theJsonCarriesEveryField() throws Exception {
    String json = audit().toJson();
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(root.get("ownerId").asText()).isEqualTo("alice");
    assertThat(root.get("flagged").asInt()).isEqualTo(3);
    assertThat(root.get("entries")).hasSize(5);
    JsonNode tt = root.get("entries").get(2);
    assertThat(tt.get("linkId").asText()).isEqualTo("l-3");
    assertThat(tt.get("kind").asText()).isEqualTo("APP_AUTHORIZATION");
    assertThat(tt.get("state").asText()).isEqualTo("BROKEN");
    assertThat(tt.get("platformId").asText()).isEqualTo("tiktok");
    assertThat(tt.get("expiresAt").asText()).isEqualTo("2026-11-30T04:00:00Z");
    assertThat(tt.get("refreshExpiresAt").isNull()).isTrue();
    assertThat(tt.get("lastUse").isNull()).isTrue();
    assertThat(tt.get("flags")).extracting(JsonNode::asText)
        .containsExactly("EXPIRING_SOON", "SCOPES_BROADER_THAN_DECLARED", "BROKEN");
    assertThat(root.get("entries").get(4).get("linkId").isNull()).isTrue();
    assertThat(json).doesNotContain("canary");
  }

  @Test
  void jsonEscapesWhatItQuotes() throws Exception {
    Account odd = Account.of("x", "u\"1\\\n");
    grant("g\"", odd, Optional.empty(), Set.of(), T0, Optional.empty(), Optional.empty());
    clock.advance(Duration.ofDays(100));

    JsonNode root = new ObjectMapper().readTree(Auditor.of(stores, clock, AuditSettings.ofDefaults()).audit("alice").toJson());

    assertThat(root.get("entries").get(0).get("account").asText()).isEqualTo("x:u\"1\\\n");
    assertThat(root.get("entries").get(0).get("grantId").asText()).isEqualTo("g\"");
  }
}
