package io.hivemind.access.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.access.domain.Tier;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {

  private static RateLimitConfig read(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>(extra);
    properties.put("hivemind.rate-limit.basic", "20");
    properties.put("hivemind.rate-limit.pro", "100");
    properties.put("hivemind.rate-limit.elite", "500");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(RateLimitConfig.class)
            .withSources(new PropertiesConfigSource(properties, "test", 100))
            .build();
    return config.getConfigMapping(RateLimitConfig.class);
  }

  @Test
  void shouldHoldOneSecondsWorthWithoutABurst() {
    RateLimitConfig config = read(Map.of());

    assertThat(config.burst(Tier.BASIC)).isEqualTo(20);
    assertThat(config.burst(Tier.ELITE)).isEqualTo(500);
  }

  @Test
  void shouldHoldTheBurstOrOneSecondsWorthWhicheverIsMore() {
    RateLimitConfig config = read(Map.of("hivemind.rate-limit.burst", "1000"));

    assertThat(config.burst(Tier.BASIC)).isEqualTo(1_000);
    assertThat(config.burst(Tier.PRO)).isEqualTo(1_000);
    assertThat(read(Map.of("hivemind.rate-limit.burst", "300")).burst(Tier.ELITE)).isEqualTo(500);
  }
}
