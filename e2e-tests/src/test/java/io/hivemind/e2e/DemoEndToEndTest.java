package io.hivemind.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hivemind demo} as an operator runs it: a small fleet of simulated bots trades through
 * the stack, the gateway accepts every event they send (the simulator speaks the bot contract
 * exactly), and what they reported is what the stack learned.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(LocalStack.Shared.class)
class DemoEndToEndTest {

  private static LocalStack stack;
  private final Http http = new Http();

  @BeforeAll
  static void useStack(LocalStack shared) {
    stack = shared;
  }

  @Test
  void withNotifyAUsersReceiverIsToldEveryClosedTradeAndTheFleetsTheCrashedBot() throws Exception {
    String output =
        stack.hivemind("demo", "--notify", "--bots", "4", "--duration", "30s", "--seed", "17");

    assertThat(output).contains("demo: watching the notifier").contains("NOTIFICATIONS");
    java.util.regex.Matcher user =
        java.util.regex.Pattern.compile(
                "user \\w+: (\\d+) of (\\d+) closed trades told, (\\d+) milestones.*"
                    + " (\\d+) bad signatures")
            .matcher(output);
    assertThat(user.find()).as(output).isTrue();
    assertThat(Integer.parseInt(user.group(2))).as(output).isPositive();
    assertThat(user.group(1)).as(output).isEqualTo(user.group(2));
    assertThat(user.group(4)).isEqualTo("0");
    assertThat(output)
        .containsPattern("fleet: bot \\w+ stopped its heartbeats: told silent \\d+ s after")
        .containsPattern("force-close orders; \\d+ deliveries, \\d+ duplicates, 0 bad signatures");
  }

  @Test
  void theFleetTradesThroughTheStackAndEveryReportedTradeIsLearned(@TempDir Path dir)
      throws Exception {
    Path events = dir.resolve("events.jsonl");

    String output =
        stack.hivemind(
            "demo",
            "--bots",
            "8",
            "--duration",
            "20s",
            "--seed",
            "11",
            "--events-out",
            events.toString());

    assertThat(output).contains("SUMMARY").contains("DIVERGENCE").contains("rejected 0");
    Map<String, Integer> outcomes = outcomesPerUserAndSymbol(events);
    assertThat(outcomes).isNotEmpty();
    // the busiest (user, symbol): the stack counts exactly the trades its bot reported
    Map.Entry<String, Integer> busiest =
        outcomes.entrySet().stream().max(Comparator.comparing(Map.Entry::getValue)).orElseThrow();
    String[] userAndSymbol = busiest.getKey().split("/");
    String stats =
        stack.query() + "/api/ml/stats?user_id=" + userAndSymbol[0] + "&symbol=" + userAndSymbol[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                // the demo's bots have keys of their own; the operator's admin key reads anyone's
                assertThat(
                        http.get(stats, Http.bearer(stack.adminKey()))
                            .body()
                            .at("/total/trades")
                            .asInt())
                    .isEqualTo(busiest.getValue()));
  }

  private static Map<String, Integer> outcomesPerUserAndSymbol(Path events) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    List<String> lines = Files.readAllLines(events);
    for (String line : lines) {
      JsonNode event = Http.JSON.readTree(line);
      if (event.path("type").asText().equals("outcome")) {
        JsonNode body = event.path("body");
        counts.merge(
            body.path("user_id").asText() + "/" + body.path("symbol").asText(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
