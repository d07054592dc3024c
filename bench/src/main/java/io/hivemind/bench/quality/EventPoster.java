package io.hivemind.bench.quality;

import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.Delivery;
import io.hivemind.simulator.world.Opportunity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Posts trades through the gateway as bots' offline buffers ({@code POST /api/events}), each with
 * its user's key: each batch carries the signals and outcomes of up to 250 trades of one user (the
 * gateway refuses a batch naming any user but the key's), a few batches in flight. Grouping by user
 * changes nothing learned: the decayed statistics depend on event times, not arrival order.
 */
final class EventPoster implements AutoCloseable {

  // 250 trades = 500 items, ~140 KB: within the gateway's 256 KB body limit and 1,000-item batch
  private static final int TRADES_PER_BATCH = 250;
  private static final int IN_FLIGHT = 4;

  private final Function<String, BotClient> clients;
  private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);

  /**
   * @param clients by user id: the client holding that user's key
   */
  EventPoster(Function<String, BotClient> clients) {
    this.clients = clients;
  }

  void postAll(List<Opportunity> trades) throws Exception {
    Map<String, List<Opportunity>> byUser = new LinkedHashMap<>();
    for (Opportunity trade : trades) {
      byUser.computeIfAbsent(trade.user().userId(), user -> new ArrayList<>()).add(trade);
    }
    List<Future<Delivery>> deliveries = new ArrayList<>();
    for (Map.Entry<String, List<Opportunity>> user : byUser.entrySet()) {
      BotClient client = clients.apply(user.getKey());
      List<Opportunity> theirs = user.getValue();
      for (int from = 0; from < theirs.size(); from += TRADES_PER_BATCH) {
        List<Opportunity> batch =
            theirs.subList(from, Math.min(theirs.size(), from + TRADES_PER_BATCH));
        List<SignalRequest> signals = new ArrayList<>(batch.size());
        List<OutcomeRequest> outcomes = new ArrayList<>(batch.size());
        for (Opportunity trade : batch) {
          signals.add(trade.signal());
          outcomes.add(trade.outcome());
        }
        deliveries.add(pool.submit(() -> client.postEvents(signals, outcomes)));
      }
    }
    for (Future<Delivery> delivery : deliveries) {
      if (delivery.get() != Delivery.ACCEPTED) {
        throw new IllegalStateException("a batch was not accepted: " + delivery.get());
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
