package io.hivemind.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics that do not exist yet, replicated as the deployment says; existing topics are
 * left as they are. Runnable from the command line: {@code TopicProvisioner <bootstrap>
 * <partitions> [prefix [replication-factor min-insync-replicas]]} (one and one unless given).
 */
public final class TopicProvisioner {

  private static final long WAIT_MILLIS = 30_000;

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /**
   * How many copies of each partition the cluster keeps, and how many must have a write before it
   * is acknowledged (acks=all): the topic's {@code min.insync.replicas}.
   */
  public record Replication(short factor, int minInsyncReplicas) {

    /** One broker: one copy. */
    public static final Replication SINGLE = new Replication((short) 1, 1);

    public Replication {
      if (factor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > factor) {
        throw new IllegalArgumentException(
            "replication factor "
                + factor
                + " with min.insync.replicas "
                + minInsyncReplicas
                + ": both at least 1, min.insync.replicas at most the factor");
      }
    }
  }

  /**
   * Returns the names of the topics it created. Waits (bounded) for as many brokers as the
   * replication factor: a cluster's brokers register one by one after it starts.
   */
  public List<String> createMissing(Topics topics, int partitions, Replication replication)
      throws ExecutionException, InterruptedException, TimeoutException {
    awaitBrokers(replication.factor());
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing =
        topics.specs().stream()
            .filter(spec -> !existing.contains(spec.name()))
            .map(spec -> newTopic(spec, partitions, replication))
            .toList();
    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    return missing.stream().map(NewTopic::name).toList();
  }

  static NewTopic newTopic(Topics.TopicSpec spec, int partitions, Replication replication) {
    Map<String, String> config = new HashMap<>(spec.config());
    config.put(
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replication.minInsyncReplicas()));
    return new NewTopic(spec.name(), spec.partitionsOr(partitions), replication.factor())
        .configs(config);
  }

  private void awaitBrokers(int brokers)
      throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    int seen;
    while ((seen = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size()) < brokers) {
      if (System.currentTimeMillis() > deadline) {
        throw new TimeoutException(
            seen + " brokers after " + WAIT_MILLIS + " ms, replication factor " + brokers);
      }
      Thread.sleep(500);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length == 4 || args.length > 5) {
      System.err.println(
          "usage: TopicProvisioner <bootstrap-servers> <partitions>"
              + " [prefix [replication-factor min-insync-replicas]]");
      System.exit(2);
    }
    Topics topics = new Topics(args.length > 2 ? args[2] : Topics.DEFAULT_PREFIX);
    Replication replication =
        args.length > 3
            ? new Replication(Short.parseShort(args[3]), Integer.parseInt(args[4]))
            : Replication.SINGLE;
    Properties props = new Properties();
    props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]));
    try (Admin admin = Admin.create(props)) {
      List<String> created =
          new TopicProvisioner(admin).createMissing(topics, Integer.parseInt(args[1]), replication);
      System.out.println(
          created.isEmpty()
              ? "topics: all present"
              : "topics created: "
                  + String.join(", ", created)
                  + " (replication factor "
                  + replication.factor()
                  + ", min.insync.replicas "
                  + replication.minInsyncReplicas()
                  + ")");
    }
  }
}
