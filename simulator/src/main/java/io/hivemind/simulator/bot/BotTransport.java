package io.hivemind.simulator.bot;

import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import java.util.Optional;

/** How a bot talks to hivemind: over HTTP ({@link BotClient}) or, offline, to no one. */
public interface BotTransport {

  /** The service's answer, or empty when it could not be had. */
  Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold);

  Delivery postSignal(SignalRequest signal);

  Delivery postOutcome(OutcomeRequest outcome);

  HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat);
}
