package io.hivemind.simulator.bot;

import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import java.util.Optional;

/**
 * No network: every event counts as delivered and there is nobody to ask. Wrapped in a {@link
 * LoggingTransport}, it turns a run into an events file.
 */
public final class OfflineTransport implements BotTransport {

  @Override
  public Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold) {
    return Optional.empty();
  }

  @Override
  public Delivery postSignal(SignalRequest signal) {
    return Delivery.ACCEPTED;
  }

  @Override
  public Delivery postOutcome(OutcomeRequest outcome) {
    return Delivery.ACCEPTED;
  }

  @Override
  public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
    return HeartbeatAnswer.of(Delivery.ACCEPTED);
  }
}
