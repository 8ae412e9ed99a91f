package io.socialink.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialink.testkit.instagram.InstagramPayloads;
import org.junit.jupiter.api.Test;

/**
 * The test kit's Instagram payloads, which the emulator answers with, are the very fixtures this
 * module's WireMock tests serve: a fixture changed here must be changed there too.
 */
class InstagramEmulatorPayloadsTest {
  @Test
  void everyEmulatorPayloadIsTheProvidersFixtureByteForByte() {
    assertThat(InstagramPayloads.names()).hasSize(38).contains(InstagramPayloads.CODE_EXCHANGE,
        InstagramPayloads.INSTAGRAM_BUC, InstagramPayloads.SIGNED_REQUEST_PAYLOAD);
    for (String name : InstagramPayloads.names()) {
      assertThat(InstagramPayloads.text(name)).as(name).isEqualTo(InstagramWireMock.text(name));
    }
  }
}
