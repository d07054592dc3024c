package io.hivemind.notifier.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.BadgeAward;
import io.hivemind.schema.Experience;
import io.hivemind.schema.Heartbeat;
import io.hivemind.schema.Side;
import io.hivemind.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTopologyTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration SILENT_AFTER = Duration.ofSeconds(40);

  private final Topics topics = Topics.withDefaultPrefix();
  private final AvroSerdes serdes = AvroSerdes.withoutRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, Experience> experiences;
  private TestInputTopic<String, BadgeAward> badges;
  private TestInputTopic<String, Heartbeat> heartbeats;
  private TestOutputTopic<String, byte[]> notifications;

  @BeforeEach
  void start() {
    Properties settings = new Properties();
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "notifier-test");
    settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            new NotificationTopology(
                    serdes,
                    topics,
                    new NotificationTopology.Settings(
                        SILENT_AFTER,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(1),
                        2))
                .build(),
            settings,
            T0);
    experiences =
        driver.createInputTopic(
            topics.experiences,
            Serdes.String().serializer(),
            serdes.valueSerde(Experience.class).serializer());
    badges =
        driver.createInputTopic(
            topics.badges,
            Serdes.String().serializer(),
            serdes.valueSerde(BadgeAward.class).serializer());
    heartbeats =
        driver.createInputTopic(
            topics.heartbeats,
            Serdes.String().serializer(),
            serdes.valueSerde(Heartbeat.class).serializer());
    notifications =
        driver.createOutputTopic(
            topics.notifications,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private List<Notification> told() {
    return notifications.readRecordsToList().stream()
        .map(TestRecord::value)
        .map(NotificationJson::fromJson)
        .toList();
  }

  private void beat(String user, String status, Instant at) {
    heartbeats.pipeInput(
        user,
        Heartbeat.newBuilder()
            .setUserId(user)
            .setBotVersion("test")
            .setStatus(status)
            .setSymbols(List.of("ES"))
            .setTimestamp(at)
            .build(),
        at);
  }

  private void trade(String user, String signal, double pnl, Instant exit) {
    experiences.pipeInput(
        user,
        Experience.newBuilder()
            .setSignalId(signal)
            .setUserId(user)
            .setSymbol("ES")
            .setSide(Side.LONG)
            .setSignalMatched(true)
            .setSignalTime(exit.minusSeconds(300))
            .setEntryTime(exit.minusSeconds(300))
            .setExitTime(exit)
            .setFeatures(Map.of())
            .setPnl(pnl)
            .setWin(pnl > 0)
            .setExitReason("TARGET")
            .setScheme("v1")
            .setPatterns(List.of())
            .setPrivateUser(false)
            .build(),
        exit);
  }

  private List<Notification> told(EventKind kind) {
    return told().stream().filter(n -> n.kind() == kind).toList();
  }

  @Test
  void shouldTellAWinningStreakAtThreeAndAgainAfterALoss() {
    for (int i = 0; i < 3; i++) {
      trade("alice", "w" + i, 10, T0.plusSeconds(i));
    }
    trade("alice", "l", -5, T0.plusSeconds(10));
    for (int i = 3; i < 6; i++) {
      trade("alice", "w" + i, 10, T0.plusSeconds(20 + i));
    }

    assertThat(told(EventKind.STREAK))
        .extracting(Notification::id)
        .containsExactly("streak:alice:3:w2", "streak:alice:3:w5");
  }

  @Test
  void shouldSummariseADayForEachUserBesideTheFleetOnceItIsOver() {
    trade("alice", "a1", 100, T0);
    trade("bob", "b1", -30, T0.plusSeconds(60));
    trade("alice", "a2", -10, T0.plusSeconds(120));
    told(); // the closed trades

    driver.advanceWallClockTime(Duration.ofHours(14)); // 00:00 the next day, within the grace
    assertThat(notifications.isEmpty()).isTrue();

    driver.advanceWallClockTime(Duration.ofMinutes(11));
    List<Notification> daily = told(EventKind.DAILY_SUMMARY);
    assertThat(daily)
        .extracting(Notification::id)
        .containsExactlyInAnyOrder(
            "summary.daily:alice:2026-12-03",
            "summary.daily:bob:2026-12-03",
            "summary.daily:fleet:2026-12-03");
    Notification alice =
        daily.stream().filter(n -> n.id().contains(":alice:")).findFirst().orElseThrow();
    assertThat(alice.title())
        .isEqualTo("Your day (2026-12-03): +$90.00 over 2 trades, 1 win (50 %)");
    assertThat(alice.text()).isEqualTo("Hive Mind: +$60.00 over 3 trades (2 users)");

    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(told(EventKind.DAILY_SUMMARY)).as("told once").isEmpty();

    driver.advanceWallClockTime(Duration.ofDays(3)); // past Sunday: the week of Monday 11-30
    assertThat(told(EventKind.WEEKLY_SUMMARY))
        .extracting(Notification::id)
        .containsExactlyInAnyOrder(
            "summary.weekly:alice:2026-11-30",
            "summary.weekly:bob:2026-11-30",
            "summary.weekly:fleet:2026-11-30");
  }

  @Test
  void shouldWithholdTheFleetsFigureFromAUserWhenTooFewTraded() {
    trade("alice", "a1", 100, T0);

    driver.advanceWallClockTime(Duration.ofHours(15));

    assertThat(told(EventKind.DAILY_SUMMARY))
        .filteredOn(n -> !n.audience().isFleet())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.text())
                    .isEqualTo("Hive Mind: withheld (fewer than 2 traders this day)"));
  }

  @Test
  void shouldTellAUserTheirClosedTradeUnderTheTradesId() {
    experiences.pipeInput(
        "alice",
        Experience.newBuilder()
            .setSignalId("s-1")
            .setUserId("alice")
            .setSymbol("NQ")
            .setSide(Side.SHORT)
            .setSignalMatched(true)
            .setSignalTime(T0)
            .setEntryTime(T0)
            .setExitTime(T0.plusSeconds(300))
            .setFeatures(Map.of())
            .setPnl(-1234.5)
            .setWin(false)
            .setExitReason("STOP")
            .setScheme("v1")
            .setPatterns(List.of())
            .setPrivateUser(false)
            .build());

    Notification trade = told().get(0);
    assertThat(trade.id()).isEqualTo("trade.closed:s-1");
    assertThat(trade.audience()).isEqualTo(Audience.user("alice"));
    assertThat(trade.title()).isEqualTo("Trade closed: NQ SHORT -$1,234.50 (loss)");
    assertThat(trade.occurredAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(notifications.isEmpty()).isTrue();
  }

  @Test
  void shouldTellAUserTheirBadge() {
    badges.pipeInput(
        "alice",
        BadgeAward.newBuilder()
            .setUserId("alice")
            .setBadge("first_win")
            .setRuleSet("v1")
            .setEarnedAt(T0)
            .setSignalId("s-1")
            .build());

    assertThat(told())
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.id()).isEqualTo("milestone:alice:first_win");
              assertThat(badge.title()).isEqualTo("Badge earned: first win");
            });
  }

  @Test
  void shouldTellABotSilentOnceToItsUserAndTheFleetAndBackOnItsNextBeat() {
    beat("alice", "RUNNING", T0);
    driver.advanceWallClockTime(SILENT_AFTER.minusSeconds(5));
    assertThat(notifications.isEmpty()).as("not silent yet").isTrue();

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    List<Notification> silent = told();
    assertThat(silent).extracting(Notification::kind).containsOnly(EventKind.BOT_SILENT);
    assertThat(silent)
        .extracting(Notification::audience)
        .containsExactly(Audience.user("alice"), Audience.FLEET);
    assertThat(silent)
        .extracting(Notification::id)
        .containsOnly("bot.silent:alice:" + T0.toEpochMilli());

    driver.advanceWallClockTime(Duration.ofMinutes(5));
    assertThat(notifications.isEmpty()).as("told once").isTrue();

    beat("alice", "RUNNING", T0.plusSeconds(400));
    assertThat(told())
        .extracting(Notification::kind, Notification::audience)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EventKind.BOT_RECOVERED, Audience.user("alice")),
            org.assertj.core.groups.Tuple.tuple(EventKind.BOT_RECOVERED, Audience.FLEET));
  }

  @Test
  void shouldNotTellABotThatSaidItStopped() {
    beat("alice", "RUNNING", T0);
    beat("alice", "STOPPED", T0.plusSeconds(10));

    driver.advanceWallClockTime(Duration.ofMinutes(5));

    assertThat(notifications.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepEachBotApart() {
    beat("alice", "RUNNING", T0);
    driver.advanceWallClockTime(Duration.ofSeconds(30));
    beat("bob", "RUNNING", T0.plusSeconds(30));

    driver.advanceWallClockTime(Duration.ofSeconds(15));

    assertThat(told())
        .extracting(n -> n.audience().isFleet() ? "fleet" : n.audience().userId())
        .containsExactly("alice", "fleet");
  }
}
