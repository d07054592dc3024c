package io.hivemind.simulator.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.botapi.HeartbeatBar;
import io.hivemind.botapi.HeartbeatRequest;
import io.hivemind.botapi.OutcomeRequest;
import io.hivemind.botapi.SignalRequest;
import io.hivemind.simulator.fleet.SimulatedUser;
import io.hivemind.simulator.score.FleetScores;
import io.hivemind.simulator.world.BarFeed;
import io.hivemind.simulator.world.Opportunity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SimulatedBotTest {

  private static final Instant START = Instant.parse("2026-11-18T15:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(2));
  private static final SimulatedUser USER =
      new SimulatedUser("a1b2c3d4e5f6", 0, 0.1, 0.55, List.of("ES", "NQ"), "pro");

  /** Records what the bot sends, in order, and answers with a fixed confidence. */
  private static final class ScriptedTransport implements BotTransport {
    final List<String> sent = new ArrayList<>();
    final List<HeartbeatRequest> heartbeats = new ArrayList<>();
    Function<SignalRequest, Optional<ConfidenceAnswer>> answers =
        signal -> Optional.of(answer(0.6, "ACTIVE"));
    String forceClose;

    @Override
    public Optional<ConfidenceAnswer> askConfidence(SignalRequest signal, double threshold) {
      sent.add("ask " + signal.signalId());
      return answers.apply(signal);
    }

    @Override
    public Delivery postSignal(SignalRequest signal) {
      sent.add("signal " + signal.signalId());
      return Delivery.ACCEPTED;
    }

    @Override
    public Delivery postOutcome(OutcomeRequest outcome) {
      sent.add("outcome " + outcome.signalId());
      return Delivery.ACCEPTED;
    }

    @Override
    public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) {
      sent.add("heartbeat " + heartbeat.openPositions());
      heartbeats.add(heartbeat);
      return new HeartbeatAnswer(Delivery.ACCEPTED, "ACTIVE", forceClose);
    }
  }

  private final ScriptedTransport transport = new ScriptedTransport();
  private final FleetScores scores = FleetScores.create();

  private static ConfidenceAnswer answer(double probability, String state) {
    return new ConfidenceAnswer(probability, 0, 1, 0, 0, "v1/mid/rsi6/vz-5", true, state);
  }

  private static Opportunity opportunity(String id, int atMinute, int holdMinutes, boolean wins) {
    Instant entry = START.plus(Duration.ofMinutes(atMinute));
    Instant exit = entry.plus(Duration.ofMinutes(holdMinutes));
    SignalRequest signal =
        new SignalRequest(
            id,
            USER.userId(),
            "ES",
            "LONG",
            5900.0,
            entry.toString(),
            "vwap_rsi",
            Map.of("rsi", 30.0, "vwap_z", -2.3));
    OutcomeRequest outcome =
        new OutcomeRequest(
            id,
            USER.userId(),
            "ES",
            "LONG",
            5900.0,
            wins ? 5905.0 : 5896.0,
            entry.toString(),
            exit.toString(),
            1,
            wins ? 250.0 : -200.0,
            wins ? "TARGET" : "STOP");
    return new Opportunity(USER, signal, 0.6, wins, outcome, "v1/mid/rsi6/vz-5");
  }

  private SimulatedBot bot(double explore, boolean ask, Opportunity... opportunities) {
    BotSettings settings =
        new BotSettings(START, END, Duration.ofMinutes(45), explore, ask, "sim-test");
    return new SimulatedBot(
        USER,
        List.of(opportunities).iterator(),
        settings,
        transport,
        Timeline.SIMULATED_ONLY,
        scores);
  }

  private static void runToEnd(SimulatedBot bot) {
    for (int steps = 0; bot.nextDue().isPresent(); steps++) {
      assertThat(steps).isLessThan(1000);
      bot.runNext();
    }
  }

  @Test
  void shouldReportTheBarsClosedSinceItsLastHeartbeat() {
    List<Instant> askedAfter = new ArrayList<>();
    BarFeed feed =
        (after, upTo) -> {
          askedAfter.add(after);
          Instant minute = upTo.minusSeconds(60);
          return List.of(
              new HeartbeatBar("ES", minute.toString(), 5900.0, 10.0),
              new HeartbeatBar("NQ", minute.toString(), 20800.0, 5.0));
        };
    BotSettings settings = new BotSettings(START, END, Duration.ofMinutes(45), 0, false, "sim");
    SimulatedBot bot =
        new SimulatedBot(
            USER,
            List.<Opportunity>of().iterator(),
            settings,
            transport,
            Timeline.SIMULATED_ONLY,
            scores,
            feed);

    runToEnd(bot);

    assertThat(transport.heartbeats).hasSize(3);
    assertThat(transport.heartbeats.get(1).bars())
        .extracting(HeartbeatBar::symbol)
        .containsExactly("ES", "NQ");
    assertThat(askedAfter)
        .containsExactly(null, START.minusSeconds(60), START.plus(Duration.ofMinutes(44)));
  }

  @Test
  void shouldTakeATradeAtItsThresholdAndReportItsOutcomeAtTheExit() {
    transport.answers = signal -> Optional.of(answer(0.55, "ACTIVE"));
    SimulatedBot bot = bot(0, true, opportunity("s1", 10, 30, true));

    bot.runNext(); // heartbeat at the start
    assertThat(bot.nextDue()).contains(START.plus(Duration.ofMinutes(10)));
    bot.runNext();
    assertThat(bot.openPositions()).isEqualTo(1);
    assertThat(bot.nextDue()).contains(START.plus(Duration.ofMinutes(40)));
    runToEnd(bot);

    assertThat(transport.sent)
        .containsExactly(
            "heartbeat 0", "ask s1", "signal s1", "outcome s1", "heartbeat 0", "heartbeat 0");
    assertThat(scores.tally().snapshot().taken()).isEqualTo(1);
    assertThat(scores.tally().snapshot().wins()).isEqualTo(1);
    assertThat(scores.tally().snapshot().pnl()).isEqualTo(250.0);
  }

  @Test
  void shouldPostTheSignalButNotEnterBelowTheThreshold() {
    transport.answers = signal -> Optional.of(answer(0.54, "ACTIVE"));
    runToEnd(bot(0, true, opportunity("s1", 10, 30, true)));

    assertThat(transport.sent).contains("signal s1").doesNotContain("outcome s1");
    assertThat(scores.tally().snapshot().skippedBelowThreshold()).isEqualTo(1);
    assertThat(scores.served().count()).isEqualTo(1);
  }

  @Test
  void shouldExploreBelowTheThresholdAtItsRate() {
    transport.answers = signal -> Optional.of(answer(0.30, "ACTIVE"));
    runToEnd(bot(1.0, true, opportunity("s1", 10, 30, false)));

    assertThat(transport.sent).contains("outcome s1");
    assertThat(scores.tally().snapshot().explored()).isEqualTo(1);
    assertThat(scores.tally().snapshot().closed()).isEqualTo(1);
    assertThat(scores.tally().snapshot().wins()).isZero();
  }

  @Test
  void shouldTakeNoNewEntryUnlessTradingIsActive() {
    transport.answers = signal -> Optional.of(answer(0.9, "REDUCING"));
    runToEnd(bot(1.0, true, opportunity("s1", 10, 30, true)));

    assertThat(transport.sent).contains("signal s1").doesNotContain("outcome s1");
    assertThat(scores.tally().snapshot().skippedNotActive()).isEqualTo(1);
  }

  @Test
  void shouldNotTradeBlindWithoutAnAnswer() {
    transport.answers = signal -> Optional.empty();
    runToEnd(bot(1.0, true, opportunity("s1", 10, 30, true)));

    assertThat(transport.sent).contains("signal s1").doesNotContain("outcome s1");
    assertThat(scores.tally().snapshot().skippedNoAnswer()).isEqualTo(1);
    assertThat(scores.served().count()).isZero();
  }

  @Test
  void shouldCloseTradesInExitOrderAndCountThemInHeartbeats() {
    runToEnd(
        bot(
            0,
            true,
            opportunity("s1", 10, 60, true), // exits at 70
            opportunity("s2", 20, 20, false), // exits at 40
            opportunity("s3", 40, 10, true))); // enters at 40, after s2 closed; exits at 50

    assertThat(transport.sent)
        .containsExactly(
            "heartbeat 0",
            "ask s1",
            "signal s1",
            "ask s2",
            "signal s2",
            "outcome s2",
            "ask s3",
            "signal s3",
            "heartbeat 2", // 45: s1 and s3 open
            "outcome s3",
            "outcome s1",
            "heartbeat 0"); // 90
  }

  @Test
  void shouldTakeEveryOpportunityWithoutAskingOffline() {
    runToEnd(bot(0, false, opportunity("s1", 10, 5, true), opportunity("s2", 11, 5, false)));

    assertThat(transport.sent).noneMatch(line -> line.startsWith("ask"));
    assertThat(scores.tally().snapshot().taken()).isEqualTo(2);
    assertThat(scores.tally().snapshot().closed()).isEqualTo(2);
  }

  @Test
  void shouldAcknowledgeAForceCloseInTheNextHeartbeat() {
    transport.forceClose = "cmd-1";
    runToEnd(bot(0, true));

    assertThat(transport.heartbeats).hasSize(3);
    assertThat(transport.heartbeats.get(0).forceCloseAck()).isNull();
    assertThat(transport.heartbeats.get(1).forceCloseAck()).isEqualTo("cmd-1");
    assertThat(transport.heartbeats.get(0).userId()).isEqualTo(USER.userId());
    assertThat(transport.heartbeats.get(0).symbols()).containsExactly("ES", "NQ");
    assertThat(transport.heartbeats.get(0).timestamp()).isEqualTo(START.toString());
  }

  @Test
  void shouldSignOffWithAStoppedHeartbeatStampedNow() {
    SimulatedBot bot = bot(0, true, opportunity("s1", 10, 500, true));
    bot.runNext(); // the first heartbeat
    bot.runNext(); // the entry, still open at the end
    Instant now = END.plus(Duration.ofMinutes(3));

    bot.signOff(now);

    HeartbeatRequest last = transport.heartbeats.get(transport.heartbeats.size() - 1);
    assertThat(transport.heartbeats).hasSize(2);
    assertThat(transport.heartbeats.get(0).status()).isEqualTo("RUNNING");
    assertThat(last.status()).isEqualTo("STOPPED");
    assertThat(last.timestamp()).isEqualTo(now.toString());
    assertThat(last.openPositions()).isEqualTo(1);
    assertThat(last.userId()).isEqualTo(USER.userId());
  }
}
