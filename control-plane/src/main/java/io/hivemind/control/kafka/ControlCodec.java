package io.hivemind.control.kafka;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.MaintenanceWindow;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingHours;
import io.hivemind.control.domain.TradingState;
import io.hivemind.schema.ControlForceClose;
import io.hivemind.schema.ControlLearning;
import io.hivemind.schema.ControlLearningState;
import io.hivemind.schema.ControlMaintenance;
import io.hivemind.schema.ControlMaintenanceWindow;
import io.hivemind.schema.ControlSchedule;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.ControlTrading;
import io.hivemind.schema.ControlTradingHours;
import io.hivemind.schema.ControlTradingState;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Collectors;

/** Maps control entries to the Avro records on hivemind.control and back. */
public final class ControlCodec {

  private ControlCodec() {}

  public static ControlState toAvro(ControlEntry entry) {
    return ControlState.newBuilder()
        .setScope(entry.scope().toString())
        .setSetting(settingToAvro(entry))
        .setCommandId(entry.provenance().commandId())
        .setUpdatedAt(entry.provenance().at())
        .setUpdatedBy(entry.provenance().by())
        .setReason(entry.provenance().reason())
        .build();
  }

  public static ControlEntry fromAvro(ControlState state) {
    return new ControlEntry(
        Scope.parse(state.getScope()),
        settingFromAvro(state.getSetting()),
        new Provenance(
            state.getCommandId(), state.getUpdatedAt(), state.getUpdatedBy(), state.getReason()));
  }

  private static Object settingToAvro(ControlEntry entry) {
    Setting setting = entry.setting();
    if (setting instanceof Setting.ManualTrading trading) {
      return new ControlTrading(ControlTradingState.valueOf(trading.state().name()));
    }
    if (setting instanceof Setting.MaintenanceMode maintenance) {
      return new ControlMaintenance(maintenance.enabled());
    }
    if (setting instanceof Setting.Learning learning) {
      return new ControlLearning(ControlLearningState.valueOf(learning.state().name()));
    }
    if (setting instanceof Setting.Schedule schedule) {
      return new ControlSchedule(
          schedule.tradingHours().map(ControlCodec::hoursToAvro).orElse(null),
          schedule.maintenanceWindows().stream()
              .map(window -> new ControlMaintenanceWindow(window.start(), window.end()))
              .toList());
    }
    return new ControlForceClose(entry.provenance().commandId());
  }

  private static Setting settingFromAvro(Object setting) {
    if (setting instanceof ControlTrading trading) {
      return new Setting.ManualTrading(TradingState.valueOf(trading.getState().name()));
    }
    if (setting instanceof ControlMaintenance maintenance) {
      return new Setting.MaintenanceMode(maintenance.getEnabled());
    }
    if (setting instanceof ControlLearning learning) {
      return new Setting.Learning(LearningState.valueOf(learning.getState().name()));
    }
    if (setting instanceof ControlSchedule schedule) {
      return new Setting.Schedule(
          Optional.ofNullable(schedule.getTradingHours()).map(ControlCodec::hoursFromAvro),
          schedule.getMaintenanceWindows().stream()
              .map(window -> new MaintenanceWindow(window.getStart(), window.getEnd()))
              .toList());
    }
    if (setting instanceof ControlForceClose) {
      return new Setting.ForceClose();
    }
    throw new IllegalArgumentException("unknown control setting " + setting);
  }

  private static ControlTradingHours hoursToAvro(TradingHours hours) {
    return new ControlTradingHours(
        hours.zone().getId(),
        hours.open().toString(),
        hours.close().toString(),
        hours.weekdays().stream().sorted().map(DayOfWeek::name).toList(),
        hours.holidays().stream().sorted().map(LocalDate::toString).toList());
  }

  private static TradingHours hoursFromAvro(ControlTradingHours hours) {
    return new TradingHours(
        ZoneId.of(hours.getTimeZone()),
        LocalTime.parse(hours.getOpen()),
        LocalTime.parse(hours.getClose()),
        hours.getWeekdays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
        hours.getHolidays().stream().map(LocalDate::parse).collect(Collectors.toSet()));
  }
}
