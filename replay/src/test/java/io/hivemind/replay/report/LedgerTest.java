package io.hivemind.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.learning.score.Calibration;
import io.hivemind.replay.report.ReplayReport.CalibrationBin;
import io.hivemind.replay.report.ReplayReport.Performance;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

  @Test
  void drawdownIsTheDeepestFallFromAPeakOfTheEquityCurve() {
    Ledger ledger = new Ledger();
    for (double pnl : new double[] {10, -30, 5, 40, -10}) {
      ledger.add(pnl);
    }

    assertThat(ledger.equity()).containsExactly(10.0, -20.0, -15.0, 25.0, 15.0);
    Performance performance = ledger.performance();
    assertThat(performance.trades()).isEqualTo(5);
    assertThat(performance.wins()).isEqualTo(3);
    assertThat(performance.winRate()).isEqualTo(0.6);
    assertThat(performance.pnl()).isEqualTo(15.0);
    assertThat(performance.maxDrawdown()).isEqualTo(30.0);
    // mean 3, sample standard deviation sqrt(2680 / 4) = 25.884358
    assertThat(performance.sharpePerTrade()).isCloseTo(3 / 25.884358, within(1e-6));
  }

  @Test
  void noTradesAndOneTradeHaveNoRiskAdjustedReturn() {
    assertThat(new Ledger().performance()).isEqualTo(new Performance(0, 0, 0, 0, 0, 0));
    Ledger one = new Ledger();
    one.add(-5);
    assertThat(one.performance().sharpePerTrade()).isZero();
    assertThat(one.performance().maxDrawdown()).isEqualTo(5.0);
  }

  @Test
  void calibrationBinsTheServedProbability() {
    Calibration calibration = new Calibration();
    calibration.record(0.62, true);
    calibration.record(0.68, false);
    calibration.record(1.0, true);

    List<CalibrationBin> bins = ReportBuilder.bins(calibration);
    assertThat(bins.get(6).trades()).isEqualTo(2);
    assertThat(bins.get(6).meanProbability()).isEqualTo(0.65);
    assertThat(bins.get(6).winRate()).isEqualTo(0.5);
    assertThat(bins.get(9).trades()).isEqualTo(1);
    assertThat(bins.get(3)).isEqualTo(new CalibrationBin(0.3, 0.4, 0, 0, 0));
    assertThat(calibration.brier()).isCloseTo((0.38 * 0.38 + 0.68 * 0.68) / 3, within(1e-6));
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(DecisionsCsv.field("user-1")).isEqualTo("user-1");
    assertThat(DecisionsCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(DecisionsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }
}
