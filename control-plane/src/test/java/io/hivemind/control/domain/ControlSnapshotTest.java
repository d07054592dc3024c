package io.hivemind.control.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlSnapshotTest {

  /** Wednesday 2026-03-18 12:00 in New York: inside regular trading hours. */
  private static final Instant NOW = Instant.parse("2026-03-18T16:00:00Z");

  private static final BotContext BOT = new BotContext("abc", "pro", null);
  private static final Scope USER = Scope.user("abc");
  private static final Scope ES = Scope.symbol("ES");

  private int commands;

  private ControlEntry entry(Scope scope, Setting setting) {
    return entry(scope, setting, NOW.minusSeconds(60));
  }

  private ControlEntry entry(Scope scope, Setting setting, Instant at) {
    return new ControlEntry(
        scope, setting, new Provenance("cmd-" + ++commands, at, "ops", "because " + commands));
  }

  private static Setting manual(TradingState state) {
    return new Setting.ManualTrading(state);
  }

  private static Setting.Schedule nyseHours() {
    return new Setting.Schedule(
        Optional.of(
            new TradingHours(
                ZoneId.of("America/New_York"),
                LocalTime.of(9, 30),
                LocalTime.of(16, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of())),
        List.of());
  }

  private static Setting.Schedule window(Instant start, Instant end) {
    return new Setting.Schedule(Optional.empty(), List.of(new MaintenanceWindow(start, end)));
  }

  @Test
  void shouldLetABotTradeWhenNothingIsSet() {
    EffectiveState state = ControlSnapshot.EMPTY.evaluate(BOT, NOW);

    assertThat(state.tradingState()).isEqualTo(TradingState.ACTIVE);
    assertThat(state.allowsEntries()).isTrue();
    assertThat(state.restrictions()).isEmpty();
    assertThat(state.symbols()).isEmpty();
    assertThat(state.forceClose()).isEmpty();
  }

  @Test
  void shouldApplyTheMostRestrictiveStateOfAllScopes() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(Scope.GLOBAL, manual(TradingState.REDUCING)),
                entry(USER, manual(TradingState.HALTED))));

    EffectiveState state = snapshot.evaluate(BOT, NOW);

    assertThat(state.tradingState()).isEqualTo(TradingState.HALTED);
    assertThat(state.restrictions())
        .extracting(Restriction::scope, Restriction::state, Restriction::cause)
        .containsExactly(
            tuple(Scope.GLOBAL, TradingState.REDUCING, Restriction.Cause.MANUAL),
            tuple(USER, TradingState.HALTED, Restriction.Cause.MANUAL));
  }

  @Test
  void shouldKeepAGlobalHaltWhenAUserIsSetActive() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(Scope.GLOBAL, manual(TradingState.HALTED)),
                entry(USER, manual(TradingState.ACTIVE))));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.HALTED);
  }

  @Test
  void shouldCarryTheReasonOfTheCommandThatRestricted() {
    ControlEntry halt = entry(Scope.GLOBAL, manual(TradingState.HALTED));

    Restriction restriction =
        ControlSnapshot.of(List.of(halt)).evaluate(BOT, NOW).restrictions().get(0);

    assertThat(restriction.reason()).isEqualTo(halt.provenance().reason());
  }

  @Test
  void shouldIgnoreTheSettingsOfAnotherUser() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.user("someone-else"), manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldHaltOnlyTheHaltedSymbol() {
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(ES, manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(new BotContext("abc", "pro", "ES"), NOW).tradingState())
        .isEqualTo(TradingState.HALTED);
    assertThat(snapshot.evaluate(new BotContext("abc", "pro", "NQ"), NOW).tradingState())
        .isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldListRestrictedSymbolsWhenAskedAboutNoSymbol() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(ES, manual(TradingState.HALTED)),
                entry(Scope.symbol("NQ"), manual(TradingState.REDUCING)),
                entry(Scope.symbol("CL"), manual(TradingState.ACTIVE))));

    EffectiveState state = snapshot.evaluate(BOT, NOW);

    assertThat(state.tradingState()).isEqualTo(TradingState.ACTIVE);
    assertThat(state.symbols())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ES", TradingState.HALTED, "NQ", TradingState.REDUCING));
  }

  @Test
  void shouldListOnlySymbolsRestrictedBeyondTheBot() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(Scope.GLOBAL, manual(TradingState.REDUCING)),
                entry(ES, manual(TradingState.HALTED)),
                entry(Scope.symbol("NQ"), manual(TradingState.REDUCING))));

    assertThat(snapshot.evaluate(BOT, NOW).symbols())
        .containsExactlyEntriesOf(Map.of("ES", TradingState.HALTED));
  }

  @Test
  void shouldNotListSymbolsWhenAskedAboutOne() {
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(ES, manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(new BotContext("abc", "pro", "NQ"), NOW).symbols()).isEmpty();
  }

  @Test
  void shouldHaltInMaintenanceMode() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.GLOBAL, new Setting.MaintenanceMode(true))));

    EffectiveState state = snapshot.evaluate(BOT, NOW);

    assertThat(state.tradingState()).isEqualTo(TradingState.HALTED);
    assertThat(state.restrictions())
        .extracting(Restriction::cause)
        .containsExactly(Restriction.Cause.MAINTENANCE);
  }

  @Test
  void shouldIgnoreMaintenanceModeThatIsOff() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.GLOBAL, new Setting.MaintenanceMode(false))));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldReduceOutsideTradingHours() {
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(Scope.tier("pro"), nyseHours())));

    EffectiveState state = snapshot.evaluate(BOT, Instant.parse("2026-03-18T21:00:00Z"));

    assertThat(state.tradingState()).isEqualTo(TradingState.REDUCING);
    assertThat(state.restrictions())
        .extracting(Restriction::scope, Restriction::cause)
        .containsExactly(tuple(Scope.tier("pro"), Restriction.Cause.OUTSIDE_TRADING_HOURS));
  }

  @Test
  void shouldLetABotTradeInsideTradingHours() {
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(Scope.GLOBAL, nyseHours())));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldHaltInsideAMaintenanceWindow() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(entry(Scope.GLOBAL, window(NOW.minusSeconds(1), NOW.plusSeconds(60)))));

    EffectiveState state = snapshot.evaluate(BOT, NOW);

    assertThat(state.tradingState()).isEqualTo(TradingState.HALTED);
    assertThat(state.restrictions())
        .extracting(Restriction::cause)
        .containsExactly(Restriction.Cause.MAINTENANCE_WINDOW);
  }

  @Test
  void shouldHaltInsideAMaintenanceWindowDuringTradingHours() {
    Setting.Schedule schedule =
        new Setting.Schedule(
            nyseHours().tradingHours(),
            List.of(new MaintenanceWindow(NOW.minusSeconds(1), NOW.plusSeconds(60))));
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(Scope.GLOBAL, schedule)));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.HALTED);
  }

  @Test
  void shouldLetABotTradeOnceAMaintenanceWindowHasEnded() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.GLOBAL, window(NOW.minusSeconds(60), NOW))));

    assertThat(snapshot.evaluate(BOT, NOW).tradingState()).isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldIgnoreTierSettingsWhenTheTierIsUnknown() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.tier("pro"), manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(new BotContext("abc", null, null), NOW).tradingState())
        .isEqualTo(TradingState.ACTIVE);
  }

  @Test
  void shouldApplyTheSettingsOfTheBotsTier() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(Scope.tier("pro"), manual(TradingState.HALTED)),
                entry(Scope.tier("free"), manual(TradingState.REDUCING))));

    assertThat(snapshot.evaluate(new BotContext("abc", "free", null), NOW).tradingState())
        .isEqualTo(TradingState.REDUCING);
  }

  @Test
  void shouldShowTheFleetOnlyFleetWideSettings() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(
                entry(Scope.GLOBAL, manual(TradingState.REDUCING)),
                entry(USER, manual(TradingState.HALTED)),
                entry(Scope.tier("pro"), manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(BotContext.FLEET, NOW).tradingState())
        .isEqualTo(TradingState.REDUCING);
  }

  @Test
  void shouldListRestrictedSymbolsInTheFleetView() {
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(entry(ES, manual(TradingState.HALTED))));

    assertThat(snapshot.evaluate(BotContext.FLEET, NOW).symbols())
        .containsExactlyEntriesOf(Map.of("ES", TradingState.HALTED));
  }

  @Test
  void shouldRunLearningWhenNothingIsSet() {
    assertThat(ControlSnapshot.EMPTY.learning()).isEqualTo(LearningState.RUNNING);
  }

  @Test
  void shouldFollowTheGlobalLearningSetting() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(
            List.of(entry(Scope.GLOBAL, new Setting.Learning(LearningState.PAUSED))));

    assertThat(snapshot.learning()).isEqualTo(LearningState.PAUSED);
    assertThat(snapshot.evaluate(BOT, NOW).learning()).isEqualTo(LearningState.PAUSED);
  }

  @Test
  void shouldRejectLearningOnAScopeOtherThanGlobal() {
    assertThatThrownBy(() -> entry(Scope.tier("pro"), new Setting.Learning(LearningState.PAUSED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole fleet");
  }

  @Test
  void shouldReturnTheLatestForceCloseThatApplies() {
    ControlEntry fleet = entry(Scope.GLOBAL, new Setting.ForceClose(), NOW.minusSeconds(120));
    ControlEntry user = entry(USER, new Setting.ForceClose(), NOW.minusSeconds(60));
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(user, fleet));

    ForceCloseNotice notice = snapshot.evaluate(BOT, NOW).forceClose().orElseThrow();

    assertThat(notice)
        .isEqualTo(
            new ForceCloseNotice(
                user.provenance().commandId(),
                USER,
                user.provenance().at(),
                user.provenance().reason()));
  }

  @Test
  void shouldKeepAForceCloseInForceUntilItExpires() {
    ControlEntry order = entry(Scope.GLOBAL, new Setting.ForceClose(), NOW);
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(order));
    Instant expiry = NOW.plus(Setting.ForceClose.VALID_FOR);

    assertThat(snapshot.evaluate(BOT, expiry.minusMillis(1)).forceClose()).isPresent();
    assertThat(snapshot.evaluate(BOT, expiry).forceClose()).isEmpty();
  }

  @Test
  void shouldNotApplyAnotherUsersForceClose() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.user("someone-else"), new Setting.ForceClose())));

    assertThat(snapshot.evaluate(BOT, NOW).forceClose()).isEmpty();
  }

  @Test
  void shouldNotApplyAForceCloseOfAnotherTier() {
    ControlSnapshot snapshot =
        ControlSnapshot.of(List.of(entry(Scope.tier("free"), new Setting.ForceClose())));

    assertThat(snapshot.evaluate(BOT, NOW).forceClose()).isEmpty();
  }

  @Test
  void shouldApplyASymbolForceCloseToABotAskingAboutNoSymbol() {
    ControlEntry order = entry(ES, new Setting.ForceClose());
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(order));

    assertThat(snapshot.evaluate(BOT, NOW).forceClose()).map(ForceCloseNotice::scope).contains(ES);
    assertThat(snapshot.evaluate(new BotContext("abc", "pro", "NQ"), NOW).forceClose()).isEmpty();
  }

  @Test
  void shouldBeAcknowledgedOnlyByItsOwnCommandId() {
    ForceCloseNotice notice = new ForceCloseNotice("cmd-1", Scope.GLOBAL, NOW, "flatten");

    assertThat(notice.acknowledgedBy("cmd-1")).isTrue();
    assertThat(notice.acknowledgedBy("cmd-0")).isFalse();
    assertThat(notice.acknowledgedBy(null)).isFalse();
  }

  @Test
  void shouldReplaceTheSettingOfTheSameScopeAndAspect() {
    ControlEntry pause = entry(USER, manual(TradingState.REDUCING));
    ControlEntry resume = entry(USER, manual(TradingState.ACTIVE));

    ControlSnapshot snapshot = ControlSnapshot.EMPTY.with(pause).with(resume);

    assertThat(snapshot.entries()).containsExactly(resume);
    assertThat(snapshot.contains(resume.provenance().commandId())).isTrue();
    assertThat(snapshot.contains(pause.provenance().commandId())).isFalse();
  }

  @Test
  void shouldKeepTheOtherAspectsOfAScopeApart() {
    ControlEntry halt = entry(USER, manual(TradingState.HALTED));
    ControlEntry maintenance = entry(USER, new Setting.MaintenanceMode(true));

    ControlSnapshot snapshot = ControlSnapshot.EMPTY.with(halt).with(maintenance);

    assertThat(snapshot.entry(USER, Setting.Aspect.TRADING)).contains(halt);
    assertThat(snapshot.entry(USER, Setting.Aspect.MAINTENANCE)).contains(maintenance);
  }

  @Test
  void shouldDropTheSettingUnderARemovedKey() {
    ControlEntry halt = entry(USER, manual(TradingState.HALTED));
    ControlEntry maintenance = entry(USER, new Setting.MaintenanceMode(true));
    ControlSnapshot snapshot = ControlSnapshot.of(List.of(halt, maintenance));

    ControlSnapshot without = snapshot.without("user:abc/trading");

    assertThat(without.entries()).containsExactly(maintenance);
    assertThat(without.contains(halt.provenance().commandId())).isFalse();
    assertThat(snapshot.entries()).as("unchanged").hasSize(2);
  }

  @Test
  void shouldKeyEntriesByScopeAndAspect() {
    assertThat(entry(Scope.tier("pro"), nyseHours()).key()).isEqualTo("tier:pro/schedule");
    assertThat(entry(Scope.GLOBAL, new Setting.ForceClose()).key()).isEqualTo("global/force-close");
  }

  @Test
  void shouldListEntriesOrderedByKey() {
    ControlEntry user = entry(USER, manual(TradingState.HALTED));
    ControlEntry global = entry(Scope.GLOBAL, manual(TradingState.HALTED));
    ControlEntry maintenance = entry(Scope.GLOBAL, new Setting.MaintenanceMode(true));

    assertThat(ControlSnapshot.of(List.of(user, global, maintenance)).entries())
        .containsExactly(maintenance, global, user);
  }

  @Test
  void shouldRejectAMaintenanceWindowThatDoesNotEndAfterItStarts() {
    assertThatThrownBy(() -> new MaintenanceWindow(NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldGradeStatesFromActiveToHalted() {
    assertThat(TradingState.ACTIVE.mostRestrictive(TradingState.REDUCING))
        .isEqualTo(TradingState.REDUCING);
    assertThat(TradingState.HALTED.mostRestrictive(TradingState.REDUCING))
        .isEqualTo(TradingState.HALTED);
  }
}
