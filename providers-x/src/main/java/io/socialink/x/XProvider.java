package io.socialink.x;

import io.socialink.Capability;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The X provider. Thread-safe. */
public final class XProvider implements PlatformProvider {
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

  private static final Platform PLATFORM = new Platform(ID, "X",
      Set.of(Capability.TOKEN_REFRESH, Capability.TOKEN_REVOCATION, Capability.PROFILE, Capability.PUBLISH_TEXT,
          Capability.PUBLISH_IMAGE, Capability.PUBLISH_VIDEO, Capability.WEBHOOKS, Capability.DEAUTHORIZATION_CALLBACK),
      List.of(REVOKE_CONNECTED_APP));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public XProvider() {}

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(OAUTH2);
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
        "the X API client is not available in this version of socialink-x"), null, 1);
  }
}
