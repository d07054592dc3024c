package io.hivemind.rules.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.learn.PatternLearner;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the quality bench served 0.441 against a true 0.498 after 10,000 experiences. Learned
 * and answered exactly as the learner and the query do (decayed counts, the influence cap, k, the
 * chain L0 → L1 → L2 → user), trades that are independent draws of one stationary rate are served,
 * on average over fresh questions, the rate of the trades learned, at 1k as at 30k: no bias in the
 * statistics or the estimator that grows with data. What grew in the bench was the gap between the
 * window learned from and the one asked about (ADR 20).
 */
class StationaryLearningTest {

  private static final double TRUE_RATE = 0.55;
  private static final int USERS = 200;
  private static final Instant START = Instant.parse("2026-11-02T14:30:00Z");
  private static final Duration SPAN = Duration.ofDays(25);
  private static final Duration HALF_LIFE = Duration.ofHours(720);
  private static final PatternScheme SCHEME = PatternScheme.v1();

  private final SplittableRandom random = new SplittableRandom(15);
  private int learned;
  private int wins;
  private final PatternLearner learner = new PatternLearner(HALF_LIFE);
  private final ConfidenceModel model =
      ConfidenceModel.v1(ConfidenceModel.DEFAULT_MIN_CONTRIBUTORS);

  @Test
  void shouldServeTheRateItLearnedOnAverageHoweverManyTradesItLearned() {
    learn(1_000, 0);
    double after1k = meanServed() - learnedRate();
    learn(10_000, 1_000);
    double after10k = meanServed() - learnedRate();
    learn(30_000, 10_000);
    double after30k = meanServed() - learnedRate();

    // 1k, 10k and 30k trades: +0.0011, -0.0005, +0.0032 (the quantile instead of the mean would be
    // -0.05, decay toward 50 % or a bias that grows with data would show here)
    assertThat(List.of(after1k, after10k, after30k))
        .allSatisfy(bias -> assertThat(Math.abs(bias)).isLessThan(0.006));
  }

  /**
   * The rate of the trades learned so far: the truth as far as the data can tell (1,000 draws of
   * 0.55 scatter by 0.016).
   */
  private double learnedRate() {
    return wins / (double) learned;
  }

  /** Trades {@code from} (inclusive) to {@code to}, spread evenly over the span in time order. */
  private void learn(int to, int from) {
    for (int trade = from; trade < to; trade++) {
      Instant time = START.plusMillis((long) (SPAN.toMillis() * (trade / 30_000.0)));
      Experience experience = experience("u" + random.nextInt(USERS), sessionTime(time), trade);
      learner.learn(experience);
    }
  }

  /** The mean answer to fresh questions (new features and times) of the users. */
  private double meanServed() {
    double sum = 0;
    int questions = 2_000;
    for (int question = 0; question < questions; question++) {
      Instant time = sessionTime(START.plus(Duration.ofDays(random.nextInt(25))));
      ConfidenceQuery query =
          new ConfidenceQuery("u" + random.nextInt(USERS), "ES", Side.LONG, features(), time);
      sum += model.answer(query, learner.stats()).confidence().probability();
    }
    return sum / questions;
  }

  /** A time in the day of {@code day} at a random minute of the New York trading session. */
  private Instant sessionTime(Instant day) {
    Instant open =
        day.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofMinutes(870));
    return open.plus(Duration.ofMinutes(random.nextInt(390)));
  }

  private Map<String, Double> features() {
    return Map.of(
        PatternScheme.RSI, 10 + 80 * random.nextDouble(),
        PatternScheme.VWAP_Z, -3 + 6 * random.nextDouble());
  }

  private Experience experience(String user, Instant entry, int trade) {
    boolean win = random.nextDouble() < TRUE_RATE;
    learned++;
    wins += win ? 1 : 0;
    Map<String, Double> features = features();
    List<String> patterns = SCHEME.patterns(entry, features);
    return Experience.newBuilder()
        .setSignalId("s" + trade)
        .setUserId(user)
        .setSymbol("ES")
        .setSide(Side.LONG)
        .setSignalMatched(true)
        .setSignalTime(entry)
        .setEntryTime(entry)
        .setExitTime(entry.plus(Duration.ofMinutes(10)))
        .setFeatures(features)
        .setPnl(win ? 50 : -50)
        .setWin(win)
        .setExitReason(win ? "TARGET" : "STOP")
        .setScheme(SCHEME.version())
        .setPatterns(patterns)
        .setPrivateUser(false)
        .build();
  }
}
