package io.socialink;

import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Pkce;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.error.AuthorizationException;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.event.CallEventListener;
import io.socialink.http.ApiResponse;
import io.socialink.http.CallExecutor;
import io.socialink.http.Headers;
import io.socialink.http.JsonCodec;
import io.socialink.http.Transport;
import io.socialink.http.TransportOptions;
import io.socialink.internal.http.JdkTransport;
import io.socialink.internal.json.JacksonCodec;
import io.socialink.internal.pipeline.CallPipeline;
import io.socialink.internal.pipeline.DefaultProviderContext;
import io.socialink.internal.pipeline.PipelineConfig;
import io.socialink.internal.resilience.Sleeper;
import io.socialink.internal.unlink.UnlinkPlanner;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.resilience.CircuitBreakerPolicy;
import io.socialink.resilience.RateLimitSettings;
import io.socialink.resilience.RetryPolicy;
import io.socialink.resilience.RateLimitObservation;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.Revocation;
import io.socialink.spi.TextRules;
import io.socialink.store.GrantStore;
import io.socialink.store.LinkStore;
import io.socialink.store.PendingAuthorization;
import io.socialink.store.PendingAuthorizationStore;
import io.socialink.store.PlanJournal;
import io.socialink.store.VersionConflictException;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.store.memory.InMemoryLinkStore;
import io.socialink.store.memory.InMemoryPendingAuthorizationStore;
import io.socialink.store.memory.InMemoryPlanJournal;
import io.socialink.webhook.WebhookVerifier;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;

/**
 * The entry point: link accounts, keep their grants fresh, call their platforms, and plan how to
 * unlink them completely.
 *
 * <p>Build one per application and share it: it holds one HTTP client, one call pipeline per
 * platform and one API client per configured credential. Thread-safe.
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .credentials(AppCredentials.confidential("x", "oauth2", clientId, Secret.of(clientSecret), redirectUri))
 *     .build();
 *
 * AuthorizationStart start = socialink.authorize(userId, "x");   // redirect the browser to start.url()
 * AuthorizationResult linked = socialink.completeAuthorization(userId, CallbackParameters.fromUri(callbackUri));
 * Account me = socialink.profile(userId, linked.grant().id());
 * UnlinkPlan plan = socialink.planUnlink(userId, linked.link().id());
 * }</pre>
 */
public final class Socialink {
  private final PlatformRegistry registry;
  private final Map<ClientKey, AppCredentials> credentials;
  private final GrantStore grants;
  private final LinkStore links;
  private final PendingAuthorizationStore pending;
  private final PlanJournal journal;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration authorizationTimeout;
  private final Duration refreshSkew;
  private final String applicationName;
  private final Transport transport;
  private final Map<String, CallExecutor> pipelines = new ConcurrentHashMap<>();
  private final PipelineConfig pipelineConfig;
  private final RateLimitSettings rateLimits;
  private final Map<ClientKey, PlatformClient> clients = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Grant>> refreshes = new ConcurrentHashMap<>();
  private final UnlinkPlanner planner;

  private Socialink(Builder b) {
    this.registry = b.registry != null ? b.registry : b.registryBuilder().build();
    this.credentials = Map.copyOf(b.credentials);
    this.grants = b.grants;
    this.links = b.links;
    this.pending = b.pending;
    this.journal = b.journal;
    this.clock = b.clock;
    this.random = b.random;
    this.authorizationTimeout = b.authorizationTimeout;
    this.refreshSkew = b.refreshSkew;
    this.applicationName = b.applicationName;
    this.transport = b.transport != null ? b.transport : new JdkTransport(b.transportOptions);
    this.pipelineConfig = b.pipelineConfig();
    this.rateLimits = b.rateLimits;
    for (ClientKey key : credentials.keySet()) {
      PlatformProvider provider = registry.provider(key.platformId());
      boolean known = provider.authorizationSchemes().stream().anyMatch(s -> s.id().equals(key.schemeId()));
      if (!known) {
        throw configuration(key.platformId(), "credentials name scheme '" + key.schemeId() + "' but platform '"
            + key.platformId() + "' offers " + provider.authorizationSchemes().stream().map(AuthorizationScheme::id).toList());
      }
    }
    for (String id : java.util.stream.Stream.concat(rateLimits.overrides().keySet().stream(),
        rateLimits.defaultsIgnored().stream()).toList()) {
      if (!registry.contains(id)) {
        throw configuration(id, "rate-limit settings name platform '" + id + "', which has no provider; known platforms: "
            + registry.ids());
      }
    }
    this.planner = new UnlinkPlanner(registry, grants, links, clock);
  }

  /**
   * Starts building an instance.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The platforms with a provider, sorted by id.
   *
   * @return the platforms
   */
  public List<Platform> platforms() {
    return registry.platforms();
  }

  /**
   * A platform by id.
   *
   * @param platformId the id
   * @return the platform
   * @throws ConfigurationException naming the known ids if unknown
   */
  public Platform platform(String platformId) {
    return registry.provider(platformId).platform();
  }

  /**
   * The registry of providers.
   *
   * @return the registry
   */
  public PlatformRegistry registry() {
    return registry;
  }

  /**
   * The text rules of a platform, for fitting captions.
   *
   * @param platformId the platform
   * @return the rules
   */
  public TextRules textRules(String platformId) {
    return registry.provider(platformId).textRules();
  }

  /**
   * Classifies a platform's response without making a call, exactly as the pipeline would: core's
   * generic HTTP rules refined by the platform's interpreter. Use it for calls you make yourself.
   *
   * @param platformId the platform
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body
   * @return the classification, or empty when the response is a success
   */
  public Optional<Classification> classify(String platformId, int status, Map<String, List<String>> headers, byte[] body) {
    return classify(registry, platformId, status, headers, body, clock.instant());
  }

  /**
   * Classifies a response with a registry's providers; see {@link #classify(String, int, Map, byte[])}.
   *
   * @param registry the registry
   * @param platformId the platform
   * @param status the HTTP status
   * @param headers the headers
   * @param body the body
   * @param receivedAt when the response arrived, for relative retry times
   * @return the classification, or empty when the response is a success
   */
  public static Optional<Classification> classify(
      PlatformRegistry registry, String platformId, int status, Map<String, List<String>> headers, byte[] body,
      Instant receivedAt) {
    PlatformProvider provider = registry.provider(platformId);
    ApiResponse response = new ApiResponse(status, new Headers(headers), body);
    ResponseInterpreter interpreter = provider.responseInterpreter();
    List<RateLimitObservation> observations;
    try {
      observations = interpreter.rateLimits(RateLimitPolicy.ALL_ENDPOINTS, response, receivedAt);
    } catch (RuntimeException e) {
      observations = List.of();
    }
    return CallPipeline.verdict(platformId, interpreter, response, receivedAt, observations);
  }

  /**
   * Starts linking an account with the platform's default scheme and scopes.
   *
   * @param ownerId the application's user
   * @param platformId the platform
   * @return where to send the user's browser
   */
  public AuthorizationStart authorize(String ownerId, String platformId) {
    AuthorizationScheme scheme = defaultScheme(platformId);
    return authorize(ownerId, platformId, scheme.id(), scheme.defaultScopes());
  }

  /**
   * Starts linking an account: mints a state and a PKCE pair, stores them for the callback, and
   * renders the platform's authorization URL.
   *
   * @param ownerId the application's user
   * @param platformId the platform
   * @param schemeId the authorization scheme
   * @param scopes the scopes to ask for
   * @return where to send the user's browser
   * @throws ConfigurationException if no credentials are configured for the platform and scheme
   */
  public AuthorizationStart authorize(String ownerId, String platformId, String schemeId, List<String> scopes) {
    Checks.notBlank(ownerId, "ownerId");
    List<String> wanted = List.copyOf(Scopes.check(scopes, "scopes"));
    PlatformClient client = client(platformId, schemeId);
    String state = newState();
    Secret verifier = Pkce.newVerifier(random);
    Pkce pkce = client.pkce(verifier);
    URI redirectUri = client.credentials().redirectUri();
    Instant now = clock.instant();
    URI url = client.authorizationUrl(new AuthorizationRequest(redirectUri, wanted, state, pkce, Map.of()));
    PendingAuthorization p = new PendingAuthorization(state, ownerId, platformId, schemeId, verifier, redirectUri,
        wanted, now, now.plus(authorizationTimeout));
    pending.put(p);
    return new AuthorizationStart(url, state, p.expiresAt());
  }

  /**
   * Completes linking from the platform's callback: checks the state (known, unused, unexpired, same
   * owner) before any token request, exchanges the code at once, reads the profile, stores the grant
   * and an {@link LinkKind#APP_AUTHORIZATION} link.
   *
   * @param ownerId the application's user the callback arrived for
   * @param callback the callback's query parameters
   * @return the link, grant and any requested scopes not granted
   * @throws CallbackRejectedException if the callback is forged, reused, expired or declined
   */
  public AuthorizationResult completeAuthorization(String ownerId, CallbackParameters callback) {
    Checks.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(callback, "callback");
    String state = callback.state().orElseThrow(() ->
        new CallbackRejectedException("", CallbackRejectedException.Reason.MISSING_STATE, "the callback has no state"));
    PendingAuthorization p = pending.take(state).orElseThrow(() -> new CallbackRejectedException("",
        CallbackRejectedException.Reason.UNKNOWN_STATE, "the callback's state is unknown or was already used"));
    if (!p.ownerId().equals(ownerId)) {
      throw new CallbackRejectedException(p.platformId(), CallbackRejectedException.Reason.OWNER_MISMATCH,
          "the callback's state was issued to another owner");
    }
    if (p.isExpired(clock.instant())) {
      throw new CallbackRejectedException(p.platformId(), CallbackRejectedException.Reason.EXPIRED,
          "the authorization expired at " + p.expiresAt());
    }
    if (callback.error().isPresent()) {
      throw CallbackRejectedException.denied(p.platformId(), callback.error().get(), callback.errorDescription());
    }
    Secret code = callback.code().orElseThrow(() -> new CallbackRejectedException(p.platformId(),
        CallbackRejectedException.Reason.MISSING_CODE, "the callback has no code"));
    PlatformClient client = client(p.platformId(), p.schemeId());
    Pkce pkce = client.pkce(p.pkceVerifier());
    TokenResponse tokens = client.exchangeCode(new CodeExchange(code, p.redirectUri(), pkce));
    Instant issuedAt = clock.instant();
    String grantId = newId("g");
    Set<String> granted = tokens.scopes().orElse(Set.copyOf(p.requestedScopes()));
    Account placeholder = Account.of(p.platformId(), tokens.accountId().orElse("pending"));
    Grant provisional = grantFrom(grantId, ownerId, placeholder, p.schemeId(), client, tokens, granted, issuedAt);
    Account account = client.profile(provisional);
    Grant grant = grants.save(new Grant(grantId, ownerId, account, p.schemeId(), client.credentials().clientId(),
        provisional.accessToken(), provisional.refreshToken(), provisional.scopes(), provisional.tokenType(),
        issuedAt, provisional.expiresAt(), provisional.refreshExpiresAt(), 0));
    Link link = links.save(Link.create(newId("l"), ownerId, LinkKind.APP_AUTHORIZATION,
        LinkEnd.application(applicationName), LinkEnd.account(account), List.of(grant.id()), clock));
    return new AuthorizationResult(link, grant, grant.missing(p.requestedScopes()));
  }

  private static Grant grantFrom(String id, String ownerId, Account account, String schemeId, PlatformClient client,
      TokenResponse t, Set<String> scopes, Instant issuedAt) {
    return new Grant(id, ownerId, account, schemeId, client.credentials().clientId(), t.accessToken(),
        t.refreshToken(), scopes, t.tokenType(), issuedAt, t.expiresIn().map(issuedAt::plus),
        t.refreshToken().isPresent() ? t.refreshExpiresIn().map(issuedAt::plus) : Optional.empty(), 0);
  }

  /**
   * A grant whose access token is fresh: refreshed first if it expires within the refresh skew (a
   * grant that cannot be refreshed is returned as it is until it has actually expired).
   * Concurrent callers for one grant share one refresh, and a rotated refresh token is stored before
   * any caller gets the grant. A dead refresh token marks the grant's links {@link LinkState#REVOKED};
   * a transient failure changes nothing.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the fresh grant
   * @throws AuthorizationException if the grant expired and cannot be refreshed, or was revoked
   */
  public Grant freshGrant(String ownerId, String grantId) {
    Grant grant = grant(ownerId, grantId);
    if (!grant.needsRefresh(clock, refreshSkew)) {
      return grant;
    }
    if (!grant.canRefresh(clock) && !grant.isExpired(clock)) {
      return grant; // cannot be renewed, but still valid: use it until it expires
    }
    return refresh(grant);
  }

  /**
   * Refreshes a grant now, whatever its expiry; concurrent callers share one refresh.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the refreshed grant, already stored
   */
  public Grant refresh(String ownerId, String grantId) {
    return refresh(grant(ownerId, grantId));
  }

  private Grant refresh(Grant grant) {
    if (!grant.canRefresh(clock)) {
      throw new AuthorizationException(Classification.of(ErrorCategory.AUTH_EXPIRED, grant.account().platformId(), 0,
          "grant " + grant.id() + " has no usable refresh token"
              + (grant.refreshToken().isEmpty() ? " (the platform issued none for the granted scopes)" : " (it expired)"))
          .withRemediation("Ask the user to link the account again."), null, 1);
    }
    String key = grant.ownerId() + "\u0000" + grant.id();
    CompletableFuture<Grant> mine = new CompletableFuture<>();
    CompletableFuture<Grant> running = refreshes.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      Grant current = grant(grant.ownerId(), grant.id());
      Grant result;
      if (current.version() != grant.version() && !current.needsRefresh(clock, refreshSkew)) {
        result = current; // another caller refreshed it between our read and our turn
      } else {
        PlatformClient client = client(current.account().platformId(), current.schemeId());
        TokenResponse t;
        try {
          t = client.refresh(current);
        } catch (SocialinkException e) {
          if (e.category() == ErrorCategory.AUTH_REVOKED) {
            // Another process sharing the store may have refreshed (and spent the old refresh
            // token) meanwhile: its newer grant is the answer, not a revoked link.
            Grant stored = grant(current.ownerId(), current.id());
            if (stored.version() > current.version()) {
              mine.complete(stored);
              return stored;
            }
            markLinksKeepingError(current, e);
          }
          throw e;
        }
        Instant now = clock.instant();
        Grant renewed = current.renewed(t.accessToken(), t.refreshToken(), t.scopes().orElse(current.scopes()), now,
            t.expiresIn().map(now::plus),
            t.refreshToken().isPresent() ? t.refreshExpiresIn().map(now::plus) : Optional.empty());
        try {
          result = grants.save(renewed);
        } catch (VersionConflictException conflict) {
          // Another process stored a refresh first; the store's grant wins and ours is dropped.
          result = grant(current.ownerId(), current.id());
        }
      }
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      refreshes.remove(key, mine);
    }
  }

  private static Grant await(CompletableFuture<Grant> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a refresh", e);
    }
  }

  private void markLinksKeepingError(Grant grant, SocialinkException cause) {
    try {
      markLinks(grant, LinkState.REVOKED);
    } catch (VersionConflictException conflict) {
      cause.addSuppressed(conflict); // the revocation is what the caller must see
    }
  }

  private void markLinks(Grant grant, LinkState state) {
    for (Link l : links.findByGrant(grant.ownerId(), grant.id())) {
      if (l.state() != state && l.state().canMoveTo(state)) {
        links.save(l.withState(state, clock));
      }
    }
  }

  /**
   * Runs an operation with a fresh grant; on {@link ErrorCategory#AUTH_EXPIRED} it refreshes once and
   * replays once, never more.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param operation what to do with the client and the grant
   * @param <T> the result type
   * @return the result
   */
  public <T> T withGrant(String ownerId, String grantId, GrantOperation<T> operation) {
    Grant grant = freshGrant(ownerId, grantId);
    PlatformClient client = client(grant.account().platformId(), grant.schemeId());
    try {
      return operation.apply(client, grant);
    } catch (AuthorizationException e) {
      if (e.category() != ErrorCategory.AUTH_EXPIRED || !grant.canRefresh(clock)) {
        throw e;
      }
      Grant refreshed = refresh(grant);
      return operation.apply(client, refreshed);
    }
  }

  /**
   * Reads the linked account's profile.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return the account
   */
  public Account profile(String ownerId, String grantId) {
    return withGrant(ownerId, grantId, PlatformClient::profile);
  }

  /**
   * Publishes a post through a linked account. Never retried blindly.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @param post the post
   * @return the published post
   */
  public PublishedPost publish(String ownerId, String grantId, Post post) {
    Objects.requireNonNull(post, "post");
    return withGrant(ownerId, grantId, (client, grant) -> client.publish(grant, post));
  }

  /**
   * Revokes a grant at its platform. Idempotent.
   *
   * @param ownerId the owner
   * @param grantId the grant
   * @return what happened
   */
  public Revocation revoke(String ownerId, String grantId) {
    Grant grant = grant(ownerId, grantId);
    return client(grant.account().platformId(), grant.schemeId()).revoke(grant);
  }

  /**
   * An owner's grants, for audit.
   *
   * @param ownerId the owner
   * @return the grants
   */
  public List<Grant> grants(String ownerId) {
    return grants.findByOwner(ownerId);
  }

  /**
   * An owner's links, for audit.
   *
   * @param ownerId the owner
   * @return the links
   */
  public List<Link> links(String ownerId) {
    return links.findByOwner(ownerId);
  }

  /**
   * Records a link Socialink did not make itself, so it can be audited and planned for: an Instagram
   * account shown on a TikTok profile ({@link LinkKind#PROFILE_LINK}), a cross-posting pair
   * ({@link LinkKind#CROSS_POST}) or an account held by a business tool ({@link LinkKind#BUSINESS_ASSET}).
   *
   * @param ownerId the owner
   * @param kind the kind
   * @param from the first end
   * @param to the second end
   * @param grantIds the owner's grants the link uses, possibly none
   * @return the stored link
   * @throws IllegalArgumentException if a grant id is not one of the owner's grants
   */
  public Link recordLink(String ownerId, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds) {
    Checks.notBlank(ownerId, "ownerId");
    for (String id : grantIds) {
      grant(ownerId, id);
    }
    return links.save(Link.create(newId("l"), ownerId, kind, from, to, grantIds, clock));
  }

  /**
   * Plans the complete undoing of a link.
   *
   * @param ownerId the owner
   * @param linkId the link
   * @return the plan
   * @throws IllegalArgumentException if the owner has no such link
   */
  public UnlinkPlan planUnlink(String ownerId, String linkId) {
    Link link = links.find(ownerId, linkId)
        .orElseThrow(() -> new IllegalArgumentException("owner " + ownerId + " has no link " + linkId));
    return planner.planLink(link, false);
  }

  /**
   * Plans the clean-up of every link of an account before the user deletes it.
   *
   * @param ownerId the owner
   * @param account the account
   * @return the plan
   */
  public UnlinkPlan planAccountDeletion(String ownerId, Account account) {
    return planner.planAccountDeletion(ownerId, account, false);
  }

  /**
   * The plan journal, where executed steps are recorded.
   *
   * @return the journal
   */
  public PlanJournal journal() {
    return journal;
  }

  /**
   * The webhook verifier of a platform for the configured credentials of a scheme.
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @return the verifier, or empty if the platform has none
   */
  public Optional<WebhookVerifier> webhooks(String platformId, String schemeId) {
    return client(platformId, schemeId).webhooks();
  }

  /**
   * The API client for a platform and scheme, made once from the configured credentials.
   *
   * @param platformId the platform
   * @param schemeId the scheme
   * @return the client
   * @throws ConfigurationException if no credentials are configured for them
   */
  public PlatformClient client(String platformId, String schemeId) {
    ClientKey key = new ClientKey(platformId, schemeId);
    PlatformClient existing = clients.get(key);
    if (existing != null) {
      return existing;
    }
    PlatformProvider provider = registry.provider(platformId);
    AppCredentials creds = credentials.get(key);
    if (creds == null) {
      throw configuration(platformId, "no credentials configured for platform '" + platformId + "' scheme '"
          + schemeId + "'; configured: " + credentials.keySet().stream().map(ClientKey::toString).sorted().toList());
    }
    return clients.computeIfAbsent(key, k -> provider.createClient(
        new DefaultProviderContext(provider.platform(), creds, pipeline(provider), json(), clock)));
  }

  private CallExecutor pipeline(PlatformProvider provider) {
    String id = provider.platform().id();
    return pipelines.computeIfAbsent(id, k -> new CallPipeline(id, transport, provider.responseInterpreter(),
        pipelineConfig.withRateLimits(rateLimits.policiesFor(id, provider.rateLimitPolicies()))));
  }

  private static JsonCodec json() {
    return JacksonCodec.instance();
  }

  private AuthorizationScheme defaultScheme(String platformId) {
    List<AuthorizationScheme> schemes = registry.provider(platformId).authorizationSchemes();
    return schemes.stream()
        .filter(s -> credentials.containsKey(new ClientKey(platformId, s.id())))
        .findFirst()
        .orElse(schemes.get(0));
  }

  private Grant grant(String ownerId, String grantId) {
    return grants.find(ownerId, grantId)
        .orElseThrow(() -> new IllegalArgumentException("owner " + ownerId + " has no grant " + grantId));
  }

  private String newState() {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String newId(String prefix) {
    return prefix + "-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + Long.toHexString(clock.millis());
  }

  private static ConfigurationException configuration(String platformId, String message) {
    return new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, platformId, 0, message), null, 1);
  }

  /**
   * An operation on a platform client with a grant.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface GrantOperation<T> {
    /**
     * Runs the operation.
     *
     * @param client the client
     * @param grant the fresh grant
     * @return the result
     */
    T apply(PlatformClient client, Grant grant);
  }

  private record ClientKey(String platformId, String schemeId) {
    @Override
    public String toString() {
      return platformId + "/" + schemeId;
    }
  }

  /** Builds a {@link Socialink}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private PlatformRegistry registry;
    private final List<PlatformProvider> explicit = new java.util.ArrayList<>();
    private ProviderLoader loader = ProviderLoader.serviceLoader();
    private final Map<ClientKey, AppCredentials> credentials = new LinkedHashMap<>();
    private GrantStore grants = new InMemoryGrantStore();
    private LinkStore links = new InMemoryLinkStore();
    private PendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore();
    private PlanJournal journal = new InMemoryPlanJournal();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private Duration authorizationTimeout = Duration.ofMinutes(10);
    private Duration refreshSkew = Duration.ofMinutes(2);
    private String applicationName = "this application";
    private Transport transport;
    private TransportOptions transportOptions = TransportOptions.ofDefaults();
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.ofDefaults();
    private RateLimitSettings rateLimits = RateLimitSettings.ofDefaults();
    private Duration maxWait = PipelineConfig.DEFAULT_MAX_WAIT;
    private CallEventListener eventListener = CallEventListener.noop();
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator backoffRandom = PipelineConfig.threadLocalRandom();

    private Builder() {}

    /**
     * Uses a ready registry instead of discovery.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(PlatformRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Registers a provider explicitly; it wins over a discovered one with the same id.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder register(PlatformProvider provider) {
      explicit.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Discovers providers with this loader instead of core's class loader.
     *
     * @param loader the loader
     * @return this builder
     */
    public Builder providerLoader(ProviderLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Adds an application credential for one platform and scheme.
     *
     * @param appCredentials the credentials
     * @return this builder
     * @throws IllegalArgumentException if the platform and scheme already have credentials
     */
    public Builder credentials(AppCredentials appCredentials) {
      Objects.requireNonNull(appCredentials, "appCredentials");
      ClientKey key = new ClientKey(appCredentials.platformId(), appCredentials.schemeId());
      if (credentials.putIfAbsent(key, appCredentials) != null) {
        throw new IllegalArgumentException("credentials for " + key + " are already set");
      }
      return this;
    }

    /**
     * The grant store; in memory by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder grantStore(GrantStore store) {
      this.grants = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The link store; in memory by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder linkStore(LinkStore store) {
      this.links = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The pending authorization store; in memory by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder pendingAuthorizationStore(PendingAuthorizationStore store) {
      this.pending = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The plan journal; in memory by default.
     *
     * @param planJournal the journal
     * @return this builder
     */
    public Builder planJournal(PlanJournal planJournal) {
      this.journal = Objects.requireNonNull(planJournal, "planJournal");
      return this;
    }

    /**
     * The clock; the system UTC clock by default.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The random source for states, PKCE verifiers and ids; a {@link SecureRandom} by default.
     * Replace it only in tests.
     *
     * @param value the random source
     * @return this builder
     */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * How long a started authorization waits for its callback; 10 minutes by default.
     *
     * @param timeout positive duration
     * @return this builder
     */
    public Builder authorizationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("authorizationTimeout must be positive; got " + timeout);
      }
      this.authorizationTimeout = timeout;
      return this;
    }

    /**
     * How long before expiry a grant is refreshed; 2 minutes by default.
     *
     * @param skew non-negative duration
     * @return this builder
     */
    public Builder refreshSkew(Duration skew) {
      this.refreshSkew = Checks.notNegative(skew, "refreshSkew");
      return this;
    }

    /**
     * The application's name as users know it, shown in links and plans.
     *
     * @param name the name
     * @return this builder
     */
    public Builder applicationName(String name) {
      this.applicationName = Checks.notBlank(name, "applicationName");
      return this;
    }

    /**
     * Replaces the HTTP transport; the JDK {@code HttpClient} by default.
     *
     * @param value the transport
     * @return this builder
     */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /**
     * Timeouts of the default transport.
     *
     * @param options the options
     * @return this builder
     */
    public Builder transportOptions(TransportOptions options) {
      this.transportOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * How failed calls are retried; {@link RetryPolicy#ofDefaults()} by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * When a platform's circuit breaker opens; {@link CircuitBreakerPolicy#ofDefaults()} by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder circuitBreakerPolicy(CircuitBreakerPolicy policy) {
      this.circuitBreakerPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Overrides of the providers' declared rate limits; none by default.
     *
     * @param settings the overrides
     * @return this builder
     */
    public Builder rateLimits(RateLimitSettings settings) {
      this.rateLimits = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The longest a call waits in-process for a rate limit or a platform's retry time; a longer wait
     * fails the call at once with {@link ErrorCategory#RATE_LIMITED} and the instant it may go.
     * 30 seconds by default; zero never waits.
     *
     * @param value non-negative duration
     * @return this builder
     */
    public Builder maxWait(Duration value) {
      this.maxWait = Checks.notNegative(value, "maxWait");
      return this;
    }

    /**
     * Receives the call pipeline's events (calls started, succeeded, failed, retried, throttled,
     * circuit breaker changes); none by default.
     *
     * @param listener the listener; fast and never throwing
     * @return this builder
     */
    public Builder eventListener(CallEventListener listener) {
      this.eventListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Test seam: how the pipeline waits. */
    Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** Test seam: the backoff jitter source; must be thread-safe. */
    Builder backoffRandom(RandomGenerator value) {
      this.backoffRandom = Objects.requireNonNull(value, "backoffRandom");
      return this;
    }

    private PipelineConfig pipelineConfig() {
      return new PipelineConfig(retryPolicy, circuitBreakerPolicy, List.of(), maxWait, eventListener, sleeper,
          backoffRandom, clock);
    }

    private PlatformRegistry.Builder registryBuilder() {
      PlatformRegistry.Builder b = PlatformRegistry.builder().discover(loader);
      explicit.forEach(b::register);
      return b;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     * @throws ConfigurationException if credentials name an unknown platform or scheme, or providers clash
     */
    public Socialink build() {
      if (registry != null && !explicit.isEmpty()) {
        throw new IllegalStateException("set either registry(...) or register(...), not both");
      }
      return new Socialink(this);
    }
  }
}
