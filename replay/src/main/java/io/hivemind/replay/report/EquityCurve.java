package io.hivemind.replay.report;

import java.util.List;

/** Cumulative P&L after each trade, at each trade's exit time. */
public record EquityCurve(String label, List<Long> exitTimes, List<Double> equity) {}
