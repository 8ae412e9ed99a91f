package io.socialink.testkit.internal;

import io.socialink.testkit.instagram.InstagramPayloads;
import io.socialink.testkit.internal.emulator.Call;
import io.socialink.testkit.internal.emulator.Crypto;
import io.socialink.testkit.internal.emulator.Json;
import io.socialink.testkit.internal.emulator.Reply;
import io.socialink.testkit.internal.emulator.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Facebook Login for Business on the emulator: the Facebook users and the Pages they manage (each with
 * or without an Instagram professional account), the login dialog, the code and
 * {@code fb_exchange_token} exchanges with the Meta app's credentials, {@code debug_token} with the app
 * token, {@code /me}, {@code /me/accounts}, and {@code DELETE /{user-id}/permissions}, after which every
 * token of the user is refused and their grant is no longer live. Not thread-safe: used under the
 * platform's lock.
 */
final class FacebookLogin {
  /** A short-lived user token's life. */
  private static final Duration SHORT_LIVED = Duration.ofHours(2);

  /** A Facebook user of the emulator, with the Pages they manage. */
  private record FbUser(String id, String name, List<Page> pages) {}

  /** A Facebook Page, with the Instagram professional account connected to it, if any. */
  private record Page(String id, String name, Optional<String> instagramId) {}

  private record FbCode(String userId, String redirectUri, List<String> scopes) {}

  private final String metaAppId;
  private final String metaAppSecret;
  private final String redirectUri;
  private final InstagramAccounts accounts;
  private final GraphReplies replies;
  private final ConsentDialog dialog;
  private final TokenStore<FbCode> codes;
  private final MetaTokens tokens;
  private final Map<String, FbUser> users = new LinkedHashMap<>();
  private final Set<String> authorized = new HashSet<>();

  /**
   * Creates the login.
   *
   * @param clock the clock codes and tokens expire by
   * @param metaAppId the Meta app's id
   * @param metaAppSecret the Meta app's secret
   * @param redirectUri the redirect URI registered for Facebook Login
   * @param accounts the Instagram accounts Pages connect to
   * @param replies the Graph errors' wording
   */
  FacebookLogin(Clock clock, String metaAppId, String metaAppSecret, String redirectUri, InstagramAccounts accounts,
      GraphReplies replies) {
    Objects.requireNonNull(clock, "clock");
    this.metaAppId = metaAppId;
    this.metaAppSecret = metaAppSecret;
    this.redirectUri = redirectUri;
    this.accounts = accounts;
    this.replies = replies;
    this.dialog = new ConsentDialog(metaAppId, redirectUri, InstagramPlatform.FACEBOOK_SCOPES, new ConsentDialog.Wording(
        "Invalid App ID: client_id is not this emulator's Meta app id", "URL blocked: redirect_uri must equal the registered ",
        "Invalid Scopes: ", "; Facebook Login here knows ", "Facebook user",
        "error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied", ""));
    this.codes = new TokenStore<>(clock, "AQD", 24);
    this.tokens = new MetaTokens(clock, "EAA", replies);
  }

  /** Adds a Facebook user without Pages; the id is up to 18 digits. */
  void addUser(String id, String name) {
    if (!Objects.requireNonNull(id, "id").matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("a Facebook user id is up to 18 digits");
    }
    users.put(id, new FbUser(id, Objects.requireNonNull(name, "name"), new ArrayList<>()));
  }

  /** Adds a Page a Facebook user manages, with the Instagram account connected to it, if any. */
  void addPage(String userId, String pageId, String name, Optional<String> instagramId) {
    FbUser u = users.get(Objects.requireNonNull(userId, "userId"));
    if (u == null) {
      throw new IllegalArgumentException("the Instagram emulator has no Facebook user " + userId + "; known: "
          + users.keySet());
    }
    if (!Objects.requireNonNull(pageId, "pageId").matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("a Page id is up to 18 digits");
    }
    Objects.requireNonNull(instagramId, "instagramId").ifPresent(accounts::require);
    u.pages().add(new Page(pageId, Objects.requireNonNull(name, "name"), instagramId));
  }

  /** Whether the user consented and their permissions were not deleted since. */
  boolean authorized(String userId) {
    return authorized.contains(userId);
  }

  /** The login's user tokens. */
  MetaTokens tokens() {
    return tokens;
  }

  /** The Instagram accounts a Facebook user reaches through their Pages. */
  Set<String> managed(String userId) {
    Set<String> out = new HashSet<>();
    users.get(userId).pages().forEach(p -> p.instagramId().ifPresent(out::add));
    return out;
  }

  /** {@code GET /<version>/dialog/oauth}. */
  Reply dialog(Call c) {
    return dialog.answer(c.query(), Collections.unmodifiableSet(users.keySet()),
        (user, scopes) -> codes.issue(new FbCode(user, redirectUri, scopes), Duration.ofMinutes(10)));
  }

  /** {@code GET /<version>/oauth/access_token}: a code for a short-lived token, or {@code fb_exchange_token}. */
  Reply token(Call c) {
    Map<String, String> q = c.query();
    if (!metaAppId.equals(q.get("client_id"))) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "Error validating application. Invalid application ID.");
    }
    if (!Crypto.same(metaAppSecret, q.getOrDefault("client_secret", ""))) {
      return replies.error(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    if ("fb_exchange_token".equals(q.get("grant_type"))) {
      String presented = q.getOrDefault("fb_exchange_token", "");
      Optional<Reply> refused = tokens.refusal(presented);
      if (refused.isPresent()) {
        return refused.get();
      }
      return MetaTokens.bearer(InstagramPayloads.FACEBOOK_LONG_LIVED_TOKEN,
          tokens.extend(tokens.live(presented).orElseThrow(), InstagramPlatform.LONG_LIVED), InstagramPlatform.LONG_LIVED);
    }
    if (q.containsKey("grant_type")) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "Unsupported grant_type");
    }
    Optional<FbCode> code = codes.take(q.getOrDefault("code", ""));
    if (code.isEmpty() || !code.get().redirectUri().equals(q.get("redirect_uri"))) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, "This authorization code has been used.");
    }
    FbCode k = code.get();
    authorized.add(k.userId());
    return MetaTokens.bearer(InstagramPayloads.FACEBOOK_CODE_EXCHANGE, tokens.issue(k.userId(), k.scopes(), SHORT_LIVED),
        SHORT_LIVED);
  }

  /** {@code GET /<version>/debug_token} with the app token {@code <app id>|<app secret>}. */
  Reply debugToken(Call c) {
    Map<String, String> q = c.query();
    if (!Crypto.same(metaAppId + "|" + metaAppSecret, q.getOrDefault("access_token", ""))) {
      return replies.error(400, InstagramPayloads.CLIENT_SECRET, null);
    }
    String input = q.getOrDefault("input_token", "");
    Optional<MetaTokens.Token> t = tokens.live(input);
    boolean valid = t.isPresent() && tokens.refusal(input).isEmpty();
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(valid ? InstagramPayloads.FACEBOOK_DEBUG_TOKEN
        : InstagramPayloads.FACEBOOK_DEBUG_TOKEN_INVALID));
    @SuppressWarnings("unchecked")
    Map<String, Object> d = new LinkedHashMap<>((Map<String, Object>) doc.get("data"));
    d.put("app_id", metaAppId);
    d.put("is_valid", valid);
    if (t.isPresent()) {
      d.put("user_id", t.get().userId());
      d.put("expires_at", t.get().expiresAt().getEpochSecond());
      if (valid) {
        d.put("issued_at", t.get().issuedAt().getEpochSecond());
        d.put("scopes", t.get().scopes());
      }
    } else {
      d.remove("user_id");
      d.remove("expires_at");
    }
    doc.put("data", d);
    return Json.reply(200, doc);
  }

  /** {@code GET /<version>/me} with a Facebook token: the Facebook user. */
  Reply me(Call c, String userId) {
    FbUser u = users.get(userId);
    Map<String, Object> all = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_ME));
    all.put("id", u.id());
    all.put("name", u.name());
    return Json.reply(200, GraphReplies.pick(all, GraphReplies.fields(c, "id,name")));
  }

  /** {@code GET /<version>/me/accounts}: the user's Pages, paged, with their Instagram accounts when asked. */
  Reply pages(Call c, String userId) {
    FbUser u = users.get(userId);
    Optional<GraphReplies.Slice> s = GraphReplies.slice(c, u.pages().size());
    if (s.isEmpty()) {
      return replies.error(400, InstagramPayloads.INVALID_PARAMETER, null);
    }
    boolean withInstagram = c.query().getOrDefault("fields", "id,name").contains("instagram_business_account");
    Map<String, Object> doc = Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_PAGES));
    List<Map<String, Object>> data = new ArrayList<>();
    for (Page p : u.pages().subList(s.get().from(), s.get().to())) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("id", p.id());
      page.put("name", p.name());
      if (withInstagram && p.instagramId().isPresent()) {
        Map<String, Object> ig = new LinkedHashMap<>();
        ig.put("id", p.instagramId().get());
        ig.put("username", accounts.get(p.instagramId().get()).username());
        page.put("instagram_business_account", ig);
      }
      data.add(page);
    }
    doc.put("data", data);
    doc.put("paging", GraphReplies.paging(c, s.get(), u.pages().size(), u.id() + "/accounts"));
    return Json.reply(200, doc);
  }

  /** {@code DELETE /<version>/{user-id}/permissions}: the user's tokens die and their grant ends. */
  Reply deletePermissions(Call c, String userId) {
    if (!userId.equals(c.params().get("uid"))) {
      return replies.error(400, InstagramPayloads.OBJECT_MISSING, null);
    }
    tokens.endAll(userId);
    authorized.remove(userId);
    return Json.reply(200, Json.template(InstagramPayloads.bytes(InstagramPayloads.FACEBOOK_PERMISSIONS_DELETED)));
  }
}
