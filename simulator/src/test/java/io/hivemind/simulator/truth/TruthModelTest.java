package io.hivemind.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.market.Regime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TruthModelTest {

  /** 12:00 New York: the mid session. */
  private static final Instant NOON = Instant.parse("2026-11-18T17:00:00Z");

  private static SimulatedUser user(double skill) {
    return new SimulatedUser("0123456789ab", 0, skill, 0.55, List.of("ES"), "basic");
  }

  private static Map<String, Double> features(double rsi, double vwapZ) {
    return Map.of("rsi", rsi, "vwap_z", vwapZ, "atr", 3.0, "volume_ratio", 1.0);
  }

  @Test
  void shouldStayWithinItsBoundsWhateverTheUser() {
    TruthModel truth = new TruthModel(1);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 5000; i++) {
      double p =
          truth.probability(
              user(random.nextGaussian() * 3),
              "ES",
              random.nextBoolean() ? "LONG" : "SHORT",
              NOON.plusSeconds(random.nextInt(86_400)),
              features(random.nextDouble() * 100, random.nextGaussian() * 3),
              Regime.values()[random.nextInt(4)]);
      assertThat(p).isBetween(0.05, 0.95);
    }
  }

  @Test
  void shouldBeAFunctionOfTheSeedAndTheBucket() {
    Map<String, Double> seen = features(31.2, -2.3);
    double first = new TruthModel(7).probability(user(0), "ES", "LONG", NOON, seen, Regime.QUIET);
    double again = new TruthModel(7).probability(user(0), "ES", "LONG", NOON, seen, Regime.QUIET);
    double otherSeed =
        new TruthModel(8).probability(user(0), "ES", "LONG", NOON, seen, Regime.QUIET);
    // rsi 33.9 and vwap_z -2.45 fall in the same buckets (rsi6, vz-5)
    double sameBucket =
        new TruthModel(7)
            .probability(user(0), "ES", "LONG", NOON, features(33.9, -2.45), Regime.QUIET);
    assertThat(again).isEqualTo(first);
    assertThat(sameBucket).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void shouldLiveOnTheServersPatterns() {
    TruthModel.Situation situation =
        new TruthModel(7).situation("ES", "LONG", NOON, features(31.2, -2.3));
    assertThat(situation.patterns()).containsExactly("v1", "v1/mid", "v1/mid/rsi6/vz-5");
    assertThat(situation.pattern()).isEqualTo("v1/mid/rsi6/vz-5");
  }

  @Test
  void shouldRewardSkillAndPunishTrends() {
    TruthModel truth = new TruthModel(7);
    TruthModel.Situation situation = truth.situation("ES", "LONG", NOON, features(31.2, -2.3));
    assertThat(truth.probability(user(0.5), situation, Regime.QUIET))
        .isGreaterThan(truth.probability(user(0), situation, Regime.QUIET));
    assertThat(truth.probability(user(0), situation, Regime.TRENDING))
        .isLessThan(truth.probability(user(0), situation, Regime.CHOPPY));
  }

  @Test
  void shouldMakePatternsDivergeVisibly() {
    TruthModel truth = new TruthModel(42);
    List<Double> buckets = new ArrayList<>();
    for (String side : List.of("LONG", "SHORT")) {
      for (int rsiBucket = 0; rsiBucket < 8; rsiBucket++) {
        for (int vzBucket = 4; vzBucket <= 7; vzBucket++) {
          double rsi = side.equals("LONG") ? rsiBucket * 5 + 1 : 100 - rsiBucket * 5 - 1;
          double vz = (side.equals("LONG") ? -1 : 1) * (vzBucket * 0.5 + 0.1);
          buckets.add(
              truth.bucketProbability(truth.situation("ES", side, NOON, features(rsi, vz))));
        }
      }
    }
    DoubleSummaryStatistics stats =
        buckets.stream().mapToDouble(Double::doubleValue).summaryStatistics();
    double mean = stats.getAverage();
    double sd =
        Math.sqrt(
            buckets.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum() / buckets.size());
    assertThat(stats.getMin()).isLessThan(0.40);
    assertThat(stats.getMax()).isGreaterThan(0.65);
    assertThat(sd).isGreaterThan(0.08);
  }
}
