package io.hivemind.analytics.domain;

import io.hivemind.learning.regime.MinuteBar;
import io.hivemind.learning.regime.RegimeClassifier;
import io.hivemind.learning.regime.RegimeState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One symbol's market as the fleet reports it, and its regime: the bars bots send in heartbeats are
 * gathered per minute from distinct users; once a minute has settled (no bot has added to it for
 * {@code settle} of the service's time), its bar is the <b>median</b> close and volume of the users
 * who reported it, fed to the {@link RegimeClassifier} only when at least {@code k} distinct users
 * reported it (ADR 13's k). One user's reports are one value in a median of at least k: a user
 * cannot steer a regime alone, and a symbol traded by fewer than k users has none.
 *
 * <p>Immutable. Memory is bounded: at most {@code maxPendingMinutes} minutes wait (the oldest is
 * settled early beyond that) and at most {@code maxReporters} users per minute are kept (the first
 * ones; k is much smaller).
 *
 * @param pending minute → the reports of that minute, in the order they came
 * @param minutesWithheld settled minutes that had fewer than k users (not fed to the classifier)
 * @param lastUsers distinct users of the last minute fed to the classifier
 */
public record FleetBars(
    RegimeState regime,
    Map<Instant, Pending> pending,
    Instant lastSettled,
    long minutesWithheld,
    int lastUsers) {

  /** One user's view of one minute. */
  public record Report(String userId, double close, double volume) {}

  /**
   * A minute still open to reports.
   *
   * @param firstSeen the service time of its first report
   * @param lastSeen the service time of its latest report
   */
  public record Pending(Instant firstSeen, Instant lastSeen, List<Report> reports) {
    public Pending {
      reports = List.copyOf(reports);
    }
  }

  /**
   * How bars are gathered.
   *
   * @param k distinct users a minute needs to count
   * @param settle how long after its latest report a minute is settled
   * @param maxPendingMinutes minutes kept open at once
   * @param maxReporters users kept per minute
   */
  public record Rules(int k, Duration settle, int maxPendingMinutes, int maxReporters) {
    public Rules {
      if (k < 1 || maxReporters < k || maxPendingMinutes < 1 || settle.isNegative()) {
        throw new IllegalArgumentException("invalid fleet bar rules");
      }
    }

    public static Rules defaults(int k) {
      return new Rules(k, Duration.ofSeconds(60), 240, Math.max(k, 15));
    }
  }

  public FleetBars {
    Objects.requireNonNull(regime, "regime");
    pending = new TreeMap<>(pending);
  }

  public static FleetBars empty() {
    return new FleetBars(RegimeState.empty(), Map.of(), null, 0, 0);
  }

  @Override
  public Map<Instant, Pending> pending() {
    return new TreeMap<>(pending);
  }

  /**
   * {@code userId}'s bar of {@code minute}, reported at service time {@code now}. A minute already
   * settled, a second report of the same user for a minute, or one beyond {@code maxReporters} is
   * ignored.
   */
  public FleetBars report(
      String userId, Instant minute, double close, double volume, Instant now, Rules rules) {
    if (lastSettled != null && !minute.isAfter(lastSettled)) {
      return this;
    }
    TreeMap<Instant, Pending> next = new TreeMap<>(pending);
    Pending open = next.get(minute);
    List<Report> reports = open == null ? new ArrayList<>() : new ArrayList<>(open.reports());
    if (reports.size() >= rules.maxReporters()
        || reports.stream().anyMatch(r -> r.userId().equals(userId))) {
      return this;
    }
    reports.add(new Report(userId, close, volume));
    next.put(minute, new Pending(open == null ? now : open.firstSeen(), now, reports));
    return new FleetBars(regime, next, lastSettled, minutesWithheld, lastUsers);
  }

  /**
   * Settles, in minute order, every pending minute no report has touched for {@code settle} (and
   * the oldest beyond {@code maxPendingMinutes}); stops at the first minute still open, so minutes
   * reach the classifier in time order.
   */
  public FleetBars settle(Instant now, Rules rules, RegimeClassifier classifier) {
    TreeMap<Instant, Pending> next = new TreeMap<>(pending);
    RegimeState state = regime;
    Instant settled = lastSettled;
    long withheld = minutesWithheld;
    int users = lastUsers;
    while (!next.isEmpty()) {
      Map.Entry<Instant, Pending> oldest = next.firstEntry();
      boolean quiet = !oldest.getValue().lastSeen().plus(rules.settle()).isAfter(now);
      if (!quiet && next.size() <= rules.maxPendingMinutes()) {
        break;
      }
      next.pollFirstEntry();
      settled = oldest.getKey();
      List<Report> reports = oldest.getValue().reports();
      if (reports.size() < rules.k()) {
        withheld++;
        continue;
      }
      double close = median(reports.stream().mapToDouble(Report::close).toArray());
      double volume = median(reports.stream().mapToDouble(Report::volume).toArray());
      state = classifier.observe(state, new MinuteBar(oldest.getKey(), close, volume));
      users = reports.size();
    }
    return new FleetBars(state, next, settled, withheld, users);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
