package io.hivemind.learning.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

  private final Calibration calibration = new Calibration();

  /** Two answers of 0.8 (one won), two of 0.2 (both lost); truths 0.6 and 0.3. */
  private void recordHandMadeSet() {
    calibration.record(0.8, 0.6, true);
    calibration.record(0.8, 0.6, false);
    calibration.record(0.2, 0.3, false);
    calibration.record(0.2, 0.3, false);
  }

  @Test
  void shouldScoreBrierAgainstOutcomesAndTheOracle() {
    recordHandMadeSet();
    // (0.2² + 0.8² + 0.2² + 0.2²) / 4
    assertThat(calibration.brier()).isCloseTo(0.19, within(1e-12));
    // (0.4² + 0.6² + 0.3² + 0.3²) / 4
    assertThat(calibration.oracleBrier()).isCloseTo(0.175, within(1e-12));
    // (0.2² + 0.2² + 0.1² + 0.1²) / 4
    assertThat(calibration.meanSquaredErrorVsTruth()).isCloseTo(0.025, within(1e-12));
  }

  @Test
  void shouldWeighEachBinsGapByItsShare() {
    recordHandMadeSet();
    // bin [0.8, 0.9): 0.8 predicted, 0.5 won; bin [0.2, 0.3): 0.2 predicted, 0 won
    assertThat(calibration.expectedCalibrationError())
        .isCloseTo(0.5 * 0.3 + 0.5 * 0.2, within(1e-12));
    assertThat(calibration.expectedCalibrationErrorVsTruth())
        .isCloseTo(0.5 * 0.2 + 0.5 * 0.1, within(1e-12));
    assertThat(calibration.meanPredicted()).isCloseTo(0.5, within(1e-12));
    assertThat(calibration.realizedWinRate()).isCloseTo(0.25, within(1e-12));
    assertThat(calibration.meanTruth()).isCloseTo(0.45, within(1e-12));
  }

  @Test
  void shouldListTheReliabilityTable() {
    recordHandMadeSet();
    assertThat(calibration.reliability()).hasSize(10);
    Calibration.Bin high = calibration.reliability().get(8);
    assertThat(high.count()).isEqualTo(2);
    assertThat(high.meanPredicted()).isCloseTo(0.8, within(1e-12));
    assertThat(high.realized()).isEqualTo(0.5);
    assertThat(high.meanTruth()).isCloseTo(0.6, within(1e-12));
    assertThat(calibration.reliability().get(5).count()).isZero();
    assertThat(calibration.reliability().get(5).realized()).isNaN();
  }

  @Test
  void shouldFindNoCalibrationErrorWhenPredictionsMatchTheRates() {
    for (int i = 0; i < 10; i++) {
      calibration.record(0.3, 0.3, i < 3);
      calibration.record(0.7, 0.7, i < 7);
    }
    assertThat(calibration.expectedCalibrationError()).isCloseTo(0, within(1e-12));
    assertThat(calibration.expectedCalibrationErrorVsTruth()).isCloseTo(0, within(1e-12));
  }

  @Test
  void shouldPutCertaintyInTheLastBin() {
    calibration.record(1.0, 1.0, true);
    assertThat(calibration.reliability().get(9).count()).isEqualTo(1);
    assertThat(Calibration.binOf(0.0)).isZero();
    assertThat(Calibration.binOf(0.1)).isEqualTo(1);
  }

  @Test
  void shouldHaveNoScoresBeforeTheFirstRecordAndRefuseNonProbabilities() {
    assertThat(calibration.brier()).isNaN();
    assertThat(calibration.expectedCalibrationError()).isNaN();
    assertThatThrownBy(() -> calibration.record(1.2, 0.5, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calibration.record(Double.NaN, 0.5, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldScoreLogLossWithConfidentMissesClipped() {
    calibration.record(0.8, true);
    calibration.record(0.8, false);
    assertThat(calibration.logLoss())
        .isCloseTo(-(Math.log(0.8) + Math.log(0.2)) / 2, within(1e-12));
    calibration.record(1.0, false);
    assertThat(calibration.logLoss()).isFinite().isGreaterThan(4);
  }

  @Test
  void shouldScoreOutcomeOnlyRecordsAndLeaveTheTruthUnknown() {
    calibration.record(0.3, 0.3, false);
    calibration.record(0.7, true);
    assertThat(calibration.brier()).isCloseTo((0.09 + 0.09) / 2, within(1e-12));
    assertThat(calibration.expectedCalibrationError()).isCloseTo(0.3, within(1e-12));
    assertThat(calibration.oracleBrier()).isNaN();
    assertThat(calibration.meanTruth()).isNaN();
    assertThat(calibration.expectedCalibrationErrorVsTruth()).isNaN();
    assertThat(calibration.reliability().get(3).meanTruth()).isNaN();
  }

  @Test
  void shouldCarryAScoreOnFromItsTotalsAsIfNothingHadStopped() {
    java.util.Random random = new java.util.Random(3);
    Calibration whole = new Calibration();
    Calibration first = new Calibration();
    for (int i = 0; i < 500; i++) {
      double p = random.nextDouble();
      boolean won = random.nextDouble() < p;
      whole.record(p, won);
      first.record(p, won);
    }
    Calibration carried = Calibration.from(new Calibration().totals().plus(first.totals()));
    for (int i = 0; i < 500; i++) {
      double p = random.nextDouble();
      boolean won = random.nextDouble() < p;
      whole.record(p, won);
      carried.record(p, won);
    }

    assertThat(carried.count()).isEqualTo(1000);
    assertThat(carried.brier()).isCloseTo(whole.brier(), within(1e-12));
    assertThat(carried.logLoss()).isCloseTo(whole.logLoss(), within(1e-12));
    assertThat(carried.expectedCalibrationError())
        .isCloseTo(whole.expectedCalibrationError(), within(1e-12));
    assertThat(carried.reliability()).hasSize(Calibration.BINS);
    assertThat(carried.reliability().get(4).count()).isEqualTo(whole.reliability().get(4).count());
    assertThat(carried.meanTruth()).isNaN();
  }
}
