package io.hivemind.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hivemind.bench.ingest.Events;
import io.hivemind.botapi.EventBatch;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.ValidationLimits;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmarks' bodies are what a bot sends: contract v1 JSON the gateway accepts. */
class BenchEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RequestValidator validator =
      new RequestValidator(Clock.systemUTC(), ValidationLimits.defaults());
  private final Events events = new Events("bench-test", 1000, 4, 1);

  @Test
  void signalsAndOutcomesAreValidAndUnique() throws Exception {
    Set<String> ids = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (long i = 0; i < 2000; i++) {
      Events.Trade trade = events.trade(i);
      SignalRequest signal = JSON.readValue(events.signalJson(trade), SignalRequest.class);
      OutcomeRequest outcome = JSON.readValue(events.outcomeJson(trade), OutcomeRequest.class);

      assertThat(validator.validate(signal)).isEmpty();
      assertThat(validator.validate(outcome)).isEmpty();
      assertThat(outcome.signalId()).isEqualTo(signal.signalId());
      assertThat(signal.price()).isEqualTo(trade.price());
      assertThat(signal.features().get("vwap_z")).isEqualTo(trade.vwapZ());
      assertThat(outcome.pnl()).isEqualTo(trade.pnl());
      ids.add(signal.signalId());
      users.add(signal.userId());
    }
    assertThat(ids).hasSize(2000);
    assertThat(users).hasSizeBetween(800, 1000).allMatch(u -> u.matches("[0-9a-f]{12}"));
  }

  @Test
  void theSameIndexIsTheSameTrade() {
    assertThat(events.trade(42)).isEqualTo(events.trade(42));
    assertThat(events.trade(7, 3, 1).userId()).isEqualTo(events.user(3));
    assertThat(events.trade(7, 3, 1).symbol()).isEqualTo(events.symbol(1));
    assertThat(events.trade(7, 3)).isEqualTo(events.trade(7, 3));
  }

  @Test
  void aUsersTradesAreAllTheirs() throws Exception {
    List<Events.Trade> trades = new java.util.ArrayList<>();
    Set<String> symbols = new HashSet<>();
    for (long i = 0; i < 200; i++) {
      trades.add(events.trade(i, 5));
      symbols.add(trades.get(trades.size() - 1).symbol());
    }
    EventBatch batch = JSON.readValue(events.batchJson(trades, List.of()), EventBatch.class);

    assertThat(validator.validate(batch)).isEmpty();
    assertThat(batch.signals()).extracting(SignalRequest::userId).containsOnly(events.user(5));
    assertThat(symbols).hasSize(4);
    assertThat(events.users()).hasSize(1000).startsWith(events.user(0));
  }

  @Test
  void aBatchIsValid() throws Exception {
    List<Events.Trade> trades = List.of(events.trade(1), events.trade(2), events.trade(3));
    EventBatch batch = JSON.readValue(events.batchJson(trades, trades), EventBatch.class);

    assertThat(validator.validate(batch)).isEmpty();
    assertThat(batch.signals()).hasSize(3);
    assertThat(batch.outcomes()).hasSize(3);
  }
}
