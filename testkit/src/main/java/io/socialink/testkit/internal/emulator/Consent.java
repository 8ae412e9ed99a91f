package io.socialink.testkit.internal.emulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The consent an emulator's authorization page gives in the user's place, as a test sets it: who
 * consents, whether the next consent is a refusal (once), and which scopes later consents leave out.
 * Not thread-safe: used under the platform's lock.
 *
 * @param <U> the platform's user
 */
public final class Consent<U> {
  private U user;
  private boolean denyNext;
  private final Set<String> withheld = new LinkedHashSet<>();

  /**
   * Creates the consent.
   *
   * @param user who consents until told otherwise
   */
  public Consent(U user) {
    this.user = Objects.requireNonNull(user, "user");
  }

  /**
   * Who consents.
   *
   * @return the user
   */
  public U user() {
    return user;
  }

  /**
   * Sets who consents from now on.
   *
   * @param value the user
   */
  public void consentAs(U value) {
    user = Objects.requireNonNull(value, "value");
  }

  /** Makes the next consent a refusal. */
  public void denyNext() {
    denyNext = true;
  }

  /**
   * Whether this consent is the refusal {@link #denyNext} asked for; the next one is not.
   *
   * @return whether the user declines
   */
  public boolean takeDenial() {
    boolean deny = denyNext;
    denyNext = false;
    return deny;
  }

  /**
   * Makes later consents leave scopes out.
   *
   * @param scopes the scopes not granted; none to grant everything again
   */
  public void withhold(Set<String> scopes) {
    withheld.clear();
    withheld.addAll(scopes);
  }

  /**
   * The scopes a consent grants.
   *
   * @param asked the scopes asked, in order
   * @return those not withheld, in the order asked; read-only
   */
  public Set<String> grant(Set<String> asked) {
    Set<String> granted = new LinkedHashSet<>(asked);
    granted.removeAll(withheld);
    return Collections.unmodifiableSet(granted);
  }
}
