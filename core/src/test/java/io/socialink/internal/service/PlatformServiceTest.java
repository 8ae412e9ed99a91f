package io.socialink.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialink.error.ConfigurationException;
import io.socialink.error.ErrorCategory;
import io.socialink.error.Operation;
import io.socialink.internal.runtime.SocialinkRuntime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformServiceTest {
  final Fixture fx = new Fixture().register(new TypedProvider());
  final SocialinkRuntime rt = fx.runtime();
  final PlatformService platforms = new PlatformService(rt.registry(), rt.clock());

  @Test
  void describesThePlatformsSortedById() {
    assertThat(platforms.all()).extracting(p -> p.id()).containsExactly("fake", "typed");
    assertThat(platforms.get("typed").displayName()).isEqualTo("Typed");
    assertThat(platforms.registry()).isSameAs(rt.registry());
    assertThat(platforms.textRules("fake").fits("hello")).isTrue();
  }

  @Test
  void anUnknownPlatformIsAConfigurationErrorNamingTheKnownOnes() {
    assertThatThrownBy(() -> platforms.get("twitter")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fake").hasMessageContaining("typed");
    assertThatThrownBy(() -> platforms.classify("twitter", 500, Map.of(), new byte[0]))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void classifiesWithTheClocksTimeForRelativeRetryTimes() {
    assertThat(platforms.classify("fake", 200, Map.of(), new byte[0])).isEmpty();
    var c = platforms.classify("fake", 503, Map.of("Retry-After", List.of("7")), "{}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
    assertThat(c.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(c.retryAt()).contains(Fixture.T0.plusSeconds(7));
  }

  @Test
  void classifiesForAnOperationAsThePipelineWould() {
    assertThat(platforms.classify("fake", Operation.TOKEN_REFRESH, 401, Map.of(), new byte[0]).orElseThrow().category())
        .isEqualTo(ErrorCategory.CONFIGURATION);
    assertThat(platforms.classify("fake", Operation.REQUEST_TOKEN, 403, Map.of(), new byte[0]).orElseThrow().category())
        .isEqualTo(ErrorCategory.PERMISSION_DENIED);
    assertThat(platforms.classify("fake", Operation.API_CALL, 401, Map.of(), new byte[0]).orElseThrow().category())
        .isEqualTo(platforms.classify("fake", 401, Map.of(), new byte[0]).orElseThrow().category());
    assertThat(platforms.classify("fake", Operation.CODE_EXCHANGE, 200, Map.of(), new byte[0])).isEmpty();
    assertThatThrownBy(() -> platforms.classify("twitter", Operation.API_CALL, 500, Map.of(), new byte[0]))
        .isInstanceOf(ConfigurationException.class);
  }
}
