package io.hivemind.botapi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of contract v1, as plain code: every request validates into the list of what is wrong
 * with it (empty when valid), so one response can name every bad field at once. Time comes from the
 * given clock so tests control "now".
 */
public final class RequestValidator {

  static final int MAX_ID_LENGTH = 64;
  static final int MAX_FEATURES = 32;
  static final int MAX_CONTRACTS = 10_000;
  static final int MAX_OPEN_POSITIONS = 10_000;
  static final int MAX_HEARTBEAT_SYMBOLS = 32;
  static final int MAX_HEARTBEAT_BARS = 256;

  private static final TextShape ID = TextShape.of("A-Za-z0-9._:-", 1, Integer.MAX_VALUE);
  private static final TextShape SYMBOL = Instruments.SYMBOL;
  private static final TextShape LOWER_NAME = TextShape.of("a-z0-9_", 1, 32);
  private static final TextShape UPPER_NAME = TextShape.of("A-Z_", 1, 32);
  private static final TextShape BOT_VERSION = TextShape.of("A-Za-z0-9._+-", 1, Integer.MAX_VALUE);

  private final Clock clock;
  private final ValidationLimits limits;
  private final Instruments instruments;

  /** With the default instruments ({@link Instruments#DEFAULT}), for tools and tests. */
  public RequestValidator(Clock clock, ValidationLimits limits) {
    this(clock, limits, Instruments.defaults());
  }

  /** A service passes the instruments it is configured with ({@code hivemind.instruments}). */
  public RequestValidator(Clock clock, ValidationLimits limits, Instruments instruments) {
    this.clock = Objects.requireNonNull(clock);
    this.limits = Objects.requireNonNull(limits);
    this.instruments = Objects.requireNonNull(instruments);
  }

  public List<Violation> validate(SignalRequest signal) {
    List<Violation> violations = new ArrayList<>();
    if (signal == null) {
      violations.add(new Violation(Violation.BODY, "is required"));
    } else {
      checkSignal(new FieldChecks("", violations), signal);
    }
    return violations;
  }

  public List<Violation> validate(OutcomeRequest outcome) {
    List<Violation> violations = new ArrayList<>();
    if (outcome == null) {
      violations.add(new Violation(Violation.BODY, "is required"));
    } else {
      checkOutcome(new FieldChecks("", violations), outcome);
    }
    return violations;
  }

  public List<Violation> validate(HeartbeatRequest heartbeat) {
    List<Violation> violations = new ArrayList<>();
    if (heartbeat == null) {
      violations.add(new Violation(Violation.BODY, "is required"));
    } else {
      checkHeartbeat(new FieldChecks("", violations), heartbeat);
    }
    return violations;
  }

  /** Every item of the batch is checked, so a bot learns about all its bad items in one answer. */
  public List<Violation> validate(EventBatch batch) {
    List<Violation> violations = new ArrayList<>();
    if (batch == null) {
      violations.add(new Violation(Violation.BODY, "is required"));
      return violations;
    }
    if (batch.size() == 0) {
      violations.add(new Violation(Violation.BODY, "must hold at least one signal or outcome"));
      return violations;
    }
    if (batch.size() > limits.maxBatch()) {
      violations.add(
          new Violation(Violation.BODY, "must hold at most " + limits.maxBatch() + " items"));
      return violations;
    }
    List<SignalRequest> signals = batch.signalsOrEmpty();
    for (int i = 0; i < signals.size(); i++) {
      FieldChecks item = new FieldChecks("signals[" + i + "].", violations);
      if (signals.get(i) == null) {
        violations.add(new Violation("signals[" + i + "]", "must not be null"));
      } else {
        checkSignal(item, signals.get(i));
      }
    }
    List<OutcomeRequest> outcomes = batch.outcomesOrEmpty();
    for (int i = 0; i < outcomes.size(); i++) {
      FieldChecks item = new FieldChecks("outcomes[" + i + "].", violations);
      if (outcomes.get(i) == null) {
        violations.add(new Violation("outcomes[" + i + "]", "must not be null"));
      } else {
        checkOutcome(item, outcomes.get(i));
      }
    }
    return violations;
  }

  private void checkSignal(FieldChecks checks, SignalRequest signal) {
    checkId(checks, "signal_id", signal.signalId());
    checkId(checks, "user_id", signal.userId());
    checkSymbol(checks, "symbol", signal.symbol());
    checkSide(checks, signal.side());
    checks.price("price", signal.price());
    checks.eventTime("timestamp", signal.timestamp(), clock, limits);
    checks.optionalText("strategy", signal.strategy(), 32, LOWER_NAME);
    checkFeatures(checks, signal.features());
  }

  private void checkOutcome(FieldChecks checks, OutcomeRequest outcome) {
    checkId(checks, "signal_id", outcome.signalId());
    checkId(checks, "user_id", outcome.userId());
    checkSymbol(checks, "symbol", outcome.symbol());
    checkSide(checks, outcome.side());
    checks.price("entry_price", outcome.entryPrice());
    checks.price("exit_price", outcome.exitPrice());
    Instant entry = checks.eventTime("entry_time", outcome.entryTime(), clock, limits);
    Instant exit = checks.eventTime("exit_time", outcome.exitTime(), clock, limits);
    if (entry != null && exit != null && entry.isAfter(exit)) {
      checks.violation("exit_time", "must not be before entry_time");
    }
    checks.range("contracts", outcome.contracts(), 1, MAX_CONTRACTS);
    checks.finite("pnl", outcome.pnl());
    checks.text("exit_reason", outcome.exitReason(), 32, UPPER_NAME);
  }

  private void checkHeartbeat(FieldChecks checks, HeartbeatRequest heartbeat) {
    checkId(checks, "user_id", heartbeat.userId());
    checks.text("bot_version", heartbeat.botVersion(), MAX_ID_LENGTH, BOT_VERSION);
    checks.optionalText("status", heartbeat.status(), 32, UPPER_NAME);
    checks.optionalRange("open_positions", heartbeat.openPositions(), 0, MAX_OPEN_POSITIONS);
    List<String> symbols = heartbeat.symbolsOrEmpty();
    if (symbols.size() > MAX_HEARTBEAT_SYMBOLS) {
      checks.violation("symbols", "must hold at most " + MAX_HEARTBEAT_SYMBOLS + " symbols");
    } else {
      for (int i = 0; i < symbols.size(); i++) {
        checkSymbol(checks, "symbols[" + i + "]", symbols.get(i));
      }
    }
    checks.eventTime("timestamp", heartbeat.timestamp(), clock, limits);
    if (heartbeat.forceCloseAck() != null) {
      checkId(checks, "force_close_ack", heartbeat.forceCloseAck());
    }
    checkBars(checks, heartbeat.barsOrEmpty());
  }

  /**
   * The closed minutes since the bot's last heartbeat (one per symbol from a bot that beats every
   * minute), each a whole minute with a price and a volume, no (symbol, minute) twice.
   */
  private void checkBars(FieldChecks checks, List<HeartbeatBar> bars) {
    if (bars.size() > MAX_HEARTBEAT_BARS) {
      checks.violation("bars", "must hold at most " + MAX_HEARTBEAT_BARS + " bars");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < bars.size(); i++) {
      String at = "bars[" + i + "]";
      HeartbeatBar bar = bars.get(i);
      if (bar == null) {
        checks.violation(at, "must not be null");
        continue;
      }
      checkSymbol(checks, at + ".symbol", bar.symbol());
      if (bar.symbol() != null && !seen.add(bar.symbol() + "@" + bar.minute())) {
        checks.violation(at + ".minute", "must not repeat another bar of the same symbol");
      }
      Instant minute = checks.eventTime(at + ".minute", bar.minute(), clock, limits);
      if (minute != null) {
        if (minute.getEpochSecond() % 60 != 0 || minute.getNano() != 0) {
          checks.violation(
              at + ".minute", "must be the start of a minute, such as 2026-11-20T14:32:00Z");
        } else if (minute.plusSeconds(60).isAfter(clock.instant().plus(limits.maxClockSkew()))) {
          checks.violation(at + ".minute", "must be a closed minute (its end not in the future)");
        }
      }
      checks.price(at + ".close", bar.close());
      checks.finite(at + ".volume", bar.volume());
      if (bar.volume() != null && Double.isFinite(bar.volume()) && bar.volume() < 0) {
        checks.violation(at + ".volume", "must not be negative");
      }
    }
  }

  private static void checkId(FieldChecks checks, String field, String value) {
    checks.text(field, value, MAX_ID_LENGTH, ID);
  }

  /**
   * A symbol of the right shape that is not a configured instrument is refused as well (every
   * instrument has the shape, so a configured one needs no other check).
   */
  private void checkSymbol(FieldChecks checks, String field, String value) {
    if (value != null && instruments.contains(value)) {
      return;
    }
    if (checks.text(field, value, 12, SYMBOL, "^" + SYMBOL.regex() + "$")) {
      checks.violation(field, instruments.mustBeOne());
    }
  }

  private static void checkSide(FieldChecks checks, String value) {
    if (value == null) {
      checks.violation("side", "is required");
    } else if (!value.equals("LONG") && !value.equals("SHORT")) {
      checks.violation("side", "must be LONG or SHORT");
    }
  }

  private static void checkFeatures(FieldChecks checks, Map<String, Double> features) {
    if (features == null) {
      return;
    }
    if (features.size() > MAX_FEATURES) {
      checks.violation("features", "must hold at most " + MAX_FEATURES + " entries");
      return;
    }
    features.forEach(
        (name, value) -> {
          if (!LOWER_NAME.matches(name)) {
            // a long bad name is not echoed back: the answer must stay small
            String field = name.length() <= 64 ? "features." + name : "features";
            checks.violation(field, "name must match " + LOWER_NAME.regex());
          } else if (value == null || !Double.isFinite(value)) {
            checks.violation("features." + name, "must be a finite number");
          }
        });
  }
}
