package io.hivemind.bench.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.UserPartitioner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatsRowsWriterTest {

  @Test
  void patternsAreDistinctAndLevelOrdered() {
    List<String[]> patterns = StatsRowsWriter.patterns();
    Set<String> distinct = new HashSet<>();
    patterns.forEach(p -> distinct.add(p[1]));
    assertThat(distinct).hasSize(patterns.size());
    assertThat(patterns.get(0)).containsExactly("0", "v1");
    assertThat(patterns.get(1)[0]).isEqualTo("1");
    assertThat(patterns).hasSize(1 + 6 + 6 * 20 * 16);
  }

  @Test
  void theProbeUserLivesOnTheLastPartition() {
    for (int partitions : new int[] {1, 3, 6, 12}) {
      String probe = StatsRowsWriter.probeUser(partitions);
      assertThat(UserPartitioner.partitionOf(probe, partitions)).isEqualTo(partitions - 1);
      assertThat(probe).hasSize(12);
    }
  }
}
