package io.hivemind.schema;

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

/**
 * Creates the topics that do not exist yet; existing topics are left as they are. Runnable from the
 * command line: {@code TopicProvisioner <bootstrap> <partitions> [prefix]}.
 */
public final class TopicProvisioner {

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /** Returns the names of the topics it created. */
  public List<String> createMissing(Topics topics, int partitions, short replicationFactor)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing =
        topics.specs().stream()
            .filter(spec -> !existing.contains(spec.name()))
            .map(
                spec ->
                    new NewTopic(spec.name(), spec.partitionsOr(partitions), replicationFactor)
                        .configs(spec.config()))
            .toList();
    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    return missing.stream().map(NewTopic::name).toList();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TopicProvisioner <bootstrap-servers> <partitions> [prefix]");
      System.exit(2);
    }
    Topics topics = new Topics(args.length > 2 ? args[2] : Topics.DEFAULT_PREFIX);
    Properties props = new Properties();
    props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]));
    try (Admin admin = Admin.create(props)) {
      List<String> created =
          new TopicProvisioner(admin).createMissing(topics, Integer.parseInt(args[1]), (short) 1);
      System.out.println(
          created.isEmpty()
              ? "topics: all present"
              : "topics created: " + String.join(", ", created));
    }
  }
}
