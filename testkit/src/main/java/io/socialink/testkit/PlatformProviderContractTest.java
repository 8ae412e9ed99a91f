package io.socialink.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Socialink;
import io.socialink.StepOutcome;
import io.socialink.StepStatus;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkReport;
import io.socialink.UnlinkStep;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every platform provider meets, run through the public {@link Socialink} API against a
 * platform emulator (or any local stand-in): authorize, exchange the code, refresh, read the profile,
 * publish, revoke, and see the old token refused; and a forged or reused state refused before any
 * token request. Written once, so every provider, a third party's too, runs the same checks.
 *
 * <pre>{@code
 * class XContractTest extends PlatformProviderContractTest {
 *   static XEmulator x = XEmulator.start();
 *   protected Socialink newSocialink() { return Socialink.builder()
 *       .register(XProvider.withEndpoints(XEndpoints.of(x.authorizeUri(), x.apiBaseUri())))
 *       .credentials(...).build(); }
 *   protected String platformId() { return "x"; }
 *   protected String schemeId() { return "oauth2"; }
 *   protected List<String> scopes() { return XScopes.POSTING; }
 *   protected URI consent(URI url) { return x.consent(url); }
 *   protected long tokenRequests() { return x.count("POST", "/2/oauth2/token"); }
 * }
 * }</pre>
 *
 * <p>Each test gets a new {@link Socialink} from {@link #newSocialink()}.
 */
public abstract class PlatformProviderContractTest {
  /** The application user who owns the links made by the contract. */
  protected static final String OWNER = "contract-owner";

  private Socialink socialink;

  /** Creates the test; subclasses add their emulator. */
  protected PlatformProviderContractTest() {}

  /**
   * A new {@link Socialink} whose provider for {@link #platformId()} talks to the emulator and whose
   * credentials the emulator knows.
   *
   * @return the instance
   */
  protected abstract Socialink newSocialink();

  /**
   * The platform under test.
   *
   * @return its id
   */
  protected abstract String platformId();

  /**
   * The authorization scheme under test.
   *
   * @return its id
   */
  protected abstract String schemeId();

  /**
   * The scopes to ask for: enough to read the profile, publish and refresh.
   *
   * @return the scopes
   */
  protected abstract List<String> scopes();

  /**
   * Plays the user's browser: consents on the emulator's authorization page.
   *
   * @param authorizationUrl the URL the application sends the browser to
   * @return the callback URI the platform redirects the browser to
   */
  protected abstract URI consent(URI authorizationUrl);

  /**
   * How many requests the emulator's token endpoint has received so far.
   *
   * @return the count
   */
  protected abstract long tokenRequests();

  /**
   * A post the platform accepts; each call returns different content, since platforms refuse
   * duplicates.
   *
   * @return the post
   */
  protected Post samplePost() {
    return Post.text("Socialink contract check " + UUID.randomUUID());
  }

  /**
   * Whether the platform rotates refresh tokens, so that a used one must be refused.
   *
   * @return true by default
   */
  protected boolean rotatesRefreshTokens() {
    return true;
  }

  /**
   * Whether the scheme under test issues a refresh token, so that its grants can be refreshed without the
   * user: when it does not (Facebook Login's long-lived user tokens), a linked grant must carry no refresh
   * token, {@link #refreshRotatesTheTokens()} is skipped and {@link #linkUseAndUnlink()} runs its journey
   * without the refresh.
   *
   * @return true by default
   */
  protected boolean refreshes() {
    return true;
  }

  /**
   * Whether the scheme under test publishes through {@link PlatformClient#publish}: when it does not
   * (an account-management scheme such as TikTok API for Business, or an emulator without the
   * platform's posting endpoints), {@link #publishCreatesAPost()} is skipped and
   * {@link #linkUseAndUnlink()} runs its journey without the post.
   *
   * @return true by default
   */
  protected boolean publishes() {
    return true;
  }

  /**
   * Whether the profile carries a handle: false for a scheme whose profile call returns only the
   * account's id (TikTok API for Business's token info), which then is checked alone.
   *
   * @return true by default
   */
  protected boolean profileHasHandle() {
    return true;
  }

  /**
   * Lets whatever time the platform requires pass before a grant made by {@link #link()} may be
   * refreshed (Instagram refreshes only tokens at least 24 hours old): advance the test clock the
   * Socialink and the emulator share. Does nothing by default.
   */
  protected void beforeRefresh() {}

  /**
   * Ends the app's access to a grant's account, before the old token is checked to fail. By default
   * the application revokes through {@link io.socialink.auth.Grants#revoke}, which must report
   * {@link Revocation#REVOKED}. A platform without app-side revocation overrides this to make the
   * attempts it has and then simulate the user's removal of the app on the emulator.
   *
   * @param grant the grant
   */
  protected void endAccess(Grant grant) {
    assertThat(socialink.grants().revoke(OWNER, grant.id())).isEqualTo(Revocation.REVOKED);
  }

  /**
   * Ends the access again, which must be safe. By default a second revocation must report
   * {@link Revocation#ALREADY_REVOKED}.
   *
   * @param grant the grant, whose access {@link #endAccess} ended
   */
  protected void endAccessAgain(Grant grant) {
    assertThat(socialink.grants().revoke(OWNER, grant.id())).isEqualTo(Revocation.ALREADY_REVOKED);
  }

  /**
   * Does on the emulator what an unlink plan's manual steps ask of the user (such as removing the
   * app in the platform's settings), before the test confirms them. Does nothing by default.
   *
   * @param grant the grant of the link being unlinked
   */
  protected void userFollowsManualSteps(Grant grant) {}

  /** Builds this test's {@link Socialink}. */
  @BeforeEach
  protected void createSocialink() {
    socialink = newSocialink();
  }

  /**
   * This test's instance.
   *
   * @return the instance
   */
  protected final Socialink socialink() {
    return socialink;
  }

  /**
   * This test's API client of the platform and scheme.
   *
   * @return the client
   */
  protected final PlatformClient client() {
    return socialink.client(platformId(), schemeId());
  }

  /**
   * Links an account through the public API: authorize, consent, complete.
   *
   * @return the result
   */
  protected final AuthorizationResult link() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, platformId(), schemeId(), scopes());
    URI callback = consent(start.url());
    return socialink.linking().complete(OWNER, CallbackParameters.fromUri(callback));
  }

  /** Authorize and exchange make an active authorization link with a grant for the user's account. */
  @Test
  public void authorizeAndExchangeLinkTheAccount() {
    AuthorizationResult result = link();

    assertThat(result.missingScopes()).isEmpty();
    assertThat(result.link().kind()).isEqualTo(LinkKind.APP_AUTHORIZATION);
    assertThat(result.link().grantIds()).containsExactly(result.grant().id());
    assertThat(result.grant().account().platformId()).isEqualTo(platformId());
    assertThat(result.grant().account().userId()).isNotBlank();
    assertThat(result.grant().refreshToken().isPresent()).isEqualTo(refreshes());
    assertThat(result.grant().expiresAt()).isPresent();
    assertThat(socialink.grants().list(OWNER)).extracting(Grant::id).containsExactly(result.grant().id());
  }

  /** A refresh returns a new access token and a new refresh token; the used refresh token is dead. */
  @Test
  public void refreshRotatesTheTokens() {
    Assumptions.assumeTrue(refreshes(), "the scheme issues no refresh token");
    Grant before = link().grant();
    beforeRefresh();

    Grant after = socialink.grants().refresh(OWNER, before.id());

    assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
    assertThat(after.refreshToken()).isPresent();
    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(socialink.grants().fresh(OWNER, before.id()).accessToken()).isEqualTo(after.accessToken());
    Assumptions.assumeTrue(rotatesRefreshTokens(), "the platform does not rotate refresh tokens");
    assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
    assertThatThrownBy(() -> client().refresh(before))
        .isInstanceOfSatisfying(SocialinkException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH_REVOKED));
  }

  /** The profile is the linked account. */
  @Test
  public void profileReadsTheLinkedAccount() {
    Grant grant = link().grant();

    Account account = socialink.grants().profile(OWNER, grant.id());

    assertThat(account).isEqualTo(grant.account());
    assertThat(account.userId()).isEqualTo(grant.account().userId());
    if (profileHasHandle()) {
      assertThat(account.handle()).isPresent();
    }
  }

  /** Publishing returns the platform's id of the new post. */
  @Test
  public void publishCreatesAPost() {
    Assumptions.assumeTrue(publishes(), "the scheme under test does not publish");
    Grant grant = link().grant();

    PublishedPost post = socialink.publishing().publish(OWNER, grant.id(), samplePost());

    assertThat(post.platformId()).isEqualTo(platformId());
    assertThat(post.postId()).isNotBlank();
  }

  /**
   * After a revocation ({@link #endAccess}) the old access token is refused with an authorization error;
   * revoking again ({@link #endAccessAgain}) is safe.
   */
  @Test
  public void revokeKillsTheOldAccessToken() {
    Grant grant = link().grant();
    assertThat(client().profile(grant)).isEqualTo(grant.account());

    endAccess(grant);

    assertThatThrownBy(() -> client().profile(grant))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category().isAuthorization()).isTrue());
    endAccessAgain(grant);
  }

  /**
   * The whole journey in order: authorize, exchange, refresh (where the scheme {@link #refreshes()}),
   * profile, post (where the scheme publishes), revoke ({@link #endAccess}), and the old token refused.
   */
  @Test
  public void linkUseAndUnlink() {
    AuthorizationResult linked = link();
    Grant refreshed = linked.grant();
    if (refreshes()) {
      beforeRefresh();
      refreshed = socialink.grants().refresh(OWNER, linked.grant().id());
    }
    Account me = socialink.grants().profile(OWNER, linked.grant().id());
    if (publishes()) {
      PublishedPost post = socialink.publishing().publish(OWNER, linked.grant().id(), samplePost());
      assertThat(post.postId()).isNotBlank();
    }
    assertThat(me).isEqualTo(linked.grant().account());

    endAccess(linked.grant());

    Grant last = refreshed;
    assertThatThrownBy(() -> client().profile(last))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category().isAuthorization()).isTrue());
  }

  /**
   * The link's unlink plan, executed through the public API: the API steps run, the manual steps
   * wait until the user ({@link #userFollowsManualSteps}) has done them and they are confirmed, the
   * old token is verified refused, the grant is forgotten, the link is unlinked, and executing the
   * plan again changes nothing.
   */
  @Test
  public void anExecutedUnlinkPlanEndsTheAccessAndForgetsTheGrant() {
    AuthorizationResult linked = link();
    Grant grant = linked.grant();
    UnlinkPlan plan = socialink.unlinking().plan(OWNER, linked.link().id());

    UnlinkReport first = socialink.unlinking().execute(OWNER, plan);
    assertThat(first.withStatus(StepStatus.FAILED)).as(first.renderText()).isEmpty();
    assertThat(first.withStatus(StepStatus.PENDING)).as(first.renderText()).isEmpty();
    List<StepOutcome> waiting = first.withStatus(StepStatus.AWAITING_USER);
    if (!waiting.isEmpty()) {
      assertThat(first.isComplete()).isFalse();
      assertThat(socialink.grants().find(OWNER, grant.id())).as("tokens are kept until verified").isPresent();
      userFollowsManualSteps(grant);
      waiting.forEach(o -> socialink.unlinking().confirm(OWNER, plan, o.stepId()));
    }
    UnlinkReport last = socialink.unlinking().execute(OWNER, plan);

    assertThat(last.isComplete()).as(last.renderText()).isTrue();
    assertThat(plan.steps()).filteredOn(UnlinkStep.Verify.class::isInstance).isNotEmpty()
        .allSatisfy(v -> assertThat(last.outcome(v.id()).orElseThrow().status()).isEqualTo(StepStatus.DONE));
    assertThat(socialink.grants().find(OWNER, grant.id())).isEmpty();
    assertThat(socialink.links().find(OWNER, linked.link().id())).map(Link::state).contains(LinkState.UNLINKED);
    assertThatThrownBy(() -> client().profile(grant))
        .isInstanceOfSatisfying(SocialinkException.class, e -> assertThat(e.category().isAuthorization()).isTrue());
    assertThat(socialink.unlinking().execute(OWNER, plan)).isEqualTo(last);
  }

  /** A callback replayed with a used state is refused before any token request. */
  @Test
  public void reusedStateIsRefusedWithoutATokenRequest() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, platformId(), schemeId(), scopes());
    CallbackParameters callback = CallbackParameters.fromUri(consent(start.url()));
    socialink.linking().complete(OWNER, callback);
    long before = tokenRequests();

    assertThatThrownBy(() -> socialink.linking().complete(OWNER, callback))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));
    assertThat(tokenRequests()).isEqualTo(before);
  }

  /** A callback whose state was never issued is refused before any token request. */
  @Test
  public void forgedStateIsRefusedWithoutATokenRequest() {
    AuthorizationStart start = socialink.linking().authorize(OWNER, platformId(), schemeId(), scopes());
    CallbackParameters real = CallbackParameters.fromUri(consent(start.url()));
    CallbackParameters forged = new CallbackParameters(java.util.Optional.of("forged-" + start.state()), real.code(),
        java.util.Optional.empty(), java.util.Optional.empty());
    long before = tokenRequests();

    assertThatThrownBy(() -> socialink.linking().complete(OWNER, forged))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.UNKNOWN_STATE));
    assertThatThrownBy(() -> socialink.linking().complete("another-owner", real))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.OWNER_MISMATCH));
    assertThat(tokenRequests()).isEqualTo(before);
  }
}
