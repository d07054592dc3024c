package io.hivemind.replay;

import io.hivemind.replay.report.EquityCurve;
import io.hivemind.replay.report.ReplayReport;
import io.hivemind.replay.walk.DecisionPoint;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.util.List;
import java.util.Map;

/** A finished replay: its report, the pictures' data, every decision, the statistics learned. */
public record ReplayResult(
    ReplayReport report,
    List<List<EquityCurve>> curves,
    List<List<DecisionPoint>> decisions,
    List<Map<StatsKey, WinStats>> userStats) {}
