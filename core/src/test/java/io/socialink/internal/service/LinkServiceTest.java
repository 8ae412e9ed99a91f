package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkServiceTest {
  final Fixture fx = new Fixture();
  final LinkService links = new LinkService(fx.runtime());
  final LinkEnd tiktok = LinkEnd.account(Account.of("tiktok", "t-1"));
  final LinkEnd instagram = LinkEnd.account(Account.of("instagram", "i-1"));

  @Test
  void recordsAPlatformMadeLinkWithTheOwnersGrants() {
    fx.grant("g-1");

    Link link = links.record("alice", LinkKind.PROFILE_LINK, tiktok, instagram, List.of("g-1"));

    assertThat(link.grantIds()).containsExactly("g-1");
    assertThat(link.state()).isEqualTo(LinkState.ACTIVE);
    assertThat(links.list("alice")).containsExactly(link);
    assertThat(links.find("alice", link.id())).contains(link);
    assertThat(links.find("bob", link.id())).isEmpty();
  }

  @Test
  void aGrantTheOwnerDoesNotHaveIsNotFoundAndNothingIsStored() {
    assertThatThrownBy(() -> links.record("alice", LinkKind.PROFILE_LINK, tiktok, instagram, List.of("g-9")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("g-9");
    assertThat(links.list("alice")).isEmpty();
  }

  @Test
  void changesStateOnceAndRefusesToReviveAnUnlinkedLink() {
    Link link = links.record("alice", LinkKind.PROFILE_LINK, tiktok, instagram, List.of());

    Link paused = links.changeState("alice", link.id(), LinkState.PAUSED);
    assertThat(paused.state()).isEqualTo(LinkState.PAUSED);
    assertThat(paused.version()).isEqualTo(link.version() + 1);
    assertThat(links.changeState("alice", link.id(), LinkState.PAUSED)).as("no change, no write").isEqualTo(paused);

    links.changeState("alice", link.id(), LinkState.UNLINKED);
    assertThatThrownBy(() -> links.changeState("alice", link.id(), LinkState.ACTIVE))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("UNLINKED and cannot become ACTIVE");
    assertThatThrownBy(() -> links.changeState("bob", link.id(), LinkState.ACTIVE)).isInstanceOf(NotFoundException.class);
  }
}
