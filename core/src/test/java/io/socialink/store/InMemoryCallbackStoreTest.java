package io.socialink.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.store.memory.InMemoryCallbackStore;
import io.socialink.webhook.DataDeletion;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryCallbackStoreTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  final CallbackStore store = new InMemoryCallbackStore();

  @Test
  void aDeliveryIsRecordedOncePerPlatformUntilForgotten() {
    assertThat(store.recordDelivery("tiktok", "d-1", T0)).isTrue();
    assertThat(store.recordDelivery("tiktok", "d-1", T0.plusSeconds(5))).isFalse();
    assertThat(store.recordDelivery("x", "d-1", T0)).isTrue();
    store.forgetDelivery("tiktok", "d-1");
    assertThat(store.recordDelivery("tiktok", "d-1", T0)).isTrue();
  }

  @Test
  void ofManyConcurrentRecordsOfOneDeliveryExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        tasks.add(() -> store.recordDelivery("tiktok", "same", T0));
      }
      long wins = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pruningForgetsOnlyOlderDeliveries() {
    store.recordDelivery("x", "old", T0);
    store.recordDelivery("x", "new", T0.plusSeconds(100));
    assertThat(store.pruneDeliveries(T0.plusSeconds(50))).isEqualTo(1);
    assertThat(store.recordDelivery("x", "old", T0)).isTrue();
    assertThat(store.recordDelivery("x", "new", T0)).isFalse();
  }

  @Test
  void deletionsAreSavedAndReplacedByCode() {
    DataDeletion d = new DataDeletion("abc123", "instagram", "218471", List.of("owner-1"), DataDeletion.Status.RECEIVED,
        T0, T0, URI.create("https://app.example/deletion?code=abc123"));
    store.saveDeletion(d);
    DataDeletion done = d.withStatus(DataDeletion.Status.COMPLETED, java.time.Clock.fixed(T0.plusSeconds(9),
        java.time.ZoneOffset.UTC));
    store.saveDeletion(done);
    assertThat(store.findDeletion("abc123")).contains(done);
    assertThat(store.findDeletion("other")).isEmpty();
  }

  @Test
  void storesCarryAnInMemoryCallbackStoreByDefaultAndCanReplaceIt() {
    Stores s = Stores.inMemory();
    assertThat(s.callbacks()).isInstanceOf(InMemoryCallbackStore.class);
    CallbackStore mine = new InMemoryCallbackStore();
    Stores replaced = s.withCallbacks(mine).withGrants(s.grants()).withLinks(s.links()).withPending(s.pending())
        .withJournal(s.journal());
    assertThat(replaced.callbacks()).isSameAs(mine);
    assertThat(new Stores(s.grants(), s.links(), s.pending(), s.journal()).callbacks()).isNotSameAs(s.callbacks());
  }
}
