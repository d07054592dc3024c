package io.hivemind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The readable views of the gateway's answers, one safe line per fact: no control character reaches
 * the terminal. {@code --json} prints the answer itself instead.
 */
final class Views {

  private Views() {}

  /** What a command did: where, by whom, why, replacing what. */
  static List<String> commandAnswer(JsonNode answer) {
    return List.of(
        text(answer, "command")
            + " on "
            + text(answer, "scope")
            + " by "
            + text(answer, "actor")
            + " -- "
            + text(answer, "reason")
            + " (command "
            + text(answer, "command_id")
            + ")",
        "  before: " + (isAbsent(answer.get("before")) ? "not set" : value(answer.get("before"))),
        "  now:    " + value(answer.get("after")));
  }

  /** The audit log, newest first, as a table. */
  static List<String> audit(JsonNode answer) {
    JsonNode commands = answer.path("commands");
    if (commands.isEmpty()) {
      return List.of("No control commands yet");
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        pad("ISSUED_AT", 28) + pad("ACTOR", 24) + pad("COMMAND", 22) + pad("SCOPE", 18) + "REASON");
    for (JsonNode c : commands) {
      lines.add(
          pad(text(c, "issued_at"), 28)
              + pad(text(c, "actor"), 24)
              + pad(text(c, "command"), 22)
              + pad(text(c, "scope"), 18)
              + text(c, "reason"));
    }
    return lines;
  }

  /** The schedules set (of one scope when {@code scope} is not null). */
  static List<String> schedules(JsonNode answer, String scope) {
    JsonNode schedules = answer.path("schedules");
    if (schedules.isEmpty()) {
      return List.of(
          "No schedule"
              + (scope == null ? "" : " for " + clean(scope))
              + " (as of "
              + text(answer, "as_of")
              + ")");
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode s : schedules) {
      lines.add(text(s, "scope") + ":");
      JsonNode hours = s.get("trading_hours");
      lines.add("  trading hours: " + (isAbsent(hours) ? "none" : hours(hours)));
      if (!isAbsent(hours) && !hours.path("holidays").isEmpty()) {
        lines.add("  holidays: " + join(hours.path("holidays"), ", "));
      }
      for (JsonNode window : s.path("maintenance_windows")) {
        lines.add("  maintenance: " + text(window, "start") + " to " + text(window, "end"));
      }
      lines.add(
          "  set "
              + text(s, "updated_at")
              + " by "
              + text(s, "updated_by")
              + ": "
              + text(s, "reason"));
    }
    return lines;
  }

  /** The fleet's status and every setting ({@code GET /api/control/state}). */
  static List<String> state(JsonNode answer, String gateway) {
    List<String> lines = new ArrayList<>();
    lines.add("Control (" + clean(gateway) + ", as of " + text(answer, "as_of") + "):");
    JsonNode fleet = answer.path("fleet");
    lines.add(
        "  fleet: trading "
            + text(fleet, "trading_state")
            + (fleet.path("take_new_entries").asBoolean()
                ? ", new entries allowed"
                : ", no new entries")
            + ", learning "
            + text(fleet, "learning"));
    for (JsonNode r : fleet.path("restrictions")) {
      lines.add(
          "    restricted by "
              + text(r, "scope")
              + ": "
              + text(r, "state")
              + " ("
              + text(r, "cause")
              + ")"
              + (isAbsent(r.get("reason")) ? "" : ": " + text(r, "reason")));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = fleet.path("symbols").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> symbol = it.next();
      lines.add("    symbol " + clean(symbol.getKey()) + ": " + clean(symbol.getValue().asText()));
    }
    JsonNode forceClose = fleet.get("force_close");
    if (!isAbsent(forceClose)) {
      lines.add(
          "  force close ordered on "
              + text(forceClose, "scope")
              + " at "
              + text(forceClose, "issued_at")
              + ": "
              + text(forceClose, "reason")
              + " (command "
              + text(forceClose, "command_id")
              + ")");
    }
    JsonNode settings = answer.path("settings");
    if (settings.isEmpty()) {
      lines.add("  settings: none (every scope at its defaults)");
    } else {
      lines.add("  settings:");
      for (JsonNode s : settings) {
        lines.add(
            "    "
                + pad(text(s, "scope"), 18)
                + pad(text(s, "aspect"), 12)
                + value(s)
                + "  (set "
                + text(s, "updated_at")
                + " by "
                + text(s, "updated_by")
                + ": "
                + text(s, "reason")
                + ")");
      }
    }
    return lines;
  }

  /** A problem's (RFC 9457) detail and each violation, or the first line of another body. */
  static List<String> problemLines(String body) {
    List<String> lines = new ArrayList<>();
    try {
      JsonNode problem = Gateway.JSON.readTree(body == null ? "" : body);
      if (problem != null && problem.isObject()) {
        String detail =
            problem.hasNonNull("detail") ? text(problem, "detail") : text(problem, "title");
        if (!detail.isEmpty()) {
          lines.add(detail);
        }
        for (JsonNode v : problem.path("violations")) {
          lines.add("  " + text(v, "field") + ": " + text(v, "message"));
        }
        return lines;
      }
    } catch (IOException notJson) {
      // shown as text below
    }
    if (body != null && !body.isBlank()) {
      String first = body.lines().findFirst().orElse("");
      lines.add(clean(first.length() > 300 ? first.substring(0, 300) : first));
    }
    return lines;
  }

  /** What a setting is set to. */
  static String value(JsonNode setting) {
    if (isAbsent(setting)) {
      return "not set";
    }
    String aspect = setting.path("aspect").asText();
    return switch (aspect) {
      case "trading", "learning" -> text(setting, "state");
      case "maintenance" -> setting.path("enabled").asBoolean() ? "on" : "off";
      case "schedule" -> {
        JsonNode hours = setting.get("trading_hours");
        String text =
            isAbsent(hours)
                ? "no trading hours"
                : hours(hours) + count(hours.path("holidays").size(), "holiday");
        yield text + count(setting.path("maintenance_windows").size(), "maintenance window");
      }
      case "force-close" -> "ordered";
      default -> {
        var rest = setting.deepCopy();
        if (rest.isObject()) {
          for (String meta :
              List.of("scope", "aspect", "command_id", "updated_at", "updated_by", "reason")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) rest).remove(meta);
          }
        }
        yield clean(rest.toString());
      }
    };
  }

  /** {@code America/New_York 09:30-16:00 MON,TUE,WED}. */
  private static String hours(JsonNode hours) {
    return text(hours, "time_zone")
        + " "
        + text(hours, "open")
        + "-"
        + text(hours, "close")
        + " "
        + days(hours.path("weekdays"));
  }

  private static String count(int n, String thing) {
    return n == 0 ? "" : ", " + n + " " + thing + (n == 1 ? "" : "s");
  }

  private static String days(JsonNode weekdays) {
    List<String> abbreviated = new ArrayList<>();
    weekdays.forEach(
        d -> abbreviated.add(clean(d.asText()).substring(0, Math.min(3, d.asText().length()))));
    return String.join(",", abbreviated);
  }

  private static String join(JsonNode values, String separator) {
    List<String> texts = new ArrayList<>();
    values.forEach(v -> texts.add(clean(v.asText())));
    return String.join(separator, texts);
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return isAbsent(value) ? "" : clean(value.isTextual() ? value.asText() : value.toString());
  }

  /**
   * One safe line: control and invisible format characters (which could drive the terminal or hide
   * text) become spaces.
   */
  static String clean(String s) {
    return s.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ");
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(width - s.length(), 1));
  }
}
