package io.hivemind.botapi;

import static io.hivemind.botapi.Requests.outcome;
import static io.hivemind.botapi.Requests.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeValidationTest {

  private static List<String> fields(OutcomeRequest request) {
    return validator().validate(request).stream().map(Violation::field).toList();
  }

  private static OutcomeRequest with(
      Double entryPrice,
      String entryTime,
      String exitTime,
      Integer contracts,
      Double pnl,
      String exitReason) {
    OutcomeRequest o = outcome();
    return new OutcomeRequest(
        o.signalId(),
        o.userId(),
        o.symbol(),
        o.side(),
        entryPrice,
        o.exitPrice(),
        entryTime,
        exitTime,
        contracts,
        pnl,
        exitReason);
  }

  private static OutcomeRequest withContracts(Integer contracts) {
    OutcomeRequest o = outcome();
    return with(o.entryPrice(), o.entryTime(), o.exitTime(), contracts, o.pnl(), o.exitReason());
  }

  @Test
  void shouldAcceptTheDocumentedExample() {
    assertThat(validator().validate(outcome())).isEmpty();
  }

  @Test
  void shouldNameEveryMissingRequiredField() {
    OutcomeRequest empty =
        new OutcomeRequest(null, null, null, null, null, null, null, null, null, null, null);
    assertThat(fields(empty))
        .containsExactly(
            "signal_id",
            "user_id",
            "symbol",
            "side",
            "entry_price",
            "exit_price",
            "entry_time",
            "exit_time",
            "contracts",
            "pnl",
            "exit_reason");
  }

  @Test
  void shouldRejectANegativeEntryPrice() {
    OutcomeRequest o = outcome();
    assertThat(fields(with(-4500.0, o.entryTime(), o.exitTime(), 1, o.pnl(), o.exitReason())))
        .containsExactly("entry_price");
  }

  @Test
  void shouldAcceptANegativePnl() {
    OutcomeRequest o = outcome();
    assertThat(fields(with(o.entryPrice(), o.entryTime(), o.exitTime(), 1, -75.0, "STOP")))
        .isEmpty();
  }

  @Test
  void shouldRejectAnInfinitePnl() {
    OutcomeRequest o = outcome();
    assertThat(
            fields(
                with(
                    o.entryPrice(),
                    o.entryTime(),
                    o.exitTime(),
                    1,
                    Double.NEGATIVE_INFINITY,
                    o.exitReason())))
        .containsExactly("pnl");
  }

  @Test
  void shouldRejectZeroContracts() {
    assertThat(fields(withContracts(0))).containsExactly("contracts");
  }

  @Test
  void shouldRejectMoreThan10000Contracts() {
    assertThat(fields(withContracts(10_001))).containsExactly("contracts");
  }

  @Test
  void shouldAccept10000Contracts() {
    assertThat(fields(withContracts(10_000))).isEmpty();
  }

  @Test
  void shouldRejectAnExitBeforeTheEntry() {
    OutcomeRequest o = outcome();
    assertThat(
            fields(
                with(
                    o.entryPrice(),
                    "2026-11-20T14:50:00Z",
                    "2026-11-20T14:40:00Z",
                    1,
                    o.pnl(),
                    o.exitReason())))
        .containsExactly("exit_time");
  }

  @Test
  void shouldRejectAnExitTimeInTheFuture() {
    OutcomeRequest o = outcome();
    assertThat(
            fields(
                with(
                    o.entryPrice(),
                    o.entryTime(),
                    "2026-11-20T16:00:00Z",
                    1,
                    o.pnl(),
                    o.exitReason())))
        .containsExactly("exit_time");
  }

  @Test
  void shouldRejectAnExitReasonInLowerCase() {
    OutcomeRequest o = outcome();
    assertThat(fields(with(o.entryPrice(), o.entryTime(), o.exitTime(), 1, o.pnl(), "target")))
        .containsExactly("exit_reason");
  }
}
