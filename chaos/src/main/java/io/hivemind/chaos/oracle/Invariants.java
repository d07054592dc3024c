package io.hivemind.chaos.oracle;

import io.hivemind.chaos.observe.Acknowledged.TradeId;
import io.hivemind.chaos.observe.Answer;
import io.hivemind.chaos.oracle.LogSnapshot.Counts;
import io.hivemind.chaos.oracle.LogSnapshot.LoggedExperience;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The drill's invariants, checked against the oracle's own reading of the topics and the answers
 * the bots got. Pure: the inputs are plain values.
 */
public final class Invariants {

  /** How many examples a broken invariant names. */
  static final int EXAMPLES = 5;

  /** One invariant and whether it held, with what was checked or what broke it. */
  public record Check(String name, boolean held, String detail) {}

  /**
   * A user halted for the whole drill.
   *
   * @param haltedFromMillis when the halt was acknowledged to the operator, plus the time its
   *     record may take to reach every service (answers sent before it are not judged)
   * @param haltedUntilMillis when the drill began to lift it
   */
  public record Halt(String user, long haltedFromMillis, long haltedUntilMillis) {}

  private Invariants() {}

  public static List<Check> check(
      LogSnapshot log,
      Expectation expected,
      Set<TradeId> ackedSignals,
      Set<TradeId> ackedOutcomes,
      List<Answer> answers,
      Halt halt) {
    List<Check> checks = new ArrayList<>();
    checks.add(acknowledgedOnLog("acknowledged signals are on the log", ackedSignals, log, true));
    checks.add(
        acknowledgedOnLog("acknowledged outcomes are on the log", ackedOutcomes, log, false));
    checks.addAll(ofTheLog(log, expected));
    checks.add(haltNeverReadActive(answers, halt));
    checks.add(takeTradeOnlyWhenActive(answers));
    checks.add(noBareServerErrors(answers));
    return checks;
  }

  /** The checks that need the log alone: the statistics against the stored events. */
  public static List<Check> ofTheLog(LogSnapshot log, Expectation expected) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        equalCounts(
            "user statistics equal the log (level 0, trades and wins)",
            expected.userLevel0(),
            log.userLevel0(),
            "",
            key -> key.user() + " " + key.symbol() + " " + key.side()));
    checks.add(
        equalCounts(
            "community statistics equal the log (level 0, the daily cap applied)",
            expected.communityLevel0(),
            log.communityLevel0(),
            expected.capReached().isEmpty()
                ? ""
                : String.format(
                    " (the cap reached on %d keys: who counts there follows the learning order)",
                    expected.capReached().size()),
            key -> key.symbol() + " " + key.side()));
    checks.add(oneExperiencePerTrade(expected, log.experiences()));
    return checks;
  }

  static Check acknowledgedOnLog(
      String name, Set<TradeId> acknowledged, LogSnapshot log, boolean signals) {
    Set<TradeId> logged = new HashSet<>();
    if (signals) {
      log.signals().forEach(s -> logged.add(new TradeId(s.user(), s.signalId())));
    } else {
      log.outcomes().forEach(o -> logged.add(new TradeId(o.user(), o.signalId())));
    }
    List<String> missing = new ArrayList<>();
    for (TradeId id : acknowledged) {
      if (!logged.contains(id)) {
        missing.add(id.user() + "/" + id.signalId());
      }
    }
    return missing.isEmpty()
        ? new Check(name, true, String.format("%,d acknowledged, all stored", acknowledged.size()))
        : new Check(
            name,
            false,
            String.format(
                "%,d of %,d acknowledged are missing, e.g. %s",
                missing.size(), acknowledged.size(), examples(missing)));
  }

  static <K> Check equalCounts(
      String name,
      Map<K, Counts> expected,
      Map<K, Counts> learned,
      String note,
      Function<K, String> label) {
    Set<K> keys = new HashSet<>(expected.keySet());
    keys.addAll(learned.keySet());
    List<String> wrong = new ArrayList<>();
    long trades = 0;
    for (K key : keys) {
      Counts want = expected.getOrDefault(key, Counts.NONE);
      Counts got = learned.getOrDefault(key, Counts.NONE);
      trades += want.trades();
      if (!want.equals(got)) {
        wrong.add(
            String.format(
                "%s: log %d trades/%d wins, learned %d/%d",
                label.apply(key), want.trades(), want.wins(), got.trades(), got.wins()));
      }
    }
    String skippedNote = note;
    return wrong.isEmpty()
        ? new Check(
            name, true, String.format("%,d keys, %,d trades%s", keys.size(), trades, skippedNote))
        : new Check(
            name,
            false,
            String.format(
                "%d of %d keys differ%s, e.g. %s",
                wrong.size(), keys.size(), skippedNote, examples(wrong)));
  }

  static Check oneExperiencePerTrade(Expectation expected, List<LoggedExperience> experiences) {
    String name = "every trade learned exactly once (one experience each)";
    Map<String, Integer> seen = new HashMap<>();
    long alone = 0;
    for (LoggedExperience experience : experiences) {
      if (!experience.signalMatched()) {
        alone++;
      }
      seen.merge(Expectation.tradeId(experience.user(), experience.signalId()), 1, Integer::sum);
    }
    List<String> wrong = new ArrayList<>();
    for (String trade : expected.trades()) {
      int count = seen.getOrDefault(trade, 0);
      if (count != 1) {
        wrong.add(trade.replace('\u0000', '/') + " learned " + count + " times");
      }
    }
    for (Map.Entry<String, Integer> entry : seen.entrySet()) {
      if (!expected.trades().contains(entry.getKey())) {
        wrong.add(entry.getKey().replace('\u0000', '/') + " learned but not a trade on the log");
      }
    }
    String waiting =
        String.format(
            "; %,d outcomes wait for their signal (not learned yet, as the contract says)",
            expected.waitingOutcomes());
    return wrong.isEmpty()
        ? new Check(
            name,
            true,
            String.format(
                "%,d trades, %,d copies of outcomes dropped%s",
                expected.trades().size(), expected.duplicateOutcomes(), waiting))
        : new Check(
            name,
            false,
            String.format(
                "%d wrong (%d learned alone), e.g. %s%s",
                wrong.size(), alone, examples(wrong), waiting));
  }

  static Check haltNeverReadActive(List<Answer> answers, Halt halt) {
    String name = "a halt is never read as active";
    long judged = 0;
    List<String> wrong = new ArrayList<>();
    for (Answer answer : answers) {
      if (!answer.user().equals(halt.user())
          || answer.sentMillis() < halt.haltedFromMillis()
          || answer.answeredMillis() > halt.haltedUntilMillis()
          || answer.tradingState() == null && answer.takeTrade() == null) {
        continue;
      }
      judged++;
      boolean halted = "HALTED".equals(answer.tradingState());
      if (!halted || Boolean.TRUE.equals(answer.takeTrade())) {
        wrong.add(
            answer.endpoint()
                + " at "
                + answer.sentMillis()
                + " said "
                + answer.tradingState()
                + (Boolean.TRUE.equals(answer.takeTrade()) ? " take_trade=true" : ""));
      }
    }
    return wrong.isEmpty()
        ? new Check(
            name,
            judged > 0,
            judged > 0
                ? String.format(
                    "%,d answers to the halted user %s, all HALTED", judged, halt.user())
                : "no answer to the halted user " + halt.user() + " to judge")
        : new Check(
            name,
            false,
            String.format(
                "%d of %d answers were not HALTED, e.g. %s",
                wrong.size(), judged, examples(wrong)));
  }

  static Check takeTradeOnlyWhenActive(List<Answer> answers) {
    String name = "take_trade only when ACTIVE";
    long judged = 0;
    List<String> wrong = new ArrayList<>();
    for (Answer answer : answers) {
      if (answer.takeTrade() == null) {
        continue;
      }
      judged++;
      if (answer.takeTrade() && !"ACTIVE".equals(answer.tradingState())) {
        wrong.add(answer.user() + " " + answer.endpoint() + " state " + answer.tradingState());
      }
    }
    return wrong.isEmpty()
        ? new Check(name, true, String.format("%,d confidence answers", judged))
        : new Check(
            name, false, String.format("%d answers, e.g. %s", wrong.size(), examples(wrong)));
  }

  static Check noBareServerErrors(List<Answer> answers) {
    String name = "no bare 5xx (every 503 is problem+json with Retry-After)";
    Map<String, Integer> bad = new HashMap<>();
    long unavailable = 0;
    for (Answer answer : answers) {
      if (answer.bareServerError()) {
        bad.merge(answer.endpoint() + " " + answer.status(), 1, Integer::sum);
      } else if (answer.status() == 503) {
        unavailable++;
      }
    }
    if (bad.isEmpty()) {
      return new Check(
          name,
          true,
          String.format("%,d answers, %,d of them well-formed 503s", answers.size(), unavailable));
    }
    List<String> kinds = new ArrayList<>();
    new TreeSet<>(bad.keySet()).forEach(kind -> kinds.add(bad.get(kind) + "× " + kind));
    return new Check(name, false, String.join(", ", kinds));
  }

  private static String examples(List<String> items) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(items));
    return String.join("; ", sorted.subList(0, Math.min(EXAMPLES, sorted.size())));
  }
}
