package io.socialink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.store.CallbackStore;
import io.socialink.webhook.DataDeletion;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallbackStore} does: a delivery is recorded once per platform and delivery id,
 * atomically (of many concurrent recorders exactly one is first), can be forgotten and pruned by age;
 * data deletions read back whole and are replaced by confirmation code. A subclass supplies a fresh,
 * empty store for each test.
 */
public abstract class CallbackStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  protected CallbackStore store;

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract CallbackStore newStore();

  /** Releases what {@link #newStore()} made; nothing by default. */
  protected void closeStore() {}

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void releaseStore() {
    closeStore();
  }

  // ---- deliveries

  @Test
  void aDeliveryIsRecordedOncePerPlatformAndDeliveryId() {
    assertThat(store.recordDelivery("tiktok", "deauthorized:sha256:ab12", T0)).isTrue();

    assertThat(store.recordDelivery("tiktok", "deauthorized:sha256:ab12", T0.plusSeconds(30))).as("a retry").isFalse();
    assertThat(store.recordDelivery("x", "deauthorized:sha256:ab12", T0)).as("another platform").isTrue();
    assertThat(store.recordDelivery("tiktok", "deauthorized:sha256:ab13", T0)).as("another delivery").isTrue();
  }

  @Test
  void platformAndDeliveryIdAreKeptApartEvenWhenTheirTextsRunTogether() {
    assertThat(store.recordDelivery("fake", "b\nc", T0)).isTrue();
    assertThat(store.recordDelivery("fake\nb", "c", T0)).isTrue();
    assertThat(store.recordDelivery("fakeb", "c", T0)).isTrue();
    assertThat(store.recordDelivery("fake", "bc", T0)).isTrue();
  }

  @Test
  void longAndUnusualDeliveryIdsAreRecorded() {
    String longId = "other:" + "é".repeat(3000) + "/#?;'\"";

    assertThat(store.recordDelivery("instagram", longId, T0)).isTrue();
    assertThat(store.recordDelivery("instagram", longId, T0)).isFalse();
    assertThat(store.recordDelivery("instagram", longId.substring(0, longId.length() - 1), T0)).isTrue();
  }

  @Test
  void aForgottenDeliveryIsActedOnAgain() {
    store.recordDelivery("tiktok", "evt-1", T0);
    store.recordDelivery("tiktok", "evt-2", T0);

    store.forgetDelivery("tiktok", "evt-1");
    store.forgetDelivery("tiktok", "never-recorded");

    assertThat(store.recordDelivery("tiktok", "evt-1", T0.plusSeconds(5))).isTrue();
    assertThat(store.recordDelivery("tiktok", "evt-2", T0.plusSeconds(5))).isFalse();
  }

  @Test
  void pruningForgetsOnlyDeliveriesReceivedBeforeTheInstant() {
    store.recordDelivery("tiktok", "old-1", T0.minus(Duration.ofDays(4)));
    store.recordDelivery("x", "old-2", T0.minus(Duration.ofHours(73)));
    store.recordDelivery("tiktok", "at-the-limit", T0.minus(Duration.ofHours(72)));
    store.recordDelivery("tiktok", "recent", T0.minus(Duration.ofHours(1)));

    assertThat(store.pruneDeliveries(T0.minus(Duration.ofHours(72)))).isEqualTo(2);
    assertThat(store.pruneDeliveries(T0.minus(Duration.ofHours(72)))).isZero();

    assertThat(store.recordDelivery("tiktok", "old-1", T0)).isTrue();
    assertThat(store.recordDelivery("x", "old-2", T0)).isTrue();
    assertThat(store.recordDelivery("tiktok", "at-the-limit", T0)).isFalse();
    assertThat(store.recordDelivery("tiktok", "recent", T0)).isFalse();
  }

  @Test
  void ofConcurrentRecordsOfOneDeliveryExactlyOneIsFirst() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "deauthorized:evt-race-" + round;
      List<Boolean> firsts = Race.onThreads(16, i -> store.recordDelivery("tiktok", id, T0.plusMillis(i)));

      assertThat(firsts).as("round " + round).containsOnlyOnce(true).hasSize(16);
    }
  }

  @Test
  void afterAConcurrentForgetAndRetryTheDeliveryIsRecordedOnceMore() throws Exception {
    store.recordDelivery("tiktok", "evt-f", T0);
    store.forgetDelivery("tiktok", "evt-f");

    List<Boolean> firsts = Race.onThreads(8, i -> store.recordDelivery("tiktok", "evt-f", T0.plusSeconds(i)));

    assertThat(firsts).containsOnlyOnce(true);
  }

  // ---- data deletions

  static DataDeletion deletion(String code, List<String> owners) {
    return new DataDeletion(code, "instagram", "17841400000000001", owners, DataDeletion.Status.RECEIVED, T0, T0,
        URI.create("https://app.example/deletion?code=" + code));
  }

  @Test
  void aDataDeletionReadsBackWithEveryField() {
    DataDeletion d = deletion("AbC123", List.of("owner-2", "owner-1", "a;b", "", "50% off+more", "Zoë"));

    assertThat(store.saveDeletion(d)).isEqualTo(d);

    DataDeletion read = store.findDeletion("AbC123").orElseThrow();
    assertThat(read).isEqualTo(d);
    assertThat(read.ownerIds()).as("in order, each as given").containsExactly("owner-2", "owner-1", "a;b", "",
        "50% off+more", "Zoë");
    assertThat(read.statusUrl()).isEqualTo(URI.create("https://app.example/deletion?code=AbC123"));
    assertThat(store.findDeletion("abc123")).as("codes are case-sensitive").isEmpty();
    assertThat(store.findDeletion("Unknown1")).isEmpty();
  }

  @Test
  void aDataDeletionWithoutOwnersOrWithOneEmptyOwnerReadsBackAsSaved() {
    store.saveDeletion(deletion("none1", List.of()));
    store.saveDeletion(deletion("empty1", List.of("")));

    assertThat(store.findDeletion("none1").orElseThrow().ownerIds()).isEmpty();
    assertThat(store.findDeletion("empty1").orElseThrow().ownerIds()).containsExactly("");
  }

  @Test
  void savingADataDeletionAgainReplacesIt() {
    DataDeletion d = store.saveDeletion(deletion("Code9", List.of("owner-1")));
    DataDeletion progressed = d.withStatus(DataDeletion.Status.IN_PROGRESS,
        java.time.Clock.fixed(T0.plusSeconds(60), java.time.ZoneOffset.UTC));
    DataDeletion done = progressed.withStatus(DataDeletion.Status.COMPLETED,
        java.time.Clock.fixed(T0.plusSeconds(3600), java.time.ZoneOffset.UTC));

    store.saveDeletion(progressed);
    assertThat(store.findDeletion("Code9")).contains(progressed);
    store.saveDeletion(done);

    DataDeletion read = store.findDeletion("Code9").orElseThrow();
    assertThat(read).isEqualTo(done);
    assertThat(read.status()).isEqualTo(DataDeletion.Status.COMPLETED);
    assertThat(read.requestedAt()).isEqualTo(T0);
    assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void concurrentSavesOfOneNewDataDeletionLeaveOneWholeDeletion() throws Exception {
    List<DataDeletion> saved = Race.onThreads(8, i -> store.saveDeletion(deletion("Race1", List.of("owner-" + i))));

    assertThat(saved).hasSize(8);
    assertThat(store.findDeletion("Race1")).hasValueSatisfying(d -> assertThat(saved).contains(d));
  }
}
