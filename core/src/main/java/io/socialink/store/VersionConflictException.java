package io.socialink.store;

import io.socialink.error.Classification;
import io.socialink.error.ConflictException;
import io.socialink.error.ErrorCategory;

/**
 * A write lost an optimistic-concurrency race: the stored version was not the one the writer read.
 * Read again and redo the change. Category {@link ErrorCategory#CONFLICT}.
 */
public class VersionConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what the kind of record, e.g. {@code grant}
   * @param id its id
   * @param expected the version the writer expected to replace
   * @param actual the stored version, or -1 if none is stored
   */
  public VersionConflictException(String what, String id, long expected, long actual) {
    super(Classification.of(ErrorCategory.CONFLICT, "", 0, what + " " + id + ": expected to replace version "
        + expected + " but " + (actual < 0 ? "none is stored" : "version " + actual + " is stored")
        + "; read it again and retry"), null, 1);
  }
}
