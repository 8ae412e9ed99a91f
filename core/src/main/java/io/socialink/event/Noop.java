package io.socialink.event;

/** The listener that does nothing. */
final class Noop implements CallEventListener {
  static final Noop INSTANCE = new Noop();

  private Noop() {}

  @Override
  public String toString() {
    return "CallEventListener.noop()";
  }
}
