package io.socialink.internal.service;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.auth.CallbackRejectedException.Reason;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.Linking;
import io.socialink.auth.Pkce;
import io.socialink.auth.Scopes;
import io.socialink.auth.TokenResponse;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.store.PendingAuthorization;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link Linking} over the runtime. Thread-safe. */
public final class LinkingService implements Linking {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public LinkingService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public AuthorizationStart authorize(String ownerId, String platformId) {
    AuthorizationScheme scheme = rt.clients().defaultScheme(platformId);
    return authorize(ownerId, platformId, scheme.id(), scheme.defaultScopes());
  }

  @Override
  public AuthorizationStart authorize(String ownerId, String platformId, String schemeId, List<String> scopes) {
    Args.notBlank(ownerId, "ownerId");
    List<String> wanted = List.copyOf(Scopes.check(scopes, "scopes"));
    PlatformClient client = rt.clients().client(platformId, schemeId);
    String state = rt.ids().state();
    Secret verifier = Pkce.newVerifier(rt.ids().random());
    Pkce pkce = client.pkce(verifier);
    URI redirectUri = client.credentials().redirectUri();
    Instant now = rt.clock().instant();
    URI url = client.authorizationUrl(new AuthorizationRequest(redirectUri, wanted, state, pkce, Map.of()));
    PendingAuthorization p = new PendingAuthorization(state, ownerId, platformId, schemeId, verifier, redirectUri,
        wanted, now, now.plus(rt.settings().authorizationTimeout()));
    rt.stores().pending().put(p);
    return new AuthorizationStart(url, state, p.expiresAt());
  }

  @Override
  public AuthorizationResult complete(String ownerId, CallbackParameters callback) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(callback, "callback");
    String state = callback.state().orElseThrow(() ->
        new CallbackRejectedException("", Reason.MISSING_STATE, "the callback has no state"));
    PendingAuthorization p = rt.stores().pending().take(state).orElseThrow(() ->
        new CallbackRejectedException("", Reason.UNKNOWN_STATE, "the callback's state is unknown or was already used"));
    if (!p.ownerId().equals(ownerId)) {
      throw new CallbackRejectedException(p.platformId(), Reason.OWNER_MISMATCH,
          "the callback's state was issued to another owner");
    }
    if (p.isExpired(rt.clock().instant())) {
      throw new CallbackRejectedException(p.platformId(), Reason.EXPIRED, "the authorization expired at " + p.expiresAt());
    }
    if (callback.error().isPresent()) {
      throw CallbackRejectedException.denied(p.platformId(), callback.error().get(), callback.errorDescription());
    }
    Secret code = callback.code().orElseThrow(() ->
        new CallbackRejectedException(p.platformId(), Reason.MISSING_CODE, "the callback has no code"));
    PlatformClient client = rt.clients().client(p.platformId(), p.schemeId());
    TokenResponse tokens = client.exchangeCode(new CodeExchange(code, p.redirectUri(), client.pkce(p.pkceVerifier())));
    Instant issuedAt = rt.clock().instant();
    String grantId = rt.ids().id("g");
    Set<String> granted = tokens.scopes().orElse(Set.copyOf(p.requestedScopes()));
    Account placeholder = Account.of(p.platformId(), tokens.accountId().orElse("pending"));
    Grant provisional = grant(grantId, ownerId, placeholder, p.schemeId(), client, tokens, granted, issuedAt);
    Account account = client.profile(provisional);
    Grant grant = rt.stores().grants().save(new Grant(grantId, ownerId, account, p.schemeId(),
        client.credentials().clientId(), provisional.accessToken(), provisional.refreshToken(), provisional.scopes(),
        provisional.tokenType(), issuedAt, provisional.expiresAt(), provisional.refreshExpiresAt(), 0,
        provisional.attributes()));
    Link link = rt.stores().links().save(Link.create(rt.ids().id("l"), ownerId, LinkKind.APP_AUTHORIZATION,
        rt.settings().applicationName().map(LinkEnd::application).orElseGet(LinkEnd::application), LinkEnd.account(account), List.of(grant.id()),
        rt.clock()));
    return new AuthorizationResult(link, grant, grant.missing(p.requestedScopes()));
  }

  private static Grant grant(String id, String ownerId, Account account, String schemeId, PlatformClient client,
      TokenResponse t, Set<String> scopes, Instant issuedAt) {
    return new Grant(id, ownerId, account, schemeId, client.credentials().clientId(), t.accessToken(),
        t.refreshToken(), scopes, t.tokenType(), issuedAt, t.expiresIn().map(issuedAt::plus),
        t.refreshToken().isPresent() ? t.refreshExpiresIn().map(issuedAt::plus) : Optional.empty(), 0, t.attributes());
  }
}
