package io.socialink.internal.service;

import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.publish.Post;
import io.socialink.publish.PublishedPost;
import io.socialink.publish.Publishing;
import io.socialink.spi.PlatformClient;
import java.util.Objects;

/** {@link Publishing} over the runtime. Thread-safe. */
public final class PublishingService implements Publishing {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public PublishingService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public PublishedPost publish(String ownerId, String grantId, Post post) {
    Objects.requireNonNull(post, "post");
    return rt.grantCalls().withGrant(ownerId, grantId, PlatformClient.class, (client, grant) -> client.publish(grant, post));
  }
}
