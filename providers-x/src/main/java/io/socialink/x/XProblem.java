package io.socialink.x;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code errors} array X adds to a successful response when part of it could not be
 * served (a partial error), in X's problem-details form.
 *
 * @param type the problem type, e.g. {@code https://api.x.com/2/problems/resource-not-found}
 * @param title the title
 * @param detail the detail
 * @param resourceId the id of the resource concerned, when X named one
 */
public record XProblem(String type, String title, String detail, Optional<String> resourceId) {
  /** Validates the components. */
  public XProblem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(resourceId, "resourceId");
  }
}
