package io.socialink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an {@link UnlinkPlan}. Each step has an id that is stable for the same plan, so a
 * re-executed plan can tell which steps are already done.
 *
 * <p>The family is sealed; dispatch with {@code instanceof} patterns.
 */
public sealed interface UnlinkStep
    permits UnlinkStep.ExportData, UnlinkStep.StopSync, UnlinkStep.RevokeGrant, UnlinkStep.PlatformAction,
        UnlinkStep.ManualStep, UnlinkStep.Verify, UnlinkStep.ForgetGrant {

  /**
   * The step's id, unique within its plan.
   *
   * @return the id
   */
  String id();

  /**
   * The platform the step acts on, or empty for a local step.
   *
   * @return the platform id
   */
  Optional<String> platformId();

  /**
   * One line for a person saying what the step does.
   *
   * @return the description
   */
  String describe();

  /**
   * The phase the step belongs to; plans run phases in their natural order.
   *
   * @return the phase
   */
  Phase phase();

  /** The phases of a plan, in the order they run. */
  enum Phase {
    /** Optional backup before anything destructive. */
    EXPORT,
    /** Stop copying content. */
    STOP_SYNC,
    /** Revoke grants, and release the link in other ways, through the API. */
    REVOKE,
    /** What only the user can do. */
    MANUAL,
    /** Probe that old credentials no longer work. */
    VERIFY,
    /** Forget local tokens. */
    FORGET
  }

  /**
   * Back up the user's data before a destructive step.
   *
   * @param id the step id
   * @param platform the platform to export from
   * @param grantId the grant used to read
   * @param what what is exported
   */
  record ExportData(String id, String platform, String grantId, String what) implements UnlinkStep {
    /** Validates the components. */
    public ExportData {
      Checks.notBlank(id, "id");
      Platform.checkId(platform, "platform");
      Checks.notBlank(grantId, "grantId");
      Checks.notBlank(what, "what");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.of(platform);
    }

    @Override
    public String describe() {
      return "Export " + what + " from " + platform + " (grant " + grantId + ")";
    }

    @Override
    public Phase phase() {
      return Phase.EXPORT;
    }
  }

  /**
   * Stop any synchronisation (cross-posting) that uses the link.
   *
   * @param id the step id
   * @param linkId the link whose sync stops
   */
  record StopSync(String id, String linkId) implements UnlinkStep {
    /** Validates the components. */
    public StopSync {
      Checks.notBlank(id, "id");
      Checks.notBlank(linkId, "linkId");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "Stop syncing content for link " + linkId;
    }

    @Override
    public Phase phase() {
      return Phase.STOP_SYNC;
    }
  }

  /**
   * Revoke a grant at its platform through the API.
   *
   * @param id the step id
   * @param platform the platform
   * @param grantId the grant to revoke
   */
  record RevokeGrant(String id, String platform, String grantId) implements UnlinkStep {
    /** Validates the components. */
    public RevokeGrant {
      Checks.notBlank(id, "id");
      Platform.checkId(platform, "platform");
      Checks.notBlank(grantId, "grantId");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.of(platform);
    }

    @Override
    public String describe() {
      return "Revoke grant " + grantId + " at " + platform;
    }

    @Override
    public Phase phase() {
      return Phase.REVOKE;
    }
  }

  /**
   * An API call other than a token revocation that the platform's provider makes with a grant to
   * undo a link, such as removing a TikTok account from a Business Center with an admin's grant. The
   * executor hands {@code action} and {@code arguments} to the grant's client
   * ({@link io.socialink.spi.PlatformClient#unlinkAction}); what they mean is the provider's business.
   * It runs with the revocations, before any of them, so that the grant it uses is still alive.
   *
   * @param id the step id
   * @param platform the platform
   * @param grantId the grant the call is made with
   * @param action the provider's name for the call, such as {@code business-center-remove-account}
   * @param arguments what the call needs, such as ids; in a stable order
   * @param description one sentence for a person: what the call does and what stops working afterwards
   */
  record PlatformAction(String id, String platform, String grantId, String action, Map<String, String> arguments,
      String description) implements UnlinkStep {
    /** Validates and copies the components. */
    public PlatformAction {
      Checks.notBlank(id, "id");
      Platform.checkId(platform, "platform");
      Checks.notBlank(grantId, "grantId");
      Checks.identifier(action, "action");
      Objects.requireNonNull(arguments, "arguments");
      arguments.forEach((k, v) -> {
        Checks.notBlank(k, "arguments key");
        Objects.requireNonNull(v, "arguments value");
      });
      arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
      Checks.notBlank(description, "description");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.of(platform);
    }

    @Override
    public String describe() {
      return description + " (API call at " + platform + " with grant " + grantId + ")";
    }

    @Override
    public Phase phase() {
      return Phase.REVOKE;
    }
  }

  /**
   * Something the user must do in a platform's app or website; confirmed by the caller.
   *
   * @param id the step id
   * @param procedure the procedure, with the exact path of screens
   * @param reason why this plan needs it
   */
  record ManualStep(String id, ManualProcedure procedure, String reason) implements UnlinkStep {
    /** Validates the components. */
    public ManualStep {
      Checks.notBlank(id, "id");
      Objects.requireNonNull(procedure, "procedure");
      Checks.notBlank(reason, "reason");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.of(procedure.platformId());
    }

    @Override
    public String describe() {
      return procedure.title() + " (by hand on " + procedure.platformId() + "): " + procedure.pathText();
    }

    @Override
    public Phase phase() {
      return Phase.MANUAL;
    }
  }

  /**
   * Probe with the old credentials: the probe must now fail with an authorization error.
   *
   * @param id the step id
   * @param platform the platform
   * @param grantId the grant whose old token is probed
   * @param probe what is probed, e.g. {@code GET /2/users/me}
   */
  record Verify(String id, String platform, String grantId, String probe) implements UnlinkStep {
    /** Validates the components. */
    public Verify {
      Checks.notBlank(id, "id");
      Platform.checkId(platform, "platform");
      Checks.notBlank(grantId, "grantId");
      Checks.notBlank(probe, "probe");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.of(platform);
    }

    @Override
    public String describe() {
      return "Verify at " + platform + " that " + probe + " with grant " + grantId + " now fails as unauthorized";
    }

    @Override
    public Phase phase() {
      return Phase.VERIFY;
    }
  }

  /**
   * Delete the grant's tokens from local storage.
   *
   * @param id the step id
   * @param grantId the grant to forget
   */
  record ForgetGrant(String id, String grantId) implements UnlinkStep {
    /** Validates the components. */
    public ForgetGrant {
      Checks.notBlank(id, "id");
      Checks.notBlank(grantId, "grantId");
    }

    @Override
    public Optional<String> platformId() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "Forget the stored tokens of grant " + grantId;
    }

    @Override
    public Phase phase() {
      return Phase.FORGET;
    }
  }
}
