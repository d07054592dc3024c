package io.hivemind.control.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.MaintenanceWindow;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingHours;
import io.hivemind.control.domain.TradingState;
import io.hivemind.schema.ControlForceClose;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.SelfDescribingSerdes;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ControlCodecTest {

  /** Avro keeps milliseconds: the instants here have no finer part. */
  private static final Instant AT = Instant.parse("2026-03-18T16:00:00.123Z");

  private final Serde<ControlState> wire = SelfDescribingSerdes.of(ControlState.class);

  private static ControlEntry entry(Scope scope, Setting setting) {
    return new ControlEntry(scope, setting, new Provenance("cmd-1", AT, "ops:alice", "drill"));
  }

  /** Through the Avro record and its single-object encoding, as the control topic carries it. */
  private ControlEntry roundTrip(ControlEntry entry) {
    byte[] bytes = wire.serializer().serialize("control", ControlCodec.toAvro(entry));
    return ControlCodec.fromAvro(wire.deserializer().deserialize("control", bytes));
  }

  @Test
  void shouldRoundTripEachManualTradingState() {
    for (TradingState state : TradingState.values()) {
      ControlEntry entry = entry(Scope.user("abc"), new Setting.ManualTrading(state));

      assertThat(roundTrip(entry)).isEqualTo(entry);
    }
  }

  @Test
  void shouldRoundTripMaintenanceModeOnAndOff() {
    for (boolean enabled : new boolean[] {true, false}) {
      ControlEntry entry = entry(Scope.tier("pro"), new Setting.MaintenanceMode(enabled));

      assertThat(roundTrip(entry)).isEqualTo(entry);
    }
  }

  @Test
  void shouldRoundTripEachLearningState() {
    for (LearningState state : LearningState.values()) {
      ControlEntry entry = entry(Scope.GLOBAL, new Setting.Learning(state));

      assertThat(roundTrip(entry)).isEqualTo(entry);
    }
  }

  @Test
  void shouldRoundTripAScheduleWithTradingHoursHolidaysAndWindows() {
    Setting.Schedule schedule =
        new Setting.Schedule(
            Optional.of(
                new TradingHours(
                    ZoneId.of("America/Chicago"),
                    LocalTime.of(17, 0),
                    LocalTime.of(16, 0),
                    EnumSet.of(
                        DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY),
                    Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-01-01")))),
            List.of(
                new MaintenanceWindow(AT, AT.plusSeconds(3600)),
                new MaintenanceWindow(AT.plusSeconds(86_400), AT.plusSeconds(90_000))));
    ControlEntry entry = entry(Scope.symbol("ES"), schedule);

    assertThat(roundTrip(entry)).isEqualTo(entry);
  }

  @Test
  void shouldRoundTripAScheduleWithoutTradingHours() {
    ControlEntry entry =
        entry(
            Scope.GLOBAL,
            new Setting.Schedule(
                Optional.empty(), List.of(new MaintenanceWindow(AT, AT.plusSeconds(60)))));

    assertThat(roundTrip(entry)).isEqualTo(entry);
  }

  @Test
  void shouldRoundTripAnEmptySchedule() {
    ControlEntry entry = entry(Scope.GLOBAL, new Setting.Schedule(Optional.empty(), List.of()));

    assertThat(roundTrip(entry)).isEqualTo(entry);
  }

  @Test
  void shouldRoundTripAForceCloseCarryingItsCommandId() {
    ControlEntry entry = entry(Scope.user("abc"), new Setting.ForceClose());

    ControlState avro = ControlCodec.toAvro(entry);

    assertThat(avro.getSetting()).isEqualTo(new ControlForceClose("cmd-1"));
    assertThat(roundTrip(entry)).isEqualTo(entry);
  }

  @Test
  void shouldWriteScopeAndProvenanceAsTheyAre() {
    ControlState avro =
        ControlCodec.toAvro(
            entry(Scope.tier("pro"), new Setting.ManualTrading(TradingState.HALTED)));

    assertThat(avro.getScope()).isEqualTo("tier:pro");
    assertThat(avro.getCommandId()).isEqualTo("cmd-1");
    assertThat(avro.getUpdatedAt()).isEqualTo(AT);
    assertThat(avro.getUpdatedBy()).isEqualTo("ops:alice");
    assertThat(avro.getReason()).isEqualTo("drill");
  }
}
