package io.socialink.webhook;

import io.socialink.Account;
import io.socialink.FakeProvider;
import io.socialink.Grant;
import io.socialink.Secret;
import io.socialink.auth.AppCredentials;
import io.socialink.auth.AuthorizationRequest;
import io.socialink.auth.CodeExchange;
import io.socialink.auth.TokenResponse;
import io.socialink.http.HttpMethod;
import io.socialink.spi.PlatformClient;
import io.socialink.spi.ProviderContext;
import io.socialink.spi.Revocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake provider whose client verifies webhooks signed like TikTok's: {@code X-Fake-Signature:
 * t=<epoch s>,s=<hex HMAC-SHA256(client secret, t + "." + body)>}, 5 minutes of tolerance; a body of
 * {@code name=value} lines ({@code event}, {@code user}, optional {@code id}, and optional
 * {@code attribute}, the grant attribute that also holds the user id). A handshake is
 * {@code GET ?challenge=<digits>&token=<verify token>}; the verify token is the
 * {@code verify_token} secret.
 */
final class HookProvider extends FakeProvider {
  static final String HEADER = "X-Fake-Signature";

  HookProvider(String id) {
    super(id);
  }

  @Override
  public PlatformClient createClient(ProviderContext context) {
    PlatformClient inner = super.createClient(context);
    Verifier verifier = new Verifier(id(), context.credentials(), context.clock());
    return new PlatformClient() {
      @Override
      public AppCredentials credentials() {
        return inner.credentials();
      }

      @Override
      public URI authorizationUrl(AuthorizationRequest request) {
        return inner.authorizationUrl(request);
      }

      @Override
      public TokenResponse exchangeCode(CodeExchange exchange) {
        return inner.exchangeCode(exchange);
      }

      @Override
      public TokenResponse refresh(Grant grant) {
        return inner.refresh(grant);
      }

      @Override
      public Revocation revoke(Grant grant) {
        return inner.revoke(grant);
      }

      @Override
      public Account profile(Grant grant) {
        return inner.profile(grant);
      }

      @Override
      public Optional<WebhookVerifier> webhooks() {
        return Optional.of(verifier);
      }
    };
  }

  String id() {
    return platform().id();
  }

  /** Signs a body as the fake platform does. */
  static String sign(String secret, long epochSeconds, byte[] body) {
    byte[] mac = Signatures.hmacSha256(Secret.of(secret), (epochSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
    return "t=" + epochSeconds + ",s=" + HexFormat.of().formatHex(mac);
  }

  private static final class Verifier implements WebhookVerifier {
    private final String platformId;
    private final AppCredentials credentials;
    private final Clock clock;

    Verifier(String platformId, AppCredentials credentials, Clock clock) {
      this.platformId = platformId;
      this.credentials = credentials;
      this.clock = clock;
    }

    @Override
    public Optional<WebhookResponse> challenge(WebhookRequest request) {
      String challenge = request.query().get("challenge");
      if (request.method() != HttpMethod.GET || challenge == null) {
        return Optional.empty();
      }
      Secret token = credentials.secret("verify_token").orElseThrow();
      if (!token.reveal().equals(request.query().get("token"))) {
        throw new WebhookRejectedException(platformId, "the handshake's token does not match",
            WebhookRejectedException.Reason.FORBIDDEN);
      }
      return Optional.of(WebhookResponse.json("{\"challenge\":\"" + challenge.replaceAll("[^0-9]", "") + "\"}"));
    }

    @Override
    public List<WebhookEvent> verify(WebhookRequest request) {
      String header = request.headers().first(HEADER)
          .orElseThrow(() -> new WebhookRejectedException(platformId, "no " + HEADER + " header"));
      String[] parts = header.split(",");
      if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("s=")) {
        throw new WebhookRejectedException(platformId, "the " + HEADER + " header is malformed");
      }
      long t;
      try {
        t = Long.parseLong(parts[0].substring(2));
      } catch (NumberFormatException e) {
        throw new WebhookRejectedException(platformId, "the timestamp is not a number");
      }
      byte[] given;
      try {
        given = HexFormat.of().parseHex(parts[1].substring(2));
      } catch (IllegalArgumentException e) {
        throw new WebhookRejectedException(platformId, "the signature is not hex");
      }
      byte[] body = request.body();
      byte[] expected = Signatures.hmacSha256(credentials.clientSecret().orElseThrow(),
          (t + ".").getBytes(StandardCharsets.UTF_8), body);
      if (!Signatures.matches(given, expected)) {
        throw new WebhookRejectedException(platformId, "the signature does not match the body");
      }
      if (Duration.between(Instant.ofEpochSecond(t), clock.instant()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
        throw new WebhookRejectedException(platformId, "the timestamp is stale");
      }
      Map<String, String> fields = new HashMap<>();
      for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      String event = fields.get("event");
      if (event == null) {
        throw new WebhookRejectedException(platformId, "the body names no event", WebhookRejectedException.Reason.MALFORMED);
      }
      WebhookEvent.Type type = switch (event) {
        case "deauthorized" -> WebhookEvent.Type.DEAUTHORIZED;
        case "account_deleted" -> WebhookEvent.Type.ACCOUNT_DELETED;
        case "data_deletion" -> WebhookEvent.Type.DATA_DELETION_REQUESTED;
        default -> WebhookEvent.Type.OTHER;
      };
      String id = fields.getOrDefault("id", "sha256:" + Signatures.digest(body));
      return List.of(new WebhookEvent(platformId, type, id, Optional.ofNullable(fields.get("user")),
          Optional.of(Instant.ofEpochSecond(t)), Optional.ofNullable(fields.get("attribute"))));
    }
  }
}
