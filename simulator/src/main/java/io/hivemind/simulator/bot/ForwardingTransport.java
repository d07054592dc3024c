package io.hivemind.simulator.bot;

import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import java.util.Optional;

/**
 * A transport that hands every call to another: what an observer puts around a bot overrides only
 * the calls it watches or changes (the chaos drill's acknowledged events, the demo's crashed bot).
 */
public abstract class ForwardingTransport implements BotTransport {

  protected final BotTransport inner;

  protected ForwardingTransport(BotTransport inner) {
    this.inner = inner;
  }

  @Override
  public Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold) {
    return inner.askConfidence(signal, threshold);
  }

  @Override
  public Delivery postSignal(SignalRequest signal) {
    return inner.postSignal(signal);
  }

  @Override
  public Delivery postOutcome(OutcomeRequest outcome) {
    return inner.postOutcome(outcome);
  }

  @Override
  public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
    return inner.heartbeat(heartbeat);
  }
}
