package io.hivemind.bench.backlog;

import io.hivemind.schema.TopicProvisioner;
import io.hivemind.schema.Topics;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * A benchmark's own topics: every topic of a deployment under a run-specific prefix, so nothing
 * live is read or written, and their removal afterwards (with the internal topics and consumer
 * groups of the Kafka Streams applications the run started).
 */
public final class BenchTopics implements AutoCloseable {

  private final Admin admin;

  public BenchTopics(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "hivemind-bench-admin");
    this.admin = Admin.create(props);
  }

  /** {@code <what>-<yyyyMMdd-HHmmss>.}: a prefix no earlier run used. */
  public static String runPrefix(String what) {
    return what
        + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + ".";
  }

  public Admin admin() {
    return admin;
  }

  /** Creates every topic of a deployment under {@code prefix} (none is left to auto-creation). */
  public Topics create(String prefix, int partitions) throws Exception {
    Topics topics = new Topics(prefix);
    new TopicProvisioner(admin)
        .createMissing(topics, partitions, TopicProvisioner.Replication.SINGLE);
    return topics;
  }

  public boolean exists(String topic) throws Exception {
    return admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic);
  }

  public int partitions(String topic) throws Exception {
    TopicDescription description =
        admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    return description.partitions().size();
  }

  /** The end offset of every partition of {@code topics}. */
  public Map<TopicPartition, Long> endOffsets(Collection<String> topics) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
    descriptions.forEach(
        (name, description) ->
            description
                .partitions()
                .forEach(
                    p ->
                        request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  /**
   * Deletes the topics under {@code prefix} and those of the given Kafka Streams applications
   * ({@code <application id>-…}: changelogs, repartition topics), and the applications' consumer
   * groups. Best effort: prints what failed and carries on.
   */
  public void deleteAll(String prefix, Collection<String> applicationIds) {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<String> doomed = new ArrayList<>();
      for (String name : names) {
        boolean ours = prefix != null && name.startsWith(prefix);
        for (String id : applicationIds) {
          ours |= name.startsWith(id + "-");
        }
        if (ours) {
          doomed.add(name);
        }
      }
      deleteGroups(applicationIds);
      if (!doomed.isEmpty()) {
        admin.deleteTopics(doomed).all().get(60, TimeUnit.SECONDS);
        System.out.printf("  cleanup: deleted %d topics (%s…)%n", doomed.size(), doomed.get(0));
      }
    } catch (Exception e) {
      System.out.println("  cleanup: could not delete the bench topics under " + prefix + ": " + e);
    }
  }

  /**
   * Deletes the groups; a Kafka Streams member does not leave its group on close, so a group stays
   * non-empty until the member's session times out: retried for up to a minute.
   */
  private void deleteGroups(Collection<String> groupIds) {
    List<String> left = new ArrayList<>(groupIds);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!left.isEmpty()) {
      Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
          admin.deleteConsumerGroups(left).deletedGroups();
      List<String> retry = new ArrayList<>();
      results.forEach(
          (group, result) -> {
            try {
              result.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
              if (e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException) {
                retry.add(group);
              }
              // GroupIdNotFoundException: it never committed, nothing to delete
            } catch (Exception e) {
              retry.add(group);
            }
          });
      if (retry.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        System.out.println("  cleanup: consumer groups still in use, left: " + retry);
        return;
      }
      left = retry;
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
