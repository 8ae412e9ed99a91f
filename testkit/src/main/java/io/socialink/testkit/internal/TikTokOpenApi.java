package io.socialink.testkit.internal;

import io.socialink.testkit.internal.TikTokAuthorizations.Auth;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.RateWindows;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.tiktok.TikTokPayloads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Open API's gate and reads: a call needs a live Login Kit access token ({@code access_token_invalid},
 * 401, otherwise), room in its endpoint group's sliding window (per app, or per user for Content
 * Posting; 429 {@code rate_limit_exceeded} otherwise) and the scope the endpoint wants
 * ({@code scope_not_authorized}); then {@code /v2/user/info/} and {@code /v2/video/list/} answer only the
 * fields asked, {@code scope_permission_missed} for fields the scopes do not allow. Not thread-safe:
 * used under the platform's lock.
 */
final class TikTokOpenApi {
  private static final List<String> BASIC = List.of("open_id", "union_id", "avatar_url", "avatar_url_100",
      "avatar_large_url", "display_name");
  private static final List<String> PROFILE = List.of("username", "bio_description", "profile_deep_link", "is_verified");
  private static final List<String> STATS = List.of("follower_count", "following_count", "likes_count", "video_count");
  private static final List<String> VIDEO_FIELDS = List.of("id", "title", "cover_image_url", "create_time",
      "share_url", "video_description", "duration", "height", "width", "embed_html", "embed_link", "like_count",
      "comment_count", "share_count", "view_count");

  /**
   * A call the gate let through, with the authorization its token stands for.
   *
   * @param call the call
   * @param auth the authorization
   */
  record CallAuth(Call call, Auth auth) {}

  private final Clock clock;
  private final Map<String, TikTokPlatform.AppReg> apps;
  private final Map<String, TikTokPlatform.UserReg> users;
  private final TikTokAuthorizations auths;
  private final RateWindows limits;
  private final TikTokReplies replies;

  /**
   * Creates the Open API.
   *
   * @param clock the clock the windows slide on
   * @param apps the registered apps by key
   * @param users the users by open id
   * @param auths the tokens
   * @param limits the platform's rate windows
   * @param replies TikTok's answer shapes
   */
  TikTokOpenApi(Clock clock, Map<String, TikTokPlatform.AppReg> apps, Map<String, TikTokPlatform.UserReg> users,
      TikTokAuthorizations auths, RateWindows limits, TikTokReplies replies) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.apps = apps;
    this.users = users;
    this.auths = auths;
    this.limits = limits;
    this.replies = replies;
  }

  /**
   * An Open API call: a live Login Kit token, the group's window, the scope.
   *
   * @param group the endpoint group; {@code post.} groups count per user, the others per app
   * @param call the call
   * @param scope the scope needed, or null for either posting scope
   * @param handler the endpoint
   * @return the answer
   */
  Reply call(String group, Call call, @Nullable String scope, Function<CallAuth, Reply> handler) {
    Optional<Auth> auth = call.bearer().flatMap(auths::access).filter(a -> !apps.get(a.app()).business());
    if (auth.isEmpty()) {
      return replies.openApiError(401, TikTokPayloads.ACCESS_TOKEN_INVALID, "");
    }
    String key = group.startsWith("post.") ? auth.get().openId() : auth.get().app(); // posting counts per user
    RateWindows.Admission admission = limits.admit(group, key, clock.instant()).orElse(null);
    if (admission != null && !admission.admitted()) {
      return replies.rateLimited();
    }
    boolean scoped = scope == null
        ? auth.get().scopes().contains("video.upload") || auth.get().scopes().contains("video.publish")
        : auth.get().scopes().contains(scope);
    if (!scoped) {
      return replies.openApiError(401, TikTokPayloads.SCOPE_NOT_AUTHORIZED, "");
    }
    return handler.apply(new CallAuth(call, auth.get()));
  }

  /** {@code GET /v2/user/info/?fields=}. */
  Reply userInfo(CallAuth ca) {
    List<String> fields = fields(ca.call());
    Set<String> allowed = new LinkedHashSet<>(BASIC);
    allowed.addAll(PROFILE);
    allowed.addAll(STATS);
    if (fields.isEmpty() || !allowed.containsAll(fields)) {
      return replies.openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: fields");
    }
    Set<String> scopes = ca.auth().scopes();
    if ((!scopes.contains("user.info.profile") && fields.stream().anyMatch(PROFILE::contains))
        || (!scopes.contains("user.info.stats") && fields.stream().anyMatch(STATS::contains))) {
      return replies.openApiError(400, TikTokPayloads.SCOPE_PERMISSION_MISSED, "");
    }
    TikTokPlatform.UserReg u = users.get(ca.auth().openId());
    Map<String, Object> documented = Json.template(TikTokPayloads.bytes(TikTokPayloads.USER_INFO));
    @SuppressWarnings("unchecked")
    Map<String, Object> example = (Map<String, Object>) ((Map<String, Object>) documented.get("data")).get("user");
    Map<String, Object> user = new LinkedHashMap<>();
    for (String f : fields) {
      Object v = switch (f) {
        case "open_id" -> u.openId();
        case "union_id" -> "union-" + u.openId();
        case "display_name" -> u.displayName();
        case "username" -> u.username();
        case "avatar_url_100", "avatar_large_url" -> example.get("avatar_url");
        default -> example.get(f);
      };
      user.put(f, v);
    }
    return replies.ok(documented, Map.of("user", user));
  }

  /** {@code POST /v2/video/list/?fields=} with {@code max_count} 1 to 20. */
  Reply videoList(CallAuth ca) {
    List<String> fields = fields(ca.call());
    if (fields.isEmpty() || !VIDEO_FIELDS.containsAll(fields)) {
      return replies.openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: fields");
    }
    Map<String, Object> body = Json.object(ca.call().body()).orElse(Map.of());
    Object max = body.getOrDefault("max_count", 10);
    if (!(max instanceof Integer n) || n < 1 || n > 20) {
      return replies.openApiError(400, TikTokPayloads.INVALID_PARAMS, "The request parameters are invalid: max_count");
    }
    Map<String, Object> documented = Json.template(TikTokPayloads.bytes(TikTokPayloads.VIDEO_LIST));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) documented.get("data"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> videos = (List<Map<String, Object>>) data.get("videos");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> v : videos.subList(0, Math.min(n, videos.size()))) {
      Map<String, Object> picked = new LinkedHashMap<>();
      fields.forEach(f -> picked.put(f, v.get(f)));
      out.add(picked);
    }
    data.put("videos", out);
    data.put("has_more", false);
    return replies.ok(documented, data);
  }

  private static List<String> fields(Call call) {
    List<String> out = new ArrayList<>(Arrays.asList(call.query().getOrDefault("fields", "").split(",")));
    out.remove("");
    return out;
  }
}
