package io.hivemind.gateway.api;

import io.hivemind.access.http.EventBudget;
import io.hivemind.botapi.AvroMapping;
import io.hivemind.botapi.EventBatch;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.TradingStatus;
import io.hivemind.control.kafka.ControlView;
import io.hivemind.gateway.IngestConfig;
import io.hivemind.gateway.backlog.BacklogFullException;
import io.hivemind.gateway.backlog.OutcomeBacklogs;
import io.hivemind.gateway.kafka.EventPublisher;
import io.hivemind.schema.Topics;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Signals and outcomes from bots, as the user of their API key. Each answers 202 only once the
 * broker acknowledged the record; invalid input is refused whole before anything is sent. Runs on
 * the event loop: the publisher's result completes from the producer callback, no thread waits per
 * request. Outcomes of a user whose backlog of outcomes waiting for their signals is full are
 * answered 429 unless they come with their signal (ADR 12).
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

  private final RequestValidator validator;
  private final EventPublisher publisher;
  private final Topics topics;
  private final CallerIdentity caller;
  private final ControlView control;
  private final EventBudget budget;
  private final OutcomeBacklogs backlogs;
  private final IngestConfig config;

  IngestResource(
      RequestValidator validator,
      EventPublisher publisher,
      Topics topics,
      CallerIdentity caller,
      ControlView control,
      EventBudget budget,
      OutcomeBacklogs backlogs,
      IngestConfig config) {
    this.validator = validator;
    this.publisher = publisher;
    this.topics = topics;
    this.caller = caller;
    this.control = control;
    this.budget = budget;
    this.backlogs = backlogs;
    this.config = config;
  }

  /** The trading status the bot is under, evaluated before the event is sent. */
  private TradingStatus statusOf(String symbol) {
    return TradingStatus.of(control.evaluate(caller.botFor(symbol)), null);
  }

  @POST
  @Path("/signals")
  @NonBlocking
  @ResponseStatus(202)
  public Uni<Accepted> signal(SignalRequest body) {
    SignalRequest request = caller.bind(body);
    InvalidRequestException.throwIfAny(validator.validate(request));
    TradingStatus status = statusOf(request.symbol());
    return publisher
        .publish(topics.signals, caller.userId(), AvroMapping.toSignal(request))
        .map(published -> Accepted.signalEvent(request.signalId(), published, status));
  }

  @POST
  @Path("/outcomes")
  @NonBlocking
  @ResponseStatus(202)
  public Uni<Accepted> outcome(OutcomeRequest body) {
    OutcomeRequest request = caller.bind(body);
    InvalidRequestException.throwIfAny(validator.validate(request));
    BacklogFullException.throwIfFull(
        backlogs, caller.userId(), () -> List.of("signal_id"), config.backlogRetryAfter());
    TradingStatus status = statusOf(request.symbol());
    return publisher
        .publish(topics.outcomes, caller.userId(), caller.toTradeOutcome(request))
        .map(published -> Accepted.signalEvent(request.signalId(), published, status));
  }

  /**
   * A bot's offline buffer: every item must be the key's user's, and is validated before the first
   * one is sent. The batch then spends one event of the key's rate budget per item (429 with {@code
   * Retry-After} when the key's bucket does not hold them), before anything is sent.
   */
  @POST
  @Path("/events")
  @NonBlocking
  @ResponseStatus(202)
  public Uni<BatchAccepted> events(EventBatch body) {
    EventBatch batch = caller.bind(body);
    InvalidRequestException.throwIfAny(validator.validate(batch));
    budget.spend(batch.size());
    String userId = caller.userId();
    BacklogFullException.throwIfFull(
        backlogs, userId, () -> loneOutcomes(batch), config.backlogRetryAfter());
    List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(batch.size());
    for (SignalRequest signal : batch.signalsOrEmpty()) {
      records.add(new ProducerRecord<>(topics.signals, userId, AvroMapping.toSignal(signal)));
    }
    for (OutcomeRequest outcome : batch.outcomesOrEmpty()) {
      records.add(new ProducerRecord<>(topics.outcomes, userId, caller.toTradeOutcome(outcome)));
    }
    String tradingState = statusOf(null).tradingState();
    return publisher
        .publishAll(records)
        .map(
            published ->
                BatchAccepted.of(
                    batch.signalsOrEmpty().size(), batch.outcomesOrEmpty().size(), tradingState));
  }

  /** The {@code signal_id} path of each outcome of the batch whose signal is not in it. */
  private static List<String> loneOutcomes(EventBatch batch) {
    Set<String> signals = new HashSet<>();
    for (SignalRequest signal : batch.signalsOrEmpty()) {
      signals.add(signal.signalId());
    }
    List<String> lone = new ArrayList<>(0);
    List<OutcomeRequest> outcomes = batch.outcomesOrEmpty();
    for (int i = 0; i < outcomes.size(); i++) {
      if (!signals.contains(outcomes.get(i).signalId())) {
        lone.add("outcomes[" + i + "].signal_id");
      }
    }
    return lone;
  }
}
