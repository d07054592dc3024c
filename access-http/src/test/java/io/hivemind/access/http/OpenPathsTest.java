package io.hivemind.access.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenPathsTest {

  @Test
  void shouldOpenExactlyTheListedMethodAndPath() {
    OpenPaths open = OpenPaths.parse(List.of("GET /api/bench/noop", " POST  /api/other "));

    assertThat(open.isOpen("GET", "/api/bench/noop")).isTrue();
    assertThat(open.isOpen("POST", "/api/other")).isTrue();
    assertThat(open.isOpen("POST", "/api/bench/noop")).isFalse();
    assertThat(open.isOpen("GET", "/api/bench/noop/")).isFalse();
    assertThat(open.isOpen("GET", "/api/bench")).isFalse();
    assertThat(open.isOpen("GET", "/api/bench/noop2")).isFalse();
  }

  @Test
  void shouldOpenNothingWhenNothingIsListed() {
    assertThat(OpenPaths.parse(List.of()).isOpen("GET", "/api/bench/noop")).isFalse();
  }

  @Test
  void shouldRefuseAnEntryThatIsNotMethodAndPath() {
    for (String entry : List.of("/api/bench/noop", "get /api/x", "GET api/x", "GET /a /b", "")) {
      assertThatThrownBy(() -> OpenPaths.parse(List.of(entry)))
          .as(entry)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hivemind.access.open-paths");
    }
  }
}
