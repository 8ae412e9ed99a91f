package io.socialink.store;

/**
 * A write lost an optimistic-concurrency race: the stored version was not the one the writer read.
 * Read again and redo the change.
 */
public class VersionConflictException extends RuntimeException {
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
    super(what + " " + id + ": expected to replace version " + expected + " but "
        + (actual < 0 ? "none is stored" : "version " + actual + " is stored") + "; read it again and retry");
  }
}
