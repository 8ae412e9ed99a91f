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
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.store.CrossPostStore;
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
 * grants, and orders everything by phase.
 *
 * <p><b>Which grants a link plan releases.</b> One rule for every kind of link, cross-posts
 * included: a grant the link names is <em>released</em> (revoked, verified and forgotten) when no
 * other live link (any link of the owner but this one that is not {@code UNLINKED}) names it, and
 * <em>kept</em> otherwise. So a {@code CROSS_POST} link made from the grants of the source's and the
 * target's own {@code APP_AUTHORIZATION} links keeps both (they still serve those links), while a
 * grant only the cross-post still uses (its authorization link was unlinked before, or it was
 * recorded for the cross-post alone) is revoked at its platform and forgotten. Kept grants are still
 * handed to the providers ({@link UnlinkContext#keptGrants()}) for calls that need them, such as a
 * business tool admin's removal of an asset, and the plan names them in a note.
 *
 * <p><b>Cross-posts.</b> A {@code CROSS_POST} plan starts by stopping the link's sync, and its notes
 * say that posts already copied stay on the target until deleted there by hand, naming the target's
 * post ids from the cross-post journal as it stands when the plan is made.
 */
public final class UnlinkPlanner {
  /** How many copied posts a note names before it refers to the journal for the rest. */
  static final int MAX_NAMED_POSTS = 50;

  private final PlatformRegistry registry;
  private final GrantStore grants;
  private final LinkStore links;
  private final CrossPostStore crossPosts;
  private final Clock clock;

  /**
   * Creates a planner.
   *
   * @param registry the providers
   * @param grants the grant store
   * @param links the link store
   * @param crossPosts the cross-post journal, read for the posts a cross-post link copied
   * @param clock the clock
   */
  public UnlinkPlanner(PlatformRegistry registry, GrantStore grants, LinkStore links, CrossPostStore crossPosts,
      Clock clock) {
    this.registry = java.util.Objects.requireNonNull(registry, "registry");
    this.grants = java.util.Objects.requireNonNull(grants, "grants");
    this.links = java.util.Objects.requireNonNull(links, "links");
    this.crossPosts = java.util.Objects.requireNonNull(crossPosts, "crossPosts");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
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
      notes.add(copiedPostsNote(link));
    }
    GrantUse use = grantUse(link);
    Map<String, List<Grant>> released = byPlatform(link, use.released());
    Map<String, List<Grant>> kept = byPlatform(link, use.kept());
    Set<String> platforms = new LinkedHashSet<>(released.keySet());
    platforms.addAll(kept.keySet());
    for (String platformId : platforms) {
      if (!registry.contains(platformId)) {
        notes.add("No provider for platform '" + platformId + "' is installed; its side of the link is not covered.");
        continue;
      }
      UnlinkContext ctx = new UnlinkContext(subject, platformId, Optional.of(link),
          released.getOrDefault(platformId, List.of()), exportFirst, kept.getOrDefault(platformId, List.of()));
      registry.provider(platformId).unlinkContributor().contribute(ctx).forEach(s -> steps.putIfAbsent(s.id(), s));
    }
    for (Grant g : use.released()) {
      UnlinkStep forget = new UnlinkStep.ForgetGrant("forget:" + g.id(), g.id());
      steps.putIfAbsent(forget.id(), forget);
    }
    // A grant already forgotten keeps its forget step, so that a plan made again after a run that died
    // just after forgetting still records it (the executor finds it gone: already done).
    for (String id : use.gone()) {
      UnlinkStep forget = new UnlinkStep.ForgetGrant("forget:" + id, id);
      steps.putIfAbsent(forget.id(), forget);
    }
    List<String> keptIds = use.kept().stream().map(Grant::id).toList();
    if (!keptIds.isEmpty()) {
      notes.add("Grants still used by other links are kept: " + keptIds);
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

  /** The link's platforms first, in order, then any other platform a grant is on; each with its grants. */
  private static Map<String, List<Grant>> byPlatform(Link link, List<Grant> of) {
    Map<String, List<Grant>> out = new LinkedHashMap<>();
    for (String platformId : link.platformIds()) {
      out.put(platformId, new ArrayList<>());
    }
    for (Grant g : of) {
      out.computeIfAbsent(g.account().platformId(), k -> new ArrayList<>()).add(g);
    }
    return out;
  }

  /** The target's posts a cross-post link copied, from its journal, for the note that they stay. */
  private String copiedPostsNote(Link link) {
    List<CrossPostEntry> entries = crossPosts.entries(link.ownerId(), link.id());
    String target = link.to().platform().orElse("the target");
    List<String> posted = entries.stream()
        .filter(e -> e.state() == CrossPostEntry.State.POSTED)
        .flatMap(e -> e.targetPostId().stream())
        .toList();
    long inFlight = entries.stream().filter(e -> e.state() == CrossPostEntry.State.IN_FLIGHT).count();
    if (posted.isEmpty() && inFlight == 0) {
      return "This link has copied nothing to " + target + " so far, so nothing stays there.";
    }
    StringBuilder note = new StringBuilder();
    if (!posted.isEmpty()) {
      note.append("The ").append(posted.size()).append(posted.size() == 1 ? " post" : " posts")
          .append(" this link copied stay on ").append(target).append(" unless deleted there by hand: ")
          .append(target).append(" post ids ")
          .append(String.join(", ", posted.subList(0, Math.min(posted.size(), MAX_NAMED_POSTS))));
      if (posted.size() > MAX_NAMED_POSTS) {
        note.append(" and ").append(posted.size() - MAX_NAMED_POSTS).append(" more");
      }
      note.append(" (as journalled when this plan was made; the link's cross-post journal has the final list"
          + " once its sync is stopped).");
    }
    if (inFlight > 0) {
      note.append(note.length() == 0 ? "" : " ").append(inFlight)
          .append(inFlight == 1 ? " item was" : " items were").append(" being posted to ").append(target)
          .append(" when this plan was made: check ").append(target).append(" for ").append(inFlight == 1 ? "it." : "them.");
    }
    return note.toString();
  }

  /** The link's stored grants, split by the rule in the class comment. */
  private GrantUse grantUse(Link link) {
    List<Link> others = links.findByOwner(link.ownerId()).stream()
        .filter(l -> !l.id().equals(link.id()))
        .filter(l -> l.state() != LinkState.UNLINKED)
        .toList();
    List<Grant> released = new ArrayList<>();
    List<Grant> kept = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (String id : link.grantIds()) {
      boolean shared = others.stream().anyMatch(l -> l.grantIds().contains(id));
      Optional<Grant> grant = grants.find(link.ownerId(), id);
      if (grant.isPresent()) {
        (shared ? kept : released).add(grant.get());
      } else if (!shared) {
        gone.add(id);
      }
    }
    return new GrantUse(List.copyOf(released), List.copyOf(kept), List.copyOf(gone));
  }

  /**
   * A link's grants: those the plan releases, those other live links still use, and the ids of those
   * no longer stored (forgotten by an earlier run of the plan, or by the application).
   */
  private record GrantUse(List<Grant> released, List<Grant> kept, List<String> gone) {}
}
