package io.socialink.internal.crosspost;

import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkState;
import io.socialink.crosspost.Captions;
import io.socialink.crosspost.CrossPostEntry;
import io.socialink.crosspost.CrossPostEntry.State;
import io.socialink.crosspost.CrossPostFailure;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.CrossPostSync;
import io.socialink.crosspost.RecentPost;
import io.socialink.crosspost.SourceItem;
import io.socialink.crosspost.SyncCursor;
import io.socialink.crosspost.SyncReport;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.CrossPostSource;
import io.socialink.spi.CrossPostTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one cross-post link. A pass reads the source newest-first down to the cursor, then
 * handles the new items oldest first; for each it writes the journal before and after posting, and
 * advances the cursor only past items that are settled. Thread-safe: the passes of all syncs of one
 * link in this process are serialized, and {@link #stop()} may be called from any thread.
 */
final class LinkSync implements CrossPostSync {
  /** How many of the target's recent posts are searched for an item in flight. */
  static final int LOOKUP_POSTS = 20;
  /**
   * How long an item another instance (or a process that died) left in flight is left alone before it
   * is taken as interrupted and looked up on the target: long enough for a post with its media upload.
   */
  static final Duration IN_FLIGHT_LEASE = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(LinkSync.class);
  /** Refusals that prove the target did not process the attempt. */
  private static final Set<ErrorCategory> NOT_PROCESSED = Set.of(ErrorCategory.AUTH_EXPIRED,
      ErrorCategory.AUTH_REVOKED, ErrorCategory.INSUFFICIENT_SCOPE, ErrorCategory.PERMISSION_DENIED,
      ErrorCategory.RATE_LIMITED, ErrorCategory.QUOTA_EXHAUSTED, ErrorCategory.CONFIGURATION,
      ErrorCategory.ACCOUNT_RESTRICTED);

  private final CrossPostEngine e;
  private final String ownerId;
  private final String linkId;
  private final CrossPostListener listener;
  private volatile boolean stopped;
  private final Tally total = new Tally();

  LinkSync(CrossPostEngine engine, String ownerId, String linkId, CrossPostListener listener) {
    this.e = engine;
    this.ownerId = ownerId;
    this.linkId = linkId;
    this.listener = listener;
  }

  String ownerId() {
    return ownerId;
  }

  @Override
  public String linkId() {
    return linkId;
  }

  @Override
  public boolean isStopped() {
    return stopped;
  }

  @Override
  public SyncReport stop() {
    stopped = true;
    return total.report(linkId, true);
  }

  @Override
  public SyncReport runOnce() {
    return pass().report(linkId, stopped);
  }

  @Override
  public SyncReport run(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive; got " + interval);
    }
    while (!stopped) {
      Tally pass = pass();
      if (stopped || pass.inactive) {
        break;
      }
      Instant now = e.clock.instant();
      Duration wait = interval;
      if (pass.retryAt.isPresent() && pass.retryAt.get().isAfter(now.plus(interval))) {
        wait = Duration.between(now, pass.retryAt.get());
      }
      try {
        e.sleeper.sleep(wait);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return total.report(linkId, true);
  }

  private Tally pass() {
    synchronized (e.syncs().monitor(ownerId, linkId)) { // one pass of a link at a time in this process
      Tally pass = new Tally();
      if (!stopped) {
        runPass(pass);
      }
      total.add(pass);
      return pass;
    }
  }

  private void runPass(Tally pass) {
    Link link = e.link(ownerId, linkId);
    if (link.state() != LinkState.ACTIVE) {
      pass.inactive = true;
      return;
    }
    CrossPostRules rules = e.rules(ownerId, linkId);
    String sourceGrant = link.grantIds().get(0);
    List<SourceItem> items;
    try {
      items = e.grantCalls.withGrant(ownerId, sourceGrant, CrossPostSource.class,
          (c, g) -> c.recentItems(g, rules.pageSize()));
    } catch (SocialinkException x) {
      fail(pass, link, Optional.empty(), x);
      return;
    }
    Optional<SyncCursor> stored = e.store.cursor(ownerId, linkId);
    // Before the first pass, what was published before the link was made is history.
    SyncCursor cursor = stored.orElseGet(() -> new SyncCursor("", link.createdAt()));
    List<SourceItem> fresh = new ArrayList<>();
    int at = 0;
    while (at < items.size() && !cursor.reached(items.get(at))) {
      fresh.add(items.get(at++));
    }
    if (stored.isEmpty()) {
      fresh.addAll(items.subList(at, Math.min(items.size(), at + rules.backfill())));
      if (fresh.isEmpty()) { // a new link starts after what exists
        e.store.saveCursor(ownerId, linkId, items.isEmpty() ? cursor : SyncCursor.at(items.get(0)));
        return;
      }
    }
    Collections.reverse(fresh);
    for (SourceItem item : fresh) {
      if (stopped) {
        return;
      }
      boolean settled;
      try {
        settled = handle(pass, link, rules, item);
      } catch (SocialinkException x) { // the grant or its client is gone: reported, the item waits
        fail(pass, link, Optional.of(item.id()), x);
        return;
      }
      if (!settled) {
        return;
      }
      e.store.saveCursor(ownerId, linkId, SyncCursor.at(item));
    }
  }

  /** Handles one item; false when the pass must end here (the item is left for a later pass). */
  private boolean handle(Tally pass, Link link, CrossPostRules rules, SourceItem item) {
    Optional<CrossPostEntry> existing = e.store.entry(ownerId, linkId, item.id());
    if (existing.isPresent() && existing.get().settled()) {
      return true;
    }
    String targetGrant = link.grantIds().get(1);
    if (existing.isPresent() && existing.get().state() == State.IN_FLIGHT) {
      CrossPostEntry inFlight = existing.get();
      boolean ours = e.leftInFlight.remove(key(item.id()));
      Instant now = e.clock.instant();
      if (!ours && inFlight.updatedAt().plus(IN_FLIGHT_LEASE).isAfter(now)) {
        LOG.debug("cross-post link {}: item {} is in flight elsewhere; left to a later pass", linkId, item.id());
        return false;
      }
      // Taken over with a compare-and-set, so that of several instances only one looks it up.
      CrossPostEntry takenOver = inFlight.moveTo(State.IN_FLIGHT, inFlight.targetPostId(), inFlight.reason(), now);
      if (!e.store.claim(takenOver, existing)) {
        return false;
      }
      existing = Optional.of(takenOver);
      PostMatcher.Result found;
      try {
        found = e.grantCalls.withGrant(ownerId, targetGrant, CrossPostTarget.class, (c, g) ->
            !c.listsOwnPosts() || !PostMatcher.findable(inFlight.text()) ? new PostMatcher.Unknowable()
                : PostMatcher.find(inFlight.text(), inFlight.updatedAt(), c.recentPosts(g, LOOKUP_POSTS)));
      } catch (SocialinkException x) {
        fail(pass, link, Optional.of(item.id()), x);
        return false;
      }
      if (found instanceof PostMatcher.Found f) {
        settle(pass, inFlight, State.POSTED, Optional.of(f.post().id()),
            Optional.of("found among the target's recent posts after an interrupted attempt"));
        return true;
      }
      if (found instanceof PostMatcher.Unknowable) {
        settle(pass, inFlight, State.SKIPPED, Optional.empty(), Optional.of("an interrupted attempt may have posted"
            + " it and the target cannot confirm it; it is not posted again, so that it is posted at most once"));
        return true;
      }
    }
    Optional<String> refused = rules.refusal(item);
    if (refused.isPresent()) {
      settle(pass, entry(item, State.SKIPPED, ""), State.SKIPPED, Optional.empty(), refused);
      return true;
    }
    Grant targetGrantValue = e.grantCalls.grant(ownerId, targetGrant);
    CrossPostTarget target = e.clients.clientFor(targetGrantValue, CrossPostTarget.class);
    refused = target.refusal(item);
    if (refused.isEmpty() && item.media().isEmpty()) {
      refused = Optional.of("the source gave no media file for it (Instagram leaves it out for copyrighted media)");
    }
    if (refused.isPresent()) {
      settle(pass, entry(item, State.SKIPPED, ""), State.SKIPPED, Optional.empty(), refused);
      return true;
    }
    String text = target.sendsText()
        ? Captions.fit(rules.caption(), item.caption(), item.permalink(), e.textRules(targetGrantValue.account().platformId()))
        : "";
    MediaFetcher.Fetched media;
    try {
      media = e.fetcher.fetch(link.from().platform().orElse(""), item.media());
    } catch (SocialinkException x) {
      fail(pass, link, Optional.of(item.id()), x);
      if (x.category() == ErrorCategory.NOT_FOUND) {
        settle(pass, entry(item, State.SKIPPED, text), State.SKIPPED, Optional.empty(),
            Optional.of("its media file could not be fetched: " + x.getMessage()));
        return true;
      }
      return false;
    }
    try (media) {
      CrossPostEntry inFlight = entry(item, State.IN_FLIGHT, text);
      // Claimed before the target is asked: a crash from here on is noticed, and of several instances
      // that saw the item only one posts it.
      if (!e.store.claim(inFlight, existing)) {
        LOG.debug("cross-post link {}: item {} was claimed by another instance", linkId, item.id());
        return false;
      }
      Post post = new Post(text, media.media());
      try {
        PublishedPost published = e.grantCalls.withGrant(ownerId, targetGrant, CrossPostTarget.class,
            (c, g) -> c.crossPost(g, post));
        settle(pass, inFlight, State.POSTED, Optional.of(published.postId()), Optional.empty());
        return true;
      } catch (SocialinkException x) {
        return failedPost(pass, link, targetGrant, inFlight, x);
      }
    }
  }

  private boolean failedPost(Tally pass, Link link, String targetGrant, CrossPostEntry inFlight, SocialinkException x) {
    ErrorCategory category = x.category();
    if (category == ErrorCategory.DUPLICATE) {
      Optional<String> id = Optional.empty();
      try {
        id = e.grantCalls.withGrant(ownerId, targetGrant, CrossPostTarget.class, (c, g) -> PostMatcher.post(
            PostMatcher.find(inFlight.text(), inFlight.updatedAt().minus(Duration.ofDays(1)),
                c.recentPosts(g, LOOKUP_POSTS)))).map(RecentPost::id);
      } catch (SocialinkException lookup) {
        LOG.debug("cross-post link {}: the duplicate of item {} could not be looked up: {}", linkId,
            inFlight.sourceItemId(), lookup.getMessage());
      }
      settle(pass, inFlight, State.POSTED, id, Optional.of("the target already had this content (a duplicate answer)"));
      return true;
    }
    if (category == ErrorCategory.INVALID_REQUEST) {
      fail(pass, link, Optional.of(inFlight.sourceItemId()), x);
      settle(pass, inFlight, State.FAILED, Optional.empty(), Optional.of("the target refused it: " + x.getMessage()));
      return true;
    }
    if (NOT_PROCESSED.contains(category)) {
      e.store.record(inFlight.moveTo(State.PENDING, Optional.empty(), Optional.of(category + ": " + x.getMessage()),
          e.clock.instant()));
    } else {
      e.leftInFlight.add(key(inFlight.sourceItemId()));
    }
    fail(pass, link, Optional.of(inFlight.sourceItemId()), x);
    return false;
  }

  private String key(String itemId) {
    return ownerId + '\n' + linkId + '\n' + itemId;
  }

  private CrossPostEntry entry(SourceItem item, State state, String text) {
    return new CrossPostEntry(ownerId, linkId, item.id(), item.timestamp(), state, Optional.empty(), text,
        Optional.empty(), e.clock.instant());
  }

  private void settle(Tally pass, CrossPostEntry from, State state, Optional<String> postId, Optional<String> reason) {
    CrossPostEntry done = from.moveTo(state, postId, reason, e.clock.instant());
    e.store.record(done);
    if (state == State.POSTED) {
      pass.posted.add(done);
      tell(l -> l.posted(done));
    } else {
      pass.skipped.add(done);
      tell(l -> l.skipped(done));
    }
  }

  private void fail(Tally pass, Link link, Optional<String> itemId, SocialinkException x) {
    CrossPostFailure failure = new CrossPostFailure(linkId, itemId, x, describe(link, itemId, x));
    pass.failures.add(failure);
    tell(l -> l.failed(failure));
    if (x.category() == ErrorCategory.RATE_LIMITED || x.category() == ErrorCategory.QUOTA_EXHAUSTED) {
      pass.retryAt = x.retryAt();
    }
    if (x.category().isAuthorization()) {
      Link now = e.linkStates.markBroken(link, x);
      pass.inactive = true;
      tell(l -> l.linkBroken(now, failure));
    }
  }

  private String describe(Link link, Optional<String> itemId, SocialinkException x) {
    String platform = x.platform().isEmpty() ? "the platform" : x.platform();
    String what = "Cross-posting from " + link.from().describe() + " to " + link.to().describe()
        + itemId.map(i -> " (source item " + i + ")").orElse(" (reading the source)") + ": ";
    String next;
    switch (x.category()) {
      case AUTH_REVOKED:
        next = platform + " no longer accepts the account's grant (access was revoked). The link is marked broken"
            + " and its sync stopped; link the account again to resume.";
        break;
      case AUTH_EXPIRED:
        next = "the " + platform + " grant expired and could not be refreshed. The link is marked broken and its sync"
            + " stopped; link the account again to resume.";
        break;
      case INSUFFICIENT_SCOPE:
        next = "the " + platform + " grant lacks a permission cross-posting needs. The link is marked broken; link the"
            + " account again and grant it.";
        break;
      case RATE_LIMITED:
      case QUOTA_EXHAUSTED:
        next = platform + " asked to slow down; the item is tried again" + x.retryAt().map(t -> " after " + t)
            .orElse(" on a later pass") + ".";
        break;
      case INVALID_REQUEST:
        next = platform + " refused the content; it is recorded as failed and not tried again.";
        break;
      case TRANSIENT:
      case UNKNOWN:
        next = platform + " failed or could not be reached; the item is looked up and tried again on the next pass.";
        break;
      case NOT_FOUND:
        next = "it could not be found on " + platform + ".";
        break;
      default:
        next = "the sync stopped this pass; " + x.remediation();
        break;
    }
    return what + next + " (" + x.category() + ": " + x.getMessage() + ")";
  }

  private void tell(Consumer<CrossPostListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException ignored) {
      LOG.debug("a cross-post listener threw; ignored", ignored);
    }
  }

  /** What one pass, or all passes, did. */
  private static final class Tally {
    final List<CrossPostEntry> posted = Collections.synchronizedList(new ArrayList<>());
    final List<CrossPostEntry> skipped = Collections.synchronizedList(new ArrayList<>());
    final List<CrossPostFailure> failures = Collections.synchronizedList(new ArrayList<>());
    volatile boolean inactive;
    volatile Optional<Instant> retryAt = Optional.empty();

    void add(Tally other) {
      posted.addAll(other.posted);
      skipped.addAll(other.skipped);
      failures.addAll(other.failures);
    }

    SyncReport report(String linkId, boolean stopped) {
      synchronized (posted) {
        synchronized (skipped) {
          synchronized (failures) {
            return new SyncReport(linkId, List.copyOf(posted), List.copyOf(skipped), List.copyOf(failures),
                stopped || inactive);
          }
        }
      }
    }
  }
}
