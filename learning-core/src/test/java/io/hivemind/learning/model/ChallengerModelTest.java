package io.hivemind.learning.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.score.Calibration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChallengerModelTest {

  private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final List<String> SYMBOLS = List.of("ES", "NQ", "CL");

  /** A trade and its known true probability, drawn from a logistic truth over the inputs. */
  record Example(TradeContext trade, double truth, boolean win, String id) {}

  /**
   * logit = 0.1 + market (symbol × side) ± 0.4 + 0.08 per RSI bucket from the middle (mean
   * reversion) + the user's skill (users 0–9: −0.6, 10–19: +0.6, the rest 0).
   */
  static List<Example> world(long seed, int count, int users) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Example> examples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int symbol = random.nextInt(SYMBOLS.size());
      boolean longSide = random.nextBoolean();
      double rsi = longSide ? random.nextDouble(5, 45) : random.nextDouble(55, 95);
      double vwap = random.nextDouble(-3, 3);
      int user = random.nextInt(users);
      double logit =
          0.1
              + (symbol == 0 ? 0.4 : symbol == 1 ? -0.4 : 0.0) * (longSide ? 1 : -1)
              + 0.08 * Math.abs(Math.floor(rsi / 5) - 10)
              - 0.3
              + (user < 10 ? -0.6 : user < 20 ? 0.6 : 0);
      double truth = 1 / (1 + Math.exp(-logit));
      TradeContext trade =
          new TradeContext(
              "user-" + user,
              SYMBOLS.get(symbol),
              longSide ? "LONG" : "SHORT",
              START.plus(Duration.ofMinutes(7L * i)),
              Map.of("rsi", rsi, "vwap_z", vwap, "atr", 2.5, "volume_ratio", 1.2));
      examples.add(new Example(trade, truth, random.nextDouble() < truth, "s" + i));
    }
    return examples;
  }

  private static ChallengerModel trained(List<Example> examples) {
    ChallengerModel model = ChallengerModel.withDefaults();
    examples.forEach(e -> model.learn(e.trade(), e.win(), e.id()));
    return model;
  }

  @Test
  void shouldLearnAKnownLogisticTruth() {
    ChallengerModel model = trained(world(1, 60_000, 200));
    double squared = 0;
    List<Example> fresh = world(2, 5_000, 200);
    for (Example e : fresh) {
      squared += Math.pow(model.probability(e.trade()) - e.truth(), 2);
    }
    assertThat(Math.sqrt(squared / fresh.size())).isLessThan(0.04);
  }

  @Test
  void shouldBeCalibratedWhenAskedBeforeItLearns() {
    ChallengerModel model = ChallengerModel.withDefaults();
    Calibration late = new Calibration();
    List<Example> examples = world(3, 40_000, 200);
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      if (i >= 20_000) {
        late.record(model.probability(e.trade()), e.truth(), e.win());
      }
      model.learn(e.trade(), e.win(), e.id());
    }
    assertThat(late.expectedCalibrationError()).isLessThan(0.02);
    assertThat(late.expectedCalibrationErrorVsTruth()).isLessThan(0.02);
    assertThat(late.brier()).isLessThan(late.oracleBrier() + 0.005);
  }

  @Test
  void shouldAnswerANewUserAsTheFleetAndLearnTheSkilledUsersOffsets() {
    ChallengerModel model = trained(world(4, 60_000, 200));
    TradeContext question = world(5, 1, 200).get(0).trade();
    assertThat(model.userOffset("never-seen")).isZero();
    assertThat(model.probability(as(question, "never-seen")))
        .isEqualTo(model.probability(as(question, "also-never-seen")));
    double weak = 0;
    double strong = 0;
    double average = 0;
    for (int user = 0; user < 200; user++) {
      double offset = model.userOffset("user-" + user);
      if (user < 10) {
        weak += offset / 10;
      } else if (user < 20) {
        strong += offset / 10;
      } else {
        average += offset / 180;
      }
    }
    // ≈300 trades each: the strong prior and FTRL's decaying steps leave them short of ±0.6
    assertThat(weak).isBetween(-0.7, -0.3);
    assertThat(strong).isBetween(0.3, 0.7);
    assertThat(average).isCloseTo(0, within(0.1));
  }

  @Test
  void shouldMoveOnlyThatUsersAnswersWithTheirOffset() {
    ChallengerModel model = trained(world(6, 5_000, 50));
    List<TradeContext> questions = world(7, 200, 50).stream().map(Example::trade).toList();
    double[] before = questions.stream().mapToDouble(model::probability).toArray();
    double mineBefore = model.probability(as(questions.get(0), "user-3"));

    TradeContext mine = privately(as(questions.get(0), "user-3"));
    for (int i = 0; i < 50; i++) {
      model.learn(mine, true, "mine-" + i);
    }

    for (int i = 0; i < questions.size(); i++) {
      if (!questions.get(i).userId().equals("user-3")) {
        assertThat(model.probability(questions.get(i))).isEqualTo(before[i]);
      }
    }
    assertThat(model.probability(as(questions.get(0), "user-3"))).isGreaterThan(mineBefore);
    assertThat(model.userOffset("user-3")).isPositive();
  }

  @Test
  void shouldLearnARegimeEffectOnceTheRegimeIsKnown() {
    List<Example> plain = world(11, 30_000, 50);
    SplittableRandom random = new SplittableRandom(12);
    List<Example> regimes = new ArrayList<>();
    for (Example e : plain) {
      boolean trending = random.nextBoolean();
      double logit = Math.log(e.truth() / (1 - e.truth())) + (trending ? -0.5 : 0.5);
      double truth = 1 / (1 + Math.exp(-logit));
      regimes.add(
          new Example(
              e.trade().withRegime(trending ? "TRENDING" : "CHOPPY"),
              truth,
              random.nextDouble() < truth,
              e.id()));
    }
    ChallengerModel blind = ChallengerModel.withDefaults();
    ChallengerModel told = ChallengerModel.withDefaults();
    Calibration blindScore = new Calibration();
    Calibration toldScore = new Calibration();
    for (int i = 0; i < regimes.size(); i++) {
      Example e = regimes.get(i);
      TradeContext unlabelled = e.trade().withRegime(null);
      if (i >= 20_000) {
        blindScore.record(blind.probability(unlabelled), e.truth(), e.win());
        toldScore.record(told.probability(e.trade()), e.truth(), e.win());
      }
      blind.learn(unlabelled, e.win(), e.id());
      told.learn(e.trade(), e.win(), e.id());
    }
    assertThat(toldScore.meanSquaredErrorVsTruth())
        .isLessThan(blindScore.meanSquaredErrorVsTruth() / 2);
  }

  @Test
  void shouldStartAUserOffsetAtZeroAndMoveItSlowly() {
    ChallengerModel model = ChallengerModel.withDefaults();
    TradeContext trade = world(8, 1, 1).get(0).trade();
    model.learn(trade, true, "only");
    // one win moves the shared weights and the offset; the strong prior keeps the offset small
    assertThat(model.userOffset(trade.userId())).isPositive().isLessThan(0.05);
    assertThat(model.probability(trade)).isGreaterThan(0.5).isLessThan(0.55);
  }

  @Test
  void shouldLearnTheSameBytesAndVersionFromTheSameExperiences() {
    List<Example> examples = world(9, 3_000, 40);
    ChallengerModel first = trained(examples);
    ChallengerModel second = trained(examples);
    assertThat(first.toBytes()).isEqualTo(second.toBytes());
    assertThat(first.version()).isEqualTo(second.version());
    assertThat(first.version().experiences()).isEqualTo(3_000);
    assertThat(first.version().label()).startsWith("challenger-lr/f1/").contains("@3000.");

    List<Example> reordered = new ArrayList<>(examples);
    java.util.Collections.swap(reordered, 0, 1);
    assertThat(trained(reordered).version().digest()).isNotEqualTo(first.version().digest());
  }

  @Test
  void shouldReadBackWhatItWroteAndLearnOnFromIt() {
    List<Example> examples = world(10, 4_000, 40);
    ChallengerModel model = trained(examples.subList(0, 3_000));
    byte[] bytes = model.toBytes();
    ChallengerModel read = ChallengerModel.fromBytes(bytes);

    assertThat(read.version()).isEqualTo(model.version());
    assertThat(read.toBytes()).isEqualTo(bytes);
    for (Example e : examples.subList(3_000, 3_100)) {
      assertThat(read.probability(e.trade())).isEqualTo(model.probability(e.trade()));
    }
    examples.subList(3_000, 4_000).forEach(e -> model.learn(e.trade(), e.win(), e.id()));
    examples.subList(3_000, 4_000).forEach(e -> read.learn(e.trade(), e.win(), e.id()));
    assertThat(read.toBytes()).isEqualTo(model.toBytes());
    // compact: only the weights that learned, far fewer than the table's 2^18 slots
    assertThat(bytes.length).isLessThan(60_000);
  }

  @Test
  void shouldRefuseBytesThatAreNotAChallengerOfThisFormat() {
    byte[] bytes = ChallengerModel.withDefaults().toBytes();
    bytes[7] = 9; // the format's last byte
    assertThatThrownBy(() -> ChallengerModel.fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 9");
    assertThatThrownBy(() -> ChallengerModel.fromBytes(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNameADifferentlySetModelDifferently() {
    ChallengerSettings d = ChallengerSettings.defaults();
    ChallengerSettings otherOffsetRate =
        new ChallengerSettings(
            d.alpha(), d.userAlpha() * 2, d.beta(), d.l1(), d.l2(), d.userL2(), d.bits());
    assertThat(new ChallengerModel(otherOffsetRate).version().name())
        .isNotEqualTo(ChallengerModel.withDefaults().version().name())
        .startsWith("challenger-lr/f1/");
    assertThat(new ChallengerModel(d).version().name())
        .isEqualTo(ChallengerModel.withDefaults().version().name());
  }

  private static TradeContext as(TradeContext trade, String userId) {
    return new TradeContext(
        userId,
        trade.symbol(),
        trade.side(),
        trade.time(),
        trade.features(),
        trade.regime(),
        trade.privateUser());
  }

  private static TradeContext privately(TradeContext trade) {
    return new TradeContext(
        trade.userId(),
        trade.symbol(),
        trade.side(),
        trade.time(),
        trade.features(),
        trade.regime(),
        true);
  }
}
