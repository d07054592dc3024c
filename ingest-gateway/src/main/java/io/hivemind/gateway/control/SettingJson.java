package io.hivemind.gateway.control;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.MaintenanceWindow;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control entries as operators read them in JSON: the scope, the aspect, its value, and who set it.
 */
final class SettingJson {

  private SettingJson() {}

  static Map<String, Object> of(ControlEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scope", entry.scope().toString());
    json.put("aspect", entry.setting().aspect().label());
    json.putAll(value(entry.setting()));
    json.put("command_id", entry.provenance().commandId());
    json.put("updated_at", entry.provenance().at().toString());
    json.put("updated_by", entry.provenance().by());
    json.put("reason", entry.provenance().reason());
    return json;
  }

  private static Map<String, Object> value(Setting setting) {
    if (setting instanceof Setting.ManualTrading trading) {
      return Map.of("state", trading.state().name());
    }
    if (setting instanceof Setting.MaintenanceMode maintenance) {
      return Map.of("enabled", maintenance.enabled());
    }
    if (setting instanceof Setting.Learning learning) {
      return Map.of("state", learning.state().name());
    }
    if (setting instanceof Setting.Schedule schedule) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("trading_hours", schedule.tradingHours().map(SettingJson::hours).orElse(null));
      json.put(
          "maintenance_windows",
          schedule.maintenanceWindows().stream().map(SettingJson::window).toList());
      return json;
    }
    return Map.of();
  }

  private static Map<String, Object> hours(TradingHours hours) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time_zone", hours.zone().getId());
    json.put("open", hours.open().toString());
    json.put("close", hours.close().toString());
    json.put("weekdays", hours.weekdays().stream().sorted().map(DayOfWeek::name).toList());
    json.put("holidays", hours.holidays().stream().sorted().map(LocalDate::toString).toList());
    return json;
  }

  private static Map<String, Object> window(MaintenanceWindow window) {
    return Map.of("start", window.start().toString(), "end", window.end().toString());
  }

  static List<Map<String, Object>> of(List<ControlEntry> entries) {
    return entries.stream().map(SettingJson::of).toList();
  }
}
