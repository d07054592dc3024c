package io.hivemind.botapi;

import static io.hivemind.botapi.Requests.outcome;
import static io.hivemind.botapi.Requests.signal;
import static io.hivemind.botapi.Requests.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchValidationTest {

  private static List<String> fields(RequestValidator validator, EventBatch batch) {
    return validator.validate(batch).stream().map(Violation::field).toList();
  }

  private static SignalRequest sideways() {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(), s.userId(), s.symbol(), "SIDEWAYS", s.price(), s.timestamp(), null, null);
  }

  @Test
  void shouldAcceptSignalsAndOutcomesTogether() {
    EventBatch batch = new EventBatch(List.of(signal(), signal()), List.of(outcome()));
    assertThat(fields(validator(), batch)).isEmpty();
  }

  @Test
  void shouldRejectAnEmptyBatch() {
    assertThat(fields(validator(), new EventBatch(List.of(), null))).containsExactly("body");
  }

  @Test
  void shouldNameABadItemByItsIndex() {
    List<SignalRequest> signals = new ArrayList<>(Collections.nCopies(4, signal()));
    signals.set(3, sideways());
    assertThat(fields(validator(), new EventBatch(signals, List.of(outcome()))))
        .containsExactly("signals[3].side");
  }

  @Test
  void shouldNameBadItemsInBothLists() {
    OutcomeRequest o = outcome();
    OutcomeRequest noPnl =
        new OutcomeRequest(
            o.signalId(),
            o.userId(),
            o.symbol(),
            o.side(),
            o.entryPrice(),
            o.exitPrice(),
            o.entryTime(),
            o.exitTime(),
            o.contracts(),
            null,
            o.exitReason());
    assertThat(fields(validator(), new EventBatch(List.of(sideways()), List.of(o, noPnl))))
        .containsExactly("signals[0].side", "outcomes[1].pnl");
  }

  @Test
  void shouldNameANullItem() {
    List<SignalRequest> signals = new ArrayList<>();
    signals.add(null);
    assertThat(fields(validator(), new EventBatch(signals, null))).containsExactly("signals[0]");
  }

  @Test
  void shouldRejectMoreItemsThanTheConfiguredMaximum() {
    RequestValidator smallBatches =
        new RequestValidator(
            Requests.CLOCK, new ValidationLimits(Duration.ofMinutes(5), Duration.ofDays(30), 2));
    EventBatch three = new EventBatch(List.of(signal(), signal()), List.of(outcome()));
    assertThat(fields(smallBatches, three)).containsExactly("body");
  }

  @Test
  void shouldAcceptExactlyTheConfiguredMaximum() {
    RequestValidator smallBatches =
        new RequestValidator(
            Requests.CLOCK, new ValidationLimits(Duration.ofMinutes(5), Duration.ofDays(30), 2));
    EventBatch two = new EventBatch(List.of(signal()), List.of(outcome()));
    assertThat(fields(smallBatches, two)).isEmpty();
  }
}
