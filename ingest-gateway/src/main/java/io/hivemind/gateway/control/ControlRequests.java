package io.hivemind.gateway.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.botapi.InvalidRequestException;
import io.hivemind.botapi.Violation;
import io.hivemind.control.domain.MaintenanceWindow;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingHours;
import io.hivemind.control.domain.TradingState;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The JSON bodies of control commands, and their reading into domain values (400 when bad). */
final class ControlRequests {

  static final int MAX_REASON_LENGTH = 500;
  static final int MAX_WINDOWS = 100;
  static final int MAX_HOLIDAYS = 400;

  private ControlRequests() {}

  /** Most commands: why, and where ({@code global} unless named). */
  record Command(@JsonProperty("reason") String reason, @JsonProperty("scope") String scope) {}

  /** {@code POST /api/control/trading}: set one scope's trading state by hand. */
  record Trading(
      @JsonProperty("scope") String scope,
      @JsonProperty("state") String state,
      @JsonProperty("reason") String reason) {}

  /** {@code POST /api/schedule/set}: replaces the scope's whole schedule. */
  record Schedule(
      @JsonProperty("scope") String scope,
      @JsonProperty("reason") String reason,
      @JsonProperty("trading_hours") Hours tradingHours,
      @JsonProperty("maintenance_windows") List<Window> maintenanceWindows) {}

  record Hours(
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("open") String open,
      @JsonProperty("close") String close,
      @JsonProperty("weekdays") List<String> weekdays,
      @JsonProperty("holidays") List<String> holidays) {}

  record Window(@JsonProperty("start") String start, @JsonProperty("end") String end) {}

  /** Reads a command's fields, collecting every problem before refusing it. */
  static final class Reader {
    private final List<Violation> violations = new ArrayList<>();

    String reason(String reason) {
      if (reason == null || reason.isBlank()) {
        violations.add(new Violation("reason", "is required: say why, it goes to the audit log"));
      } else if (reason.length() > MAX_REASON_LENGTH) {
        violations.add(
            new Violation("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
      }
      return reason;
    }

    Scope scope(String scope) {
      if (scope == null) {
        return Scope.GLOBAL;
      }
      try {
        return Scope.parse(scope);
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("scope", e.getMessage()));
        return Scope.GLOBAL;
      }
    }

    TradingState tradingState(String state) {
      try {
        return TradingState.valueOf(String.valueOf(state));
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("state", "must be ACTIVE, REDUCING or HALTED"));
        return TradingState.ACTIVE;
      }
    }

    Setting.Schedule schedule(Schedule request) {
      Optional<TradingHours> hours =
          request.tradingHours() == null ? Optional.empty() : hours(request.tradingHours());
      List<MaintenanceWindow> windows = new ArrayList<>();
      List<Window> requested =
          request.maintenanceWindows() == null ? List.of() : request.maintenanceWindows();
      if (requested.size() > MAX_WINDOWS) {
        violations.add(
            new Violation("maintenance_windows", "must hold at most " + MAX_WINDOWS + " windows"));
      }
      for (int i = 0; i < requested.size() && i < MAX_WINDOWS; i++) {
        window("maintenance_windows[" + i + "]", requested.get(i)).ifPresent(windows::add);
      }
      return new Setting.Schedule(hours, windows);
    }

    private Optional<TradingHours> hours(Hours hours) {
      String at = "trading_hours.";
      ZoneId zone = parse(at + "time_zone", hours.timeZone(), ZoneId::of, "an IANA time zone");
      LocalTime open = parse(at + "open", hours.open(), LocalTime::parse, "a local time HH:mm");
      LocalTime close = parse(at + "close", hours.close(), LocalTime::parse, "a local time HH:mm");
      Set<DayOfWeek> days = new HashSet<>();
      List<String> weekdays = hours.weekdays() == null ? List.of() : hours.weekdays();
      if (weekdays.isEmpty()) {
        violations.add(new Violation(at + "weekdays", "name at least one day, e.g. MONDAY"));
      }
      for (int i = 0; i < weekdays.size() && i < 7; i++) {
        DayOfWeek day =
            parse(
                at + "weekdays[" + i + "]",
                weekdays.get(i),
                text -> DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT)),
                "a day name, MONDAY to SUNDAY");
        if (day != null) {
          days.add(day);
        }
      }
      Set<LocalDate> holidays = new HashSet<>();
      List<String> dates = hours.holidays() == null ? List.of() : hours.holidays();
      if (dates.size() > MAX_HOLIDAYS) {
        violations.add(
            new Violation(at + "holidays", "must hold at most " + MAX_HOLIDAYS + " dates"));
      }
      for (int i = 0; i < dates.size() && i < MAX_HOLIDAYS; i++) {
        LocalDate date =
            parse(at + "holidays[" + i + "]", dates.get(i), LocalDate::parse, "a date yyyy-MM-dd");
        if (date != null) {
          holidays.add(date);
        }
      }
      if (zone == null || open == null || close == null || days.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new TradingHours(zone, open, close, days, holidays));
    }

    private Optional<MaintenanceWindow> window(String at, Window window) {
      if (window == null) {
        violations.add(new Violation(at, "must be an object with start and end"));
        return Optional.empty();
      }
      Instant start = parse(at + ".start", window.start(), Instant::parse, "an ISO-8601 instant");
      Instant end = parse(at + ".end", window.end(), Instant::parse, "an ISO-8601 instant");
      if (start == null || end == null) {
        return Optional.empty();
      }
      if (!end.isAfter(start)) {
        violations.add(new Violation(at + ".end", "must be after start"));
        return Optional.empty();
      }
      return Optional.of(new MaintenanceWindow(start, end));
    }

    private <T> T parse(String field, String text, Parser<T> parser, String expected) {
      if (text == null || text.isBlank()) {
        violations.add(new Violation(field, "is required: " + expected));
        return null;
      }
      try {
        return parser.parse(text);
      } catch (DateTimeException | IllegalArgumentException e) {
        violations.add(new Violation(field, "must be " + expected + ", was '" + text + "'"));
        return null;
      }
    }

    /** Refuses the command with every problem found, if there is any. */
    void throwIfInvalid() {
      InvalidRequestException.throwIfAny(violations);
    }
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text);
  }
}
