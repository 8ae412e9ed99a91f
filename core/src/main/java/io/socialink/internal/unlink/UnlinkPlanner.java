package io.socialink.internal.unlink;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.PlatformRegistry;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.store.GrantStore;
import io.socialink.store.LinkStore;
import io.socialink.unlink.UnlinkContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds unlink plans: asks each provider involved for its part, adds stopping sync and forgetting
 * grants, and orders everything by phase. A grant another live link still uses is neither revoked
 * nor forgotten.
 */
public final class UnlinkPlanner {
  private final PlatformRegistry registry;
  private final GrantStore grants;
  private final LinkStore links;
  private final Clock clock;

  /**
   * Creates a planner.
   *
   * @param registry the providers
   * @param grants the grant store
   * @param links the link store
   * @param clock the clock
   */
  public UnlinkPlanner(PlatformRegistry registry, GrantStore grants, LinkStore links, Clock clock) {
    this.registry = registry;
    this.grants = grants;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Plans the undoing of one link.
   *
   * @param link the link
   * @param exportFirst whether to ask providers for an export first
   * @return the plan, with id {@code link:<linkId>} so planning again resumes the same journal
   */
  public UnlinkPlan planLink(Link link, boolean exportFirst) {
    UnlinkPlan.Subject subject = new UnlinkPlan.LinkSubject(link);
    Map<String, UnlinkStep> steps = new LinkedHashMap<>();
    Set<String> notes = new LinkedHashSet<>();
    addLinkSteps(subject, link, exportFirst, steps, notes);
    return UnlinkPlan.ordered("link:" + link.id(), subject, List.copyOf(steps.values()), List.copyOf(notes),
        clock.instant());
  }

  /**
   * Plans the clean-up of every link of an account before it is deleted.
   *
   * @param ownerId the owner
   * @param account the account
   * @param exportFirst whether to ask providers for an export first
   * @return the plan, with id {@code account:<platform>:<userId>}
   */
  public UnlinkPlan planAccountDeletion(String ownerId, Account account, boolean exportFirst) {
    List<Link> involved = links.findByOwner(ownerId).stream()
        .filter(l -> l.state() != LinkState.UNLINKED)
        .filter(l -> involves(ownerId, l, account))
        .toList();
    UnlinkPlan.Subject subject = new UnlinkPlan.AccountDeletion(account, involved);
    Map<String, UnlinkStep> steps = new LinkedHashMap<>();
    Set<String> notes = new LinkedHashSet<>();
    for (Link link : involved) {
      addLinkSteps(subject, link, exportFirst, steps, notes);
    }
    List<Grant> accountGrants = grants.findByAccount(ownerId, account);
    if (registry.contains(account.platformId())) {
      UnlinkContext ctx = new UnlinkContext(subject, account.platformId(), Optional.empty(), accountGrants, exportFirst);
      registry.provider(account.platformId()).unlinkContributor().contribute(ctx).forEach(s -> steps.putIfAbsent(s.id(), s));
    }
    for (Grant g : accountGrants) {
      UnlinkStep forget = new UnlinkStep.ForgetGrant("forget:" + g.id(), g.id());
      steps.putIfAbsent(forget.id(), forget);
    }
    notes.add("Socialink prepares the deletion; deleting the " + account.platformId()
        + " account itself is done by its owner on " + account.platformId() + ".");
    return UnlinkPlan.ordered("account:" + account.platformId() + ":" + account.userId(), subject,
        List.copyOf(steps.values()), List.copyOf(notes), clock.instant());
  }

  private boolean involves(String ownerId, Link link, Account account) {
    if (endIs(link.from(), account) || endIs(link.to(), account)) {
      return true;
    }
    return link.grantIds().stream()
        .map(id -> grants.find(ownerId, id))
        .flatMap(Optional::stream)
        .anyMatch(g -> g.account().equals(account));
  }

  private static boolean endIs(LinkEnd end, Account account) {
    return end instanceof LinkEnd.OfAccount a && a.account().equals(account);
  }

  private void addLinkSteps(
      UnlinkPlan.Subject subject, Link link, boolean exportFirst, Map<String, UnlinkStep> steps, Set<String> notes) {
    if (link.kind() == LinkKind.CROSS_POST) {
      UnlinkStep stop = new UnlinkStep.StopSync("stop-sync:" + link.id(), link.id());
      steps.putIfAbsent(stop.id(), stop);
      notes.add("Posts already cross-posted are not deleted from the target platform.");
    }
    List<Grant> released = releasedGrants(link);
    Map<String, List<Grant>> byPlatform = new LinkedHashMap<>();
    for (String platformId : link.platformIds()) {
      byPlatform.put(platformId, new ArrayList<>());
    }
    for (Grant g : released) {
      byPlatform.computeIfAbsent(g.account().platformId(), k -> new ArrayList<>()).add(g);
    }
    for (Map.Entry<String, List<Grant>> e : byPlatform.entrySet()) {
      if (!registry.contains(e.getKey())) {
        notes.add("No provider for platform '" + e.getKey() + "' is installed; its side of the link is not covered.");
        continue;
      }
      UnlinkContext ctx = new UnlinkContext(subject, e.getKey(), Optional.of(link), e.getValue(), exportFirst);
      registry.provider(e.getKey()).unlinkContributor().contribute(ctx).forEach(s -> steps.putIfAbsent(s.id(), s));
    }
    for (Grant g : released) {
      UnlinkStep forget = new UnlinkStep.ForgetGrant("forget:" + g.id(), g.id());
      steps.putIfAbsent(forget.id(), forget);
    }
    if (link.grantIds().size() > released.size()) {
      notes.add("Grants still used by other links are kept: " + link.grantIds().stream()
          .filter(id -> released.stream().noneMatch(g -> g.id().equals(id))).toList());
    }
    notes.add("Unlinking does not delete any account or its content.");
    notes.addAll(kindNotes(link));
  }

  /** What a person should know after undoing a link of this kind (the platforms' help and the guides). */
  private static List<String> kindNotes(Link link) {
    return switch (link.kind()) {
      case APP_AUTHORIZATION -> List.of("What the application already posted for the account stays on "
          + String.join(" and ", link.platformIds()) + " until removed by hand. Authorizing the application again"
          + " later links the account again; to link a different account, sign out of the platform in that browser"
          + " first.");
      case PROFILE_LINK -> List.of("Content already shared through the link stays until removed by hand; linking"
          + " the accounts again later turns sharing back on.");
      case BUSINESS_ASSET -> List.of("To keep the account from being linked again: use separate logins for the"
          + " business tool and for personal use, never share the account's login with an agency, and revoke"
          + " permissions as soon as a partnership ends.");
      default -> List.of();
    };
  }

  private List<Grant> releasedGrants(Link link) {
    List<Link> others = links.findByOwner(link.ownerId()).stream()
        .filter(l -> !l.id().equals(link.id()))
        .filter(l -> l.state() != LinkState.UNLINKED)
        .toList();
    List<Grant> out = new ArrayList<>();
    for (String id : link.grantIds()) {
      boolean shared = link.kind() == LinkKind.CROSS_POST || others.stream().anyMatch(l -> l.grantIds().contains(id));
      if (!shared) {
        grants.find(link.ownerId(), id).ifPresent(out::add);
      }
    }
    return out;
  }
}
