package io.socialink.x;

import io.socialink.Capability;
import io.socialink.Grant;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkStep;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import io.socialink.x.internal.MapJson;
import io.socialink.x.internal.XCalls;
import io.socialink.x.internal.XResponseInterpreter;
import io.socialink.x.internal.XTextRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The X provider: OAuth 2.0 with PKCE and rotating refresh tokens, revocation, the profile, posts
 * with media, X's rate-limit headers and error shapes, webhooks, text rules and the manual steps of
 * an unlink.
 *
 * <p>{@link java.util.ServiceLoader} finds it with X's own hosts. To point it elsewhere (tests, the
 * emulator of {@code socialink-testkit}), register one explicitly; it wins over the discovered one:
 *
 * <pre>{@code
 * Socialink socialink = Socialink.builder()
 *     .register(XProvider.withEndpoints(XEndpoints.of(authorizeUri, apiBaseUri)))
 *     .credentials(AppCredentials.confidential("x", "oauth2", clientId, Secret.of(clientSecret), redirectUri)
 *         .withSecret(XProvider.CONSUMER_SECRET, Secret.of(apiKeySecret)))   // only for webhooks
 *     .build();
 * XClient x = socialink.client(XClient.class);
 * }</pre>
 *
 * <h2>Reading X's answers</h2>
 *
 * <p>{@link #responseInterpreter()} reads OAuth errors, problem types matched by suffix, v1.1 codes,
 * partial errors, {@code x-transaction-id} as the request id, and observations from {@code x-rate-limit-*} (per user
 * and endpoint group; per app for the OAuth endpoints), {@code x-app-limit-24hour-*} (per app) and
 * {@code x-user-limit-24hour-*} (per user), both for the endpoint group of the call that got them, so
 * a spent daily posting cap holds posting only.
 *
 * <h2>Rate limits</h2>
 *
 * <p>{@link #rateLimitPolicies()} holds X's documented limits: {@code users.me} 75 per 15 minutes per
 * user; {@code tweets.create} 100 per 15 minutes per user and 10,000 per day per app; {@code media.upload} 500 / 50,000;
 * {@code media.status} 1,000 / 100,000; {@code media.initialize}, {@code media.append} and
 * {@code media.finalize} 1,875 / 180,000 each.
 *
 * <p>Immutable and thread-safe.
 */
public final class XProvider extends AbstractPlatformProvider {
  /** The platform id. */
  public static final String ID = "x";

  /** OAuth 2.0 authorization code with PKCE. */
  public static final AuthorizationScheme OAUTH2 = new AuthorizationScheme("oauth2", "X OAuth 2.0",
      List.of("tweet.read", "users.read", "offline.access"), "user-context access with PKCE");

  /** Revoking an app's access to an X account. */
  public static final ManualProcedure REVOKE_CONNECTED_APP = new ManualProcedure(
      "revoke-connected-app", ID, "Revoke the app's permissions on X",
      List.of("More (web) or your profile picture (app)", "Settings and privacy", "Security and account access",
          "Apps and sessions", "Connected apps", "the app", "Revoke app permissions"),
      Optional.of(URI.create("https://x.com/settings/connected_apps")), Optional.empty(),
      "Only the user can remove an app from the Connected apps list.",
      "The app is no longer listed under Connected apps.");

  /**
   * The name under which {@link io.socialink.auth.AppCredentials#secret(String)} holds the app's
   * consumer secret (API Key Secret), the key of X's webhook CRC and signatures.
   */
  public static final String CONSUMER_SECRET = "consumer_secret";

  /** The probe of an unlink's verification step. */
  public static final String VERIFY_PROBE = "GET /2/users/me";

  private static final Platform PLATFORM = new Platform(ID, "X",
      Set.of(Capability.TOKEN_REFRESH, Capability.TOKEN_REVOCATION, Capability.PROFILE, Capability.PUBLISH_TEXT,
          Capability.PUBLISH_IMAGE, Capability.PUBLISH_VIDEO, Capability.WEBHOOKS, Capability.DEAUTHORIZATION_CALLBACK),
      List.of(REVOKE_CONNECTED_APP));

  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);
  private static final Duration DAY = Duration.ofHours(24);

  /** X's documented per-endpoint limits (fact sheet §5.3); {@code POST /2/tweets} uses the stricter 100 per 15 minutes. */
  private static final List<RateLimitPolicy> POLICIES = List.of(
      RateLimitPolicy.perUser(XCalls.USERS_ME, 75, FIFTEEN_MINUTES),
      RateLimitPolicy.perUser(XCalls.TWEETS_CREATE, 100, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.TWEETS_CREATE, 10_000, DAY),
      RateLimitPolicy.perUser(XCalls.USER_TWEETS, 900, FIFTEEN_MINUTES),
      RateLimitPolicy.perUser(XCalls.MEDIA_UPLOAD, 500, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.MEDIA_UPLOAD, 50_000, DAY),
      RateLimitPolicy.perUser(XCalls.MEDIA_STATUS, 1_000, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.MEDIA_STATUS, 100_000, DAY),
      RateLimitPolicy.perUser(XCalls.MEDIA_INITIALIZE, 1_875, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.MEDIA_INITIALIZE, 180_000, DAY),
      RateLimitPolicy.perUser(XCalls.MEDIA_APPEND, 1_875, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.MEDIA_APPEND, 180_000, DAY),
      RateLimitPolicy.perUser(XCalls.MEDIA_FINALIZE, 1_875, FIFTEEN_MINUTES),
      RateLimitPolicy.perApp(XCalls.MEDIA_FINALIZE, 180_000, DAY));

  private final XEndpoints endpoints;
  private final int mediaChunkBytes;
  private final Duration maxProcessingWait;

  /** Creates the provider with X's own hosts; {@link java.util.ServiceLoader} calls this. */
  public XProvider() {
    this(new Builder());
  }

  private XProvider(Builder b) {
    super(PLATFORM, List.of(OAUTH2), new XResponseInterpreter(MapJson.INSTANCE), POLICIES);
    this.endpoints = b.endpoints;
    this.mediaChunkBytes = b.mediaChunkBytes;
    this.maxProcessingWait = b.maxProcessingWait;
  }

  /**
   * A provider that talks to other hosts, such as WireMock or the X emulator.
   *
   * @param endpoints the hosts
   * @return the provider
   */
  public static XProvider withEndpoints(XEndpoints endpoints) {
    return builder().endpoints(endpoints).build();
  }

  /**
   * Starts configuring a provider.
   *
   * @return a builder with X's hosts, 1 MiB media chunks and a 10-minute
   *     processing wait
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The hosts this provider's clients use.
   *
   * @return the endpoints
   */
  public XEndpoints endpoints() {
    return endpoints;
  }

  int mediaChunkBytes() {
    return mediaChunkBytes;
  }

  Duration maxProcessingWait() {
    return maxProcessingWait;
  }

  /**
   * X's weighted length through twitter-text: at most 280, every URL 23, emoji sequences and code
   * points outside the light ranges (CJK, "…") 2, after NFC. {@code fit} keeps the longest prefix of
   * whole tokens that fits with the suffix, measuring each cut in full (NFC can make a text longer),
   * and never cuts inside a URL, an emoji sequence or a surrogate pair.
   */
  @Override
  public TextRules textRules() {
    return XTextRules.INSTANCE;
  }

  /**
   * X's part of an unlink: revoke each grant, verify with {@value #VERIFY_PROBE} that the old token
   * is refused, and, for an {@link LinkKind#APP_AUTHORIZATION} or {@link LinkKind#CROSS_POST} link
   * with an X end, the user's own removal of the app under Connected apps (not for a cross-post whose X
   * grants other live links still use: the app keeps that access).
   */
  @Override
  public UnlinkContributor unlinkContributor() {
    return context -> {
      List<UnlinkStep> steps = new ArrayList<>();
      for (Grant g : context.grants()) {
        steps.add(new UnlinkStep.RevokeGrant(context.stepId("revoke", ID, g.id()), ID, g.id()));
        steps.add(new UnlinkStep.Verify(context.stepId("verify", ID, g.id()), ID, g.id(), VERIFY_PROBE));
      }
      context.link().ifPresent(link -> {
        boolean xEnd = link.platformIds().contains(ID);
        if (xEnd && link.kind() == LinkKind.APP_AUTHORIZATION) {
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, REVOKE_CONNECTED_APP.id()),
              REVOKE_CONNECTED_APP, "X keeps the app under Connected apps until the user removes it; revoking the"
                  + " tokens does not show whether it leaves the list."));
        } else if (xEnd && link.kind() == LinkKind.CROSS_POST && !keptForOtherLinks(context)) {
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, REVOKE_CONNECTED_APP.id()),
              REVOKE_CONNECTED_APP, "Cross-posting used the app's access to the X account; remove it under"
                  + " Connected apps unless the app still needs the account for something else."));
        }
      });
      return steps;
    };
  }

  /**
   * Whether the link's grants on X all stay because other live links (such as the app's own
   * authorization of the account) still use them: then the app keeps its access and the user must not
   * be told to remove it.
   */
  private static boolean keptForOtherLinks(io.socialink.unlink.UnlinkContext context) {
    return context.grants().isEmpty() && !context.keptGrants().isEmpty();
  }

  @Override
  public XClient createClient(ProviderContext context) {
    scheme(context);
    return new XClient(context, this);
  }

  @Override
  public String toString() {
    return "XProvider[" + endpoints.authorizeUri() + ", " + endpoints.apiBaseUri() + "]";
  }

  /** Configures an {@link XProvider}; not thread-safe. Every setter validates its argument. */
  public static final class Builder {
    private XEndpoints endpoints = XEndpoints.defaults();
    private int mediaChunkBytes = 1024 * 1024;
    private Duration maxProcessingWait = Duration.ofMinutes(10);

    private Builder() {}

    /**
     * The hosts; X's own by default.
     *
     * @param value the endpoints
     * @return this builder
     */
    public Builder endpoints(XEndpoints value) {
      this.endpoints = Objects.requireNonNull(value, "endpoints");
      return this;
    }

    /**
     * Bytes per chunked-upload append; 1 MiB by default.
     *
     * @param bytes between 1 KiB and 4 MiB
     * @return this builder
     */
    public Builder mediaChunkBytes(int bytes) {
      if (bytes < 1024 || bytes > 4 * 1024 * 1024) {
        throw new IllegalArgumentException("mediaChunkBytes must be between 1 KiB and 4 MiB; got " + bytes);
      }
      this.mediaChunkBytes = bytes;
      return this;
    }

    /**
     * The longest total wait for X to process an upload; 10 minutes by default.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder maxProcessingWait(Duration value) {
      Objects.requireNonNull(value, "maxProcessingWait");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("maxProcessingWait must be positive; got " + value);
      }
      this.maxProcessingWait = value;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public XProvider build() {
      return new XProvider(this);
    }
  }
}
