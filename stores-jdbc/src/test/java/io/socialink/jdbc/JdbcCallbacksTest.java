package io.socialink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.Account;
import io.socialink.Grant;
import io.socialink.Link;
import io.socialink.LinkEnd;
import io.socialink.LinkKind;
import io.socialink.LinkState;
import io.socialink.Secret;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.http.Headers;
import io.socialink.store.Stores;
import io.socialink.testsupport.MutableClock;
import io.socialink.testsupport.Race;
import io.socialink.tiktok.TikTokProvider;
import io.socialink.webhook.CallbackListener;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.WebhookResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The public API on the JDBC stores: TikTok's signed deauthorization callback, received by
 * {@code socialink.callbacks().handle(...)}, revokes the account's links of every owner, and a repeated
 * delivery, received by another application instance on the same database, is recognised from the
 * database and changes nothing.
 */
class JdbcCallbacksTest {
  static final AtomicInteger DATABASES = new AtomicInteger();
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final String CLIENT_KEY = "client-key-1";
  static final String CLIENT_SECRET = "CANARY-TIKTOK-CLIENT-SECRET-2b9c";
  static final String OPEN_ID = "afd97af1-b87b-48b9-ac98-410aghda5344";
  static final Account ACCOUNT = Account.of(TikTokProvider.ID, OPEN_ID);

  final MutableClock clock = new MutableClock(NOW);
  final List<CallbackListener.Deauthorization> heard = new CopyOnWriteArrayList<>();
  int ids;

  /** One database, and a way to start another application instance (process) on it. */
  record Db(Supplier<JdbcStores> start, DataSource dataSource, String prefix) {}

  static Db database(Dialect dialect) {
    if (dialect == Dialect.H2) {
      String url = "jdbc:h2:mem:e2e" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
      return new Db(() -> JdbcStores.builder(url, "sa", "").keys(TestKeys.k1()).build(),
          new UrlDataSource(url, "sa", ""), JdbcStores.DEFAULT_TABLE_PREFIX);
    }
    String prefix = Postgres.freshPrefix("e2e");
    return new Db(() -> JdbcStores.builder(Postgres.dataSource()).tablePrefix(prefix).keys(TestKeys.k1()).build(),
        Postgres.dataSource(), prefix);
  }

  Socialink socialink(JdbcStores jdbc) {
    return Socialink.builder()
        .register(new TikTokProvider())
        .credentials(AppCredentials.confidential(TikTokProvider.ID, TikTokProvider.LOGIN_KIT.id(), CLIENT_KEY,
            Secret.of(CLIENT_SECRET), URI.create("https://app.example/tiktok/callback/")))
        .stores(jdbc.stores())
        .clock(clock)
        .callbacks(CallbackSettings.ofDefaults().withListener(new CallbackListener() {
          @Override
          public void deauthorized(Deauthorization d) {
            heard.add(d);
          }
        }))
        .build();
  }

  Link linked(Stores stores, String owner) {
    Grant g = stores.grants().save(new Grant("g-" + (++ids), owner, ACCOUNT, TikTokProvider.LOGIN_KIT.id(), CLIENT_KEY,
        Secret.of("CANARY-ACCESS-" + ids), Optional.of(Secret.of("CANARY-REFRESH-" + ids)), Set.of("user.info.basic"), "bearer", NOW,
        Optional.of(NOW.plus(Duration.ofDays(1))), Optional.empty(), 0));
    return stores.links().save(Link.create("l-" + (++ids), owner, LinkKind.APP_AUTHORIZATION, LinkEnd.application(),
        LinkEnd.account(ACCOUNT), List.of(g.id()), clock));
  }

  /** TikTok's {@code authorization.removed} event for the account: the user disconnected the app. */
  static byte[] authorizationRemoved() {
    return ("{\"client_key\":\"" + CLIENT_KEY + "\",\"event\":\"authorization.removed\",\"create_time\":"
        + NOW.getEpochSecond() + ",\"user_openid\":\"" + OPEN_ID + "\",\"content\":\"{\\\"reason\\\": 1 }\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Signed as TikTok documents: {@code t=<epoch s>,s=<hex HMAC-SHA256(client secret, t + "." + body)>}. */
  WebhookResponse deliver(Socialink socialink, byte[] body) {
    long t = clock.instant().getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
      String signature = "t=" + t + ",s=" + HexFormat.of().formatHex(mac.doFinal(body));
      return socialink.callbacks().handle("POST", "/tiktok", Headers.of("TikTok-Signature", signature,
          "Content-Type", "application/json"), body);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static LinkState state(Stores stores, Link l) {
    return stores.links().find(l.ownerId(), l.id()).orElseThrow().state();
  }

  static int rows(Db db, String table) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + db.prefix() + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aDeauthorizationRevokesTheLinksAndItsRetryToAnotherInstanceIsRecognisedFromTheDatabase(Dialect dialect)
      throws SQLException {
    Db db = database(dialect);
    JdbcStores first = db.start().get();
    Socialink one = socialink(first);
    Link alices = linked(first.stores(), "owner-1");
    Link bobs = linked(first.stores(), "owner-2");
    byte[] body = authorizationRemoved();

    WebhookResponse answer = deliver(one, body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(state(first.stores(), alices)).isEqualTo(LinkState.REVOKED);
    assertThat(state(first.stores(), bobs)).isEqualTo(LinkState.REVOKED);
    assertThat(first.grants().findByAccountOfAnyOwner(ACCOUNT)).as("the grants are forgotten").isEmpty();
    assertThat(heard).singleElement().satisfies(d -> assertThat(d.revokedLinks()).hasSize(2));
    assertThat(rows(db, "callback_deliveries")).as("the delivery is recorded in the database").isEqualTo(1);

    // The user links the account again; TikTok retries the old event, and another instance receives it.
    Link relinked = linked(first.stores(), "owner-1");
    clock.advance(Duration.ofMinutes(2));
    JdbcStores second = db.start().get();
    WebhookResponse retry = deliver(socialink(second), body);

    assertThat(retry.status()).isEqualTo(200);
    assertThat(state(second.stores(), relinked)).isEqualTo(LinkState.ACTIVE);
    assertThat(second.grants().findByAccountOfAnyOwner(ACCOUNT)).hasSize(1);
    assertThat(heard).hasSize(1);
    assertThat(rows(db, "callback_deliveries")).isEqualTo(1);
    assertThat(EncryptionAtRestTest.rawCells(db.dataSource(), db.prefix())).as("no secret in any stored row")
        .noneMatch(c -> c.contains(CLIENT_SECRET) || c.contains("CANARY-ACCESS-") || c.contains("CANARY-REFRESH-"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void ofOneDeliveryReceivedByTwoInstancesAtOnceOneIsActedOn(Dialect dialect) throws Exception {
    Db db = database(dialect);
    JdbcStores first = db.start().get();
    List<Socialink> instances = List.of(socialink(first), socialink(db.start().get()));
    Link l = linked(first.stores(), "owner-1");
    byte[] body = authorizationRemoved();

    List<Integer> statuses = Race.onThreads(12, i -> deliver(instances.get(i % 2), body).status());

    assertThat(statuses).containsOnly(200);
    assertThat(state(first.stores(), l)).isEqualTo(LinkState.REVOKED);
    assertThat(heard).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everyStoreOfTheSixLivesInTheDatabase(Dialect dialect) {
    Db db = database(dialect);
    Stores one = db.start().get().stores();
    Stores other = db.start().get().stores();

    assertThat(List.of(one.grants(), one.links(), one.pending(), one.journal(), one.crossPosts(), one.callbacks()))
        .allSatisfy(s -> assertThat(s.getClass().getPackageName()).isEqualTo("io.socialink.jdbc"));
    one.crossPosts().saveRules("owner-1", "l-1", CrossPostRules.builder().backfill(2).build());
    assertThat(other.crossPosts().rules("owner-1", "l-1")).contains(CrossPostRules.builder().backfill(2).build());
    assertThat(one.callbacks().recordDelivery("tiktok", "d-1", NOW)).isTrue();
    assertThat(other.callbacks().recordDelivery("tiktok", "d-1", NOW)).isFalse();
  }
}
