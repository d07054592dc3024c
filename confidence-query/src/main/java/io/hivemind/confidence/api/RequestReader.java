package io.hivemind.confidence.api;

import io.hivemind.botapi.EventTimes;
import io.hivemind.botapi.Instruments;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.RequestValidator;
import io.hivemind.botapi.ScopeNames;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.botapi.ValidationLimits;
import io.hivemind.botapi.Violation;
import io.hivemind.learning.pattern.PatternScheme;
import io.hivemind.rules.answer.ConfidenceQuery;
import io.hivemind.schema.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads validated questions out of requests, by contract v1's rules (bot-api's {@link
 * RequestValidator}), so that a query names a bad field exactly as the gateway would. A query given
 * as parameters is checked as the signal it describes; the fields only a signal has (its id and
 * price) are filled with valid placeholders, since the estimate does not use them.
 */
@ApplicationScoped
class RequestReader {

  static final String RSI = PatternScheme.RSI;
  static final String VWAP_Z = PatternScheme.VWAP_Z;
  static final String ATR = "atr";
  static final String VOLUME_RATIO = "volume_ratio";
  static final String THRESHOLD = "threshold";
  static final String USER_ID = "user_id";

  private static final String PLACEHOLDER_SIGNAL_ID = "confidence-query";
  private static final double PLACEHOLDER_PRICE = 1;
  private static final String FEATURES_PREFIX = "features.";

  private final RequestValidator validator;
  private final Clock clock;
  private final double defaultThreshold;

  /**
   * @param instruments the symbols a question may name ({@code hivemind.instruments}, the gateway's
   *     list): statistics exist for no other, and an unknown symbol is a 400 as at the gateway
   */
  @Inject
  RequestReader(
      @ConfigProperty(name = "hivemind.query.threshold") double defaultThreshold,
      @ConfigProperty(name = "hivemind.instruments") List<String> instruments) {
    this(Clock.systemUTC(), defaultThreshold, Instruments.of(instruments));
  }

  RequestReader(Clock clock, double defaultThreshold, Instruments instruments) {
    this.validator = new RequestValidator(clock, ValidationLimits.defaults(), instruments);
    this.clock = clock;
    this.defaultThreshold = defaultThreshold;
  }

  /**
   * {@code POST}: the signal body as the gateway takes it, plus an optional threshold parameter.
   */
  Question fromSignal(SignalRequest signal, String threshold) {
    List<Violation> violations = new ArrayList<>(validator.validate(signal));
    double bar = threshold(threshold, violations);
    InvalidRequestException.throwIfAny(violations);
    return new Question(toQuery(signal), bar);
  }

  /** {@code GET}: the signal's fields as query parameters; without a timestamp, now. */
  Question fromParameters(SignalParameters parameters) {
    List<Violation> violations = new ArrayList<>();
    Map<String, Double> features = new LinkedHashMap<>();
    feature(RSI, parameters.rsi(), features, violations);
    feature(VWAP_Z, parameters.vwapZ(), features, violations);
    feature(ATR, parameters.atr(), features, violations);
    feature(VOLUME_RATIO, parameters.volumeRatio(), features, violations);
    SignalRequest signal =
        new SignalRequest(
            PLACEHOLDER_SIGNAL_ID,
            parameters.userId(),
            parameters.symbol(),
            parameters.side(),
            PLACEHOLDER_PRICE,
            parameters.timestamp() == null ? clock.instant().toString() : parameters.timestamp(),
            null,
            features);
    validator.validate(signal).stream().map(RequestReader::asParameter).forEach(violations::add);
    double bar = threshold(parameters.threshold(), violations);
    InvalidRequestException.throwIfAny(violations);
    return new Question(toQuery(signal), bar);
  }

  /** The tier a question names (its control scope), or null. */
  String tier(String tier) {
    return ScopeNames.tier("tier", tier);
  }

  /** {@code GET /api/ml/stats}: a user and a symbol, checked like the same fields of a signal. */
  void checkUserAndSymbol(String userId, String symbol) {
    SignalRequest signal =
        new SignalRequest(
            PLACEHOLDER_SIGNAL_ID,
            userId,
            symbol,
            Side.LONG.name(),
            PLACEHOLDER_PRICE,
            clock.instant().toString(),
            null,
            Map.of());
    InvalidRequestException.throwIfAny(validator.validate(signal));
  }

  private static ConfidenceQuery toQuery(SignalRequest signal) {
    return new ConfidenceQuery(
        signal.userId(),
        signal.symbol(),
        Side.valueOf(signal.side()),
        signal.featuresOrEmpty(),
        EventTimes.parse(signal.timestamp()));
  }

  private double threshold(String value, List<Violation> violations) {
    if (value == null) {
      return defaultThreshold;
    }
    Optional<Double> number = number(THRESHOLD, value, violations);
    if (number.isPresent() && (number.get() < 0 || number.get() > 1)) {
      violations.add(new Violation(THRESHOLD, "must be between 0 and 1"));
    }
    return number.orElse(defaultThreshold);
  }

  private static void feature(
      String name, String value, Map<String, Double> features, List<Violation> violations) {
    if (value != null) {
      number(name, value, violations).ifPresent(number -> features.put(name, number));
    }
  }

  /**
   * Strictly a decimal number: {@link Double#parseDouble} would also take {@code 3d}, hex and
   * surrounding blanks, and NaN, which no bot means.
   */
  private static Optional<Double> number(String field, String value, List<Violation> violations) {
    try {
      return Optional.of(new BigDecimal(value).doubleValue());
    } catch (NumberFormatException e) {
      violations.add(new Violation(field, "must be a number"));
      return Optional.empty();
    }
  }

  /** A feature is its own query parameter ({@code rsi}), where a signal body nests it. */
  private static Violation asParameter(Violation violation) {
    return violation.field().startsWith(FEATURES_PREFIX)
        ? new Violation(violation.field().substring(FEATURES_PREFIX.length()), violation.message())
        : violation;
  }
}
