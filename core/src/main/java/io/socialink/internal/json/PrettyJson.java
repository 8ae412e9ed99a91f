package io.socialink.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Renders a tree of maps, lists, strings and numbers as indented JSON for people to read. */
public final class PrettyJson {
  private PrettyJson() {}

  /**
   * Renders a tree.
   *
   * @param tree maps with string keys, lists, strings, numbers and booleans
   * @return indented JSON
   * @throws IllegalArgumentException if the tree holds something JSON cannot show
   */
  public static String render(Object tree) {
    try {
      return JacksonCodec.instance().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render " + tree.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
