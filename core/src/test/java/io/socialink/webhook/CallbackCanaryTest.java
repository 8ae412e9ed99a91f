package io.socialink.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.http.Headers;
import io.socialink.store.Stores;
import io.socialink.testsupport.LogCapture;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plants canary secrets (client secret, verify token, access token) and the signatures made with
 * them, runs the intake through every answer it gives (accepted, repeated, forged, stale, malformed,
 * unknown route, oversized, wrong method, handshakes, failing store, throwing listener), and scans
 * every log line, answer, exception message and toString() it produced.
 */
class CallbackCanaryTest {
  static final String SECRET = "CANARY-INTAKE-SECRET-1f9e";
  static final String VERIFY = "CANARY-INTAKE-VERIFY-8a2c";
  static final String ACCESS = "CANARY-INTAKE-ACCESS-77d4";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void noSecretReachesALogLineAnAnswerOrAToString() {
    MutableClock clock = new MutableClock(NOW);
    Stores stores = Stores.inMemory();
    List<String> seen = new ArrayList<>();
    Socialink socialink = Socialink.builder()
        .register(new HookProvider("fake"))
        .credentials(AppCredentials.confidential("fake", "oauth2", "fake-client", Secret.of(SECRET),
            URI.create("https://app.example/cb")).withSecret("verify_token", Secret.of(VERIFY)))
        .stores(stores).clock(clock)
        .callbacks(CallbackSettings.ofDefaults().withMaxBodyBytes(256)
            .withDeletionStatusUrl(URI.create("https://app.example/deletion"))
            .withListener(new CallbackListener() {
              @Override
              public void deauthorized(Deauthorization d) {
                seen.add(d.toString());
                throw new IllegalStateException("listener failed with " + ACCESS);
              }

              @Override
              public void dataDeletionRequested(DataDeletion d) {
                seen.add(d.toString());
              }
            }))
        .build();
    Grant g = stores.grants().save(new Grant("g-1", "owner-1", Account.of("fake", "u-1"), "oauth2", "fake-client",
        Secret.of(ACCESS), Optional.empty(), Set.of(), "bearer", NOW, Optional.empty(), Optional.empty(), 0));
    stores.links().save(Link.create("l-1", "owner-1", LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(g.account()), List.of(g.id()), clock));
    long t = NOW.getEpochSecond();
    byte[] deauth = "event=deauthorized\nuser=u-1\nid=e-1".getBytes(StandardCharsets.UTF_8);
    byte[] deletion = "event=data_deletion\nuser=u-1\nid=e-2".getBytes(StandardCharsets.UTF_8);
    byte[] garbage = "nothing here".getBytes(StandardCharsets.UTF_8);
    String good = HookProvider.sign(SECRET, t, deauth);
    String stale = HookProvider.sign(SECRET, t - 3600, deauth);
    List<String> signatures = List.of(good.substring(good.indexOf("s=") + 2), stale.substring(stale.indexOf("s=") + 2),
        HookProvider.sign(SECRET, t, deletion).substring(13), HookProvider.sign(SECRET, t, garbage).substring(13));
    Callbacks c = socialink.callbacks();

    try (LogCapture logs = LogCapture.start()) {
      List<WebhookResponse> answers = new ArrayList<>();
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, HookProvider.sign("x" + SECRET, t, deauth)),
          deauth));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, stale), deauth));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, good), deauth));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, good), deauth));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, HookProvider.sign(SECRET, t, deletion)),
          deletion));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, HookProvider.sign(SECRET, t, garbage)),
          garbage));
      answers.add(c.handle("POST", "/fake/" + SECRET.toLowerCase(), Headers.of(HookProvider.HEADER, good), deauth));
      answers.add(c.handle("POST", "/" + SECRET + "?token=" + VERIFY, Headers.empty(), deauth));
      answers.add(c.handle("POST", "/fake", Headers.of(HookProvider.HEADER, good), new byte[1000]));
      answers.add(c.handle("PATCH", "/fake?token=" + VERIFY, Headers.of("Authorization", "Bearer " + ACCESS), deauth));
      answers.add(c.handle("GET", "/fake?challenge=5&token=" + VERIFY, Headers.empty(), new byte[0]));
      answers.add(c.handle("GET", "/fake?challenge=5&token=" + VERIFY + "x", Headers.empty(), new byte[0]));
      answers.forEach(a -> seen.add(a.toString()));
      seen.addAll(logs.messages());
    }
    seen.add(c.settings().toString());
    seen.add(c.deletion(c.deletion("x").map(DataDeletion::confirmationCode).orElse("none")).toString());

    String all = String.join("\n", seen);
    assertThat(all).contains("callback refused").contains("callback received").contains("listener threw");
    for (String canary : List.of(SECRET, SECRET.toLowerCase(), VERIFY, ACCESS)) {
      assertThat(all).doesNotContain(canary);
    }
    for (String signature : signatures) {
      assertThat(all).doesNotContain(signature);
    }
  }
}
