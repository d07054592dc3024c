package io.hivemind.control.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one bot may do now: the most restrictive state of every scope that applies to it, each
 * restriction with its reason, the fleet's learning state and any force-close order in force.
 * {@code symbols} lists the symbols restricted beyond {@code tradingState} when the question was
 * not about one symbol (a bot's stream covers all its symbols).
 */
public record EffectiveState(
    TradingState tradingState,
    List<Restriction> restrictions,
    Map<String, TradingState> symbols,
    LearningState learning,
    Optional<ForceCloseNotice> forceClose) {

  public EffectiveState {
    restrictions = List.copyOf(restrictions);
    symbols = Map.copyOf(symbols);
  }

  public boolean allowsEntries() {
    return tradingState.allowsEntries();
  }
}
