package io.hivemind.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.bench.BenchOptions;
import io.hivemind.bench.backlog.Options;
import io.hivemind.replay.settings.ReplaySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBenchmarkPlanTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-21T00:00:00Z");

  private static ReplayBenchmark.Plan plan(String... args) {
    return ReplayBenchmark.Plan.from(BenchOptions.parse(args, 0), 6);
  }

  @Test
  void shouldReplayOnlyTheLiveSettingsWhenNoSweepIsAsked() {
    ReplayBenchmark.Plan plan = plan("--events", "1000");

    assertThat(plan.sweeps()).isFalse();
    assertThat(plan.partitions()).isEqualTo(6);
    assertThat(plan.keep()).isFalse();
    ReplaySettings live = ReplayBenchmark.Plan.settings(ReplayBenchmark.Plan.live(FROM, TO));
    assertThat(live.variants())
        .containsExactly(
            new ReplaySettings.Variant(ReplaySettings.LIVE_HALF_LIFE, ReplaySettings.LIVE_SCHEME));
    assertThat(live.thresholds()).containsExactly(ReplaySettings.DEFAULT_THRESHOLD);
    assertThat(live.from()).isEqualTo(FROM);
    assertThat(live.to()).isEqualTo(TO);
  }

  @Test
  void shouldSweepAVariantPerHalfLifeAtEveryThreshold() {
    ReplayBenchmark.Plan plan =
        plan("--thresholds", "0.5, 0.55,0.6,0.65", "--half-lives", "30d,60d");

    ReplaySettings sweep = ReplayBenchmark.Plan.settings(plan.sweep(FROM, TO));

    assertThat(plan.sweeps()).isTrue();
    assertThat(sweep.thresholds()).containsExactly(0.5, 0.55, 0.6, 0.65);
    assertThat(sweep.variants())
        .extracting(ReplaySettings.Variant::halfLife)
        .containsExactly(Duration.ofDays(30), Duration.ofDays(60));
  }

  @Test
  void shouldKeepTheLiveHalfLifeWhenOnlyThresholdsAreSwept() {
    ReplaySettings sweep =
        ReplayBenchmark.Plan.settings(plan("--thresholds", "0.6,0.7").sweep(FROM, TO));

    assertThat(sweep.variants())
        .extracting(ReplaySettings.Variant::halfLife)
        .isEqualTo(List.of(ReplaySettings.LIVE_HALF_LIFE));
  }

  @Test
  void shouldNameTheOptionOfABadSweepBeforeTouchingTheStack() {
    assertThatThrownBy(() -> plan("--thresholds", "0.5,high"))
        .isInstanceOf(Options.BadOption.class)
        .hasMessageContaining("--thresholds");
    assertThatThrownBy(() -> plan("--thresholds", "1.5"))
        .isInstanceOf(Options.BadOption.class)
        .hasMessageContaining("--thresholds");
    assertThatThrownBy(() -> plan("--half-lives", "30 days"))
        .isInstanceOf(Options.BadOption.class)
        .hasMessageContaining("--half-lives");
  }

  @Test
  void shouldKeepAReusedBacklogUnlessToldOtherwise() {
    assertThat(plan("--prefix", "bench-replay-x.").keep()).isTrue();
    assertThat(plan("--prefix", "bench-replay-x.", "--keep", "false").keep()).isFalse();
    assertThatThrownBy(() -> plan("--prefix", " ")).isInstanceOf(Options.BadOption.class);
  }
}
