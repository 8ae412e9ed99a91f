package io.socialink.crosspost;

import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import java.util.Objects;
import java.util.Optional;

/**
 * A cross-post that did not work, as a {@link CrossPostListener} hears of it.
 *
 * @param linkId the link
 * @param sourceItemId the source item, when the failure concerns one (not when listing the source failed)
 * @param error the classified error
 * @param message what happened and what to do, for a person; never a secret
 */
public record CrossPostFailure(String linkId, Optional<String> sourceItemId, SocialinkException error,
    String message) {
  /** Validates the components. */
  public CrossPostFailure {
    Objects.requireNonNull(linkId, "linkId");
    Objects.requireNonNull(sourceItemId, "sourceItemId");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The error's category.
   *
   * @return the category
   */
  public ErrorCategory category() {
    return error.category();
  }
}
