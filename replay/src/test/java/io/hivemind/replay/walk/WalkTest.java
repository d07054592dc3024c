package io.hivemind.replay.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.replay.log.Source;
import io.hivemind.replay.settings.ReplayRequest;
import io.hivemind.replay.settings.ReplaySettings;
import io.hivemind.replay.settings.SettingsValidator;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.RegistryUnavailableException;
import io.hivemind.schema.StatsKey;
import io.hivemind.schema.WinStats;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class WalkTest {

  private static ReplaySettings settings(List<String> users) {
    return SettingsValidator.validate(
        new ReplayRequest(
            "2026-11-01", "2026-12-01", users, List.of(), List.of(0.5), null, null, null));
  }

  private static DecisionPoint decision(Walk walk, String signalId) {
    return walk.decisions().get(0).stream()
        .filter(point -> point.signalId().equals(signalId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aTradesOwnOutcomeNeverInformsItsOwnConfidence() {
    TestLog history = new TestLog();
    for (int i = 1; i <= 5; i++) {
      history.trade("u", "s" + i, i % 2 == 0 ? 40 : -20);
    }
    TestLog withOutcomeFirst = new TestLog();
    withOutcomeFirst.events.addAll(history.events);
    // s6's outcome reaches the log before its signal (a bot's offline buffer), then s7 in order
    withOutcomeFirst.later(Duration.ofSeconds(10)).outcome("u", "s6", 90).signal("u", "s6");
    withOutcomeFirst.trade("u", "s7", 30);
    TestLog withoutS6Outcome = new TestLog();
    withoutS6Outcome.events.addAll(history.events);
    withoutS6Outcome.later(Duration.ofSeconds(10)).signal("u", "s6");

    Walk walk = withOutcomeFirst.walk(settings(List.of()));
    Walk blind = withoutS6Outcome.walk(settings(List.of()));

    DecisionPoint s6 = decision(walk, "s6");
    assertThat(s6.userTrades()).isEqualTo(5);
    assertThat(s6.winProbability()).isEqualTo(decision(blind, "s6").winProbability());
    assertThat(s6.traded()).isTrue();
    assertThat(s6.pnl()).isEqualTo(90);
    assertThat(decision(walk, "s7").userTrades()).isEqualTo(6);
  }

  @Test
  void theChallengerWalksBesideThePatternModelAndDecidesOnlyWhenPicked() {
    TestLog log = new TestLog();
    for (int i = 1; i <= 30; i++) {
      log.trade("u" + (i % 3), "s" + i, i % 3 == 0 ? -20 : 40);
    }
    log.later(Duration.ofSeconds(10)).outcome("u1", "s31", 90).signal("u1", "s31");
    TestLog blind = new TestLog();
    blind.events.addAll(log.events.subList(0, log.events.size() - 2));
    blind.later(Duration.ofSeconds(10)).signal("u1", "s31");
    ReplaySettings onChallenger =
        SettingsValidator.validate(
            new ReplayRequest(
                "2026-11-01",
                "2026-12-01",
                null,
                null,
                List.of(0.5),
                null,
                null,
                null,
                "challenger"));

    Walk pattern = log.walk(settings(List.of()));
    Walk challenger = log.walk(onChallenger);

    List<DecisionPoint> byPattern = pattern.decisions().get(0);
    List<DecisionPoint> byChallenger = challenger.decisions().get(0);
    assertThat(byChallenger).hasSameSizeAs(byPattern);
    for (int i = 0; i < byPattern.size(); i++) {
      DecisionPoint p = byPattern.get(i);
      DecisionPoint c = byChallenger.get(i);
      assertThat(p.winProbability()).isEqualTo(p.patternProbability());
      assertThat(c.patternProbability()).isEqualTo(p.patternProbability());
      assertThat(c.challengerProbability()).isEqualTo(p.challengerProbability());
      assertThat(c.winProbability()).isEqualTo(c.challengerProbability());
    }
    // asked before it learned: the first trade is answered from nothing, later ones from the wins
    assertThat(byPattern.get(0).challengerProbability()).isEqualTo(0.5);
    assertThat(decision(pattern, "s29").challengerProbability()).isGreaterThan(0.5);
    // an outcome logged before its signal is not in the signal's answer
    assertThat(decision(pattern, "s31").challengerProbability())
        .isEqualTo(decision(blind.walk(settings(List.of())), "s31").challengerProbability());
    assertThat(pattern.challengerVersions().get(0).experiences()).isEqualTo(31);
    assertThat(pattern.challengerVersions()).isEqualTo(challenger.challengerVersions());
    assertThat(pattern.userStats()).isEqualTo(challenger.userStats());
  }

  @Test
  void retriedSignalsAndOutcomesCountOnce() {
    TestLog log =
        new TestLog()
            .signal("u", "s1")
            .signal("u", "s1")
            .outcome("u", "s1", 25)
            .outcome("u", "s1", 25);

    Walk walk = log.walk(settings(List.of()));

    assertThat(walk.decisions().get(0)).hasSize(1);
    assertThat(walk.counts().retriedSignals()).isEqualTo(1);
    Map<StatsKey, WinStats> stats = walk.userStats().get(0);
    assertThat(stats).isNotEmpty();
    assertThat(stats.values()).allSatisfy(s -> assertThat(s.getTrades()).isEqualTo(1));
  }

  @Test
  void aSignalArrivingAfterItsOutcomeWasLearnedWithoutItIsNotDecided() {
    TestLog log =
        new TestLog()
            .outcome("u", "s1", 25)
            .later(Duration.ofHours(25))
            .trade("v", "other", 10) // moves the partition's time past the join horizon
            .signal("u", "s1");

    Walk walk = log.walk(settings(List.of()));

    assertThat(walk.counts().lateSignals()).isEqualTo(1);
    assertThat(walk.decisions().get(0))
        .extracting(point -> point.signalId())
        .containsExactly("other");
    // learned without its signal: levels 0 and 1 only
    assertThat(walk.userStats().get(0).keySet())
        .filteredOn(key -> key.getUserId().equals("u"))
        .extracting(StatsKey::getLevel)
        .containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void usersChooseWhoseDecisionsAreReportedNotWhatIsLearned() {
    TestLog log = new TestLog();
    for (int i = 0; i < 5; i++) {
      log.trade("b" + i, "b" + i, 10);
    }
    log.trade("a", "a1", 10);

    Walk walk = log.walk(settings(List.of("a")));

    assertThat(walk.decisions().get(0)).singleElement();
    DecisionPoint a1 = decision(walk, "a1");
    assertThat(a1.communityTrades()).isEqualTo(5);
    assertThat(walk.counts().signalsReported()).isEqualTo(1);
  }

  @Test
  void aCommunityOfFewerThanKUsersIsNeitherShownNorUsedAsLive() {
    TestLog log = new TestLog();
    for (int i = 0; i < 8; i++) {
      log.trade("b" + (i % 4), "b" + i, 10); // four users, all wins
    }
    log.trade("a", "a1", 10);

    Walk walk = log.walk(settings(List.of("a")));

    DecisionPoint a1 = decision(walk, "a1");
    assertThat(a1.communityTrades()).isZero();
    assertThat(a1.winProbability()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void unreadableRecordsAreCountedAndTheWalkCarriesOn() {
    TestLog log =
        new TestLog()
            .garbage(Source.SIGNALS, "u")
            .trade("u", "s1", 10)
            .garbage(Source.OUTCOMES, "u");

    Walk walk = log.walk(settings(List.of()));

    assertThat(walk.counts().unreadable()).isEqualTo(2);
    assertThat(walk.counts().records()).isEqualTo(4);
    assertThat(decision(walk, "s1").traded()).isTrue();
  }

  @Test
  void aRegistryThatCannotBeReachedStopsTheWalkInsteadOfCountingTheRecordUnreadable() {
    TestLog log = new TestLog().trade("u", "s1", 10);
    AvroSerdes unreachable =
        new AvroSerdes() {
          @Override
          public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
            // what Apicurio's serde throws when its registry refuses connections
            return Serdes.serdeFrom(
                TestLog.SERDES.valueSerde(type).serializer(),
                (topic, bytes) -> {
                  throw new RuntimeException(new RuntimeException(new ConnectException()));
                });
          }

          @Override
          public <T extends SpecificRecord> Serde<T> keySerde(Class<T> type) {
            return valueSerde(type);
          }
        };
    Walk walk = new Walk(settings(List.of()), unreachable, "signals", "outcomes");

    assertThatThrownBy(() -> walk.accept(log.events.get(0)))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("signals (partition 0, offset 0)")
        .hasMessageContaining("run it again once the registry answers");
    assertThat(walk.counts().unreadable()).isZero();
  }
}
