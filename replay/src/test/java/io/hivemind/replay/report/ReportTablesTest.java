package io.hivemind.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.replay.report.ReplayReport.InputCard;
import io.hivemind.replay.settings.InvalidSettingsException;
import io.hivemind.replay.settings.WalkForwardRequest;
import io.hivemind.replay.settings.WalkForwardSettings;
import io.hivemind.replay.settings.WalkForwardValidator;
import io.hivemind.replay.walk.TestLog;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk-forward table: a line per window, then both sums; the memory bound stated. */
class ReportTablesTest {

  @Test
  void shouldPrintEveryWindowAndBothSums() {
    TestLog log = new TestLog();
    for (int i = 0; i < 8; i++) {
      log.trade("u" + i % 3, "s" + i, i % 3 == 0 ? -40 : 60);
    }
    WalkForwardSettings settings =
        WalkForwardValidator.validate(
            new WalkForwardRequest(
                "2026-11-20T16:32:00Z",
                "2026-11-20T16:33:00Z",
                null,
                null,
                "5s",
                "5s",
                null,
                null,
                List.of(0.4, 0.5),
                null,
                null,
                null,
                null,
                0,
                null));
    WalkForwardReport report =
        WalkForwardReplay.result(
                settings,
                "test",
                List.of(),
                new InputCard(log.events.size(), "-"),
                log.walk(settings.replaySettings()))
            .report();
    StringWriter out = new StringWriter();

    ReportTables.print(report, new PrintWriter(out, true));

    String printed = out.toString();
    assertThat(printed.lines().filter(line -> line.matches("^\\d+ +2026-11-20T.*")))
        .hasSize(settings.windows().size());
    assertThat(printed).contains("walk-forward ").contains("baseline (30d v1 pattern @ 0.5)");
  }

  @Test
  void shouldStateTheMemoryBoundWhenARunWouldExceedIt() {
    assertThatThrownBy(() -> WalkForwardReplay.checkBound(600_000, 8))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("600,000 records")
        .hasMessageContaining("at most 4,000,000 records × ways of learning");
    WalkForwardReplay.checkBound(500_000, 8);
  }
}
