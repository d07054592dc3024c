package io.hivemind.simulator.score;

import io.hivemind.simulator.fleet.Fleet;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.truth.TruthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fixed grid of questions that shows whether answers differ by pattern and by user: a few users
 * of the fleet × a few L2 patterns of one (symbol, side, session), asked at the same moment so that
 * only the features and the user change. The patterns are taken among the ones the fleet met most
 * (so the service has evidence on them) and spread across their true probabilities; the users are
 * spread across skill.
 */
public record DivergenceGrid(
    String symbol, String side, Instant time, List<SimulatedUser> users, List<Column> columns) {

  /** One pattern: the features of a signal that fell in it, and how often the fleet met it. */
  public record Column(String pattern, Map<String, Double> features, double price, long seen) {}

  /** Chooses the grid from what the fleet met; empty when it met too little. */
  public static Optional<DivergenceGrid> choose(
      PatternObservations observations,
      Fleet fleet,
      TruthModel truth,
      int userCount,
      int patternCount) {
    Map<String, List<PatternObservations.Observation>> groups =
        observations.all().stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.symbol() + "|" + o.side() + "|" + o.session(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    Optional<List<PatternObservations.Observation>> best =
        groups.values().stream()
            .filter(group -> group.size() >= Math.min(2, patternCount))
            .max(
                Comparator.comparingInt(
                        (List<PatternObservations.Observation> g) ->
                            Math.min(g.size(), patternCount))
                    .thenComparingLong(g -> g.stream().mapToLong(o -> o.count()).sum()));
    if (best.isEmpty()) {
      return Optional.empty();
    }
    List<PatternObservations.Observation> group = best.get();
    PatternObservations.Observation first = group.get(0);
    Instant time =
        group.stream()
            .limit(2L * patternCount)
            .map(o -> Instant.parse(o.example().timestamp()))
            .max(Comparator.naturalOrder())
            .orElseThrow();
    // the most met patterns, then spread across what they are truly worth
    List<PatternObservations.Observation> frequent =
        new ArrayList<>(group.subList(0, Math.min(group.size(), 2 * patternCount)));
    frequent.sort(
        Comparator.comparingDouble(
            o ->
                truth.bucketProbability(truth.situation(o.symbol(), o.side(), time, features(o)))));
    List<Column> columns =
        spread(frequent, patternCount).stream()
            .map(o -> new Column(o.pattern(), features(o), o.example().price(), o.count()))
            .toList();
    List<SimulatedUser> traders = new ArrayList<>(fleet.usersTrading(first.symbol()));
    if (traders.size() < userCount) {
      traders = new ArrayList<>(fleet.users());
    }
    traders.sort(Comparator.comparingDouble(SimulatedUser::skill));
    return Optional.of(
        new DivergenceGrid(
            first.symbol(), first.side(), time, spread(traders, userCount), columns));
  }

  /** The truth of a cell's bucket for its user, without the regime the server cannot see. */
  public double truth(TruthModel truth, SimulatedUser user, Column column) {
    return truth.bucketProbability(user, truth.situation(symbol, side, time, column.features()));
  }

  /** {@code count} elements evenly spaced over the sorted list, ends included. */
  static <T> List<T> spread(List<T> sorted, int count) {
    if (sorted.size() <= count) {
      return List.copyOf(sorted);
    }
    List<T> picked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int index = count == 1 ? 0 : (int) Math.round(i * (sorted.size() - 1) / (double) (count - 1));
      picked.add(sorted.get(index));
    }
    return picked;
  }

  private static Map<String, Double> features(PatternObservations.Observation observation) {
    return observation.example().featuresOrEmpty();
  }
}
