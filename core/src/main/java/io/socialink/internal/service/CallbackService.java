package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.error.ConfigurationException;
import io.socialink.error.NotFoundException;
import io.socialink.error.SocialinkException;
import io.socialink.http.Headers;
import io.socialink.http.HttpMethod;
import io.socialink.internal.runtime.ClientKey;
import io.socialink.internal.runtime.LinkStates;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.spi.PlatformClient;
import io.socialink.store.CallbackStore;
import io.socialink.webhook.CallbackListener;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.Callbacks;
import io.socialink.webhook.DataDeletion;
import io.socialink.webhook.Signatures;
import io.socialink.webhook.WebhookEvent;
import io.socialink.webhook.WebhookRejectedException;
import io.socialink.webhook.WebhookRequest;
import io.socialink.webhook.WebhookResponse;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Callbacks} over the runtime: route, size and method checks, the platform's verifier,
 * de-duplication in the callback store, then the effects. Logs every refusal with its reason, never
 * a body, a header or a query value. Thread-safe.
 */
public final class CallbackService implements Callbacks {
  private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final SocialinkRuntime rt;
  private final CallbackSettings settings;
  private final LinkStates linkStates;
  private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.MIN);

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   * @param settings the intake's settings
   */
  public CallbackService(SocialinkRuntime runtime, CallbackSettings settings) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.linkStates = new LinkStates(runtime.stores().links(), runtime.clock());
  }

  @Override
  public CallbackSettings settings() {
    return settings;
  }

  @Override
  public WebhookResponse handle(String method, String path, Headers headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    int q = path.indexOf('?');
    String route = q < 0 ? path : path.substring(0, q);
    String rawQuery = q < 0 ? "" : path.substring(q + 1);
    String where = printable(method.toUpperCase(Locale.ROOT), 10) + " " + describe(route);
    try {
      return dispatch(method, route, rawQuery, headers, body, where);
    } catch (Refusal r) {
      LOG.warn("callback refused: {} -> {}: {}", where, r.status, r.getMessage());
      return text(r.status, publicReason(r.status), r.allow);
    }
  }

  private WebhookResponse dispatch(String method, String route, String rawQuery, Headers headers, byte[] body,
      String where) {
    if (body.length > settings.maxBodyBytes()) {
      throw new Refusal(413, "the body is larger than " + settings.maxBodyBytes() + " bytes");
    }
    List<Target> targets = targets(route);
    HttpMethod m;
    String upper = method.toUpperCase(Locale.ROOT);
    if (upper.equals("GET")) {
      m = HttpMethod.GET;
    } else if (upper.equals("POST")) {
      m = HttpMethod.POST;
    } else {
      throw new Refusal(405, "only POST deliveries and GET handshakes are received", "GET, POST");
    }
    WebhookRequest request = new WebhookRequest(m, query(rawQuery), headers, body);

    List<String> reasons = new ArrayList<>();
    int status = 0;
    for (Target t : targets) {
      try {
        Optional<WebhookResponse> answer = t.verifier().challenge(request);
        if (answer.isPresent()) {
          LOG.info("callback handshake answered: {} by {}", where, t.key());
          return answer.get();
        }
      } catch (WebhookRejectedException e) {
        reasons.add(t.key() + ": " + e.classification().message());
        status = Math.max(status, e.reason().status());
      } catch (ConfigurationException e) {
        reasons.add(t.key() + ": " + e.classification().message());
      }
    }
    if (!reasons.isEmpty()) {
      throw new Refusal(status == 0 ? 500 : status, "handshake refused: " + String.join("; ", reasons));
    }
    if (m != HttpMethod.POST) {
      throw new Refusal(405, "a GET that is no handshake; deliveries are POSTed", "POST");
    }

    Target chosen = null;
    List<WebhookEvent> events = List.of();
    int best = 0;
    for (Target t : targets) {
      try {
        events = t.verifier().verify(request);
        chosen = t;
        break;
      } catch (WebhookRejectedException e) {
        reasons.add(t.key() + ": " + e.classification().message());
        // a signed but malformed body (400) says more than "not ours" (401)
        best = best == 0 ? e.reason().status() : Math.min(best, e.reason().status());
      } catch (ConfigurationException e) {
        reasons.add(t.key() + ": " + e.classification().message());
      }
    }
    if (chosen == null) {
      throw new Refusal(best == 0 ? 500 : best, "delivery refused: " + String.join("; ", reasons));
    }
    return act(chosen, events, where);
  }

  private WebhookResponse act(Target target, List<WebhookEvent> events, String where) {
    Instant now = rt.clock().instant();
    pruneNow(now);
    for (WebhookEvent e : events) {
      if (e.type() == WebhookEvent.Type.DATA_DELETION_REQUESTED && settings.deletionStatusUrl().isEmpty()) {
        throw new Refusal(500, "a data-deletion request came but no deletion status URL is configured"
            + " (CallbackSettings.withDeletionStatusUrl)");
      }
    }
    CallbackStore store = rt.stores().callbacks();
    List<WebhookEvent> recorded = new ArrayList<>();
    List<Runnable> notices = new ArrayList<>();
    WebhookResponse answer = WebhookResponse.ok();
    int repeated = 0;
    try {
      for (WebhookEvent e : events) {
        boolean first = store.recordDelivery(e.platformId(), deliveryKey(e), now);
        if (!first) {
          repeated++;
          if (e.type() == WebhookEvent.Type.DATA_DELETION_REQUESTED) {
            Optional<DataDeletion> earlier = store.findDeletion(confirmationCode(e));
            if (earlier.isPresent()) {
              answer = WebhookResponse.json(earlier.get().platformAnswer());
            }
          }
          continue;
        }
        recorded.add(e);
        if (e.type() == WebhookEvent.Type.DEAUTHORIZED || e.type() == WebhookEvent.Type.ACCOUNT_DELETED) {
          Optional<CallbackListener.Deauthorization> d = deauthorize(target, e);
          d.ifPresent(x -> notices.add(() -> settings.listener().deauthorized(x)));
        } else if (e.type() == WebhookEvent.Type.DATA_DELETION_REQUESTED) {
          DataDeletion d = deletion(e, now);
          answer = WebhookResponse.json(d.platformAnswer());
          notices.add(() -> settings.listener().dataDeletionRequested(d));
        } else {
          notices.add(() -> settings.listener().received(e));
        }
      }
    } catch (RuntimeException failure) {
      for (WebhookEvent e : recorded) {
        try {
          store.forgetDelivery(e.platformId(), deliveryKey(e));
        } catch (RuntimeException again) {
          failure.addSuppressed(again);
        }
      }
      LOG.error("callback failed: {} by {}: {}; answered 500 so that the platform delivers it again", where,
          target.key(), describe(failure));
      return text(500, publicReason(500), null);
    }
    for (Runnable notice : notices) {
      try {
        notice.run();
      } catch (RuntimeException e) {
        LOG.warn("callback listener threw {}; ignored", e.getClass().getName());
      }
    }
    LOG.info("callback received: {} by {}: {} event(s), {} acted on, {} repeated", where, target.key(), events.size(),
        recorded.size(), repeated);
    return answer;
  }

  private Optional<CallbackListener.Deauthorization> deauthorize(Target target, WebhookEvent e) {
    if (e.userId().isEmpty()) {
      LOG.info("callback {} event names no user; nothing to revoke", e.type());
      return Optional.empty();
    }
    Account account = Account.of(e.platformId(), e.userId().get());
    boolean deleted = e.type() == WebhookEvent.Type.ACCOUNT_DELETED;
    String clientId = target.client().credentials().clientId();
    List<Grant> grants = grantsNamed(e).stream()
        .filter(g -> deleted || g.clientId().equals(clientId))
        .toList();
    Map<String, Set<String>> linksByOwner = new LinkedHashMap<>();
    for (Grant g : grants) {
      Set<String> ids = linksByOwner.computeIfAbsent(g.ownerId(), k -> new LinkedHashSet<>());
      rt.stores().links().findByGrant(g.ownerId(), g.id()).forEach(l -> ids.add(l.id()));
    }
    if (deleted) {
      for (Map.Entry<String, Set<String>> owner : linksByOwner.entrySet()) {
        for (Link l : rt.stores().links().findByOwner(owner.getKey())) {
          if (endIs(l.from(), account) || endIs(l.to(), account)) {
            owner.getValue().add(l.id());
          }
        }
      }
    }
    List<Link> revoked = new ArrayList<>();
    linksByOwner.forEach((owner, ids) -> revoked.addAll(linkStates.markRevoked(owner, ids)));
    List<String> forgotten = new ArrayList<>();
    for (Grant g : grants) {
      if (rt.stores().grants().delete(g.ownerId(), g.id())) {
        forgotten.add(g.id());
      }
    }
    return Optional.of(new CallbackListener.Deauthorization(e, account, revoked, forgotten));
  }

  /**
   * The grants of any owner an event's user id names: those of the account with that id, and, when the
   * event names a grant attribute, those whose attribute holds the id; each once.
   */
  private List<Grant> grantsNamed(WebhookEvent e) {
    String userId = e.userId().orElseThrow();
    Map<List<String>, Grant> found = new LinkedHashMap<>();
    for (Grant g : rt.stores().grants().findByAccountOfAnyOwner(Account.of(e.platformId(), userId))) {
      found.putIfAbsent(List.of(g.ownerId(), g.id()), g);
    }
    if (e.userAttribute().isPresent()) {
      for (Grant g : rt.stores().grants().findByAttributeOfAnyOwner(e.platformId(), e.userAttribute().get(), userId)) {
        found.putIfAbsent(List.of(g.ownerId(), g.id()), g);
      }
    }
    return List.copyOf(found.values());
  }

  private static boolean endIs(LinkEnd end, Account account) {
    return end instanceof LinkEnd.OfAccount a && a.account().equals(account);
  }

  private DataDeletion deletion(WebhookEvent e, Instant now) {
    String code = confirmationCode(e);
    Optional<DataDeletion> existing = rt.stores().callbacks().findDeletion(code);
    if (existing.isPresent()) {
      return existing.get();
    }
    String userId = e.userId().orElse("");
    List<String> owners = userId.isEmpty() ? List.of()
        : grantsNamed(e).stream().map(Grant::ownerId).distinct().sorted().toList();
    URI url = settings.statusUrl(code).orElseThrow();
    return rt.stores().callbacks().saveDeletion(new DataDeletion(code, e.platformId(), userId, owners,
        DataDeletion.Status.RECEIVED, now, now, url));
  }

  /**
   * What identifies a delivery: the event's kind and the platform's id. The kind is part of it because
   * one signed payload can reach two callback URLs (Meta's deauthorize and data-deletion callbacks for
   * one user in one second carry the same {@code signed_request}).
   */
  private static String deliveryKey(WebhookEvent e) {
    return e.type().name().toLowerCase(Locale.ROOT) + ":" + e.deliveryId();
  }

  /** The same for every delivery of one request, unguessable without the delivery's signed content. */
  private static String confirmationCode(WebhookEvent e) {
    return Signatures.digest((e.platformId() + "\n" + e.deliveryId()).getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }

  @Override
  public Optional<DataDeletion> deletion(String confirmationCode) {
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    return rt.stores().callbacks().findDeletion(confirmationCode);
  }

  @Override
  public DataDeletion updateDeletion(String confirmationCode, DataDeletion.Status status) {
    Objects.requireNonNull(status, "status");
    DataDeletion d = deletion(confirmationCode)
        .orElseThrow(() -> NotFoundException.local("", "no data deletion has that confirmation code"));
    return d.status() == status ? d : rt.stores().callbacks().saveDeletion(d.withStatus(status, rt.clock()));
  }

  private List<Target> targets(String route) {
    String trimmed = route;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String[] segments = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    if (segments.length > 2) {
      throw new Refusal(404, "no callback route; routes are /, /<platform> and /<platform>/<scheme>");
    }
    for (String s : segments) {
      if (!SEGMENT.matcher(s).matches()) {
        throw new Refusal(404, "no callback route; routes are /, /<platform> and /<platform>/<scheme>");
      }
    }
    List<ClientKey> keys = rt.clients().configuredKeys().stream()
        .filter(k -> segments.length < 1 || k.platformId().equals(segments[0]))
        .filter(k -> segments.length < 2 || k.schemeId().equals(segments[1]))
        .toList();
    if (keys.isEmpty()) {
      throw new Refusal(404, segments.length == 0 ? "no platform is configured"
          : "no credentials are configured for this route; configured: " + rt.clients().configuredKeys());
    }
    List<Target> out = new ArrayList<>();
    for (ClientKey k : keys) {
      PlatformClient client = rt.clients().client(k.platformId(), k.schemeId());
      client.webhooks().ifPresent(v -> out.add(new Target(k, client, v)));
    }
    if (out.isEmpty()) {
      throw new Refusal(404, "this route receives no callbacks: its provider has no webhook verifier");
    }
    return out;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new Refusal(400, "the query string is not URL-encoded correctly");
      }
    }
    return out;
  }

  private void pruneNow(Instant now) {
    Instant last = lastPrune.get();
    if (Duration.between(last.equals(Instant.MIN) ? now.minus(PRUNE_EVERY) : last, now).compareTo(PRUNE_EVERY) >= 0
        && lastPrune.compareAndSet(last, now)) {
      try {
        rt.stores().callbacks().pruneDeliveries(now.minus(settings.deliveryRetention()));
      } catch (RuntimeException e) {
        LOG.warn("pruning old callback deliveries failed: {}", describe(e));
      }
    }
  }

  private static String describe(RuntimeException e) {
    return e instanceof SocialinkException s ? e.getClass().getSimpleName() + ": " + s.classification().message()
        : e.getClass().getName();
  }

  /**
   * The route as logs may show it: a configured platform or platform and scheme, or the root; any
   * other path is not repeated, since an application may put a secret in a webhook URL's path.
   */
  private String describe(String route) {
    String trimmed = route.replaceAll("^/+", "").replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return "/";
    }
    for (ClientKey k : rt.clients().configuredKeys()) {
      if (trimmed.equals(k.platformId()) || trimmed.equals(k.platformId() + "/" + k.schemeId())) {
        return "/" + trimmed;
      }
    }
    return "(unknown route)";
  }

  /** At most {@code max} characters of letters, digits and path punctuation; anything else shown as '?'. */
  private static String printable(String s, int max) {
    String cut = s.length() > max ? s.substring(0, max) + "..." : s;
    return cut.replaceAll("[^A-Za-z0-9/_.\\-]", "?");
  }

  /**
   * What a refusal tells the sender: the kind only. The reason, which names the platforms configured
   * and what failed, goes to the log for the application's operators.
   */
  private static String publicReason(int status) {
    switch (status) {
      case 400:
        return "malformed delivery";
      case 401:
        return "unverified delivery";
      case 403:
        return "handshake refused";
      case 404:
        return "no callback route";
      case 405:
        return "method not allowed";
      case 413:
        return "body too large";
      default:
        return "not acted on; deliver it again";
    }
  }

  private static WebhookResponse text(int status, String message, String allow) {
    Headers h = Headers.of("Content-Type", "text/plain; charset=utf-8");
    if (allow != null) {
      h = h.with("Allow", allow);
    }
    return new WebhookResponse(status, h, message);
  }

  private record Target(ClientKey key, PlatformClient client, WebhookVerifier verifier) {}

  /** A refusal: its status and a reason safe to log and to send. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String allow;

    Refusal(int status, String reason) {
      this(status, reason, null);
    }

    Refusal(int status, String reason, String allow) {
      super(reason, null, false, false);
      this.status = status;
      this.allow = allow;
    }
  }
}
