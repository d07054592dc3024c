package io.hivemind.confidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

class CopyLagsTest {

  @Test
  void shouldTakeTheFurtherBehindOfAnActiveCopysTwoLags() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(Set.of(0, 1), Set.of(), Map.of(0, 0L, 1, 40L), Map.of(0, 7L, 1, 3L));

    assertThat(copies).containsEntry(0, LocalCopy.active(7)).containsEntry(1, LocalCopy.active(40));
  }

  @Test
  void shouldCountAnActiveCopyNotFetchedFromYetAsNotMeasured() {
    Map<Integer, LocalCopy> copies = CopyLags.combine(Set.of(2), Set.of(), Map.of(2, 0L), Map.of());

    assertThat(copies).containsEntry(2, LocalCopy.unmeasured(true));
  }

  @Test
  void shouldMeasureAStandbyByItsChangelogLag() {
    Map<Integer, LocalCopy> copies =
        CopyLags.combine(Set.of(), Set.of(4, 5), Map.of(4, 12L), Map.of(4, 99999L));

    assertThat(copies)
        .containsEntry(4, LocalCopy.standby(12))
        .containsEntry(5, LocalCopy.unmeasured(false));
  }

  @Test
  void shouldReadTheMainConsumersLagOfTheTopicOnly() {
    Map<MetricName, KafkaMetric> metrics =
        Map.of(
            lag("app-1-StreamThread-1-consumer", "hivemind.user-stats", "0"), metric(5),
            lag("app-1-StreamThread-1-consumer", "hivemind_user-stats", "0"), metric(5),
            lag("app-1-StreamThread-1-consumer", "hivemind.user-stats", "1"), metric(Double.NaN),
            lag("app-1-StreamThread-1-restore-consumer", "hivemind.user-stats", "2"), metric(9),
            lag("app-1-global-consumer", "hivemind.user-stats", "3"), metric(9),
            lag("app-1-StreamThread-1-consumer", "hivemind.community-stats", "4"), metric(9));

    assertThat(LocalCopies.sourceLags(metrics, "hivemind.user-stats")).isEqualTo(Map.of(0, 5L));
  }

  private static MetricName lag(String client, String topic, String partition) {
    return new MetricName(
        "records-lag",
        "consumer-fetch-manager-metrics",
        "",
        Map.of("client-id", client, "topic", topic, "partition", partition));
  }

  private static KafkaMetric metric(double value) {
    Value stat = new Value();
    stat.record(new MetricConfig(), value, 0);
    return new KafkaMetric(new Object(), null, stat, new MetricConfig(), Time.SYSTEM);
  }
}
