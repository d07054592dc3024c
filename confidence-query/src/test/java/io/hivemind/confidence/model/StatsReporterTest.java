package io.hivemind.confidence.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hivemind.rules.answer.StatsMaps;
import io.hivemind.schema.Side;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsReporterTest {

  private static final Instant LAST_LONG = Instant.parse("2026-11-20T14:32:45.123Z");

  private final StatsMaps lookup = new StatsMaps();
  private final StatsReporter reporter = StatsReporter.v1();

  @Test
  void shouldReportZerosForAUserWithoutTrades() {
    StatsReport report = reporter.report("nobody", "ES", lookup);

    assertThat(report.sides()).containsEntry(Side.LONG, SideStats.NONE);
    assertThat(report.sides()).containsEntry(Side.SHORT, SideStats.NONE);
    assertThat(report.total()).isEqualTo(new StatsTotals(0, 0, 0, 0));
    assertThat(report.total().winRate()).isZero();
    assertThat(report.total().averagePnl()).isZero();
  }

  @Test
  void shouldReadTheLevelZeroStatsOfEachSide() {
    lookup.users().put(new StatsKey("u1", "ES", Side.LONG, 0, "v1"), stats(10, 6, 1250.5, 2, 4));
    lookup.users().put(new StatsKey("u1", "ES", Side.LONG, 1, "v1/mid"), stats(3, 3, 99, 3, 3));

    StatsReport report = reporter.report("u1", "ES", lookup);

    SideStats longSide = report.sides().get(Side.LONG);
    assertThat(longSide).isEqualTo(new SideStats(10, 6, 4, 1250.5, 2, 4, Optional.of(LAST_LONG)));
    assertThat(longSide.winRate()).isCloseTo(0.6, within(1e-12));
    assertThat(longSide.averagePnl()).isCloseTo(125.05, within(1e-12));
    assertThat(report.sides().get(Side.SHORT)).isEqualTo(SideStats.NONE);
  }

  @Test
  void shouldAddBothSidesIntoTheTotal() {
    lookup.users().put(new StatsKey("u1", "ES", Side.LONG, 0, "v1"), stats(10, 6, 1250.5, 2, 4));
    lookup.users().put(new StatsKey("u1", "ES", Side.SHORT, 0, "v1"), stats(5, 1, -300, -3, 1));

    StatsTotals total = reporter.report("u1", "ES", lookup).total();

    assertThat(total).isEqualTo(new StatsTotals(15, 7, 8, 950.5));
    assertThat(total.winRate()).isCloseTo(7 / 15.0, within(1e-12));
    assertThat(total.averagePnl()).isCloseTo(950.5 / 15, within(1e-12));
  }

  private static WinStats stats(long trades, long wins, double pnl, int streak, int best) {
    return new WinStats(
        trades, wins, trades - wins, pnl, pnl * pnl, streak, best, LAST_LONG, 1.0, 2.0, 0);
  }
}
