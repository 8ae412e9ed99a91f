package io.socialink.x;

import java.util.List;
import java.util.Objects;

/**
 * A post X created, from the {@code 201} of {@code POST /2/tweets}.
 *
 * @param id the post id
 * @param text the text as X stored it
 * @param partialErrors problems X reported beside the data, possibly none
 */
public record XPost(String id, String text, List<XProblem> partialErrors) {
  /** Validates and copies the components. */
  public XPost {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    partialErrors = List.copyOf(Objects.requireNonNull(partialErrors, "partialErrors"));
  }
}
