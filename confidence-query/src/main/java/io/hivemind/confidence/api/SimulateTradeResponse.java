package io.hivemind.confidence.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hivemind.learning.stats.PnlEstimate;
import io.hivemind.rules.answer.TradeSimulation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The body of {@code POST /api/ml/simulate_trade}: every field of the win-probability answer (the
 * model that gave it among them), the P&amp;L the trade is expected to make (null when too few
 * similar trades are known) and one sentence a bot can show its user.
 */
record SimulateTradeResponse(
    @JsonUnwrapped WinProbabilityResponse answer,
    @JsonProperty("expected_pnl") ExpectedPnl expectedPnl,
    @JsonProperty("summary") String summary)
    implements Freshness.Marked {

  private static final int PNL_DECIMALS = 2;

  /**
   * The mean P&amp;L of {@code trades} similar trades and a confidence interval for that mean at
   * {@code level}; {@code source}: whose trades, {@code user} or {@code community}.
   */
  record ExpectedPnl(
      @JsonProperty("mean") double mean,
      @JsonProperty("low") double low,
      @JsonProperty("high") double high,
      @JsonProperty("level") double level,
      @JsonProperty("trades") long trades,
      @JsonProperty("source") String source) {

    static ExpectedPnl of(PnlEstimate estimate, TradeSimulation.Source source) {
      return new ExpectedPnl(
          rounded(estimate.mean()),
          rounded(estimate.low()),
          rounded(estimate.high()),
          estimate.level(),
          estimate.trades(),
          source.name().toLowerCase(Locale.ROOT));
    }
  }

  static SimulateTradeResponse of(WinProbabilityResponse answer, TradeSimulation simulation) {
    ExpectedPnl pnl =
        simulation
            .pnl()
            .map(estimate -> ExpectedPnl.of(estimate, simulation.source()))
            .orElse(null);
    return new SimulateTradeResponse(answer, pnl, summary(answer, pnl));
  }

  @Override
  public SimulateTradeResponse withFreshness(Freshness marked) {
    return new SimulateTradeResponse(answer.withFreshness(marked), expectedPnl, summary);
  }

  /** "68 % to win, based on 42 of your trades and 2,400 community trades; expected P&L ...". */
  static String summary(WinProbabilityResponse answer, ExpectedPnl pnl) {
    String chance =
        String.format(
            Locale.ROOT,
            "%.0f %% to win (%.0f–%.0f %%), based on %,d of your trades and %,d community trades",
            answer.winProbability() * 100,
            answer.interval().low() * 100,
            answer.interval().high() * 100,
            answer.evidence().userTrades(),
            answer.evidence().communityTrades());
    if (pnl == null) {
      return chance + "; too few similar trades to expect a P&L";
    }
    return chance
        + String.format(
            Locale.ROOT,
            "; expected P&L %+.2f (%.0f %% interval %+.2f to %+.2f) from %,d %s trades",
            pnl.mean(),
            pnl.level() * 100,
            pnl.low(),
            pnl.high(),
            pnl.trades(),
            pnl.source().equals("user") ? "of your" : "community");
  }

  private static double rounded(double value) {
    return BigDecimal.valueOf(value).setScale(PNL_DECIMALS, RoundingMode.HALF_UP).doubleValue();
  }
}
