package com.example.pebble;

import io.socialink.Capability;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.spi.AbstractPlatformProvider;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.TextRules;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The provider of Pebble, a small fictional platform with standard OAuth 2.0 (PKCE S256), rotating
 * refresh tokens, RFC 7009 revocation and a profile endpoint:
 *
 * <ul>
 *   <li>{@code GET  /oauth/authorize} — consent, redirects back with {@code code} and {@code state};</li>
 *   <li>{@code POST /oauth/token} — {@code authorization_code} and {@code refresh_token} grants;</li>
 *   <li>{@code POST /oauth/revoke} — revokes an access or refresh token;</li>
 *   <li>{@code GET  /api/me} — the account, with {@code Authorization: Bearer}.</li>
 * </ul>
 *
 * <p>This is the skeleton of a provider written against {@code socialink-core} alone: the platform's
 * facts here, its API in {@link PebbleClient} on top of {@link io.socialink.spi.StandardOAuth2}, its
 * error codes in {@link PebbleInterpreter}, and the two declarations that let
 * {@link java.util.ServiceLoader} find it ({@code provides} in {@code module-info.java} and
 * {@code META-INF/services/io.socialink.spi.PlatformProvider}).
 *
 * <p>Discovered with its default address; register {@link #at(URI)} explicitly to point it
 * elsewhere. Thread-safe.
 */
public final class PebbleProvider extends AbstractPlatformProvider {
  /** The platform id. */
  public static final String ID = "pebble";
  /** Pebble's only authorization scheme. */
  public static final AuthorizationScheme OAUTH2 =
      new AuthorizationScheme("oauth2", "Pebble OAuth 2.0", List.of("profile"), "Pebble accounts");
  /** Removing the app in Pebble's settings. */
  public static final ManualProcedure REMOVE_APP = new ManualProcedure("remove-app", ID, "Remove the app from Pebble",
      List.of("Pebble", "Settings", "Connected apps", "the app", "Disconnect"),
      Optional.of(URI.create("https://pebble.example/settings/apps")), Optional.empty(),
      "Pebble lists connected apps until the user disconnects them.", "The app is gone from Connected apps.");

  private static final Platform PLATFORM = new Platform(ID, "Pebble",
      Set.of(Capability.TOKEN_REFRESH, Capability.TOKEN_REVOCATION, Capability.PROFILE), List.of(REMOVE_APP));

  private final URI base;

  /** A provider for Pebble's public address; {@link java.util.ServiceLoader} calls this. */
  public PebbleProvider() {
    this(URI.create("https://pebble.example/"));
  }

  private PebbleProvider(URI base) {
    super(PLATFORM, List.of(OAUTH2), new PebbleInterpreter());
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * A provider for a Pebble server at another address, such as a local test server.
   *
   * @param base the server's base URI
   * @return the provider
   */
  public static PebbleProvider at(URI base) {
    String s = base.toString();
    return new PebbleProvider(URI.create(s.endsWith("/") ? s : s + "/"));
  }

  /** Pebble posts hold 500 characters. */
  @Override
  public TextRules textRules() {
    return TextRules.codePoints(500);
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    scheme(context);
    return new PebbleClient(context, base);
  }
}
