package io.hivemind.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Trading hours and maintenance windows per scope (docs/operations.md). */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Show, set or clear a scope's trading hours and maintenance windows.",
    subcommands = {
      ScheduleCommands.Show.class,
      ScheduleCommands.Set.class,
      ScheduleCommands.Clear.class
    })
final class ScheduleCommands {

  private static final Pattern TIME = Pattern.compile("^([0-9]{1,2}):([0-5][0-9])(:[0-5][0-9])?$");
  private static final Pattern WINDOW = Pattern.compile("^([^/\\s]+)/([^/\\s]+)$");

  @Command(name = "show", description = "The schedules set (of one scope with --scope).")
  static final class Show extends GatewayCommand {
    @Option(names = "--scope", description = "global, tier:T, user:U or symbol:S.")
    String scope;

    @Override
    public Integer call() {
      String query =
          scope == null ? "" : "?scope=" + URLEncoder.encode(scope(scope), StandardCharsets.UTF_8);
      var answer = gateway().get("schedule show", "/api/schedule/get" + query);
      return show(answer, Views.schedules(answer, scope));
    }
  }

  @Command(
      name = "set",
      description =
          "Trading hours (--zone --open --close --days [--holidays]) and/or maintenance windows"
              + " (--window START/END, repeatable) for a scope; replaces its schedule.")
  static final class Set extends GatewayCommand {
    @Option(names = "--scope", required = true, description = "global, tier:T, user:U or symbol:S.")
    String scope;

    @Option(names = "--reason", required = true, description = "Why: it goes to the audit log.")
    String reason;

    @Option(names = "--zone", description = "IANA time zone of the hours, e.g. America/New_York.")
    String zone;

    @Option(names = "--open", description = "Opening time HH:mm.")
    String open;

    @Option(names = "--close", description = "Closing time HH:mm (before --open: overnight).")
    String close;

    @Option(
        names = "--days",
        description = "Weekdays a session opens: MON-FRI, SAT,SUN, MONDAY ...")
    String days;

    @Option(names = "--holidays", split = ",", description = "Dates yyyy-MM-dd, comma-separated.")
    List<String> holidays = new ArrayList<>();

    @Option(names = "--window", description = "A maintenance window START/END (ISO-8601 instants).")
    List<String> windows = new ArrayList<>();

    @Override
    public Integer call() {
      ObjectNode body = Gateway.JSON.createObjectNode();
      body.put("scope", scope(scope));
      body.put("reason", reason(reason));
      boolean anyHours =
          zone != null || open != null || close != null || days != null || !holidays.isEmpty();
      if (anyHours) {
        if (zone == null || open == null || close == null || days == null) {
          throw usage(
              "trading hours need --zone, --open, --close and --days together (e.g. --zone"
                  + " America/New_York --open 09:30 --close 16:00 --days MON-FRI)");
        }
        ObjectNode hours = body.putObject("trading_hours");
        hours.put("time_zone", zone);
        hours.put("open", time("--open", open));
        hours.put("close", time("--close", close));
        ArrayNode weekdays = hours.putArray("weekdays");
        weekdays(days).forEach(d -> weekdays.add(d.name()));
        ArrayNode dates = hours.putArray("holidays");
        for (String day : holidays) {
          String date = day.strip();
          try {
            LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            throw usage(
                "--holidays takes dates yyyy-MM-dd, comma-separated; '"
                    + Views.clean(date)
                    + "' is not one");
          }
          dates.add(date);
        }
      } else {
        body.putNull("trading_hours");
      }
      ArrayNode maintenance = body.putArray("maintenance_windows");
      for (String window : windows) {
        Matcher m = WINDOW.matcher(window);
        if (!m.matches()) {
          throw usage(
              "--window takes START/END, ISO-8601 instants: e.g."
                  + " 2026-07-04T02:00:00Z/2026-07-04T04:00:00Z; '"
                  + Views.clean(window)
                  + "' is not that");
        }
        maintenance.addObject().put("start", m.group(1)).put("end", m.group(2));
      }
      if (!anyHours && windows.isEmpty()) {
        throw usage(
            "give trading hours (--zone --open --close --days) and/or --window; ./hivemind schedule"
                + " clear removes a schedule");
      }
      var answer = gateway().post("schedule set", "/api/schedule/set", body);
      return show(answer, Views.commandAnswer(answer));
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    /** HH:mm as the gateway reads it (9:30 becomes 09:30). */
    private String time(String option, String value) {
      Matcher m = TIME.matcher(value);
      if (!m.matches() || Integer.parseInt(m.group(1)) > 23) {
        throw usage(option + " must be a time HH:mm, e.g. 09:30, not '" + Views.clean(value) + "'");
      }
      return String.format(
          "%02d:%s%s",
          Integer.parseInt(m.group(1)), m.group(2), m.group(3) == null ? "" : m.group(3));
    }

    /** MON-FRI, SAT,SUN, MONDAY,TUESDAY … as days in week order; a range may wrap (FRI-MON). */
    private java.util.Set<DayOfWeek> weekdays(String spec) {
      java.util.Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (String part : spec.split(",")) {
        String p = part.strip().toUpperCase(Locale.ROOT);
        if (p.isEmpty()) {
          continue;
        }
        String[] ends = p.split("-", 2);
        DayOfWeek from = day(ends[0]);
        DayOfWeek to = day(ends.length == 2 ? ends[1] : ends[0]);
        if (from == null || to == null) {
          throw usage(
              "--days: '"
                  + Views.clean(p)
                  + "' is not a day (MON..SUN, MONDAY..SUNDAY) or a range like MON-FRI");
        }
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          days.add(d);
          if (d == to) {
            break;
          }
        }
      }
      if (days.isEmpty()) {
        throw usage("--days names no day (e.g. MON-FRI)");
      }
      return days;
    }

    private static DayOfWeek day(String name) {
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(name) || d.name().substring(0, 3).equals(name)) {
          return d;
        }
      }
      return null;
    }
  }

  @Command(name = "clear", description = "Removes a scope's trading hours and maintenance windows.")
  static final class Clear extends GatewayCommand {
    @Option(names = "--scope", required = true, description = "global, tier:T, user:U or symbol:S.")
    String scope;

    @Option(names = "--reason", required = true, description = "Why: it goes to the audit log.")
    String reason;

    @Override
    public Integer call() {
      ObjectNode body = Gateway.JSON.createObjectNode();
      body.put("scope", scope(scope));
      body.put("reason", reason(reason));
      body.putNull("trading_hours");
      body.putArray("maintenance_windows");
      var answer = gateway().post("schedule clear", "/api/schedule/set", body);
      return show(answer, Views.commandAnswer(answer));
    }
  }
}
