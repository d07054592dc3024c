package io.hivemind.bench.quality;

import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.Delivery;
import io.hivemind.simulator.world.Opportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Posts trades through the gateway as bots' offline buffers ({@code POST /api/events}): each batch
 * carries the signals and outcomes of up to 250 trades, a few batches in flight.
 */
final class EventPoster implements AutoCloseable {

  // 250 trades = 500 items, ~140 KB: within the gateway's 256 KB body limit and 1,000-item batch
  private static final int TRADES_PER_BATCH = 250;
  private static final int IN_FLIGHT = 4;

  private final BotClient client;
  private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);

  EventPoster(BotClient client) {
    this.client = client;
  }

  void postAll(List<Opportunity> trades) throws Exception {
    List<Future<Delivery>> deliveries = new ArrayList<>();
    for (int from = 0; from < trades.size(); from += TRADES_PER_BATCH) {
      List<Opportunity> batch =
          trades.subList(from, Math.min(trades.size(), from + TRADES_PER_BATCH));
      List<SignalRequest> signals = new ArrayList<>(batch.size());
      List<OutcomeRequest> outcomes = new ArrayList<>(batch.size());
      for (Opportunity trade : batch) {
        signals.add(trade.signal());
        outcomes.add(trade.outcome());
      }
      deliveries.add(pool.submit(() -> client.postEvents(signals, outcomes)));
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
