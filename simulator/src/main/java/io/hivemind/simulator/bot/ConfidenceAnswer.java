package io.hivemind.simulator.bot;

/**
 * The parts of a {@code /api/ml/win_probability} answer a bot acts on.
 *
 * @param tradingState ACTIVE, or the reason the bot may take no new entry (REDUCING, HALTED …)
 */
public record ConfidenceAnswer(
    double winProbability,
    double low,
    double high,
    long userTrades,
    long communityTrades,
    String pattern,
    boolean takeTrade,
    String tradingState) {

  public static final String ACTIVE = "ACTIVE";

  public boolean allowsEntries() {
    return ACTIVE.equals(tradingState);
  }
}
