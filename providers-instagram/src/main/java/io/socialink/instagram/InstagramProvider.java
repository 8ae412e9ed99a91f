package io.socialink.instagram;

import io.socialink.Capability;
import io.socialink.LinkKind;
import io.socialink.ManualProcedure;
import io.socialink.Platform;
import io.socialink.UnlinkStep;
import io.socialink.error.Classification;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.spi.AuthorizationScheme;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.PlatformProvider;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.ResponseInterpreter;
import io.socialink.spi.TextRules;
import io.socialink.spi.UnlinkContributor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Instagram provider: Instagram API with Instagram Login and with Facebook Login, with the
 * procedures only the Instagram app can carry out.
 *
 * <p>This version describes the platform and its manual procedures and contributes them to unlink
 * plans; its API client is not available yet, so {@link #createClient(ProviderContext)} fails with a
 * {@link ConfigurationException}. Thread-safe.
 */
public final class InstagramProvider implements PlatformProvider {
  /** The platform id. */
  public static final String ID = "instagram";

  /** Business Login for Instagram (instagram.com/oauth/authorize). */
  public static final AuthorizationScheme INSTAGRAM_LOGIN = new AuthorizationScheme("instagram-login",
      "Instagram Login", List.of("instagram_business_basic"), "professional accounts without a Facebook Page");
  /** Facebook Login for professional accounts linked to a Facebook Page. */
  public static final AuthorizationScheme FACEBOOK_LOGIN = new AuthorizationScheme("facebook-login",
      "Facebook Login", List.of("instagram_basic", "pages_show_list"), "accounts managed through a Facebook Page");

  /** Removing an app's access to an Instagram account. */
  public static final ManualProcedure REMOVE_APP_ACCESS = new ManualProcedure(
      "remove-app-access", ID, "Remove the app's access to your Instagram account",
      List.of("Instagram app", "your profile picture", "More options (☰)", "Settings", "Security",
          "Apps and websites", "Active", "the app", "Remove"),
      Optional.empty(), Optional.empty(),
      "Unlinking on one side alone can leave the other app's access to Instagram data in place.",
      "The app is no longer listed under Apps and websites → Active (it may show under Removed).");
  /** Removing an app's access through Facebook, for accounts linked with Facebook Login. */
  public static final ManualProcedure REMOVE_APP_ACCESS_ON_FACEBOOK = new ManualProcedure(
      "remove-app-access-on-facebook", ID, "Remove the app in Facebook's Apps and Websites",
      List.of("Facebook", "Settings & Privacy", "Settings", "Apps and Websites", "the app", "Remove"),
      Optional.of(URI.create("https://www.facebook.com/settings?tab=applications")), Optional.empty(),
      "Accounts linked through Facebook Login are authorized on the Facebook side.",
      "The app is no longer listed under Apps and Websites.");

  private static final Platform PLATFORM = new Platform(ID, "Instagram",
      Set.of(Capability.TOKEN_REFRESH, Capability.PROFILE, Capability.PUBLISH_IMAGE, Capability.PUBLISH_VIDEO,
          Capability.DEAUTHORIZATION_CALLBACK, Capability.DATA_DELETION_CALLBACK, Capability.WEBHOOKS),
      List.of(REMOVE_APP_ACCESS, REMOVE_APP_ACCESS_ON_FACEBOOK));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public InstagramProvider() {}

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public List<AuthorizationScheme> authorizationSchemes() {
    return List.of(INSTAGRAM_LOGIN, FACEBOOK_LOGIN);
  }

  @Override
  public ResponseInterpreter responseInterpreter() {
    return ResponseInterpreter.generic();
  }

  /** Instagram captions hold at most 2,200 characters. */
  @Override
  public TextRules textRules() {
    return TextRules.codePoints(2200);
  }

  @Override
  public UnlinkContributor unlinkContributor() {
    UnlinkContributor defaults = PlatformProvider.super.unlinkContributor();
    return context -> {
      List<UnlinkStep> steps = new ArrayList<>(defaults.contribute(context));
      context.link().ifPresent(link -> {
        // Instagram offers no documented API to revoke an Instagram Login grant: the user removes the app.
        boolean appAccess = link.kind() == LinkKind.PROFILE_LINK || link.kind() == LinkKind.APP_AUTHORIZATION
            || link.kind() == LinkKind.CROSS_POST;
        if (appAccess) {
          boolean viaFacebook = context.grants().stream().anyMatch(g -> g.schemeId().equals(FACEBOOK_LOGIN.id()));
          ManualProcedure p = viaFacebook ? REMOVE_APP_ACCESS_ON_FACEBOOK : REMOVE_APP_ACCESS;
          String holder = java.util.stream.Stream.of(link.from(), link.to())
              .filter(end -> !end.platform().equals(Optional.of(ID)))
              .map(end -> end.platform().orElse("this application"))
              .findFirst().orElse("the other app");
          steps.add(new UnlinkStep.ManualStep(context.stepId("manual", ID, p.id(), link.id()), p,
              "Unlinking on one side can leave " + holder + "'s access to the Instagram account in place; remove it there."));
        }
      });
      return steps;
    };
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    throw new ConfigurationException(Classification.of(ErrorCategory.CONFIGURATION, ID, 0,
        "the Instagram API client is not available in this version of socialink-instagram")
        .withRemediation("Use the Instagram manual procedures in unlink plans; API calls to Instagram are not offered yet."),
        null, 1);
  }
}
