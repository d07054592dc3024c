package io.hivemind.analytics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandleSecretTest {

  private final AnalyticsConfiguration configuration = new AnalyticsConfiguration();

  @Test
  void shouldRefuseToStartWithoutAHandleSecretNamingTheSetting() {
    assertThatThrownBy(() -> configuration.handles(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hivemind.analytics.handle-secret")
        .hasMessageContaining("HIVEMIND_ANALYTICS_HANDLE_SECRET")
        .hasMessageContaining("missing");
  }

  @Test
  void shouldRefuseASecretShorterThan16Bytes() {
    assertThatThrownBy(() -> configuration.handles(Optional.of("short-secret")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it is 12 bytes");
  }

  @Test
  void shouldMintStableHandlesWithASecretOf16Bytes() {
    assertThat(configuration.handles(Optional.of("0123456789abcdef")).handleOf("u1"))
        .isEqualTo(configuration.handles(Optional.of("0123456789abcdef")).handleOf("u1"));
  }
}
