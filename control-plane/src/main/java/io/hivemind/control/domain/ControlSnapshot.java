package io.hivemind.control.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every control setting of the fleet at one moment (the materialized control topic), and the rule
 * that turns them into what one bot may do: each applicable scope contributes its manual state,
 * maintenance mode and schedule, and the most restrictive of all of them applies.
 */
public final class ControlSnapshot {

  public static final ControlSnapshot EMPTY = new ControlSnapshot(Map.of());

  private final Map<String, ControlEntry> entries;

  private ControlSnapshot(Map<String, ControlEntry> entries) {
    this.entries = entries;
  }

  public static ControlSnapshot of(Collection<ControlEntry> entries) {
    Map<String, Optional<ControlEntry>> changes = new LinkedHashMap<>();
    entries.forEach(entry -> changes.put(entry.key(), Optional.of(entry)));
    return EMPTY.with(changes);
  }

  /** This snapshot with {@code entry} replacing the setting of the same scope and aspect. */
  public ControlSnapshot with(ControlEntry entry) {
    return with(Map.of(entry.key(), Optional.of(entry)));
  }

  /**
   * This snapshot with a batch of changes, copied once (a service reads the whole topic at start):
   * a present entry replaces the setting under its key, an empty one (a tombstone) removes it.
   */
  public ControlSnapshot with(Map<String, Optional<ControlEntry>> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    Map<String, ControlEntry> next = new HashMap<>(entries);
    changes.forEach(
        (key, entry) -> {
          if (entry.isPresent()) {
            next.put(key, entry.get());
          } else {
            next.remove(key);
          }
        });
    return new ControlSnapshot(Map.copyOf(next));
  }

  /** This snapshot without the setting under {@code key} (a tombstone on the control topic). */
  public ControlSnapshot without(String key) {
    return with(Map.of(key, Optional.empty()));
  }

  /** Whether the setting written by {@code commandId} is part of this snapshot. */
  public boolean contains(String commandId) {
    return entries.values().stream()
        .anyMatch(entry -> entry.provenance().commandId().equals(commandId));
  }

  public Optional<ControlEntry> entry(Scope scope, Setting.Aspect aspect) {
    return Optional.ofNullable(entries.get(ControlEntry.keyOf(scope, aspect)));
  }

  /** Every entry, ordered by key. */
  public List<ControlEntry> entries() {
    return List.copyOf(new TreeMap<>(entries).values());
  }

  public LearningState learning() {
    return entry(Scope.GLOBAL, Setting.Aspect.LEARNING)
        .map(entry -> ((Setting.Learning) entry.setting()).state())
        .orElse(LearningState.RUNNING);
  }

  public EffectiveState evaluate(BotContext bot, Instant now) {
    List<Scope> scopes = bot.scopes();
    List<Restriction> restrictions = new ArrayList<>();
    for (Scope scope : scopes) {
      restrictions.addAll(restrictionsOf(scope, now));
    }
    TradingState state = mostRestrictive(restrictions);
    Map<String, TradingState> symbols = bot.symbol() == null ? symbolStates(state, now) : Map.of();
    return new EffectiveState(
        state, restrictions, symbols, learning(), forceClose(bot, scopes, now));
  }

  /** What the scope's own settings impose at {@code now}, regardless of other scopes. */
  public List<Restriction> restrictionsOf(Scope scope, Instant now) {
    List<Restriction> restrictions = new ArrayList<>(2);
    entry(scope, Setting.Aspect.TRADING)
        .filter(entry -> ((Setting.ManualTrading) entry.setting()).state() != TradingState.ACTIVE)
        .ifPresent(
            entry ->
                restrictions.add(
                    new Restriction(
                        scope,
                        ((Setting.ManualTrading) entry.setting()).state(),
                        Restriction.Cause.MANUAL,
                        entry.provenance().reason())));
    entry(scope, Setting.Aspect.MAINTENANCE)
        .filter(entry -> ((Setting.MaintenanceMode) entry.setting()).enabled())
        .ifPresent(
            entry -> restrictions.add(restriction(scope, Restriction.Cause.MAINTENANCE, entry)));
    entry(scope, Setting.Aspect.SCHEDULE)
        .ifPresent(
            entry ->
                ((Setting.Schedule) entry.setting())
                    .restrictionAt(now)
                    .ifPresent(cause -> restrictions.add(restriction(scope, cause, entry))));
    return restrictions;
  }

  private static Restriction restriction(Scope scope, Restriction.Cause cause, ControlEntry entry) {
    return new Restriction(scope, cause.impliedState(), cause, entry.provenance().reason());
  }

  private static TradingState mostRestrictive(List<Restriction> restrictions) {
    return restrictions.stream()
        .map(Restriction::state)
        .reduce(TradingState.ACTIVE, TradingState::mostRestrictive);
  }

  /** Symbols whose own settings restrict them beyond {@code botState}. */
  private Map<String, TradingState> symbolStates(TradingState botState, Instant now) {
    Map<String, TradingState> symbols = new TreeMap<>();
    entries.values().stream()
        .map(ControlEntry::scope)
        .filter(scope -> scope.kind() == Scope.Kind.SYMBOL)
        .distinct()
        .forEach(
            scope -> {
              TradingState state = mostRestrictive(restrictionsOf(scope, now));
              if (state.compareTo(botState) > 0) {
                symbols.put(scope.name(), state);
              }
            });
    return symbols;
  }

  /** The latest force-close order still in force for any scope that applies to the bot. */
  private Optional<ForceCloseNotice> forceClose(BotContext bot, List<Scope> scopes, Instant now) {
    return entries.values().stream()
        .filter(entry -> entry.setting() instanceof Setting.ForceClose)
        .filter(entry -> appliesTo(entry.scope(), bot, scopes))
        .filter(entry -> now.isBefore(entry.provenance().at().plus(Setting.ForceClose.VALID_FOR)))
        .max(Comparator.comparing(entry -> entry.provenance().at()))
        .map(
            entry ->
                new ForceCloseNotice(
                    entry.provenance().commandId(),
                    entry.scope(),
                    entry.provenance().at(),
                    entry.provenance().reason()));
  }

  /** A symbol scope applies to a bot asking about no symbol in particular: it may hold one. */
  private static boolean appliesTo(Scope scope, BotContext bot, List<Scope> scopes) {
    return scope.kind() == Scope.Kind.SYMBOL && bot.symbol() == null || scopes.contains(scope);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ControlSnapshot snapshot && snapshot.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }
}
