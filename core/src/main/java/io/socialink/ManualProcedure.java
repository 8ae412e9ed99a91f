package io.socialink;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something only a person can do in a platform's app or website, such as removing an Instagram
 * account from a TikTok profile, with the exact path of screens to follow.
 *
 * @param id stable identifier within the platform, lowercase with dashes, e.g. {@code revoke-connected-app}
 * @param platformId the platform whose app or site the user opens
 * @param title a short imperative title
 * @param path the screens and buttons to follow, in order; at least one
 * @param webLink a web address that opens the right screen, when there is one
 * @param deepLink an app deep link that opens the right screen, when there is one
 * @param why why this must be done by hand
 * @param howToCheck how the user can see that it is done
 */
public record ManualProcedure(
    String id,
    String platformId,
    String title,
    List<String> path,
    Optional<URI> webLink,
    Optional<URI> deepLink,
    String why,
    String howToCheck) {

  /** Validates and copies the components. */
  public ManualProcedure {
    Checks.identifier(id, "id");
    Platform.checkId(platformId, "platformId");
    Checks.notBlank(title, "title");
    path = List.copyOf(Objects.requireNonNull(path, "path"));
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path must name at least one screen");
    }
    path.forEach(p -> Checks.notBlank(p, "path element"));
    Objects.requireNonNull(webLink, "webLink");
    Objects.requireNonNull(deepLink, "deepLink");
    Checks.notBlank(why, "why");
    Checks.notBlank(howToCheck, "howToCheck");
  }

  /**
   * Renders the path as one line, screens separated by {@code " → "}.
   *
   * @return the path
   */
  public String pathText() {
    return String.join(" → ", path);
  }
}
