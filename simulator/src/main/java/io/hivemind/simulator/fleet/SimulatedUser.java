package io.hivemind.simulator.fleet;

import java.util.List;

/**
 * One simulated trader and their bot.
 *
 * @param userId the bot's hashed id, as the seed bots make it: the first 12 hex digits of an md5
 * @param index the user's place in the fleet (0-based)
 * @param skill the user's hidden edge, added to the log-odds of every trade they take
 * @param threshold the win probability at or above which their bot takes a trade
 * @param symbols the futures their bot trades
 * @param tier their plan: basic, pro or elite
 */
public record SimulatedUser(
    String userId, int index, double skill, double threshold, List<String> symbols, String tier) {

  public SimulatedUser {
    symbols = List.copyOf(symbols);
  }

  public boolean trades(String symbol) {
    return symbols.contains(symbol);
  }
}
