package io.hivemind.analytics.api;

import io.hivemind.analytics.domain.Award;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One subscriber's live view: what it was last sent, so that each check sends only what changed.
 * The fleet and the caller's performance are sent on the first check and again when they differ
 * (the {@code as_of} time aside); a badge is sent once, when it first appears after the subscriber
 * connected (those held before are the baseline, not news). At most {@link #MAX_BADGES_PER_CHECK}
 * badges per check: a burst is sent over the following checks, in order.
 */
final class LiveView {

  static final int MAX_BADGES_PER_CHECK = 50;

  /** What to send, by SSE event name. */
  record Update(String event, Object body) {}

  private final String userId;
  private final boolean everyone;
  private Object lastFleet;
  private Object lastMe;
  private Set<String> seenBadges;
  private final List<Bodies.BadgeEvent> pendingBadges = new ArrayList<>();

  /**
   * @param userId the caller's user, whose performance and badges it follows
   * @param everyone an admin: every user's badges
   */
  LiveView(String userId, boolean everyone) {
    this.userId = userId;
    this.everyone = everyone;
  }

  /**
   * @param fleet the fleet body now, with a fixed {@code as_of} for the comparison
   * @param comparableFleet the fleet body as compared (without its time)
   * @param me the caller's performance body now, null to send none
   * @param awards every followed user's badges now
   */
  List<Update> check(
      Object fleet, Object comparableFleet, Object me, Map<String, List<Award>> awards) {
    List<Update> updates = new ArrayList<>();
    if (!Objects.equals(comparableFleet, lastFleet)) {
      lastFleet = comparableFleet;
      updates.add(new Update("fleet", fleet));
    }
    if (me != null && !Objects.equals(me, lastMe)) {
      lastMe = me;
      updates.add(new Update("me", me));
    }
    boolean baseline = seenBadges == null;
    if (baseline) {
      seenBadges = new HashSet<>();
    }
    awards.forEach(
        (user, held) -> {
          if (!everyone && !user.equals(userId)) {
            return;
          }
          for (Award award : held) {
            if (seenBadges.add(user + "/" + award.ruleSet() + "/" + award.badge()) && !baseline) {
              pendingBadges.add(new Bodies.BadgeEvent(user, award.badge(), award.earnedAt()));
            }
          }
        });
    int n = Math.min(MAX_BADGES_PER_CHECK, pendingBadges.size());
    for (int i = 0; i < n; i++) {
      updates.add(new Update("badge", pendingBadges.remove(0)));
    }
    return updates;
  }

  /** The awards a check needs: the caller's, or everyone's for an admin. */
  static Map<String, List<Award>> awardsFor(
      String userId,
      boolean everyone,
      Supplier<Map<String, List<Award>>> all,
      Supplier<List<Award>> own) {
    return everyone ? all.get() : Map.of(userId, own.get());
  }
}
