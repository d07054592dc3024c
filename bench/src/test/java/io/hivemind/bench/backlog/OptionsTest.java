package io.hivemind.bench.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.bench.BenchOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static BenchOptions options(String... args) {
    return BenchOptions.parse(args, 0);
  }

  @Test
  void readsValuesAndFallsBack() {
    BenchOptions options = options("--events", "1_000", "--keep", "true", "--timeout", "2m");
    assertThat(Options.longValue(options, "events", 5, 1)).isEqualTo(1_000);
    assertThat(Options.integer(options, "users", 7, 1, 10)).isEqualTo(7);
    assertThat(Options.flag(options, "keep", false)).isTrue();
    assertThat(Options.duration(options, "timeout", Duration.ZERO))
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void namesTheOptionThatIsWrong() {
    assertThatThrownBy(() -> Options.longValue(options("--events", "lots"), "events", 1, 1))
        .isInstanceOf(Options.BadOption.class)
        .hasMessageContaining("--events must be a whole number");
    assertThatThrownBy(() -> Options.integer(options("--users", "0"), "users", 1, 1, 10))
        .hasMessageContaining("--users must be between 1 and 10");
    assertThatThrownBy(() -> Options.flag(options("--keep", "maybe"), "keep", false))
        .hasMessageContaining("--keep must be true or false");
    assertThatThrownBy(
            () -> Options.duration(options("--timeout", "soon"), "timeout", Duration.ZERO))
        .isInstanceOf(Options.BadOption.class)
        .hasMessageContaining("--timeout");
    assertThatThrownBy(
            () ->
                Options.choice(options("--record-time", "x"), "record-time", "now", "now", "event"))
        .hasMessageContaining("one of now, event");
  }
}
