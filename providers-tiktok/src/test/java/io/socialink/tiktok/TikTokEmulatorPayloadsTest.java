package io.socialink.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.tiktok.TikTokPayloads;
import org.junit.jupiter.api.Test;

/**
 * The test kit's TikTok payloads, which the emulator answers with, are the very fixtures this
 * module's WireMock tests serve: a fixture changed here must be changed there too.
 */
class TikTokEmulatorPayloadsTest {
  @Test
  void everyEmulatorPayloadIsTheProvidersFixtureByteForByte() {
    assertThat(TikTokPayloads.names()).hasSize(43).contains(TikTokPayloads.TOKEN, TikTokPayloads.BUSINESS_TOO_MANY_REQUESTS);
    for (String name : TikTokPayloads.names()) {
      assertThat(TikTokPayloads.text(name)).as(name).isEqualTo(TikTokWireMock.text(name));
    }
  }
}
