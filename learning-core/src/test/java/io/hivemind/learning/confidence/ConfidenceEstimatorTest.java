package io.hivemind.learning.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceEstimatorTest {

  private final ConfidenceEstimator estimator = ConfidenceEstimator.defaults();

  private static Counts rate(double winRate, double trades) {
    return new Counts(winRate * trades, trades);
  }

  private static Evidence evidence(List<Counts> community, List<Counts> user) {
    return new Evidence(community, user, false);
  }

  private static final List<Counts> NO_USER = List.of(Counts.NONE, Counts.NONE, Counts.NONE);

  @Test
  void shouldAnswerAnUninformedHalfWithAWideIntervalWithoutAnyData() {
    Confidence answer = estimator.estimate(evidence(NO_USER, NO_USER));

    assertThat(answer.probability()).isCloseTo(0.5, within(1e-9));
    assertThat(answer.high() - answer.low()).isGreaterThan(0.4);
    assertThat(answer.level()).isEqualTo(0.9);
  }

  @Test
  void shouldGiveTheCommunitysAnswerToAUserWithoutData() {
    List<Counts> community = List.of(rate(0.5, 10_000), rate(0.55, 4_000), rate(0.68, 2_400));

    Confidence answer = estimator.estimate(evidence(community, NO_USER));

    assertThat(answer.probability()).isCloseTo(0.68, within(0.005));
    assertThat(answer.low()).isLessThan(0.68);
    assertThat(answer.high()).isGreaterThan(0.68);
  }

  @Test
  void shouldApproachTheUsersOwnRateWithManyUserTrades() {
    List<Counts> community = List.of(rate(0.5, 10_000), rate(0.5, 5_000), rate(0.5, 2_000));
    List<Counts> user = List.of(rate(0.8, 5_000), rate(0.8, 5_000), rate(0.8, 5_000));

    assertThat(estimator.estimate(evidence(community, user)).probability())
        .isCloseTo(0.8, within(0.01));
  }

  @Test
  void shouldNarrowTheIntervalAsUserEvidenceGrows() {
    List<Counts> community = List.of(rate(0.5, 1_000), rate(0.5, 500), rate(0.6, 50));
    double previousWidth = 1;
    for (int trades : new int[] {0, 10, 100, 1_000}) {
      List<Counts> user = List.of(rate(0.6, trades), rate(0.6, trades), rate(0.6, trades));
      Confidence answer = estimator.estimate(evidence(community, user));
      double width = answer.high() - answer.low();

      assertThat(width).as("width with %d user trades", trades).isLessThan(previousWidth);
      previousWidth = width;
    }
  }

  @Test
  void shouldNarrowTheIntervalAsCommunityEvidenceGrows() {
    Confidence thin =
        estimator.estimate(evidence(List.of(rate(0.6, 5), rate(0.6, 5), rate(0.6, 5)), NO_USER));
    Confidence rich =
        estimator.estimate(
            evidence(List.of(rate(0.6, 900), rate(0.6, 90), rate(0.6, 90)), NO_USER));

    assertThat(rich.high() - rich.low()).isLessThan(thin.high() - thin.low());
  }

  @Test
  void shouldShiftAPatternTheUserHasNotTradedByTheUsersSkill() {
    List<Counts> community = List.of(rate(0.5, 10_000), rate(0.5, 5_000), rate(0.5, 2_000));
    List<Counts> skilled = List.of(rate(0.7, 400), Counts.NONE, Counts.NONE);
    List<Counts> unskilled = List.of(rate(0.3, 400), Counts.NONE, Counts.NONE);

    assertThat(estimator.estimate(evidence(community, skilled)).probability()).isGreaterThan(0.6);
    assertThat(estimator.estimate(evidence(community, unskilled)).probability()).isLessThan(0.4);
  }

  @Test
  void shouldIgnoreTheCommunityForAPrivateUser() {
    List<Counts> user = List.of(rate(0.6, 50), rate(0.6, 20), rate(0.7, 10));
    List<Counts> bullish = List.of(rate(0.9, 10_000), rate(0.9, 5_000), rate(0.9, 2_000));
    List<Counts> bearish = List.of(rate(0.1, 10_000), rate(0.1, 5_000), rate(0.1, 2_000));

    Confidence a = estimator.estimate(new Evidence(bullish, user, true));
    Confidence b = estimator.estimate(new Evidence(bearish, user, true));

    assertThat(a).isEqualTo(b);
    assertThat(a.probability()).isBetween(0.55, 0.7);
  }

  @Test
  void shouldAnswerAtTheDeepestLevelItIsGiven() {
    List<Counts> community = List.of(rate(0.4, 1_000), rate(0.7, 1_000));

    assertThat(
            estimator
                .estimate(evidence(community, List.of(Counts.NONE, Counts.NONE)))
                .probability())
        .isCloseTo(0.7, within(0.01));
  }

  @Test
  void shouldNotCountTheUsersOwnTradesTwice() {
    List<Counts> user = List.of(rate(0.9, 200), rate(0.9, 100), rate(0.9, 50));

    // the user is the whole community: the same as a community that knows nothing else
    Confidence alone = estimator.estimate(evidence(user, user));
    Confidence noCommunity = estimator.estimate(evidence(NO_USER, user));

    assertThat(alone).isEqualTo(noCommunity);
  }

  @Test
  void shouldNeverCollapseTheIntervalOnAPatternEveryoneAlwaysWon() {
    List<Counts> others = List.of(rate(1.0, 5_000), rate(1.0, 2_000), rate(1.0, 1_000));

    Confidence answer = estimator.estimate(evidence(others, NO_USER));

    assertThat(answer.probability()).isLessThan(1.0);
    assertThat(answer.high() - answer.low()).isGreaterThan(0.005);
  }

  @Test
  void shouldAnswerExactlyAsBeforeWithItsOwnFixedPriors() {
    ShrinkagePriors fixed = ShrinkagePriors.fixed(10, 100);
    List<List<Counts>> cases =
        List.of(
            NO_USER,
            List.of(rate(0.5, 10_000), rate(0.55, 4_000), rate(0.68, 2_400)),
            List.of(rate(0.3, 7), rate(0.9, 3), Counts.NONE));
    List<Counts> user = List.of(rate(0.6, 40), rate(0.7, 10), rate(1.0, 2));
    for (List<Counts> community : cases) {
      for (List<Counts> own : List.of(NO_USER, user)) {
        for (boolean privateUser : new boolean[] {false, true}) {
          Evidence evidence = new Evidence(community, own, privateUser);
          assertThat(estimator.estimate(evidence, fixed)).isEqualTo(estimator.estimate(evidence));
        }
      }
    }
    assertThat(estimator.fixedPriors()).isEqualTo(fixed);
  }

  @Test
  void shouldStartTheCommunitysChainAtTheFittedMeanInsteadOfAHalf() {
    ShrinkagePriors fitted =
        ShrinkagePriors.fitted(
            List.of(new BetaPrior(0.54, 200), new BetaPrior(0.54, 50), new BetaPrior(0.6, 20)),
            10,
            100);

    assertThat(estimator.estimate(evidence(NO_USER, NO_USER), fitted).probability())
        .isCloseTo(0.54, within(1e-12));
  }

  @Test
  void shouldShrinkEachLevelWithItsFittedStrength() {
    ShrinkagePriors fitted =
        ShrinkagePriors.fitted(List.of(new BetaPrior(0.5, 100), new BetaPrior(0.6, 25)), 10, 100);
    List<Counts> community = List.of(rate(0.6, 100), rate(0.8, 100));

    // L0: (60 + 100 × 0.5) / 200 = 0.55; L1: (80 + 25 × 0.55) / 125 = 0.75 (L1's fitted mean
    // is not used: a level shrinks toward the estimate of the level above)
    double answer =
        estimator
            .estimate(evidence(community, List.of(Counts.NONE, Counts.NONE)), fitted)
            .probability();

    assertThat(answer).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void shouldKeepAPrivateUsersChainOffTheFittedPriors() {
    ShrinkagePriors fitted =
        ShrinkagePriors.fitted(List.of(new BetaPrior(0.8, 500), new BetaPrior(0.8, 500)), 10, 100);
    Evidence privateUser =
        new Evidence(
            List.of(rate(0.8, 1_000), rate(0.8, 1_000)), List.of(rate(0.5, 4), Counts.NONE), true);

    assertThat(estimator.estimate(privateUser, fitted)).isEqualTo(estimator.estimate(privateUser));
  }
}
