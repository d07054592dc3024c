package io.hivemind.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.bench.BenchOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckedOptionsTest {

  private static CheckedOptions given(String... args) {
    return new CheckedOptions(BenchOptions.parse(args, 0), "bench x");
  }

  @Test
  void readsValuesAndDefaults() {
    CheckedOptions options = given("--connections", "32", "--duration", "2m", "--rates", "1,2.5");

    assertThat(options.integer("connections", 64, 1)).isEqualTo(32);
    assertThat(options.integer("batch", 500, 1)).isEqualTo(500);
    assertThat(options.duration("duration", Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(options.rates("rates", "500")).containsExactly(1.0, 2.5);
    assertThat(options.choice("mix", "signals", "signals", "pairs")).isEqualTo("signals");
    options.rejectUnknown();
  }

  @Test
  void namesTheOptionAndWhatItTakes() {
    assertThatThrownBy(() -> given("--connections", "many").integer("connections", 64, 1))
        .hasMessage("bench x: --connections takes a whole number ≥ 1, got 'many'");
    assertThatThrownBy(() -> given("--connections", "0").integer("connections", 64, 1))
        .hasMessage("bench x: --connections takes a whole number ≥ 1, got '0'");
    assertThatThrownBy(
            () -> given("--duration", "30").duration("duration", Duration.ZERO, Duration.ZERO))
        .hasMessage("bench x: --duration takes a duration like 500ms, 30s or 2m, got '30'");
    assertThatThrownBy(() -> given("--rates", "500,-1").rates("rates", "500"))
        .hasMessageContaining("--rates takes comma-separated positive rates");
    assertThatThrownBy(() -> given("--mix", "both").choice("mix", "a", "a", "b"))
        .hasMessage("bench x: --mix takes a or b, got 'both'");
  }

  @Test
  void refusesAnOptionNoOneAskedFor() {
    CheckedOptions options = given("--conections", "32");
    options.integer("connections", 64, 1);

    assertThatThrownBy(options::rejectUnknown)
        .hasMessage("bench x: unknown option --conections; it takes --connections");
  }
}
