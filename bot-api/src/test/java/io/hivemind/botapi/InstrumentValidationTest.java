package io.hivemind.botapi;

import static io.hivemind.botapi.Requests.CLOCK;
import static io.hivemind.botapi.Requests.heartbeat;
import static io.hivemind.botapi.Requests.outcome;
import static io.hivemind.botapi.Requests.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentValidationTest {

  private static final RequestValidator ES_AND_NQ =
      new RequestValidator(CLOCK, ValidationLimits.defaults(), Instruments.of(List.of("ES", "NQ")));

  private static SignalRequest signalOn(String symbol) {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(), s.userId(), symbol, s.side(), s.price(), s.timestamp(), null, null);
  }

  private static OutcomeRequest outcomeOn(String symbol) {
    OutcomeRequest o = outcome();
    return new OutcomeRequest(
        o.signalId(),
        o.userId(),
        symbol,
        o.side(),
        o.entryPrice(),
        o.exitPrice(),
        o.entryTime(),
        o.exitTime(),
        o.contracts(),
        o.pnl(),
        o.exitReason());
  }

  @Test
  void shouldRefuseASymbolThatIsNoConfiguredInstrument() {
    assertThat(ES_AND_NQ.validate(signalOn("ZZZ1")))
        .containsExactly(new Violation("symbol", "must be an instrument traded here: ES, NQ"));
  }

  @Test
  void shouldAcceptEveryConfiguredInstrument() {
    assertThat(ES_AND_NQ.validate(signalOn("ES"))).isEmpty();
    assertThat(ES_AND_NQ.validate(signalOn("NQ"))).isEmpty();
  }

  @Test
  void shouldNameTheBatchItemWithAnUnknownSymbol() {
    List<OutcomeRequest> outcomes = new ArrayList<>(Collections.nCopies(5, outcome()));
    outcomes.set(3, outcomeOn("CL"));

    assertThat(ES_AND_NQ.validate(new EventBatch(List.of(signal()), outcomes)))
        .extracting(Violation::field)
        .containsExactly("outcomes[3].symbol");
  }

  @Test
  void shouldNameAnUnknownSymbolOfAHeartbeat() {
    HeartbeatRequest h = heartbeat();
    HeartbeatRequest unknown =
        new HeartbeatRequest(
            h.userId(),
            h.botVersion(),
            h.status(),
            h.openPositions(),
            List.of("ES", "GC"),
            h.timestamp(),
            null);

    assertThat(ES_AND_NQ.validate(unknown))
        .extracting(Violation::field)
        .containsExactly("symbols[1]");
  }

  @Test
  void shouldReportAMalformedSymbolOnceAndNotAsUnknown() {
    assertThat(ES_AND_NQ.validate(signalOn("es")))
        .containsExactly(new Violation("symbol", "must match ^[A-Z][A-Z0-9]{0,11}$"));
  }

  @Test
  void shouldKnowTheSeedsFuturesByDefault() {
    RequestValidator defaults = new RequestValidator(CLOCK, ValidationLimits.defaults());

    for (String symbol : List.of("ES", "NQ", "CL", "GC", "YM", "RTY", "MES", "MNQ")) {
      assertThat(defaults.validate(signalOn(symbol))).as(symbol).isEmpty();
    }
    assertThat(defaults.validate(signalOn("ZZZ1")))
        .extracting(Violation::field)
        .containsExactly("symbol");
  }

  @Test
  void shouldTrimAndKeepTheConfiguredOrder() {
    assertThat(Instruments.of(List.of(" NQ", "ES ", "NQ")).symbols()).containsExactly("NQ", "ES");
  }

  @Test
  void shouldRefuseAListThatIsEmptyOrHoldsANonSymbol() {
    assertThatThrownBy(() -> Instruments.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Instruments.of(List.of("ES", "e-mini")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e-mini");
  }
}
