package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.UnlinkPlan;
import io.socialink.UnlinkStep;
import io.socialink.error.NotFoundException;
import io.socialink.internal.runtime.SocialinkRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnlinkingServiceTest {
  final Fixture fx = new Fixture();
  final SocialinkRuntime rt = fx.runtime();
  final UnlinkingService unlinking = new UnlinkingService(rt);

  @Test
  void plansAnAuthorizationLinkAndTheDeletionOfItsAccount() {
    Grant g = fx.grant("g-1");
    Link link = new LinkService(rt).record("alice", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(g.account()), List.of("g-1"));

    UnlinkPlan plan = unlinking.plan("alice", link.id());
    assertThat(plan.steps()).extracting(UnlinkStep::phase)
        .containsExactly(UnlinkStep.Phase.REVOKE, UnlinkStep.Phase.VERIFY, UnlinkStep.Phase.FORGET);
    assertThat(plan.renderText()).contains("between this application and fake account u-1");
    assertThat(unlinking.plan("alice", link.id())).isEqualTo(plan);

    UnlinkPlan deletion = unlinking.planAccountDeletion("alice", Account.of("fake", "u-1"));
    assertThat(deletion.subject()).isInstanceOfSatisfying(UnlinkPlan.AccountDeletion.class,
        d -> assertThat(d.links()).containsExactly(link));
  }

  @Test
  void anUnknownLinkIsNotFoundAndTheJournalIsTheConfiguredOne() {
    assertThatThrownBy(() -> unlinking.plan("alice", "l-9")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("owner alice has no link l-9");
    assertThat(unlinking.journal()).isSameAs(fx.stores.journal());
  }
}
