package io.hivemind.chaos.observe;

import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.bot.BotTransport;
import io.hivemind.simulator.bot.Delivery;
import io.hivemind.simulator.bot.ForwardingTransport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signals and outcomes the service acknowledged to the bots ({@code 202}): what the oracle must
 * find on the broker, each counted once.
 */
public final class Acknowledged {

  /** A trade's identity: the user and the bot's {@code signal_id}. */
  public record TradeId(String user, String signalId) {}

  private final Set<TradeId> signals = ConcurrentHashMap.newKeySet();
  private final Set<TradeId> outcomes = ConcurrentHashMap.newKeySet();

  public Set<TradeId> signals() {
    return Set.copyOf(signals);
  }

  public Set<TradeId> outcomes() {
    return Set.copyOf(outcomes);
  }

  /** {@code inner}, noting every event of {@code user} it had acknowledged. */
  public BotTransport around(String user, BotTransport inner) {
    return new ForwardingTransport(inner) {
      @Override
      public Delivery postSignal(SignalRequest signal) {
        Delivery delivery = inner.postSignal(signal);
        if (delivery == Delivery.ACCEPTED) {
          signals.add(new TradeId(user, signal.signalId()));
        }
        return delivery;
      }

      @Override
      public Delivery postOutcome(OutcomeRequest outcome) {
        Delivery delivery = inner.postOutcome(outcome);
        if (delivery == Delivery.ACCEPTED) {
          outcomes.add(new TradeId(user, outcome.signalId()));
        }
        return delivery;
      }
    };
  }
}
