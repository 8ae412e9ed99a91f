package io.socialink.tiktok.internal;

import io.socialink.Grant;
import io.socialink.error.Classification;
import io.socialink.error.ErrorCategory;
import io.socialink.error.SocialinkException;
import io.socialink.http.ApiRequest;
import io.socialink.http.ApiResponse;
import io.socialink.http.HttpMethod;
import io.socialink.http.Idempotency;
import io.socialink.http.JsonCodec;
import io.socialink.spi.Sleeper;
import io.socialink.tiktok.TikTokDataCategory;
import io.socialink.tiktok.TikTokDataExport;
import io.socialink.tiktok.TikTokDataFormat;
import io.socialink.tiktok.TikTokEndpointGroups;
import io.socialink.tiktok.TikTokEndpoints;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TikTok's Data Portability API: add, check, download and cancel an export of a user's data
 * ({@code /v2/user/data/*}, fact sheet §6). Thread-safe.
 */
public final class DataPortability {
  /** What makes an app and a user eligible, for every hint about a refusal. */
  public static final String ELIGIBILITY = "TikTok's Data Portability API serves only apps approved for it (the"
      + " Data Portability API product, its application form and review, with Login Kit) and only users in the EEA"
      + " or the UK, who must have granted a portability scope that covers the categories asked for.";

  private static final String FIELDS = "request_id,status,apply_time,collect_time,data_format,category_selection_list";

  private final TikTokEndpoints endpoints;
  private final TikTokCalls calls;
  private final JsonCodec json;
  private final Sleeper sleeper;

  /**
   * Creates the client part.
   *
   * @param endpoints the hosts
   * @param calls the sender
   * @param json the codec
   * @param sleeper how to wait between status polls
   */
  public DataPortability(TikTokEndpoints endpoints, TikTokCalls calls, JsonCodec json, Sleeper sleeper) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.json = Objects.requireNonNull(json, "json");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Requests an export; never retried after it was sent, since a one-time scope allows one request.
   *
   * @param grant the user's grant
   * @param format the files' format
   * @param categories what to export
   * @return the request id
   */
  public long add(Grant grant, TikTokDataFormat format, Set<TikTokDataCategory> categories) {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(categories, "categories");
    if (categories.isEmpty()) {
      throw invalid("a data export needs at least one category");
    }
    Set<TikTokDataCategory> sorted = EnumSet.copyOf(categories);
    requireScopes(grant, sorted);
    List<String> names = new ArrayList<>();
    for (TikTokDataCategory c : sorted) {
      names.add(c.wireName());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data_format", format.wireName());
    body.put("category_selection_list", names);
    ApiResponse response = send(TikTokEndpointGroups.DATA_ADD, "user/data/add/?fields=request_id", grant, body,
        Idempotency.NON_IDEMPOTENT, null);
    String what = "data export request answer";
    return Fields.wholeNumber(Envelopes.openApiData(json, response, what).get("request_id"))
        .orElseThrow(() -> Fields.malformed(what, "member 'request_id' is missing or not a whole number"));
  }

  /**
   * Reads an export's status.
   *
   * @param grant the grant
   * @param requestId the request id
   * @return the export
   */
  public TikTokDataExport check(Grant grant, long requestId) {
    Objects.requireNonNull(grant, "grant");
    ApiResponse response = send(TikTokEndpointGroups.DATA_CHECK, "user/data/check/?fields=" + FIELDS, grant,
        Map.of("request_id", requestId), Idempotency.IDEMPOTENT, null);
    String what = "data export status answer";
    Map<String, Object> data = Envelopes.openApiData(json, response, what);
    String raw = Fields.requireStr(data, "status", what);
    long id = Fields.wholeNumber(data.get("request_id")).orElse(requestId);
    List<String> categories = Fields.list(data, "category_selection_list").isPresent()
        ? Fields.strings(data, "category_selection_list", what) : List.of();
    return new TikTokDataExport(id, TikTokDataExport.Status.of(raw), raw,
        Fields.num(data, "apply_time").map(Instant::ofEpochSecond),
        Fields.num(data, "collect_time").map(Instant::ofEpochSecond), Fields.str(data, "data_format"), categories);
  }

  /**
   * Polls an export's status until it is no longer pending.
   *
   * @param grant the grant
   * @param requestId the request id
   * @param pollInterval the wait between polls
   * @param maxWait the longest to wait in all
   * @return the export, ready or otherwise no longer pending
   * @throws SocialinkException {@link ErrorCategory#TRANSIENT} when still pending after {@code maxWait}
   */
  public TikTokDataExport await(Grant grant, long requestId, Duration pollInterval, Duration maxWait) {
    Objects.requireNonNull(grant, "grant");
    if (Objects.requireNonNull(pollInterval, "pollInterval").isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive; got " + pollInterval);
    }
    if (Objects.requireNonNull(maxWait, "maxWait").isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative; got " + maxWait);
    }
    Duration waited = Duration.ZERO;
    while (true) {
      TikTokDataExport export = check(grant, requestId);
      if (export.status() != TikTokDataExport.Status.PENDING) {
        return export;
      }
      if (waited.plus(pollInterval).compareTo(maxWait) > 0) {
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, TikTokResponseInterpreter.PLATFORM, 0,
                "TikTok was still collecting data export " + requestId + " after " + waited.toSeconds() + " s")
            .withRemediation("Check again later with the same request id (TikTok also sends the webhook"
                + " portability.download.ready); do not request a new export."), null, 1);
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SocialinkException.of(Classification.of(ErrorCategory.TRANSIENT, TikTokResponseInterpreter.PLATFORM, 0,
            "interrupted while waiting for TikTok's data export " + requestId), e, 1);
      }
      waited = waited.plus(pollInterval);
    }
  }

  /**
   * Downloads an export's archive to a file, streamed: written to a temporary file beside the target
   * as it arrives and moved onto the target once complete, so the target is never left half-written.
   *
   * @param grant the grant
   * @param requestId the request id
   * @param target the file to write; replaced if it exists
   * @return the target
   */
  public Path download(Grant grant, long requestId, Path target) {
    Objects.requireNonNull(grant, "grant");
    Path file = Objects.requireNonNull(target, "target").toAbsolutePath();
    Path dir = file.getParent();
    Path part;
    try {
      part = Files.createTempFile(dir, "." + file.getFileName(), ".part");
    } catch (IOException e) {
      throw localIo("could not create a file beside " + file.getFileName() + " to download into", e);
    }
    try {
      ApiResponse response = send(TikTokEndpointGroups.DATA_DOWNLOAD, "user/data/download/", grant,
          Map.of("request_id", requestId), Idempotency.IDEMPOTENT, part);
      if (response.body().length > 0) {
        // A transport that does not stream answers with the body in memory.
        Files.write(part, response.body());
      }
      try {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw localIo("could not write the downloaded archive to " + file.getFileName(), e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and named .part
      }
    }
  }

  /**
   * Cancels an export.
   *
   * @param grant the grant
   * @param requestId the request id
   */
  public void cancel(Grant grant, long requestId) {
    Objects.requireNonNull(grant, "grant");
    ApiResponse response = send(TikTokEndpointGroups.DATA_CANCEL, "user/data/cancel/", grant,
        Map.of("request_id", requestId), Idempotency.IDEMPOTENT, null);
    String what = "data export cancellation answer";
    Map<String, Object> body = Fields.object(json, response, what);
    String code = Fields.obj(body, "error").flatMap(e -> Fields.str(e, "code")).orElseThrow(() -> Fields.malformed(what,
        "member 'error.code' is missing, so the answer does not say it succeeded (success is error.code \"ok\")"));
    if (!code.trim().equalsIgnoreCase("ok")) {
      throw Fields.malformed(what, "error.code is not \"ok\"");
    }
  }

  private ApiResponse send(String group, String path, Grant grant, Map<String, Object> body, Idempotency idempotency,
      @Nullable Path streamTo) {
    ApiRequest.Builder b = TikTokCalls.bearer(HttpMethod.POST, endpoints.openApi(path), grant)
        .body(TikTokCalls.JSON, json.write(body));
    if (streamTo != null) {
      b.streamBodyTo(streamTo);
    }
    try {
      return calls.send(group, b.build(), idempotency, TikTokCalls.userKey(grant));
    } catch (SocialinkException e) {
      throw eligibility(e);
    }
  }

  /** A refusal for want of scope or permission says what makes an app and a user eligible. */
  static SocialinkException eligibility(SocialinkException e) {
    ErrorCategory c = e.category();
    if (c != ErrorCategory.INSUFFICIENT_SCOPE && c != ErrorCategory.PERMISSION_DENIED
        && c != ErrorCategory.ACCOUNT_RESTRICTED && c != ErrorCategory.CONFIGURATION) {
      return e;
    }
    return SocialinkException.of(e.classification().withRemediation(ELIGIBILITY + " " + e.remediation()), e,
        e.attempts());
  }

  private static void requireScopes(Grant grant, Set<TikTokDataCategory> categories) {
    List<String> missing = new ArrayList<>();
    for (TikTokDataCategory c : categories) {
      if (c.scopes().stream().noneMatch(grant.scopes()::contains)) {
        missing.add(c.wireName() + " (" + String.join(" or ", c.scopes()) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw SocialinkException.of(Classification.of(ErrorCategory.INSUFFICIENT_SCOPE, TikTokResponseInterpreter.PLATFORM,
              0, "data export not requested: the grant has no portability scope for " + String.join(", ", missing))
          .withRemediation(ELIGIBILITY + " Link the user again asking for the scope, if the app is approved for it."),
          null, 1);
    }
  }

  private static SocialinkException invalid(String message) {
    return SocialinkException.of(Classification.of(ErrorCategory.INVALID_REQUEST, TikTokResponseInterpreter.PLATFORM, 0,
        message), null, 1);
  }

  private static SocialinkException localIo(String message, IOException e) {
    return SocialinkException.of(Classification.of(ErrorCategory.CONFIGURATION, TikTokResponseInterpreter.PLATFORM, 0,
            message + " (" + e.getClass().getSimpleName() + ")")
        .withRemediation("Check that the target's directory exists, is writable and has room for the archive."), e, 1);
  }
}
