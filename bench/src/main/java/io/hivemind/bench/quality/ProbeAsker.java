package io.hivemind.bench.quality;

import io.hivemind.simulator.bot.BotClient;
import io.hivemind.simulator.bot.ConfidenceAnswer;
import io.hivemind.simulator.world.Opportunity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Asks the served confidence for every probe, as its bot would, a few questions at a time. */
final class ProbeAsker implements AutoCloseable {

  private static final int IN_FLIGHT = 8;

  private final BotClient client;
  private final ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);

  ProbeAsker(BotClient client) {
    this.client = client;
  }

  List<Double> askAll(List<Opportunity> probes) throws Exception {
    List<Future<ConfidenceAnswer>> answers = new ArrayList<>(probes.size());
    for (Opportunity probe : probes) {
      answers.add(
          pool.submit(
              () ->
                  client
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
