package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.LinkEnd;
import io.socialink.auth.AuthorizationResult;
import io.socialink.auth.AuthorizationStart;
import io.socialink.auth.CallbackParameters;
import io.socialink.auth.CallbackRejectedException;
import io.socialink.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkingServiceTest {
  final Fixture fx = new Fixture();

  @Test
  void completesWhatItStartedAndStoresTheGrantAndItsLink() {
    LinkingService linking = new LinkingService(fx.runtime());
    AuthorizationStart start = linking.authorize("alice", "fake");

    AuthorizationResult r = linking.complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));

    assertThat(fx.fake.exchangedCodes).containsExactly("c1");
    assertThat(fx.stores.grants().findByOwner("alice")).containsExactly(r.grant());
    assertThat(fx.stores.links().findByOwner("alice")).containsExactly(r.link());
    assertThat(fx.stores.pending().take(start.state())).as("a state is single-use").isEmpty();
  }

  @Test
  void anApplicationWithoutANameReadsThisApplication() {
    LinkingService linking = new LinkingService(fx.runtime());
    AuthorizationStart start = linking.authorize("alice", "fake");

    AuthorizationResult r = linking.complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));

    assertThat(r.link().from()).isEqualTo(LinkEnd.application());
    assertThat(r.link().from().describe()).isEqualTo("this application");
  }

  @Test
  void aNamedApplicationIsNamed() {
    LinkingService linking = new LinkingService(fx.applicationName("Example App").runtime());
    AuthorizationStart start = linking.authorize("alice", "fake");

    AuthorizationResult r = linking.complete("alice", CallbackParameters.fromQuery("state=" + start.state() + "&code=c1"));

    assertThat(r.link().from().describe()).isEqualTo("the application Example App");
  }

  @Test
  void refusesForeignStatesAndUnconfiguredSchemesBeforeAnyTokenRequest() {
    LinkingService linking = new LinkingService(fx.runtime());
    AuthorizationStart start = linking.authorize("alice", "fake", "oauth2", List.of("read"));

    assertThatThrownBy(() -> linking.complete("mallory", CallbackParameters.fromQuery("state=" + start.state() + "&code=c")))
        .isInstanceOfSatisfying(CallbackRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(CallbackRejectedException.Reason.OWNER_MISMATCH));
    assertThatThrownBy(() -> linking.authorize("alice", "fake", "other-scheme", List.of("read")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake/oauth2");
    assertThatThrownBy(() -> linking.authorize(" ", "fake")).isInstanceOf(IllegalArgumentException.class);
    assertThat(fx.fake.exchangedCodes).isEmpty();
  }
}
