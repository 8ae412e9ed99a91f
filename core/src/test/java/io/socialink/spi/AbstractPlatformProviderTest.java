package io.socialink.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Capability;
import io.socialink.Platform;
import io.socialink.Secret;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.auth.AppCredentials;
import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.resilience.RateLimitPolicy;
import io.socialink.unlink.UnlinkContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbstractPlatformProviderTest {
  private static final Platform PLATFORM = Platform.of("pebble", "Pebble", Set.of(Capability.PROFILE));
  private static final AuthorizationScheme A = new AuthorizationScheme("oauth2", "OAuth 2.0", List.of(), "users");
  private static final AuthorizationScheme B = new AuthorizationScheme("business", "Business", List.of(), "firms");
  private static final ResponseInterpreter INTERPRETER = ResponseInterpreter.generic();
  private static final List<RateLimitPolicy> POLICIES = List.of(RateLimitPolicy.perApp("me", 10, Duration.ofMinutes(1)));

  static final class Probe extends AbstractPlatformProvider {
    Probe(List<AuthorizationScheme> schemes) {
      super(PLATFORM, schemes, INTERPRETER, POLICIES);
    }

    @Override
    public PlatformClient createClient(ProviderContext context) {
      throw new UnsupportedOperationException();
    }

    AuthorizationScheme schemeOf(String id) {
      AppCredentials c = AppCredentials.confidential("pebble", id, "client-1", Secret.of("s3cr3t-value"),
          URI.create("https://app.example/cb"));
      return scheme(StandardOAuth2Test.context(c, call -> null));
    }
  }

  @Test
  void holdsTheFactsItWasGiven() {
    Probe p = new Probe(List.of(A, B));

    assertThat(p.platform()).isSameAs(PLATFORM);
    assertThat(p.authorizationSchemes()).containsExactly(A, B);
    assertThat(p.responseInterpreter()).isSameAs(INTERPRETER);
    assertThat(p.rateLimitPolicies()).isEqualTo(POLICIES);
    assertThat(p.spiVersion()).isEqualTo(PlatformProvider.SPI_VERSION);
  }

  @Test
  void findsTheSchemeOfTheCredentialsOrNamesTheOfferedOnes() {
    Probe p = new Probe(List.of(A, B));

    assertThat(p.schemeOf("business")).isEqualTo(B);
    assertThatThrownBy(() -> p.schemeOf("other")).isInstanceOfSatisfying(ConfigurationException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(e.getMessage()).contains("'other'").contains("['oauth2', 'business']").doesNotContain("s3cr3t");
    });
  }

  @Test
  void refusesNoSchemeOrTwoWithOneId() {
    assertThatThrownBy(() -> new Probe(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Probe(List.of(A, A))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distinct");
  }

  @Test
  void aContributorAndThenAnotherGivesBothStepsInOrder() {
    UnlinkContributor first = c -> List.of(new UnlinkStep.StopSync(c.stepId("stop", "l1"), "l1"));
    UnlinkContributor second = c -> List.of(new UnlinkStep.ForgetGrant(c.stepId("forget", "g1"), "g1"));
    UnlinkContext context = new UnlinkContext(new UnlinkPlan.AccountDeletion(Account.of("pebble", "42"), List.of()),
        "pebble", Optional.empty(), List.of(), false);

    assertThat(first.andThen(second).contribute(context)).extracting(UnlinkStep::id)
        .containsExactly("stop:l1", "forget:g1");
  }

  @Test
  void aClientThatIsNotAvailableSaysWhatToUseInstead() {
    ConfigurationException e = Unsupported.client(PLATFORM, "socialink-pebble");

    assertThat(e.getMessage()).contains("the Pebble API client is not available in this version of socialink-pebble");
    assertThat(e.remediation()).contains("Pebble manual procedures");
  }
}
