package io.socialink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.error.NotFoundException;
import io.socialink.http.Headers;
import io.socialink.store.GrantStore;
import io.socialink.store.Stores;
import io.socialink.store.memory.InMemoryGrantStore;
import io.socialink.testsupport.LogCapture;
import io.socialink.testsupport.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The callback intake over a fake platform whose verifier signs like TikTok's. */
class CallbacksTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final String SECRET = "CANARY-HOOK-SECRET-4e7b";
  static final String OTHER_SECRET = "CANARY-HOOK2-SECRET-99a1";
  static final String VERIFY_TOKEN = "CANARY-VERIFY-TOKEN-d00d";
  static final String CLIENT = "fake-client";
  static final Account ALICE = Account.of("fake", "u-1");
  static final Account BOB = Account.of("fake", "u-2");

  final MutableClock clock = new MutableClock(NOW);
  final List<Object> heard = new CopyOnWriteArrayList<>();
  final CallbackListener listener = new CallbackListener() {
    @Override
    public void deauthorized(Deauthorization d) {
      heard.add(d);
    }

    @Override
    public void dataDeletionRequested(DataDeletion d) {
      heard.add(d);
    }

    @Override
    public void received(WebhookEvent e) {
      heard.add(e);
    }
  };
  Stores stores;
  Socialink socialink;
  int ids;

  @BeforeEach
  void setUp() {
    stores = Stores.inMemory();
    socialink = build(CallbackSettings.ofDefaults().withListener(listener)
        .withDeletionStatusUrl(URI.create("https://app.example/deletion")));
  }

  Socialink build(CallbackSettings settings) {
    return Socialink.builder()
        .register(new HookProvider("fake"))
        .register(new HookProvider("fake2"))
        .credentials(AppCredentials.confidential("fake", "oauth2", CLIENT, Secret.of(SECRET),
            URI.create("https://app.example/cb")).withSecret("verify_token", Secret.of(VERIFY_TOKEN)))
        .credentials(AppCredentials.confidential("fake2", "oauth2", "fake2-client", Secret.of(OTHER_SECRET),
            URI.create("https://app.example/cb")))
        .stores(stores)
        .clock(clock)
        .callbacks(settings)
        .build();
  }

  Grant grant(String owner, Account account, String clientId) {
    Grant g = new Grant("g-" + (++ids), owner, account, "oauth2", clientId, Secret.of("AT-" + ids), Optional.empty(),
        Set.of("read"), "bearer", NOW, Optional.empty(), Optional.empty(), 0);
    return stores.grants().save(g);
  }

  Link appLink(Grant g) {
    return stores.links().save(Link.create("l-" + (++ids), g.ownerId(), LinkKind.APP_AUTHORIZATION,
        LinkEnd.application(), LinkEnd.account(g.account()), List.of(g.id()), clock));
  }

  LinkState state(Link l) {
    return stores.links().find(l.ownerId(), l.id()).orElseThrow().state();
  }

  static byte[] body(String... lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  WebhookResponse post(String path, byte[] body) {
    return post(path, body, SECRET, clock.instant().getEpochSecond());
  }

  WebhookResponse post(String path, byte[] body, String secret, long t) {
    return socialink.callbacks().handle("POST", path, Headers.of(HookProvider.HEADER, HookProvider.sign(secret, t, body),
        "Content-Type", "text/plain"), body);
  }

  @Test
  void aDeauthorizationRevokesTheAccountsLinksOfEveryOwnerForgetsTheGrantsAndTellsTheListener() {
    Grant a1 = grant("owner-1", ALICE, CLIENT);
    Grant a2 = grant("owner-2", ALICE, CLIENT);
    Grant bob = grant("owner-1", BOB, CLIENT);
    Grant otherApp = grant("owner-3", ALICE, "another-client");
    Link l1 = appLink(a1);
    Link l2 = appLink(a2);
    Link lb = appLink(bob);
    Link lo = appLink(otherApp);

    WebhookResponse r = post("/fake", body("event=deauthorized", "user=u-1", "id=evt-1"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(state(l1)).isEqualTo(LinkState.REVOKED);
    assertThat(state(l2)).isEqualTo(LinkState.REVOKED);
    assertThat(state(lb)).isEqualTo(LinkState.ACTIVE);
    assertThat(state(lo)).as("a grant of another app for the account is not this app's authorization")
        .isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", a1.id())).isEmpty();
    assertThat(stores.grants().find("owner-2", a2.id())).isEmpty();
    assertThat(stores.grants().find("owner-1", bob.id())).isPresent();
    assertThat(stores.grants().find("owner-3", otherApp.id())).isPresent();
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class, d -> {
      assertThat(d.account()).isEqualTo(ALICE);
      assertThat(d.accountDeleted()).isFalse();
      assertThat(d.revokedLinks()).extracting(Link::id).containsExactlyInAnyOrder(l1.id(), l2.id());
      assertThat(d.revokedLinks()).allSatisfy(l -> assertThat(l.state()).isEqualTo(LinkState.REVOKED));
      assertThat(d.forgottenGrantIds()).containsExactlyInAnyOrder(a1.id(), a2.id());
    });
  }

  @Test
  void anAccountDeletionAlsoRevokesEveryLinkWhoseEndIsTheAccount() {
    Grant alice = grant("owner-1", ALICE, CLIENT);
    Grant bob = grant("owner-1", BOB, CLIENT);
    Link app = appLink(alice);
    Link crossPost = stores.links().save(Link.create("l-x", "owner-1", LinkKind.CROSS_POST, LinkEnd.account(BOB),
        LinkEnd.account(ALICE), List.of(bob.id()), clock));
    Link bobApp = appLink(bob);

    assertThat(post("/fake", body("event=account_deleted", "user=u-1")).status()).isEqualTo(200);

    assertThat(state(app)).isEqualTo(LinkState.REVOKED);
    assertThat(state(crossPost)).isEqualTo(LinkState.REVOKED);
    assertThat(state(bobApp)).isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", bob.id())).isPresent();
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class,
        d -> assertThat(d.accountDeleted()).isTrue());
  }

  @Test
  void aDeauthorizationLeavesLinksThatOnlyShowTheAccountAlone() {
    Grant alice = grant("owner-1", ALICE, CLIENT);
    Grant bob = grant("owner-1", BOB, CLIENT);
    Link crossPost = stores.links().save(Link.create("l-x", "owner-1", LinkKind.CROSS_POST, LinkEnd.account(BOB),
        LinkEnd.account(ALICE), List.of(bob.id()), clock));
    appLink(alice);

    post("/fake", body("event=deauthorized", "user=u-1"));

    assertThat(state(crossPost)).isEqualTo(LinkState.ACTIVE);
  }

  @Test
  void aRepeatedDeliveryIsAnswered200AndChangesNothing() {
    Grant first = grant("owner-1", ALICE, CLIENT);
    appLink(first);
    byte[] b = body("event=deauthorized", "user=u-1", "id=evt-7");
    assertThat(post("/fake", b).status()).isEqualTo(200);
    // the user links the account again; TikTok-style retries of the old event must not undo that
    Grant again = grant("owner-1", ALICE, CLIENT);
    Link relinked = appLink(again);
    clock.advance(Duration.ofMinutes(1));

    WebhookResponse second = post("/fake", b);

    assertThat(second.status()).isEqualTo(200);
    assertThat(state(relinked)).isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", again.id())).isPresent();
    assertThat(heard).hasSize(1);
  }

  @Test
  void ofConcurrentDeliveriesOfOneEventOneIsActedOn() throws Exception {
    Link l = appLink(grant("owner-1", ALICE, CLIENT));
    byte[] b = body("event=deauthorized", "user=u-1", "id=evt-c");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Callable<Integer>> tasks = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        tasks.add(() -> post("/fake", b).status());
      }
      for (java.util.concurrent.Future<Integer> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
    assertThat(heard).hasSize(1);
  }

  @Test
  void withoutAnEventIdTheDigestOfTheVerifiedBodyIdentifiesTheDelivery() {
    Link l = appLink(grant("owner-1", ALICE, CLIENT));
    byte[] b = body("event=deauthorized", "user=u-1");
    post("/fake", b);
    Link relinked = appLink(grant("owner-1", ALICE, CLIENT));

    assertThat(post("/fake", b).status()).isEqualTo(200);

    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
    assertThat(state(relinked)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).hasSize(1);
  }

  @Test
  void forgedStaleAndUnsignedDeliveriesAre401AndChangeNothing() {
    Grant g = grant("owner-1", ALICE, CLIENT);
    Link l = appLink(g);
    byte[] b = body("event=deauthorized", "user=u-1", "id=evt-9");
    long now = clock.instant().getEpochSecond();
    try (LogCapture logs = LogCapture.start()) {
      assertThat(post("/fake", b, "guessed-secret", now).status()).isEqualTo(401);
      assertThat(post("/fake", b, SECRET, now - 301).status()).as("stale").isEqualTo(401);
      assertThat(post("/fake", b, SECRET, now + 301).status()).as("from the future").isEqualTo(401);
      assertThat(socialink.callbacks().handle("POST", "/fake", Headers.empty(), b).status()).isEqualTo(401);
      byte[] tampered = body("event=deauthorized", "user=u-2", "id=evt-9");
      String sig = HookProvider.sign(SECRET, now, b);
      assertThat(socialink.callbacks().handle("POST", "/fake", Headers.of(HookProvider.HEADER, sig), tampered).status())
          .isEqualTo(401);

      assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("callback refused: POST /fake -> 401")
          .contains("the signature does not match the body"));
      assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("the timestamp is stale"));
      assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("no X-Fake-Signature header"));
      assertThat(String.join("\n", logs.messages())).doesNotContain(SECRET).doesNotContain(sig.substring(13))
          .doesNotContain("u-1").doesNotContain("evt-9");
    }
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", g.id())).isPresent();
    assertThat(heard).isEmpty();
    // the refused deliveries were not recorded: the genuine one is still acted on
    assertThat(post("/fake", b).status()).isEqualTo(200);
    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void aSignedButMalformedBodyIs400AndChangesNothing() {
    Link l = appLink(grant("owner-1", ALICE, CLIENT));

    WebhookResponse r;
    try (LogCapture logs = LogCapture.start()) {
      r = post("/fake", body("user=u-1"));
      assertThat(logs.messages()).anySatisfy(m -> assertThat(m).contains("-> 400").contains("the body names no event"));
    }

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).as("the sender learns the kind only").isEqualTo("malformed delivery");
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).isEmpty();
  }

  @Test
  void unknownRoutesAre404() {
    Link l = appLink(grant("owner-1", ALICE, CLIENT));
    byte[] b = body("event=deauthorized", "user=u-1");
    for (String path : List.of("/nope", "/fake/other-scheme", "/fake/oauth2/extra", "/FAKE", "/fa%20ke", "/../fake",
        "/fake2/oauth2x")) {
      WebhookResponse r = post(path, b);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.body()).as("names no configured platform").isEqualTo("no callback route");
    }
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).isEmpty();
  }

  @Test
  void thePlatformAndSchemeRoutesAndTheRootReachTheVerifier() {
    Link l = appLink(grant("owner-1", ALICE, CLIENT));
    assertThat(post("/fake/oauth2/", body("event=other", "id=a")).status()).isEqualTo(200);
    assertThat(post("", body("event=other", "id=b")).status()).isEqualTo(200);
    assertThat(post("/?x=1", body("event=deauthorized", "user=u-1", "id=c")).status()).isEqualTo(200);
    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void onTheRootThePlatformIsTheOneWhoseSignatureVerifies() {
    Grant other = grant("owner-1", Account.of("fake2", "u-1"), "fake2-client");
    Link otherLink = appLink(other);
    Link mine = appLink(grant("owner-1", ALICE, CLIENT));

    WebhookResponse r = post("/", body("event=deauthorized", "user=u-1"), OTHER_SECRET, clock.instant().getEpochSecond());

    assertThat(r.status()).isEqualTo(200);
    assertThat(state(otherLink)).isEqualTo(LinkState.REVOKED);
    assertThat(state(mine)).isEqualTo(LinkState.ACTIVE);
    // the same body at the other platform's route is forged there
    assertThat(post("/fake", body("event=deauthorized", "user=u-1", "id=z"), OTHER_SECRET,
        clock.instant().getEpochSecond()).status()).isEqualTo(401);
  }

  @Test
  void anOversizedBodyIs413BeforeAnyVerification() {
    socialink = build(CallbackSettings.ofDefaults().withMaxBodyBytes(64).withListener(listener));
    Link l = appLink(grant("owner-1", ALICE, CLIENT));
    byte[] big = body("event=deauthorized", "user=u-1", "pad=" + "x".repeat(100));

    assertThat(post("/fake", big).status()).isEqualTo(413);
    assertThat(post("/nowhere", big).status()).isEqualTo(413);
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(post("/fake", body("event=deauthorized", "user=u-1")).status()).isEqualTo(200);
  }

  @Test
  void otherMethodsAre405AndAGetThatIsNoHandshakeToo() {
    WebhookResponse put = socialink.callbacks().handle("PUT", "/fake", Headers.empty(), new byte[0]);
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.headers().first("Allow")).contains("GET, POST");
    assertThat(socialink.callbacks().handle("GET", "/fake", Headers.empty(), new byte[0]).status()).isEqualTo(405);
  }

  @Test
  void aHandshakeIsAnsweredAndOneWithTheWrongTokenIs403() {
    WebhookResponse ok = socialink.callbacks().handle("GET", "/fake?challenge=123&token=" + VERIFY_TOKEN,
        Headers.empty(), new byte[0]);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"challenge\":\"123\"}");
    try (LogCapture logs = LogCapture.start()) {
      WebhookResponse wrong = socialink.callbacks().handle("GET", "/fake?challenge=123&token=guess", Headers.empty(),
          new byte[0]);
      assertThat(wrong.status()).isEqualTo(403);
      assertThat(String.join("\n", logs.messages())).contains("handshake refused").doesNotContain(VERIFY_TOKEN)
          .doesNotContain("guess");
    }
    assertThat(socialink.callbacks().handle("GET", "/fake?challenge=1&token=%zz", Headers.empty(), new byte[0])
        .status()).isEqualTo(400);
  }

  @Test
  void aDataDeletionRequestIsTrackedAndAnsweredInMetasForm() {
    grant("owner-1", ALICE, CLIENT);
    grant("owner-2", ALICE, CLIENT);
    byte[] b = body("event=data_deletion", "user=u-1", "id=del-1");

    WebhookResponse r = post("/fake", b);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().first("Content-Type")).contains("application/json");
    assertThat(r.body()).matches("\\{\"url\":\"https://app\\.example/deletion\\?code=([A-Za-z0-9]+)\","
        + "\"confirmation_code\":\"[A-Za-z0-9]+\"}");
    String code = r.body().replaceAll(".*\"confirmation_code\":\"([A-Za-z0-9]+)\".*", "$1");
    assertThat(r.body()).contains("code=" + code + "\"");
    DataDeletion d = socialink.callbacks().deletion(code).orElseThrow();
    assertThat(d.status()).isEqualTo(DataDeletion.Status.RECEIVED);
    assertThat(d.platformId()).isEqualTo("fake");
    assertThat(d.userId()).isEqualTo("u-1");
    assertThat(d.ownerIds()).containsExactly("owner-1", "owner-2");
    assertThat(d.requestedAt()).isEqualTo(NOW);
    assertThat(heard).containsExactly(d);

    clock.advance(Duration.ofMinutes(5));
    DataDeletion done = socialink.callbacks().updateDeletion(code, DataDeletion.Status.COMPLETED);
    assertThat(done.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(socialink.callbacks().deletion(code)).contains(done);

    WebhookResponse again = post("/fake", b);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(r.body());
    assertThat(socialink.callbacks().deletion(code)).contains(done);
    assertThat(heard).hasSize(1);
    assertThat(socialink.callbacks().deletion("nope")).isEmpty();
    assertThatThrownBy(() -> socialink.callbacks().updateDeletion("nope", DataDeletion.Status.FAILED))
        .isInstanceOf(NotFoundException.class);
    assertThat(stores.grants().findByAccountOfAnyOwner(ALICE)).as("deletion is the application's job").hasSize(2);
  }

  @Test
  void withoutAStatusPageADataDeletionRequestIs500AndRecordsNothing() {
    socialink = build(CallbackSettings.ofDefaults().withListener(listener));
    byte[] b = body("event=data_deletion", "user=u-1", "id=del-2");

    assertThat(post("/fake", b).status()).isEqualTo(500);
    assertThat(heard).isEmpty();
    socialink = build(CallbackSettings.ofDefaults().withListener(listener)
        .withDeletionStatusUrl(URI.create("https://app.example/deletion?lang=en")));
    WebhookResponse r = post("/fake", b);
    assertThat(r.status()).as("the delivery was not recorded as done").isEqualTo(200);
    assertThat(r.body()).contains("https://app.example/deletion?lang=en&code=");
  }

  @Test
  void aDeauthorizationAndADeletionRequestWithOneDeliveryIdAreTwoDeliveries() {
    // Meta's deauthorize and data-deletion callbacks for one user in one second carry the same signed_request
    Link l = appLink(grant("owner-1", ALICE, CLIENT));

    assertThat(post("/fake", body("event=deauthorized", "user=u-1", "id=same")).status()).isEqualTo(200);
    WebhookResponse deletion = post("/fake", body("event=data_deletion", "user=u-1", "id=same"));

    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
    assertThat(deletion.status()).isEqualTo(200);
    assertThat(deletion.body()).contains("confirmation_code");
    assertThat(heard).hasSize(2);
  }

  @Test
  void otherEventsGoToTheListener() {
    WebhookResponse r = post("/fake", body("event=post.publish.complete", "user=u-1", "id=p-1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(heard).singleElement().isInstanceOfSatisfying(WebhookEvent.class,
        e -> assertThat(e.type()).isEqualTo(WebhookEvent.Type.OTHER));
  }

  @Test
  void aStoreFailureIsAnswered500AndTheNextDeliveryIsActedOn() {
    AtomicInteger failures = new AtomicInteger(1);
    InMemoryGrantStore real = new InMemoryGrantStore();
    GrantStore flaky = new GrantStore() {
      @Override
      public Optional<Grant> find(String ownerId, String grantId) {
        return real.find(ownerId, grantId);
      }

      @Override
      public List<Grant> findByOwner(String ownerId) {
        return real.findByOwner(ownerId);
      }

      @Override
      public List<Grant> findByAccountOfAnyOwner(Account account) {
        return real.findByAccountOfAnyOwner(account);
      }

      @Override
      public Grant save(Grant grant) {
        return real.save(grant);
      }

      @Override
      public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
        return real.claimRefresh(ownerId, grantId, holder, now, until);
      }

      @Override
      public void releaseRefresh(String ownerId, String grantId, String holder) {
        real.releaseRefresh(ownerId, grantId, holder);
      }

      @Override
      public boolean delete(String ownerId, String grantId) {
        if (failures.getAndDecrement() > 0) {
          throw new IllegalStateException("database down; token AT-1 not deleted");
        }
        return real.delete(ownerId, grantId);
      }
    };
    stores = stores.withGrants(flaky);
    socialink = build(CallbackSettings.ofDefaults().withListener(listener));
    Grant g = grant("owner-1", ALICE, CLIENT);
    Link l = appLink(g);
    byte[] b = body("event=deauthorized", "user=u-1", "id=evt-3");

    try (LogCapture logs = LogCapture.start()) {
      assertThat(post("/fake", b).status()).isEqualTo(500);
      assertThat(String.join("\n", logs.messages())).contains("callback failed").contains("IllegalStateException")
          .doesNotContain("AT-1");
    }
    assertThat(heard).isEmpty();
    assertThat(post("/fake", b).status()).isEqualTo(200);
    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
    assertThat(stores.grants().find("owner-1", g.id())).isEmpty();
    assertThat(heard).hasSize(1);
  }

  @Test
  void aStoreThatCannotSearchAcrossOwnersMakesTheDeliveryComeAgain() {
    GrantStore ownerScoped = limitedGrants(new InMemoryGrantStore(), false);
    stores = stores.withGrants(ownerScoped);
    socialink = build(CallbackSettings.ofDefaults());
    Link l = appLink(grant("owner-1", ALICE, CLIENT));

    assertThat(post("/fake", body("event=deauthorized", "user=u-1")).status()).isEqualTo(500);
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
  }

  static final String LOGIN = "fake.login_user_id";

  Grant grantHolding(String owner, Account account, String clientId, String loginUserId) {
    Grant g = new Grant("g-" + (++ids), owner, account, "oauth2", clientId, Secret.of("AT-" + ids), Optional.empty(),
        Set.of("read"), "bearer", NOW, Optional.empty(), Optional.empty(), 0, java.util.Map.of(LOGIN, loginUserId));
    return stores.grants().save(g);
  }

  @Test
  void aDeauthorizationNamingAGrantAttributeAlsoActsOnTheGrantsHoldingTheUserId() {
    Grant viaLogin1 = grantHolding("owner-1", ALICE, CLIENT, "fb-1");
    Grant viaLogin2 = grantHolding("owner-2", BOB, CLIENT, "fb-1");
    Grant ofTheAccountAndTheLogin = grantHolding("owner-3", Account.of("fake", "fb-1"), CLIENT, "fb-1");
    Grant ofTheAccount = grant("owner-4", Account.of("fake", "fb-1"), CLIENT);
    Grant otherLogin = grantHolding("owner-1", BOB, CLIENT, "fb-2");
    Grant otherApp = grantHolding("owner-5", ALICE, "another-client", "fb-1");
    Link l1 = appLink(viaLogin1);
    Link l2 = appLink(viaLogin2);
    Link l3 = appLink(ofTheAccountAndTheLogin);
    Link l4 = appLink(ofTheAccount);
    Link lOther = appLink(otherLogin);
    Link lApp = appLink(otherApp);

    WebhookResponse r = post("/fake", body("event=deauthorized", "user=fb-1", "attribute=" + LOGIN, "id=evt-fb"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(List.of(state(l1), state(l2), state(l3), state(l4))).containsOnly(LinkState.REVOKED);
    assertThat(state(lOther)).isEqualTo(LinkState.ACTIVE);
    assertThat(state(lApp)).as("another app's grant for the user").isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", viaLogin1.id())).isEmpty();
    assertThat(stores.grants().find("owner-2", viaLogin2.id())).isEmpty();
    assertThat(stores.grants().find("owner-3", ofTheAccountAndTheLogin.id())).isEmpty();
    assertThat(stores.grants().find("owner-4", ofTheAccount.id())).isEmpty();
    assertThat(stores.grants().find("owner-1", otherLogin.id())).isPresent();
    assertThat(stores.grants().find("owner-5", otherApp.id())).isPresent();
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class, d -> {
      assertThat(d.event().userAttribute()).contains(LOGIN);
      assertThat(d.revokedLinks()).extracting(Link::id).containsExactlyInAnyOrder(l1.id(), l2.id(), l3.id(), l4.id());
      assertThat(d.forgottenGrantIds()).as("each once").containsExactlyInAnyOrder(viaLogin1.id(), viaLogin2.id(),
          ofTheAccountAndTheLogin.id(), ofTheAccount.id());
    });

    // Meta delivers again; the user has linked anew meanwhile: the repeat changes nothing.
    Link relinked = appLink(grantHolding("owner-1", ALICE, CLIENT, "fb-1"));
    assertThat(post("/fake", body("event=deauthorized", "user=fb-1", "attribute=" + LOGIN, "id=evt-fb")).status())
        .isEqualTo(200);
    assertThat(state(relinked)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).hasSize(1);
  }

  @Test
  void withoutTheAttributeNamedAGrantHoldingTheUserIdInAnAttributeIsLeftAlone() {
    Link l = appLink(grantHolding("owner-1", ALICE, CLIENT, "fb-1"));

    assertThat(post("/fake", body("event=deauthorized", "user=fb-1")).status()).isEqualTo(200);
    assertThat(post("/fake", body("event=deauthorized", "user=fb-1", "attribute=fake.other", "id=2")).status())
        .isEqualTo(200);

    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).hasSize(2).allSatisfy(d -> assertThat(((CallbackListener.Deauthorization) d).forgottenGrantIds())
        .isEmpty());
  }

  @Test
  void anUnknownUserIdNamingAnAttributeChangesNothingAndIsAnswered200() {
    Grant g = grantHolding("owner-1", ALICE, CLIENT, "fb-1");
    Link l = appLink(g);

    WebhookResponse r = post("/fake", body("event=deauthorized", "user=fb-404", "attribute=" + LOGIN));

    assertThat(r.status()).isEqualTo(200);
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", g.id())).contains(g);
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class, d -> {
      assertThat(d.revokedLinks()).isEmpty();
      assertThat(d.forgottenGrantIds()).isEmpty();
    });
  }

  @Test
  void aForgedDeliveryNamingAnAttributeChangesNothing() {
    Grant g = grantHolding("owner-1", ALICE, CLIENT, "fb-1");
    Link l = appLink(g);
    byte[] b = body("event=deauthorized", "user=fb-1", "attribute=" + LOGIN, "id=evt-f");

    assertThat(post("/fake", b, "guessed-secret", clock.instant().getEpochSecond()).status()).isEqualTo(401);
    assertThat(socialink.callbacks().handle("POST", "/fake", Headers.empty(), b).status()).isEqualTo(401);

    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(stores.grants().find("owner-1", g.id())).contains(g);
    assertThat(heard).isEmpty();
  }

  @Test
  void aDataDeletionNamingAnAttributeListsTheOwnersHoldingTheUserId() {
    grantHolding("owner-2", ALICE, CLIENT, "fb-1");
    grantHolding("owner-1", BOB, CLIENT, "fb-1");
    grant("owner-3", Account.of("fake", "fb-1"), CLIENT);
    grantHolding("owner-4", BOB, CLIENT, "fb-2");

    WebhookResponse r = post("/fake", body("event=data_deletion", "user=fb-1", "attribute=" + LOGIN, "id=del-1"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(heard).singleElement().isInstanceOfSatisfying(DataDeletion.class,
        d -> assertThat(d.ownerIds()).containsExactly("owner-1", "owner-2", "owner-3"));
  }

  @Test
  void aStoreThatCannotSearchByAttributeMakesTheDeliveryComeAgain() {
    GrantStore noAttributes = limitedGrants(new InMemoryGrantStore(), true);
    stores = stores.withGrants(noAttributes);
    socialink = build(CallbackSettings.ofDefaults().withListener(listener));
    Link l = appLink(grantHolding("owner-1", ALICE, CLIENT, "fb-1"));
    byte[] b = body("event=deauthorized", "user=fb-1", "attribute=" + LOGIN, "id=evt-s");

    try (LogCapture logs = LogCapture.start()) {
      assertThat(post("/fake", b).status()).isEqualTo(500);
      assertThat(String.join("\n", logs.messages())).contains("UnsupportedOperationException").doesNotContain("AT-");
    }
    assertThat(state(l)).isEqualTo(LinkState.ACTIVE);
    assertThat(heard).isEmpty();
    assertThat(post("/fake", body("event=deauthorized", "user=fb-1", "id=evt-t")).status())
        .as("a callback naming the account only still works").isEqualTo(200);
  }

  @Test
  void aThrowingListenerDoesNotUndoTheEffects() {
    socialink = build(CallbackSettings.ofDefaults().withListener(new CallbackListener() {
      @Override
      public void deauthorized(Deauthorization d) {
        throw new IllegalStateException("listener bug");
      }
    }));
    Link l = appLink(grant("owner-1", ALICE, CLIENT));

    assertThat(post("/fake", body("event=deauthorized", "user=u-1")).status()).isEqualTo(200);
    assertThat(state(l)).isEqualTo(LinkState.REVOKED);
  }

  @Test
  void anUnlinkedLinkStaysUnlinked() {
    Grant g = grant("owner-1", ALICE, CLIENT);
    Link l = appLink(g);
    stores.links().save(stores.links().find("owner-1", l.id()).orElseThrow().withState(LinkState.UNLINKED, clock));

    assertThat(post("/fake", body("event=deauthorized", "user=u-1")).status()).isEqualTo(200);

    assertThat(state(l)).isEqualTo(LinkState.UNLINKED);
    assertThat(heard).singleElement().isInstanceOfSatisfying(CallbackListener.Deauthorization.class,
        d -> assertThat(d.revokedLinks()).isEmpty());
  }

  @Test
  void aDeliveryOlderThanTheRetentionIsForgottenOnlyAfterIt() {
    byte[] b = body("event=other", "id=old");
    post("/fake", b);
    clock.advance(Duration.ofDays(6));
    post("/fake", b);
    assertThat(heard).as("within the retention a repeat is recognised").hasSize(1);
    clock.advance(Duration.ofDays(2));
    post("/fake", body("event=other", "id=trigger"));
    post("/fake", b);
    assertThat(heard).as("past the retention its record is pruned").hasSize(3);
  }

  /**
   * A grant store over a memory one that looks grants up by owner only, and across owners by account
   * only when asked to: the optional look-ups keep the SPI's defaults.
   */
  static GrantStore limitedGrants(InMemoryGrantStore real, boolean byAccount) {
    return new GrantStore() {
      @Override
      public Optional<Grant> find(String ownerId, String grantId) {
        return real.find(ownerId, grantId);
      }

      @Override
      public List<Grant> findByOwner(String ownerId) {
        return real.findByOwner(ownerId);
      }

      @Override
      public List<Grant> findByAccountOfAnyOwner(Account account) {
        return byAccount ? real.findByAccountOfAnyOwner(account) : GrantStore.super.findByAccountOfAnyOwner(account);
      }

      @Override
      public Grant save(Grant grant) {
        return real.save(grant);
      }

      @Override
      public boolean claimRefresh(String ownerId, String grantId, String holder, Instant now, Instant until) {
        return true;
      }

      @Override
      public void releaseRefresh(String ownerId, String grantId, String holder) {}

      @Override
      public boolean delete(String ownerId, String grantId) {
        return real.delete(ownerId, grantId);
      }
    };
  }
}
