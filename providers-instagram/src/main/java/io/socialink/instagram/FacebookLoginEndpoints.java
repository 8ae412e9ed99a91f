package io.socialink.instagram;

import java.net.URI;
import java.util.Objects;

/**
 * Where Facebook Login for Business lives, for Instagram accounts managed through a Facebook Page:
 * the login dialog on {@code www.facebook.com/<version>/dialog/oauth} and the Graph API on
 * {@code graph.facebook.com/<version>}.
 *
 * @param dialogUri the login dialog
 * @param graphBaseUri the Graph API host
 * @param graphVersion the Graph API version, such as {@code v25.0}
 */
public record FacebookLoginEndpoints(URI dialogUri, URI graphBaseUri, String graphVersion) {
  /** Validates the components. */
  public FacebookLoginEndpoints {
    Objects.requireNonNull(dialogUri, "dialogUri");
    Objects.requireNonNull(graphBaseUri, "graphBaseUri");
    if (!dialogUri.isAbsolute() || !graphBaseUri.isAbsolute()) {
      throw new IllegalArgumentException("dialogUri and graphBaseUri must be absolute");
    }
    Objects.requireNonNull(graphVersion, "graphVersion");
    if (!graphVersion.matches("v\\d{1,3}\\.\\d{1,3}")) {
      throw new IllegalArgumentException("graphVersion must look like v25.0; got '" + graphVersion + "'");
    }
  }

  /**
   * Facebook's own hosts with {@value InstagramEndpoints#DEFAULT_GRAPH_VERSION}.
   *
   * @return the endpoints
   */
  public static FacebookLoginEndpoints defaults() {
    return new FacebookLoginEndpoints(URI.create("https://www.facebook.com/" + InstagramEndpoints.DEFAULT_GRAPH_VERSION
        + "/dialog/oauth"), URI.create("https://graph.facebook.com"), InstagramEndpoints.DEFAULT_GRAPH_VERSION);
  }

  /**
   * Endpoints on other hosts (an emulator, WireMock).
   *
   * @param dialogUri the login dialog
   * @param graphBaseUri the Graph API host
   * @return the endpoints
   */
  public static FacebookLoginEndpoints of(URI dialogUri, URI graphBaseUri) {
    return new FacebookLoginEndpoints(dialogUri, graphBaseUri, InstagramEndpoints.DEFAULT_GRAPH_VERSION);
  }

  /**
   * A versioned Graph path.
   *
   * @param path the path without a leading slash
   * @return the URI, such as {@code https://graph.facebook.com/v25.0/debug_token}
   */
  public URI graph(String path) {
    String b = graphBaseUri.toString();
    return URI.create((b.endsWith("/") ? b : b + "/") + graphVersion + "/" + Objects.requireNonNull(path, "path"));
  }
}
