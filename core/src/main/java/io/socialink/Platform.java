package io.socialink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A platform as the SDK knows it: a stable lowercase id such as {@code tiktok}, {@code instagram}
 * or {@code x}, a display name, what its API can do, and the procedures only its app or website can
 * carry out.
 *
 * <p>A platform is an open value, not an enum: a third-party provider adds one without any change
 * to core.
 *
 * @param id stable lowercase id: letters, digits and dashes, starting with a letter
 * @param displayName the name shown to people
 * @param capabilities what the platform's API offers
 * @param procedures the platform's manual procedures
 */
public record Platform(String id, String displayName, Set<Capability> capabilities, List<ManualProcedure> procedures) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** Validates and copies the components. */
  public Platform {
    checkId(id, "id");
    Checks.notBlank(displayName, "displayName");
    capabilities = Set.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
    procedures = List.copyOf(Objects.requireNonNull(procedures, "procedures"));
    for (ManualProcedure p : procedures) {
      if (!p.platformId().equals(id)) {
        throw new IllegalArgumentException(
            "procedure '" + p.id() + "' belongs to platform '" + p.platformId() + "', not '" + id + "'");
      }
    }
    if (procedures.stream().map(ManualProcedure::id).distinct().count() != procedures.size()) {
      throw new IllegalArgumentException("procedures of platform '" + id + "' must have distinct ids");
    }
  }

  /**
   * A platform without manual procedures.
   *
   * @param id the id
   * @param displayName the display name
   * @param capabilities the capabilities
   * @return the platform
   */
  public static Platform of(String id, String displayName, Set<Capability> capabilities) {
    return new Platform(id, displayName, capabilities, List.of());
  }

  /**
   * Answers whether the platform offers a capability.
   *
   * @param capability the capability
   * @return true if offered
   */
  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }

  /**
   * Finds a manual procedure by id.
   *
   * @param procedureId the procedure's id
   * @return the procedure, or empty
   */
  public Optional<ManualProcedure> procedure(String procedureId) {
    return procedures.stream().filter(p -> p.id().equals(procedureId)).findFirst();
  }

  static String checkId(String id, String field) {
    Objects.requireNonNull(id, field);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          field + " must be a lowercase platform id (letters, digits, '-', starting with a letter, at most 32); got '"
              + id + "'");
    }
    return id;
  }
}
