package io.hivemind.bench.backlog;

import io.hivemind.bench.Stack;
import io.hivemind.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * A backlog in a run's topics, written now or kept by an earlier run ({@code --prefix}): what it
 * should hold, the input topics' end offsets, and how many records they really hold.
 */
public record PreparedBacklog(
    BacklogGenerator.Counts expected, Map<TopicPartition, Long> ends, long records) {

  /**
   * Writes the backlog into fresh topics under {@code prefix}, or, with {@code reuse}, checks that
   * an earlier run's are there; warns when the topics do not hold what the options describe.
   */
  public static PreparedBacklog prepare(
      Stack stack,
      BenchTopics admin,
      String prefix,
      BacklogSpec spec,
      int partitions,
      boolean reuse)
      throws Exception {
    Topics topics = new Topics(prefix);
    BacklogGenerator.Counts expected;
    if (!reuse) {
      admin.create(prefix, partitions);
      System.out.printf(
          "writing the backlog: ~%,d events, %,d users, %d days, seed %d, record time %s%n",
          spec.events(),
          spec.users(),
          spec.days(),
          spec.seed(),
          spec.eventTimeStamps() ? "event time" : "producer clock (as the gateway)");
      expected = BacklogWriter.write(spec, topics, stack.bootstrap(), stack.registryApi());
    } else {
      if (!admin.exists(topics.signals) || !admin.exists(topics.outcomes)) {
        throw new IllegalArgumentException("--prefix " + prefix + ": no such backlog topics");
      }
      expected = BacklogGenerator.countsOf(spec);
      System.out.println("reusing the backlog under " + prefix);
    }
    System.out.println("  backlog: " + expected);
    Map<TopicPartition, Long> ends = admin.endOffsets(List.of(topics.signals, topics.outcomes));
    long records = ends.values().stream().mapToLong(Long::longValue).sum();
    if (records != expected.records()) {
      System.out.printf(
          "  warning: the topics hold %,d records, the options describe %,d: pass the options the"
              + " backlog was written with%n",
          records, expected.records());
    }
    return new PreparedBacklog(expected, ends, records);
  }
}
