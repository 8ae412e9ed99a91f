package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.error.AuthorizationException;
import io.socialink.error.ConfigurationException;
import io.socialink.error.NotFoundException;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantServiceTest {
  final TypedProvider typed = new TypedProvider();
  final Fixture fx = new Fixture().register(typed)
      .credentials(AppCredentials.publicClient("typed", "oauth2", "typed-client", URI.create("https://app.example/cb")));
  final GrantService grants = new GrantService(fx.runtime());

  Grant typedGrant() {
    return fx.stores.grants().save(new Grant("t-1", "alice", Account.of("typed", "u-9"), "oauth2", "typed-client",
        Secret.of("typed-access"), Optional.of(Secret.of("typed-refresh")), Set.of("read"), "bearer", Fixture.T0,
        Optional.of(Fixture.T0.plus(Duration.ofHours(1))), Optional.empty(), 0));
  }

  @Test
  void aProvidersOwnCallRunsWithItsClientTypeAndAFreshGrant() {
    typedGrant();

    String answer = grants.withGrant("alice", "t-1", TypedProvider.TypedClient.class, (client, g) -> client.ownCall(g));

    assertThat(answer).isEqualTo("ok with t-1");
    assertThat(typed.seenTokens).containsExactly("typed-access");
  }

  @Test
  void aProvidersOwnCallGetsOneRefreshAndOneReplayOnAnExpiredToken() {
    typedGrant();
    typed.expiredAnswers = 1;

    String answer = grants.withGrant("alice", "t-1", TypedProvider.TypedClient.class, (client, g) -> client.ownCall(g));

    assertThat(answer).isEqualTo("ok with t-1");
    assertThat(typed.seenTokens).containsExactly("typed-access", "renewed-0");
    assertThat(fx.stores.grants().find("alice", "t-1").orElseThrow().version()).isEqualTo(1);

    typed.expiredAnswers = 2;
    assertThatThrownBy(() -> grants.withGrant("alice", "t-1", TypedProvider.TypedClient.class,
        (client, g) -> client.ownCall(g))).isInstanceOf(AuthorizationException.class);
    assertThat(typed.seenTokens).hasSize(4); // one replay, never more
  }

  @Test
  void aGrantOfAnotherPlatformIsNotServedAsThatType() {
    fx.grant("g-1");

    assertThatThrownBy(() -> grants.withGrant("alice", "g-1", TypedProvider.TypedClient.class, (c, g) -> "never"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake/oauth2")
        .hasMessageContaining(TypedProvider.TypedClient.class.getName());
  }

  @Test
  void unknownGrantIdsAreNotFound() {
    assertThatThrownBy(() -> grants.fresh("alice", "nope")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("owner alice has no grant nope");
    assertThatThrownBy(() -> grants.refresh("alice", "nope")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> grants.revoke("alice", "nope")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> grants.profile("alice", "nope")).isInstanceOf(NotFoundException.class);
    Grant bobs = fx.grant("g-1");
    assertThatThrownBy(() -> grants.fresh("bob", bobs.id())).as("scoped by owner").isInstanceOf(NotFoundException.class);
  }

  @Test
  void listsFindsRevokesAndReadsProfiles() {
    Grant g = fx.grant("g-1");
    Grant t = typedGrant();

    assertThat(grants.list("alice")).containsExactlyInAnyOrder(g, t);
    assertThat(grants.list("bob")).isEmpty();
    assertThat(grants.find("alice", "t-1")).contains(t);
    assertThat(grants.revoke("alice", "t-1")).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(grants.profile("alice", "t-1")).isEqualTo(Account.of("typed", "u-9"));
    assertThat(grants.<String>withGrant("alice", "g-1", (PlatformClient c, Grant fresh) -> fresh.id())).isEqualTo("g-1");
  }
}
