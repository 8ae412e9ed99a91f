package io.socialink.internal.service;

import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.InvalidRequestException;
import io.socialink.error.NotFoundException;
import io.socialink.internal.runtime.SocialinkRuntime;
import io.socialink.link.Links;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Links} over the runtime. Thread-safe. */
public final class LinkService implements Links {
  private final SocialinkRuntime rt;

  /**
   * Creates the service.
   *
   * @param runtime the shared runtime
   */
  public LinkService(SocialinkRuntime runtime) {
    this.rt = Objects.requireNonNull(runtime, "runtime");
  }

  @Override
  public List<Link> list(String ownerId) {
    return rt.stores().links().findByOwner(Args.notBlank(ownerId, "ownerId"));
  }

  @Override
  public Optional<Link> find(String ownerId, String linkId) {
    return rt.stores().links().find(Args.notBlank(ownerId, "ownerId"), Objects.requireNonNull(linkId, "linkId"));
  }

  @Override
  public Link record(String ownerId, LinkKind kind, LinkEnd from, LinkEnd to, List<String> grantIds) {
    Args.notBlank(ownerId, "ownerId");
    Objects.requireNonNull(grantIds, "grantIds");
    for (String id : grantIds) {
      rt.grantCalls().grant(ownerId, id);
    }
    return rt.stores().links().save(Link.create(rt.ids().id("l"), ownerId, kind, from, to, grantIds, rt.clock()));
  }

  @Override
  public Link changeState(String ownerId, String linkId, LinkState state) {
    Objects.requireNonNull(state, "state");
    Link link = find(ownerId, linkId)
        .orElseThrow(() -> NotFoundException.local("", "owner " + ownerId + " has no link " + linkId));
    if (link.state() == state) {
      return link;
    }
    if (!link.state().canMoveTo(state)) {
      throw new InvalidRequestException(Classification.of(ErrorCategory.INVALID_REQUEST, "", 0,
          "link " + linkId + " is " + link.state() + " and cannot become " + state)
          .withRemediation("An unlinked link stays unlinked; link the account again to make a new one."), null, 1);
    }
    return rt.stores().links().save(link.withState(state, rt.clock()));
  }
}
