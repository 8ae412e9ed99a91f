package io.socialink.audit;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkState;
import io.socialink.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Audits what the stores hold for an owner: every link with each of its grants, every link without a
 * grant and every grant no link uses, with flags for tokens expiring soon, refresh tokens near their
 * end, grants unused for long, scopes broader than declared, and broken links. Reads only; holds no
 * token in its results. Thread-safe.
 *
 * <pre>{@code
 * AuditReport report = Auditor.of(stores, clock, AuditSettings.ofDefaults()
 *     .withDeclaredScopes("x", Set.of("tweet.read", "users.read", "offline.access"))).audit("alice");
 * System.out.print(report.toText());
 * }</pre>
 */
public final class Auditor {
  private final Stores stores;
  private final Clock clock;
  private final AuditSettings settings;

  private Auditor(Stores stores, Clock clock, AuditSettings settings) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * An auditor over stores.
   *
   * @param stores the stores
   * @param clock the clock that says what "soon" and "long" are measured from
   * @param settings when flags are raised
   * @return the auditor
   */
  public static Auditor of(Stores stores, Clock clock, AuditSettings settings) {
    return new Auditor(stores, clock, settings);
  }

  /**
   * Audits an owner.
   *
   * @param ownerId the owner
   * @return the report
   */
  public AuditReport audit(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Instant now = clock.instant();
    Map<String, Grant> grants = new LinkedHashMap<>();
    stores.grants().findByOwner(ownerId).stream().sorted(Comparator.comparing(Grant::id))
        .forEach(g -> grants.put(g.id(), g));
    Set<String> used = new HashSet<>();
    List<AuditEntry> entries = new ArrayList<>();
    List<Link> links = new ArrayList<>(stores.links().findByOwner(ownerId));
    links.sort(Comparator.comparing(Link::id));
    for (Link link : links) {
      if (link.grantIds().isEmpty()) {
        entries.add(entry(Optional.of(link), Optional.empty(), now));
      }
      for (String grantId : link.grantIds()) {
        used.add(grantId);
        entries.add(entry(Optional.of(link), Optional.ofNullable(grants.get(grantId)), now));
      }
    }
    for (Grant g : grants.values()) {
      if (!used.contains(g.id())) {
        entries.add(entry(Optional.empty(), Optional.of(g), now));
      }
    }
    return new AuditReport(ownerId, now, entries);
  }

  private AuditEntry entry(Optional<Link> link, Optional<Grant> grant, Instant now) {
    Set<AuditFlag> flags = EnumSet.noneOf(AuditFlag.class);
    link.filter(l -> l.state() == LinkState.BROKEN || l.state() == LinkState.REVOKED)
        .ifPresent(l -> flags.add(AuditFlag.BROKEN));
    Set<String> undeclared = Set.of();
    Optional<Instant> lastUse = Optional.empty();
    String platformId;
    String account;
    if (grant.isPresent()) {
      Grant g = grant.get();
      platformId = g.account().platformId();
      account = g.account().key();
      lastUse = stores.grants().lastUse(g.ownerId(), g.id());
      Clock at = Clock.fixed(now, clock.getZone());
      if (g.expiresAt().map(e -> !e.isAfter(now.plus(settings.expiringWithin()))).orElse(false) && !g.canRefresh(at)) {
        flags.add(AuditFlag.EXPIRING_SOON);
      }
      if (g.refreshToken().isPresent()
          && g.refreshExpiresAt().map(e -> !e.isAfter(now.plus(settings.refreshEndingWithin()))).orElse(false)) {
        flags.add(AuditFlag.REFRESH_TOKEN_ENDING);
      }
      if (!lastUse.orElse(g.issuedAt()).isAfter(now.minus(settings.unusedFor()))) {
        flags.add(AuditFlag.UNUSED);
      }
      Set<String> declared = settings.declaredScopes().get(platformId);
      if (declared != null) {
        undeclared = difference(g.scopes(), declared);
        if (!undeclared.isEmpty()) {
          flags.add(AuditFlag.SCOPES_BROADER_THAN_DECLARED);
        }
      }
    } else {
      LinkEnd end = link.orElseThrow().to();
      platformId = end.platform().or(() -> link.orElseThrow().from().platform()).orElse("");
      account = end instanceof LinkEnd.OfAccount a ? a.account().key() : end.describe();
    }
    return new AuditEntry(link.map(Link::id), link.map(Link::kind), link.map(Link::state), platformId, account,
        grant.map(Grant::id), grant.map(Grant::scopes).orElse(Set.of()), undeclared, grant.map(Grant::issuedAt),
        grant.flatMap(Grant::expiresAt), grant.flatMap(Grant::refreshExpiresAt), lastUse, flags);
  }

  private static Set<String> difference(Set<String> granted, Set<String> declared) {
    Set<String> out = new HashSet<>(granted);
    out.removeAll(declared);
    return out;
  }
}
