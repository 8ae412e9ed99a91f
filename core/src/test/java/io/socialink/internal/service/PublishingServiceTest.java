package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.error.NotFoundException;
import io.socialink.publish.Post;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublishingServiceTest {
  final TypedProvider typed = new TypedProvider();
  final Fixture fx = new Fixture().register(typed)
      .credentials(AppCredentials.publicClient("typed", "oauth2", "typed-client", URI.create("https://app.example/cb")));
  final PublishingService publishing = new PublishingService(fx.runtime());

  @Test
  void publishesWithAGrantRefreshedFirstWhenItExpiresSoon() {
    fx.stores.grants().save(new Grant("t-1", "alice", Account.of("typed", "u-9"), "oauth2", "typed-client",
        Secret.of("old"), Optional.of(Secret.of("r")), Set.of("read"), "bearer", Fixture.T0,
        Optional.of(Fixture.T0.plus(Duration.ofSeconds(30))), Optional.empty(), 0));

    assertThat(publishing.publish("alice", "t-1", Post.text("hello")).postId()).isEqualTo("post-1");
    assertThat(typed.seenTokens).containsExactly("renewed-0");
  }

  @Test
  void anUnknownGrantIsNotFound() {
    assertThatThrownBy(() -> publishing.publish("alice", "t-9", Post.text("hello"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> publishing.publish("alice", "t-9", null)).isInstanceOf(NullPointerException.class);
  }
}
