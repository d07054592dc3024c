package io.hivemind.gateway.api;

import io.hivemind.access.http.Caller;
import io.hivemind.access.http.NotYourUserException;
import io.hivemind.botapi.AvroMapping;
import io.hivemind.botapi.EventBatch;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.Violation;
import io.hivemind.control.domain.BotContext;
import io.hivemind.schema.TradeOutcome;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which user a write acts for, and in which tier: the API key's. A body
 * may leave {@code user_id} out (it becomes the key's) or repeat the key's; naming another user is
 * refused with 403 before anything is validated or sent. Binding returns a copy of the request
 * carrying the key's user, so the record written can only ever be keyed by it. An outcome also
 * carries the key's privacy ({@link #toTradeOutcome}).
 */
@RequestScoped
class CallerIdentity {

  private static final String USER_ID = "user_id";

  private final Caller caller;

  CallerIdentity(Caller caller) {
    this.caller = caller;
  }

  String userId() {
    return caller.userId();
  }

  /**
   * The outcome as written to Kafka, stamped with whether the key's user is private. The stamp is
   * the key's alone: {@code private_user} is not in the bots' JSON contract, so a bot cannot set
   * it.
   */
  TradeOutcome toTradeOutcome(OutcomeRequest outcome) {
    TradeOutcome record = AvroMapping.toTradeOutcome(outcome);
    record.setPrivateUser(caller.isPrivate());
    return record;
  }

  /** Whose trading state applies to this request, for {@code symbol} (null: all symbols). */
  BotContext botFor(String symbol) {
    return new BotContext(caller.userId(), caller.tier(), symbol);
  }

  SignalRequest bind(SignalRequest signal) {
    List<Violation> others = new ArrayList<>();
    SignalRequest bound = bind(signal, "", others);
    NotYourUserException.throwIfAny(others);
    return bound;
  }

  OutcomeRequest bind(OutcomeRequest outcome) {
    List<Violation> others = new ArrayList<>();
    OutcomeRequest bound = bind(outcome, "", others);
    NotYourUserException.throwIfAny(others);
    return bound;
  }

  HeartbeatRequest bind(HeartbeatRequest heartbeat) {
    if (heartbeat == null || isKeys(heartbeat.userId())) {
      return heartbeat;
    }
    checkClaim(USER_ID, heartbeat.userId());
    return new HeartbeatRequest(
        caller.userId(),
        heartbeat.botVersion(),
        heartbeat.status(),
        heartbeat.openPositions(),
        heartbeat.symbols(),
        heartbeat.timestamp(),
        heartbeat.forceCloseAck(),
        heartbeat.bars());
  }

  /** Every item of a batch is the key's user's; all items naming another user are named at once. */
  EventBatch bind(EventBatch batch) {
    if (batch == null) {
      return null;
    }
    List<Violation> others = new ArrayList<>();
    List<SignalRequest> signals = null;
    if (batch.signals() != null) {
      signals = new ArrayList<>(batch.signals().size());
      for (int i = 0; i < batch.signals().size(); i++) {
        signals.add(bind(batch.signals().get(i), "signals[" + i + "].", others));
      }
    }
    List<OutcomeRequest> outcomes = null;
    if (batch.outcomes() != null) {
      outcomes = new ArrayList<>(batch.outcomes().size());
      for (int i = 0; i < batch.outcomes().size(); i++) {
        outcomes.add(bind(batch.outcomes().get(i), "outcomes[" + i + "].", others));
      }
    }
    NotYourUserException.throwIfAny(others);
    return new EventBatch(signals, outcomes);
  }

  private SignalRequest bind(SignalRequest signal, String prefix, List<Violation> others) {
    if (signal == null || isKeys(signal.userId())) {
      return signal;
    }
    if (signal.userId() != null) {
      others.add(mismatch(prefix + USER_ID));
      return signal;
    }
    return new SignalRequest(
        signal.signalId(),
        caller.userId(),
        signal.symbol(),
        signal.side(),
        signal.price(),
        signal.timestamp(),
        signal.strategy(),
        signal.features());
  }

  private OutcomeRequest bind(OutcomeRequest outcome, String prefix, List<Violation> others) {
    if (outcome == null || isKeys(outcome.userId())) {
      return outcome;
    }
    if (outcome.userId() != null) {
      others.add(mismatch(prefix + USER_ID));
      return outcome;
    }
    return new OutcomeRequest(
        outcome.signalId(),
        caller.userId(),
        outcome.symbol(),
        outcome.side(),
        outcome.entryPrice(),
        outcome.exitPrice(),
        outcome.entryTime(),
        outcome.exitTime(),
        outcome.contracts(),
        outcome.pnl(),
        outcome.exitReason());
  }

  private boolean isKeys(String claimed) {
    return caller.userId().equals(claimed);
  }

  private void checkClaim(String field, String claimed) {
    if (claimed != null && !isKeys(claimed)) {
      throw new NotYourUserException(List.of(mismatch(field)));
    }
  }

  private Violation mismatch(String field) {
    return new Violation(
        field, "must be the key's own user " + caller.userId() + " (or absent), not another");
  }
}
