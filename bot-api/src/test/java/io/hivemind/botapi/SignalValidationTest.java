package io.hivemind.botapi;

import static io.hivemind.botapi.Requests.signal;
import static io.hivemind.botapi.Requests.validator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalValidationTest {

  private static List<String> fields(List<Violation> violations) {
    return violations.stream().map(Violation::field).toList();
  }

  private static SignalRequest withSide(String side) {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(),
        s.userId(),
        s.symbol(),
        side,
        s.price(),
        s.timestamp(),
        s.strategy(),
        s.features());
  }

  private static SignalRequest withPrice(Double price) {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(),
        s.userId(),
        s.symbol(),
        s.side(),
        price,
        s.timestamp(),
        s.strategy(),
        s.features());
  }

  private static SignalRequest withTimestamp(String timestamp) {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(),
        s.userId(),
        s.symbol(),
        s.side(),
        s.price(),
        timestamp,
        s.strategy(),
        s.features());
  }

  private static SignalRequest withFeatures(Map<String, Double> features) {
    SignalRequest s = signal();
    return new SignalRequest(
        s.signalId(),
        s.userId(),
        s.symbol(),
        s.side(),
        s.price(),
        s.timestamp(),
        s.strategy(),
        features);
  }

  @Test
  void shouldAcceptTheDocumentedExample() {
    assertThat(validator().validate(signal())).isEmpty();
  }

  @Test
  void shouldNameBodyWhenThereIsNoRequest() {
    assertThat(fields(validator().validate((SignalRequest) null))).containsExactly("body");
  }

  @Test
  void shouldNameEveryMissingRequiredField() {
    SignalRequest empty = new SignalRequest(null, null, null, null, null, null, null, null);
    assertThat(fields(validator().validate(empty)))
        .containsExactly("signal_id", "user_id", "symbol", "side", "price", "timestamp");
  }

  @Test
  void shouldRejectABlankSignalId() {
    SignalRequest s = signal();
    SignalRequest blank =
        new SignalRequest(
            "  ", s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), null, null);
    assertThat(validator().validate(blank))
        .containsExactly(new Violation("signal_id", "is required"));
  }

  @Test
  void shouldRejectAnIdLongerThan64Characters() {
    SignalRequest s = signal();
    SignalRequest longId =
        new SignalRequest(
            "a".repeat(65), s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), null, null);
    assertThat(fields(validator().validate(longId))).containsExactly("signal_id");
  }

  @Test
  void shouldAcceptAnIdOfExactly64Characters() {
    SignalRequest s = signal();
    SignalRequest maxId =
        new SignalRequest(
            "a".repeat(64), s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), null, null);
    assertThat(validator().validate(maxId)).isEmpty();
  }

  @Test
  void shouldRejectAUserIdWithCharactersOutsideThePattern() {
    SignalRequest s = signal();
    SignalRequest spaced =
        new SignalRequest(
            s.signalId(), "a b/c", s.symbol(), s.side(), s.price(), s.timestamp(), null, null);
    assertThat(fields(validator().validate(spaced))).containsExactly("user_id");
  }

  @Test
  void shouldRejectALowerCaseSymbol() {
    SignalRequest s = signal();
    SignalRequest lower =
        new SignalRequest(
            s.signalId(), s.userId(), "es", s.side(), s.price(), s.timestamp(), null, null);
    assertThat(fields(validator().validate(lower))).containsExactly("symbol");
  }

  @Test
  void shouldRejectASymbolLongerThan12Characters() {
    SignalRequest s = signal();
    SignalRequest longSymbol =
        new SignalRequest(
            s.signalId(),
            s.userId(),
            "ABCDEFGHIJKLM",
            s.side(),
            s.price(),
            s.timestamp(),
            null,
            null);
    assertThat(fields(validator().validate(longSymbol))).containsExactly("symbol");
  }

  @Test
  void shouldRejectASideOtherThanLongOrShort() {
    assertThat(validator().validate(withSide("SIDEWAYS")))
        .containsExactly(new Violation("side", "must be LONG or SHORT"));
  }

  @Test
  void shouldAcceptShort() {
    assertThat(validator().validate(withSide("SHORT"))).isEmpty();
  }

  @Test
  void shouldRejectANegativePrice() {
    assertThat(validator().validate(withPrice(-1.0)))
        .containsExactly(new Violation("price", "must be greater than 0"));
  }

  @Test
  void shouldRejectAZeroPrice() {
    assertThat(fields(validator().validate(withPrice(0.0)))).containsExactly("price");
  }

  @Test
  void shouldRejectANanPrice() {
    assertThat(validator().validate(withPrice(Double.NaN)))
        .containsExactly(new Violation("price", "must be a finite number"));
  }

  @Test
  void shouldRejectAnInfinitePrice() {
    assertThat(fields(validator().validate(withPrice(Double.POSITIVE_INFINITY))))
        .containsExactly("price");
  }

  @Test
  void shouldRejectATimestampThatIsNotAnInstant() {
    assertThat(fields(validator().validate(withTimestamp("2026-11-20 14:32"))))
        .containsExactly("timestamp");
  }

  @Test
  void shouldRejectATimestampAnHourInTheFuture() {
    assertThat(fields(validator().validate(withTimestamp("2026-11-20T16:00:00Z"))))
        .containsExactly("timestamp");
  }

  @Test
  void shouldAcceptATimestampWithinTheClockSkew() {
    assertThat(validator().validate(withTimestamp("2026-11-20T15:04:59Z"))).isEmpty();
  }

  @Test
  void shouldHonourAConfiguredClockSkew() {
    RequestValidator strict =
        new RequestValidator(
            Clock.fixed(Requests.NOW, ZoneOffset.UTC),
            new ValidationLimits(Duration.ofSeconds(10), Duration.ofDays(30), 1000));
    assertThat(fields(strict.validate(withTimestamp("2026-11-20T15:01:00Z"))))
        .containsExactly("timestamp");
  }

  @Test
  void shouldRejectATimestampOlderThan30Days() {
    assertThat(fields(validator().validate(withTimestamp("2026-10-20T14:59:59Z"))))
        .containsExactly("timestamp");
  }

  @Test
  void shouldAcceptATimestampWithAnOffset() {
    assertThat(validator().validate(withTimestamp("2026-11-20T15:30:00+01:00"))).isEmpty();
  }

  @Test
  void shouldRejectAStrategyWithUpperCase() {
    SignalRequest s = signal();
    SignalRequest upper =
        new SignalRequest(
            s.signalId(), s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), "VWAP", null);
    assertThat(fields(validator().validate(upper))).containsExactly("strategy");
  }

  @Test
  void shouldDefaultTheStrategyToVwapRsi() {
    SignalRequest s = signal();
    SignalRequest none =
        new SignalRequest(
            s.signalId(), s.userId(), s.symbol(), s.side(), s.price(), s.timestamp(), null, null);
    assertThat(none.strategyOrDefault()).isEqualTo("vwap_rsi");
  }

  @Test
  void shouldRejectANonFiniteFeatureValue() {
    Map<String, Double> features = new HashMap<>();
    features.put("rsi", Double.NaN);
    assertThat(fields(validator().validate(withFeatures(features))))
        .containsExactly("features.rsi");
  }

  @Test
  void shouldRejectAFeatureWithoutAValue() {
    Map<String, Double> features = new HashMap<>();
    features.put("rsi", null);
    assertThat(fields(validator().validate(withFeatures(features))))
        .containsExactly("features.rsi");
  }

  @Test
  void shouldRejectAFeatureNameOutsideThePattern() {
    assertThat(fields(validator().validate(withFeatures(Map.of("RSI-10", 1.0)))))
        .containsExactly("features.RSI-10");
  }

  @Test
  void shouldRejectMoreThan32Features() {
    Map<String, Double> features = new HashMap<>();
    for (int i = 0; i < 33; i++) {
      features.put("f" + i, 1.0);
    }
    assertThat(fields(validator().validate(withFeatures(features)))).containsExactly("features");
  }

  @Test
  void shouldAcceptExactly32Features() {
    Map<String, Double> features = new HashMap<>();
    for (int i = 0; i < 32; i++) {
      features.put("f" + i, 1.0);
    }
    assertThat(validator().validate(withFeatures(features))).isEmpty();
  }
}
