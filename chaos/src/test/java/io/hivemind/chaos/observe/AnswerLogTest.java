package io.hivemind.chaos.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.simulator.bot.AttemptLog.Attempt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerLogTest {

  static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void shouldReadTheTradingStateAndTakeTradeOfASuccessfulAnswer() {
    Answer answer =
        AnswerLog.toAnswer(
            "u1",
            new Attempt(
                "POST",
                "/api/ml/win_probability",
                T,
                T.plusMillis(7),
                200,
                null,
                "application/json",
                "{\"win_probability\":0.6,\"take_trade\":false,\"trading_state\":\"HALTED\"}",
                null));

    assertThat(answer.tradingState()).isEqualTo("HALTED");
    assertThat(answer.takeTrade()).isFalse();
    assertThat(answer.endpoint()).isEqualTo("POST /api/ml/win_probability");
    assertThat(answer.answeredMillis() - answer.sentMillis()).isEqualTo(7);
  }

  @Test
  void shouldTellAWellFormed503FromABareOne() {
    Answer wellFormed =
        AnswerLog.toAnswer(
            "u1",
            new Attempt(
                "POST", "/api/signals", T, T, 503, "1", "application/problem+json", "{}", null));
    Answer bare =
        AnswerLog.toAnswer(
            "u1", new Attempt("POST", "/api/signals", T, T, 503, null, "text/html", "x", null));

    assertThat(wellFormed.bareServerError()).isFalse();
    assertThat(bare.bareServerError()).isTrue();
  }

  @Test
  void shouldRecordAFailureWithoutAnswerAsUnavailable() {
    Answer none =
        AnswerLog.toAnswer(
            "u1",
            new Attempt("POST", "/api/signals", T, T, -1, null, null, null, "ConnectException"));

    assertThat(none.answered()).isFalse();
    assertThat(none.unavailable()).isTrue();
    assertThat(none.bareServerError()).isFalse();
  }
}
