package io.hivemind.simulator.bot;

import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import java.util.Optional;

/** Writes every event to the log once, as it is sent (retries are not events), then sends it. */
public final class LoggingTransport implements BotTransport {

  private final BotTransport inner;
  private final EventLog log;

  public LoggingTransport(BotTransport inner, EventLog log) {
    this.inner = inner;
    this.log = log;
  }

  @Override
  public Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold) {
    return inner.askConfidence(signal, threshold);
  }

  @Override
  public Delivery postSignal(SignalRequest signal) {
    log.record(EventLog.SIGNAL, signal);
    return inner.postSignal(signal);
  }

  @Override
  public Delivery postOutcome(OutcomeRequest outcome) {
    log.record(EventLog.OUTCOME, outcome);
    return inner.postOutcome(outcome);
  }

  @Override
  public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
    log.record(EventLog.HEARTBEAT, heartbeat);
    return inner.heartbeat(heartbeat);
  }
}
