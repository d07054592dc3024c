package io.hivemind.chaos.report;

import io.hivemind.chaos.fault.FaultWindow;
import io.hivemind.chaos.observe.Answer;
import io.hivemind.chaos.oracle.Invariants.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drill's two tables, as Markdown (readable in a terminal, pasted as is into RELIABILITY.md).
 */
public final class ChaosReport {

  private ChaosReport() {}

  public static String faults(List<FaultCost> costs) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| fault | target | attempts | 503 | no answer | other 5xx | error window | healed | ready | learning caught up |\n");
    table.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (FaultCost cost : costs) {
      FaultWindow w = cost.window();
      table.append(
          String.format(
              "| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s |%n",
              w.fault().id(),
              w.target(),
              cost.attempts(),
              cost.unavailable503(),
              cost.noAnswer(),
              cost.otherServerErrors(),
              seconds(cost.errorWindow()),
              after(w.injected(), w.healed()),
              after(w.injected(), w.ready()),
              after(w.injected(), w.caughtUp())));
      if (w.note() != null) {
        table.append("|  | note: ").append(w.note()).append(" | | | | | | | | |\n");
      }
    }
    return table.toString();
  }

  /**
   * What the steady load of a rolling restart got, by status (empty when there was none): the
   * figure of "zero 5xx other than bounded 503s".
   */
  public static String rolling(List<Answer> answers) {
    Map<Integer, Long> byStatus = new TreeMap<>();
    long longest503 = 0;
    long first503 = -1;
    long last503 = -1;
    for (Answer answer : answers) {
      if (!answer.endpoint().endsWith("(rolling)")) {
        continue;
      }
      byStatus.merge(answer.status(), 1L, Long::sum);
      if (answer.status() == 503) {
        first503 = first503 < 0 ? answer.sentMillis() : first503;
        last503 = answer.answeredMillis();
      }
    }
    if (byStatus.isEmpty()) {
      return "";
    }
    StringBuilder line =
        new StringBuilder("\nRolling restart of the query instances, the steady load's answers:");
    byStatus.forEach(
        (status, count) ->
            line.append(String.format(" %s × %,d;", status < 0 ? "no answer" : status, count)));
    if (first503 >= 0) {
      line.append(
          String.format(" 503s from the first to the last: %.1f s", (last503 - first503) / 1000.0));
    }
    return line.append('\n').toString();
  }

  public static String invariants(List<Check> checks) {
    StringBuilder table = new StringBuilder();
    table.append("| invariant | held | what was checked |\n| --- | --- | --- |\n");
    for (Check check : checks) {
      table.append(
          String.format(
              "| %s | %s | %s |%n",
              check.name(), check.held() ? "yes" : "**NO**", check.detail().replace("|", "/")));
    }
    return table.toString();
  }

  private static String after(Instant from, Instant to) {
    return to == null ? "not within the bound" : seconds(Duration.between(from, to));
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
