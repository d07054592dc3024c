package io.hivemind.bench.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.simulator.fleet.FleetSettings;
import io.hivemind.simulator.world.MarketWorld;
import io.hivemind.simulator.world.Opportunity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: at 10k experiences the quality bench served 0.441 against a true 0.498. Its own sample
 * (seed 7, 1,000 bots), learned without a broker through the learner's rules and answered by the
 * query's model, shows where the gap is: not in the estimator, which is calibrated on the probes
 * inside the window it learned, but between that window (17 hours) and the probes' (a week).
 */
class QualityWindowTest {

  private static final Instant END = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void shouldServeTheProbesInsideTheLearnedWindowTheirTrueRateAndLearnOnlyAFewHoursOfTheWorld() {
    MarketWorld world =
        new MarketWorld(new FleetSettings(7, 1_000, END.minus(Duration.ofDays(25)), END, 0.0));
    QualityBenchmark.Sample sample = QualityBenchmark.Sample.draw(world, 10_000, 2_000);
    OfflinePatternModel model = new OfflinePatternModel();
    sample.experiences().forEach(trade -> model.learn(OfflinePatternModel.experience(trade)));
    Instant learnedUntil = sample.experiences().get(sample.experiences().size() - 1).signalTime();

    Means inside = new Means();
    Means after = new Means();
    for (Opportunity probe : sample.probes()) {
      double served = model.answer(probe);
      (probe.signalTime().isAfter(learnedUntil) ? after : inside).add(served, probe);
    }

    Instant learnedFrom = sample.experiences().get(0).signalTime();
    Instant askedUntil = sample.probes().get(sample.probes().size() - 1).signalTime();
    assertThat(Duration.between(learnedFrom, learnedUntil)).isLessThan(Duration.ofDays(1));
    assertThat(Duration.between(learnedFrom, askedUntil)).isGreaterThan(Duration.ofDays(5));
    // inside: 210 probes, served 0.462, true 0.467; after: 1,790, served 0.433, true 0.479
    assertThat(inside.count).isGreaterThan(100);
    assertThat(Math.abs(inside.gap())).isLessThan(0.02);
    assertThat(after.gap()).isLessThan(-0.03);
  }

  private static final class Means {
    int count;
    double served;
    double truth;

    void add(double answer, Opportunity probe) {
      count++;
      served += answer;
      truth += probe.trueWinProbability();
    }

    double gap() {
      return (served - truth) / count;
    }
  }
}
