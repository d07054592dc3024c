package io.hivemind.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:30Z");

  private static DemoOptions parse(String... args) throws UsageException {
    return DemoOptions.parse(args, Map.of(), NOW);
  }

  @Test
  void shouldDefaultToFiftyBotsForAMinuteOfTenSimulatedDays() throws UsageException {
    DemoOptions options = parse();
    assertThat(options.bots()).isEqualTo(50);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.speed()).isEqualTo(14_400);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(options.query()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(options.explore()).isEqualTo(0.1);
    assertThat(options.offline()).isFalse();
    assertThat(DemoOptions.simulatedRange(options.duration(), options.speed()))
        .isEqualTo(Duration.ofDays(10));
  }

  @Test
  void shouldReadEveryOption() throws UsageException {
    DemoOptions options =
        parse(
            "--bots",
            "5",
            "--duration=2m",
            "--speed",
            "100",
            "--seed",
            "-7",
            "--gateway",
            "http://gw:9000",
            "--query",
            "http://q:9001/",
            "--events-out",
            "x.jsonl",
            "--explore",
            "0",
            "--heartbeat-every",
            "30s");
    assertThat(options.bots()).isEqualTo(5);
    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.speed()).isEqualTo(100);
    assertThat(options.seed()).isEqualTo(-7);
    assertThat(options.gateway()).isEqualTo(URI.create("http://gw:9000"));
    assertThat(options.query()).isEqualTo(URI.create("http://q:9001/"));
    assertThat(options.eventsOut()).isEqualTo(Path.of("x.jsonl"));
    assertThat(options.explore()).isZero();
    assertThat(options.simulatedHeartbeat()).isEqualTo(Duration.ofSeconds(3000));
  }

  @Test
  void shouldTakeThePortsFromTheStacksEnvironment() throws UsageException {
    DemoOptions options =
        DemoOptions.parse(new String[0], Map.of("GATEWAY_PORT", "9180", "QUERY_PORT", "9181"), NOW);
    assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:9180"));
    assertThat(options.query()).isEqualTo(URI.create("http://127.0.0.1:9181"));
  }

  @Test
  void shouldSlowTheDefaultSpeedForLongRuns() throws UsageException {
    DemoOptions options = parse("--duration", "10m");
    assertThat(DemoOptions.simulatedRange(options.duration(), options.speed()))
        .isLessThanOrEqualTo(Duration.ofDays(28));
  }

  @Test
  void shouldRefuseARangeOlderThanTheServiceAccepts() {
    assertThatThrownBy(() -> parse("--duration", "10m", "--speed", "14400"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("30 days");
  }

  @Test
  void shouldRefuseBadValuesNamingTheOption() {
    assertThatThrownBy(() -> parse("--bots", "zero")).hasMessageContaining("--bots");
    assertThatThrownBy(() -> parse("--bots", "0")).hasMessageContaining("--bots");
    assertThatThrownBy(() -> parse("--duration", "soon")).hasMessageContaining("--duration");
    assertThatThrownBy(() -> parse("--speed", "-1")).hasMessageContaining("--speed");
    assertThatThrownBy(() -> parse("--gateway", "ftp://x")).hasMessageContaining("--gateway");
    assertThatThrownBy(() -> parse("--explore", "2")).hasMessageContaining("--explore");
    assertThatThrownBy(() -> parse("--bogus", "1")).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> parse("--seed")).hasMessageContaining("needs a value");
  }

  @Test
  void shouldKeepExplicitRangesForOfflineRuns() throws UsageException {
    assertThatThrownBy(
            () -> parse("--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z"))
        .hasMessageContaining("--offline");
    assertThatThrownBy(() -> parse("--offline", "--from", "2026-11-01T00:00:00Z"))
        .hasMessageContaining("together");
    assertThatThrownBy(
            () ->
                parse(
                    "--offline", "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z"))
        .hasMessageContaining("after");
    DemoOptions options =
        parse("--offline", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z");
    assertThat(options.offlineFrom(NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(options.offlineTo(NOW)).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
  }

  @Test
  void shouldEndAnImplicitOfflineRangeAtTheCurrentMinute() throws UsageException {
    DemoOptions options = parse("--offline");
    assertThat(options.offlineTo(NOW)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    assertThat(options.offlineFrom(NOW)).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
  }
}
