package io.hivemind.confidence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.Violation;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Side;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-20T14:32:45.123Z");

  private final RequestReader reader =
      new RequestReader(
          Clock.fixed(NOW, ZoneOffset.UTC), 0.7, Instruments.of(List.of("ES", "NQ", "CL")));

  @Test
  void shouldReadAQuestionFromParameters() {
    Question question =
        reader.fromParameters(
            parameters("a1b2c3d4e5f6", "ES", "LONG", "34.2", "-2.15", null, "0.65"));

    assertThat(question.query())
        .isEqualTo(
            new ConfidenceQuery(
                "a1b2c3d4e5f6", "ES", Side.LONG, Map.of("rsi", 34.2, "vwap_z", -2.15), NOW));
    assertThat(question.threshold()).isEqualTo(0.65);
  }

  @Test
  void shouldTakeTheConfiguredThresholdWhenNoneIsGiven() {
    Question question =
        reader.fromParameters(parameters("u1", "ES", "SHORT", null, null, null, null));

    assertThat(question.threshold()).isEqualTo(0.7);
    assertThat(question.query().features()).isEmpty();
  }

  @Test
  void shouldTakeTheEntryTimeFromTheTimestamp() {
    Question question =
        reader.fromParameters(
            parameters("u1", "ES", "LONG", null, null, "2026-11-20T10:00:00Z", null));

    assertThat(question.query().time()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
  }

  @Test
  void shouldNameABadSide() {
    assertThat(violationsOf(parameters("u1", "ES", "SIDEWAYS", null, null, null, null)))
        .containsExactly(new Violation("side", "must be LONG or SHORT"));
  }

  @Test
  void shouldNameEveryBadFieldAtOnce() {
    List<Violation> violations =
        violationsOf(parameters(null, "es", "LONG", "abc", "NaN", "yesterday", "1.5"));

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("rsi", "vwap_z", "user_id", "symbol", "timestamp", "threshold");
  }

  @Test
  void shouldNameANonFiniteFeatureByItsParameter() {
    assertThat(violationsOf(parameters("u1", "ES", "LONG", "1e400", null, null, null)))
        .containsExactly(new Violation("rsi", "must be a finite number"));
  }

  @Test
  void shouldReadAQuestionFromASignalBody() {
    SignalRequest signal =
        new SignalRequest(
            "7f0c2a9e",
            "a1b2c3d4e5f6",
            "ES",
            "LONG",
            4500.25,
            "2026-11-20T14:30:00Z",
            "vwap_rsi",
            Map.of("rsi", 34.2, "vwap_z", -2.15, "atr", 3.5));

    Question question = reader.fromSignal(signal, null);

    assertThat(question.query())
        .isEqualTo(
            new ConfidenceQuery(
                "a1b2c3d4e5f6",
                "ES",
                Side.LONG,
                Map.of("rsi", 34.2, "vwap_z", -2.15, "atr", 3.5),
                Instant.parse("2026-11-20T14:30:00Z")));
  }

  @Test
  void shouldNameTheBadFieldsOfASignalBodyAsTheGatewayDoes() {
    SignalRequest signal =
        new SignalRequest(
            "7f0c2a9e", "u1", "ES", "BUY", 4500.25, "2026-11-20T14:30:00Z", null, Map.of());

    InvalidRequestException invalid =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.fromSignal(signal, "-0.1"));

    assertThat(invalid.violations())
        .extracting(Violation::field)
        .containsExactly("side", "threshold");
  }

  @Test
  void shouldRejectAMissingBody() {
    assertThatThrownBy(() -> reader.fromSignal(null, null))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void shouldNameABadUserOrSymbolOfAStatsRequest() {
    InvalidRequestException invalid =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.checkUserAndSymbol("u 1", null));

    assertThat(invalid.violations())
        .extracting(Violation::field)
        .containsExactly("user_id", "symbol");
  }

  @Test
  void shouldNameASymbolThatIsNoConfiguredInstrument() {
    assertThat(violationsOf(parameters("u1", "ZZZ1", "LONG", null, null, null, null)))
        .containsExactly(new Violation("symbol", "must be an instrument traded here: ES, NQ, CL"));
    InvalidRequestException stats =
        catchThrowableOfType(
            InvalidRequestException.class, () -> reader.checkUserAndSymbol("u1", "GC"));
    assertThat(stats.violations()).extracting(Violation::field).containsExactly("symbol");
  }

  private List<Violation> violationsOf(SignalParameters parameters) {
    return catchThrowableOfType(
            InvalidRequestException.class, () -> reader.fromParameters(parameters))
        .violations();
  }

  private static SignalParameters parameters(
      String user,
      String symbol,
      String side,
      String rsi,
      String vwapZ,
      String timestamp,
      String threshold) {
    return new SignalParameters(user, symbol, side, rsi, vwapZ, null, null, timestamp, threshold);
  }
}
