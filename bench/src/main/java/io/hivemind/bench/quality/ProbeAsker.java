package io.hivemind.bench.quality;

import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.ConfidenceAnswer;
import io.hivemind.simulator.world.Opportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Asks the served confidence for every probe, as its bot would (with its user's key), a few
 * questions at a time.
 */
final class ProbeAsker implements AutoCloseable {

  private static final int IN_FLIGHT = 8;

  private final Function<String, BotClient> clients;
  private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);

  /**
   * @param clients by user id: the client holding that user's key
   */
  ProbeAsker(Function<String, BotClient> clients) {
    this.clients = clients;
  }

  List<Double> askAll(List<Opportunity> probes) throws Exception {
    List<Future<ConfidenceAnswer>> answers = new ArrayList<>(probes.size());
    for (Opportunity probe : probes) {
      answers.add(
          pool.submit(
              () ->
                  clients
                      .apply(probe.user().userId())
                      .askConfidence(probe.signal(), probe.user().threshold())
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "no confidence for probe " + probe.signal().signalId()))));
    }
    List<Double> served = new ArrayList<>(probes.size());
    for (Future<ConfidenceAnswer> answer : answers) {
      served.add(answer.get().winProbability());
    }
    return served;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
