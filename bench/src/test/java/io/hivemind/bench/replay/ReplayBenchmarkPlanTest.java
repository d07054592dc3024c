package io.hivemind.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.bench.backlog.BacklogSpec;
import io.hivemind.replay.settings.ReplaySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's replays: the live settings, and the sweep the options ask for (parsed in the CLI). */
class ReplayBenchmarkPlanTest {

  private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-21T00:00:00Z");
  private static final BacklogSpec BACKLOG = BacklogSpec.of(1000, 10, 2, 42, false);

  private static ReplayBenchmark.Plan plan(List<Double> thresholds, List<String> halfLives) {
    return new ReplayBenchmark.Plan(BACKLOG, 6, thresholds, halfLives, true, null, false);
  }

  @Test
  void shouldReplayOnlyTheLiveSettingsWhenNoSweepIsAsked() {
    ReplayBenchmark.Plan plan = plan(null, List.of());

    assertThat(plan.sweeps()).isFalse();
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
    ReplayBenchmark.Plan plan = plan(List.of(0.5, 0.55, 0.6, 0.65), List.of("30d", "60d"));

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
        ReplayBenchmark.Plan.settings(plan(List.of(0.6, 0.7), null).sweep(FROM, TO));

    assertThat(sweep.variants())
        .extracting(ReplaySettings.Variant::halfLife)
        .isEqualTo(List.of(ReplaySettings.LIVE_HALF_LIFE));
  }

  @Test
  void shouldNameTheOptionOfASweepTheReplayRefuses() {
    assertThatThrownBy(() -> plan(List.of(1.5), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--thresholds");
    assertThatThrownBy(() -> plan(null, List.of("30 days")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--half-lives");
  }
}
