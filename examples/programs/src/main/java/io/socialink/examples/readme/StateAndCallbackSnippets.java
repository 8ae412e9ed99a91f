package io.socialink.examples.readme;

import io.socialink.Link;
import io.socialink.Socialink;
import io.socialink.auth.AppCredentials;
import io.socialink.crosspost.CaptionTemplate;
import io.socialink.crosspost.CrossPostListener;
import io.socialink.crosspost.CrossPostRules;
import io.socialink.crosspost.CrossPostSync;
import io.socialink.crosspost.SyncReport;
import io.socialink.error.Classification;
import io.socialink.error.Operation;
import io.socialink.jdbc.JdbcStores;
import io.socialink.jdbc.KeyProvider;
import io.socialink.webhook.CallbackSettings;
import io.socialink.webhook.JdkHttpCallbackHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;

/**
 * The README's stores, audit, cross-posting, callback and classification blocks, compiled as written
 * ({@link ReadmeSnippets} holds the others). Never run.
 */
final class StateAndCallbackSnippets {
  private StateAndCallbackSnippets() {}

  static void jdbc(DataSource dataSource, byte[] keyBytes) {
    // README: Stores
    JdbcStores jdbc = JdbcStores.builder(dataSource)                  // a pooled DataSource for a server
        .keys(KeyProvider.of("2026-11", Map.of("2026-11", KeyProvider.aesKey(keyBytes))))
        .build();                                                      // creates or upgrades the schema
    Socialink socialink = Socialink.builder().stores(jdbc.stores()).build();
  }

  static void audit(Socialink socialink, String userId) {
    // README: Audit
    System.out.println(socialink.audit(userId).toText());             // or .toJson()
  }

  static void crossPost(Socialink socialink, String userId, String instagramGrantId, String xGrantId,
      ExecutorService executor) {
    // README: Cross-post
    Link link = socialink.crossPosting().link(userId, instagramGrantId, xGrantId, CrossPostRules.builder()
        .caption(CaptionTemplate.ofDefaults().withHashtags(List.of("#studio")))
        .build());
    CrossPostSync sync = socialink.crossPosting().sync(userId, link.id(), new CrossPostListener() {});
    executor.submit(() -> sync.run(Duration.ofMinutes(5)));
    SyncReport report = socialink.crossPosting().stop(userId, link.id());
  }

  static void callbacks(AppCredentials tiktok) throws IOException {
    // README: Receive callbacks
    Socialink socialink = Socialink.builder()
        .credentials(tiktok)
        .callbacks(CallbackSettings.ofDefaults()
            .withDeletionStatusUrl(URI.create("https://app.example/deletion")))
        .build();
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/callbacks", new JdkHttpCallbackHandler(socialink.callbacks()));
  }

  static void classify(Socialink socialink, int status, Map<String, List<String>> headers, byte[] body) {
    // README: Classify a response you got yourself
    Optional<Classification> verdict = socialink.platforms().classify("x", status, headers, body);
    Optional<Classification> onRefresh = socialink.platforms().classify("x", Operation.TOKEN_REFRESH, status, headers, body);
  }
}
