package io.socialink;

import java.util.Objects;

/**
 * One end of a {@link Link}: an account, this application, or a business asset holder such as a
 * TikTok Business Center or an Ads Manager advertiser account.
 */
public sealed interface LinkEnd permits LinkEnd.OfAccount, LinkEnd.ThisApplication, LinkEnd.BusinessAssetHolder {

  /**
   * The platform this end lives on, or empty for this application.
   *
   * @return the platform id
   */
  java.util.Optional<String> platform();

  /**
   * Describes the end for a person.
   *
   * @return a description
   */
  String describe();

  /**
   * An account end.
   *
   * @param account the account
   * @return the end
   */
  static LinkEnd account(Account account) {
    return new OfAccount(account);
  }

  /**
   * This application's end, when the application has no name users know: it reads "this application".
   *
   * @return the end
   */
  static LinkEnd application() {
    return new ThisApplication("");
  }

  /**
   * This application's end.
   *
   * @param name the application's name, as users know it
   * @return the end
   */
  static LinkEnd application(String name) {
    Checks.notBlank(name, "name");
    return new ThisApplication(name);
  }

  /**
   * An account on a platform.
   *
   * @param account the account
   */
  record OfAccount(Account account) implements LinkEnd {
    /** Validates the component. */
    public OfAccount {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public java.util.Optional<String> platform() {
      return java.util.Optional.of(account.platformId());
    }

    @Override
    public String describe() {
      return account.platformId() + " account " + account.handle().map(h -> "@" + h).orElse(account.userId());
    }
  }

  /**
   * This application, the holder of grants.
   *
   * @param name the application's name as users know it, or empty when it has none
   */
  record ThisApplication(String name) implements LinkEnd {
    /** Validates the component: empty, or not blank. */
    public ThisApplication {
      java.util.Objects.requireNonNull(name, "name");
      if (!name.isEmpty()) {
        Checks.notBlank(name, "name");
      }
    }

    @Override
    public java.util.Optional<String> platform() {
      return java.util.Optional.empty();
    }

    @Override
    public String describe() {
      return name.isEmpty() ? "this application" : "the application " + name;
    }
  }

  /**
   * A business tool that holds accounts as assets.
   *
   * @param platformId the platform of the business tool
   * @param holderType the kind of holder, e.g. {@code business-center} or {@code ads-manager}
   * @param holderId the holder's id on the platform
   * @param name the holder's name, as its admins know it
   */
  record BusinessAssetHolder(String platformId, String holderType, String holderId, String name) implements LinkEnd {
    /** Validates the components. */
    public BusinessAssetHolder {
      Platform.checkId(platformId, "platformId");
      Checks.identifier(holderType, "holderType");
      Checks.notBlank(holderId, "holderId");
      Checks.notBlank(name, "name");
    }

    @Override
    public java.util.Optional<String> platform() {
      return java.util.Optional.of(platformId);
    }

    @Override
    public String describe() {
      return platformId + " " + holderType + " '" + name + "' (" + holderId + ")";
    }
  }
}
