package io.hivemind.simulator.bot;

import io.hivemind.botapi.HeartbeatBar;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.random.Seeds;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.world.BarFeed;
import io.hivemind.simulator.world.Opportunity;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One user's bot, stepping through simulated time: the owner of the schedule ({@link #nextDue()})
 * runs it one due action at a time ({@link #runNext()}), pacing it to the clock when live or as
 * fast as it goes offline.
 *
 * <p>At each of its opportunities the bot asks the service how likely the trade is to win, enters
 * when the answer reaches its threshold (or, now and then, as exploration) and the trading state
 * allows entries, and posts the signal either way: a signal is the bot's proposed entry. A trade it
 * enters stays open, and its outcome is posted when the simulated clock reaches the exit time.
 * Heartbeats go out at a fixed interval with the open positions and symbols. When several actions
 * are due at once, outcomes go first (they close what is open), then entries, then heartbeats.
 *
 * <p>Not thread-safe: one step at a time, which the runners guarantee.
 */
public final class SimulatedBot {

  private static final String RUNNING = "RUNNING";
  private static final String STOPPED = "STOPPED";
  private static final Comparator<OpenTrade> BY_EXIT =
      Comparator.comparing(OpenTrade::exit).thenComparing(t -> t.opportunity().signal().signalId());

  private record OpenTrade(Instant exit, Opportunity opportunity) {}

  private final SimulatedUser user;
  private final Iterator<Opportunity> opportunities;
  private final BotSettings settings;
  private final BotTransport transport;
  private final Timeline timeline;
  private final FleetScores scores;
  private final PriorityQueue<OpenTrade> open = new PriorityQueue<>(BY_EXIT);
  private Opportunity nextOpportunity;
  private Instant nextOpportunityTime;
  private Instant nextHeartbeat;
  private String forceCloseToAcknowledge;
  private final BarFeed bars;
  private Instant barsReportedUpTo;

  public SimulatedBot(
      SimulatedUser user,
      Iterator<Opportunity> opportunities,
      BotSettings settings,
      BotTransport transport,
      Timeline timeline,
      FleetScores scores) {
    this(user, opportunities, settings, transport, timeline, scores, BarFeed.NONE);
  }

  /** A bot whose heartbeats carry its symbols' bars closed since the previous heartbeat. */
  public SimulatedBot(
      SimulatedUser user,
      Iterator<Opportunity> opportunities,
      BotSettings settings,
      BotTransport transport,
      Timeline timeline,
      FleetScores scores,
      BarFeed bars) {
    this.bars = bars;
    this.user = user;
    this.opportunities = opportunities;
    this.settings = settings;
    this.transport = transport;
    this.timeline = timeline;
    this.scores = scores;
    this.nextHeartbeat = settings.start();
    pullOpportunity();
  }

  public SimulatedUser user() {
    return user;
  }

  /** Trades entered whose outcome is not yet due. */
  public int openPositions() {
    return open.size();
  }

  /** When the next action is due in simulated time; empty when the bot has nothing left to do. */
  public Optional<Instant> nextDue() {
    Instant due = null;
    if (!open.isEmpty()) {
      due = open.peek().exit();
    }
    if (nextOpportunityTime != null) {
      due = earlier(due, nextOpportunityTime);
    }
    if (!nextHeartbeat.isAfter(settings.end())) {
      due = earlier(due, nextHeartbeat);
    }
    return Optional.ofNullable(due);
  }

  /** Runs the action due first. */
  public void runNext() {
    Instant due = nextDue().orElseThrow(() -> new IllegalStateException("nothing left to do"));
    if (!open.isEmpty() && open.peek().exit().equals(due)) {
      close(open.poll().opportunity());
    } else if (nextOpportunityTime != null && nextOpportunityTime.equals(due)) {
      Opportunity opportunity = nextOpportunity;
      pullOpportunity();
      consider(opportunity);
    } else {
      heartbeat(due);
      nextHeartbeat = nextHeartbeat.plus(settings.heartbeatInterval());
    }
  }

  private void consider(Opportunity opportunity) {
    scores.tally().opportunity();
    scores.truths().record(opportunity.trueWinProbability());
    EntryDecision decision = EntryDecision.TAKE;
    if (settings.askBeforeEntry()) {
      Optional<ConfidenceAnswer> answer =
          transport.askConfidence(opportunity.signal(), user.threshold());
      answer.ifPresent(
          served ->
              scores
                  .served()
                  .record(
                      served.winProbability(),
                      opportunity.trueWinProbability(),
                      opportunity.wins()));
      decision = EntryDecision.decide(answer, user.threshold(), explores(opportunity));
    }
    transport.postSignal(opportunity.signal());
    scores.tally().signalSent();
    switch (decision) {
      case TAKE, EXPLORE -> {
        scores.tally().taken(decision == EntryDecision.EXPLORE);
        // what the fleet trades is what the stack learns: the divergence table asks about these
        scores.patterns().record(opportunity);
        open.add(new OpenTrade(opportunity.exitTime(), opportunity));
      }
      case SKIP_BELOW_THRESHOLD -> scores.tally().skippedBelowThreshold();
      case SKIP_NOT_ACTIVE -> scores.tally().skippedNotActive();
      case SKIP_NO_ANSWER -> scores.tally().skippedNoAnswer();
    }
  }

  /**
   * Drawn from the signal id, so whether a bot explores a given opportunity is part of the
   * simulation's seed, not of thread timing.
   */
  private boolean explores(Opportunity opportunity) {
    return Seeds.uniform(0, "explore/" + opportunity.signal().signalId()) < settings.explore();
  }

  private void close(Opportunity opportunity) {
    transport.postOutcome(opportunity.outcome());
    scores.tally().outcomeSent();
    scores.tally().closed(opportunity.wins(), opportunity.outcome().pnl());
    scores.reported().record(opportunity.user().userId(), opportunity.outcome().symbol());
  }

  private void heartbeat(Instant due) {
    List<HeartbeatBar> closed = bars.closedBetween(barsReportedUpTo, due);
    for (HeartbeatBar bar : closed) {
      Instant minute = Instant.parse(bar.minute());
      if (barsReportedUpTo == null || minute.isAfter(barsReportedUpTo)) {
        barsReportedUpTo = minute;
      }
    }
    HeartbeatRequest heartbeat =
        new HeartbeatRequest(
            user.userId(),
            settings.botVersion(),
            RUNNING,
            open.size(),
            user.symbols(),
            timeline.wallClockAt(due).toString(),
            forceCloseToAcknowledge,
            closed.isEmpty() ? null : closed);
    HeartbeatAnswer answer = transport.heartbeat(heartbeat);
    scores.tally().heartbeatSent();
    if (answer.delivery() == Delivery.ACCEPTED) {
      // the order is acknowledged in the next heartbeat; a new order replaces an old one
      forceCloseToAcknowledge =
          answer.forceCloseCommandId() != null
              ? answer.forceCloseCommandId()
              : forceCloseToAcknowledge;
    }
  }

  /**
   * The bot's last heartbeat when its run ends on purpose: status STOPPED at {@code now}, so the
   * cloud forgets it instead of telling its user and the fleet a crashed bot 40 s later. Sent once,
   * not retried: a bot that cannot sign off is told silent, which is what its silence means.
   */
  public void signOff(Instant now) {
    transport.heartbeat(
        new HeartbeatRequest(
            user.userId(),
            settings.botVersion(),
            STOPPED,
            open.size(),
            user.symbols(),
            now.toString(),
            forceCloseToAcknowledge,
            null));
  }

  private void pullOpportunity() {
    if (opportunities.hasNext()) {
      nextOpportunity = opportunities.next();
      nextOpportunityTime = nextOpportunity.signalTime();
    } else {
      nextOpportunity = null;
      nextOpportunityTime = null;
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
