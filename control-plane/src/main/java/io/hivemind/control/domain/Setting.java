package io.hivemind.control.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One control setting of one scope. A command replaces exactly one setting, so commands on
 * different aspects of the same scope never overwrite each other.
 */
public sealed interface Setting {

  Aspect aspect();

  /** The trading state ops set by hand ({@code pause}, {@code resume}, {@code halt}). */
  record ManualTrading(TradingState state) implements Setting {
    @Override
    public Aspect aspect() {
      return Aspect.TRADING;
    }
  }

  /** Maintenance mode: everything in the scope is halted while it is on. */
  record MaintenanceMode(boolean enabled) implements Setting {
    @Override
    public Aspect aspect() {
      return Aspect.MAINTENANCE;
    }
  }

  /** Whether the learners consume; only the global scope has one. */
  record Learning(LearningState state) implements Setting {
    @Override
    public Aspect aspect() {
      return Aspect.LEARNING;
    }
  }

  /** Trading hours (reducing outside them) and maintenance windows (halted inside). */
  record Schedule(Optional<TradingHours> tradingHours, List<MaintenanceWindow> maintenanceWindows)
      implements Setting {

    public Schedule {
      maintenanceWindows = List.copyOf(maintenanceWindows);
    }

    @Override
    public Aspect aspect() {
      return Aspect.SCHEDULE;
    }

    /** What the schedule alone allows at {@code instant}, and why. */
    public Optional<Restriction.Cause> restrictionAt(Instant instant) {
      if (maintenanceWindows.stream().anyMatch(window -> window.covers(instant))) {
        return Optional.of(Restriction.Cause.MAINTENANCE_WINDOW);
      }
      if (tradingHours.isPresent() && !tradingHours.get().isOpenAt(instant)) {
        return Optional.of(Restriction.Cause.OUTSIDE_TRADING_HOURS);
      }
      return Optional.empty();
    }
  }

  /**
   * A one-shot order to flatten every position. It stays in force for {@link #VALID_FOR}, so that a
   * bot coming back online after a day does not close the positions it opens afterwards.
   */
  record ForceClose() implements Setting {

    public static final Duration VALID_FOR = Duration.ofHours(1);

    @Override
    public Aspect aspect() {
      return Aspect.FORCE_CLOSE;
    }
  }

  /** The kinds of setting; a scope holds at most one of each. */
  enum Aspect {
    TRADING("trading"),
    MAINTENANCE("maintenance"),
    LEARNING("learning"),
    SCHEDULE("schedule"),
    FORCE_CLOSE("force-close");

    private final String label;

    Aspect(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
