package io.hivemind.chaos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.chaos.fault.Fault;
import io.hivemind.simulator.cli.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  static ChaosOptions parse(String... args) throws UsageException {
    return ChaosOptions.parse(args, Map.of(), NOW);
  }

  @Test
  void shouldDrillEveryFaultWithThirtyBotsForFiveMinutesByDefault() throws UsageException {
    ChaosOptions options = parse();

    assertThat(options.faults()).containsExactly(Fault.values());
    assertThat(options.fleet().bots()).isEqualTo(30);
    assertThat(options.fleet().duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.settle()).isEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void shouldTakeItsOwnOptionsAndPassTheFleetsOnInBothSpellings() throws UsageException {
    ChaosOptions options =
        parse(
            "--faults",
            "kill-learner,pause-broker",
            "--bots=12",
            "--duration",
            "90s",
            "--settle=2m");

    assertThat(options.faults()).containsExactly(Fault.KILL_LEARNER, Fault.PAUSE_BROKER);
    assertThat(options.fleet().bots()).isEqualTo(12);
    assertThat(options.fleet().duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.settle()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldRefuseAnUnknownFaultNamingTheKnownOnes() {
    assertThatThrownBy(() -> parse("--faults", "kill-everything"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown fault 'kill-everything'")
        .hasMessageContaining("pause-broker");
  }

  @Test
  void shouldRefuseTheDemosOfflineOptions() {
    assertThatThrownBy(() -> parse("--offline")).isInstanceOf(UsageException.class);
  }

  @Test
  void shouldListEveryFaultInTheUsage() {
    for (Fault fault : List.of(Fault.values())) {
      assertThat(ChaosOptions.USAGE).contains(fault.id());
    }
  }
}
