package io.hivemind.chaos.fault;

import io.hivemind.schema.KafkaEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The running stack as {@code ./hivemind} started it, to hurt and heal: its processes by the PID
 * files under {@code $HIVEMIND_HOME/pids} (only those: nothing else on the machine is touched), the
 * launcher to restart what died, the services' readiness, and the learner's progress read from
 * Kafka.
 */
public final class StackControl implements AutoCloseable {

  private static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

  private final Path root;
  private final Path home;
  private final Path log;
  private final Map<String, URI> readiness;
  private final KafkaEnvironment kafka;
  private final String learnerGroup;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Admin admin;

  /**
   * @param readiness each service's name and its {@code /q/health/ready}
   * @param log where the launcher's output goes
   */
  public StackControl(
      Path root,
      Path home,
      Path log,
      Map<String, URI> readiness,
      KafkaEnvironment kafka,
      String learnerGroup) {
    this.root = root;
    this.home = home;
    this.log = log;
    this.readiness = readiness;
    this.kafka = kafka;
    this.learnerGroup = learnerGroup;
    Map<String, Object> settings = new HashMap<>(kafka.connection());
    settings.put("request.timeout.ms", (int) KAFKA_TIMEOUT.toMillis());
    settings.put("default.api.timeout.ms", (int) KAFKA_TIMEOUT.toMillis());
    this.admin = Admin.create(settings);
  }

  /** The PID the launcher recorded for {@code name}, if its file is there. */
  public Optional<Long> pid(String name) {
    Path file = home.resolve("pids").resolve(name + ".pid");
    try {
      return Optional.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The Kafka nodes the launcher started: {@code kafka}, and {@code kafka-2}, … on a cluster. */
  public List<String> kafkaNodes() {
    List<String> nodes = new ArrayList<>();
    try (Stream<Path> files = Files.list(home.resolve("pids"))) {
      files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("kafka(-[0-9]+)?\\.pid"))
          .map(name -> name.substring(0, name.length() - ".pid".length()))
          .sorted()
          .forEach(nodes::add);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + home.resolve("pids"), e);
    }
    return nodes;
  }

  /** Sends {@code signal} (KILL, STOP, CONT) to {@code name}'s process; its PID. */
  public long signal(String name, String signal) throws IOException, InterruptedException {
    long pid =
        pid(name).orElseThrow(() -> new IOException("no PID file for " + name + " under " + home));
    Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -s " + signal + " " + pid + " (" + name + ") failed");
    }
    return pid;
  }

  /**
   * Runs {@code ./hivemind args…} with this process's environment (the stack's settings), its
   * output appended to the drill's launcher log; true when it exited 0 within the bound.
   */
  public boolean launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("hivemind").toString());
    command.addAll(List.of(args));
    Files.writeString(
        log,
        "\n$ ./hivemind " + String.join(" ", args) + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    Process process =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(LAUNCHER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroy();
      return false;
    }
    return process.exitValue() == 0;
  }

  /** The services not answering ready now (empty: all are). */
  public List<String> notReady() throws InterruptedException {
    List<String> down = new ArrayList<>();
    for (Map.Entry<String, URI> service : readiness.entrySet()) {
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(service.getValue()).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
          down.add(service.getKey());
        }
      } catch (IOException e) {
        down.add(service.getKey());
      }
    }
    return down;
  }

  /** The end offsets of the learner's inputs (signals and outcomes) now. */
  public Map<TopicPartition, Long> inputEnds() throws InterruptedException {
    return ends(
        List.of(kafka.topics().signals, kafka.topics().outcomes), IsolationLevel.READ_UNCOMMITTED);
  }

  /**
   * Whether the learner has committed (in its transactions, with what it learned from them) every
   * input record below {@code ends}. Under load its outputs always have a transaction open, so this
   * is the measure while the fleet runs.
   */
  public boolean learnedUpTo(Map<TopicPartition, Long> ends) throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(learnerGroup)
              .partitionsToOffsetAndMetadata()
              .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false; // Kafka unreachable or the group not there yet: not caught up
    }
  }

  /**
   * {@link #learnedUpTo} and no transaction open on the learner's outputs (each output partition's
   * last stable offset is its end): everything written is learned and readable. Once the fleet has
   * stopped.
   */
  public boolean caughtUpWith(Map<TopicPartition, Long> ends) throws InterruptedException {
    if (!learnedUpTo(ends)) {
      return false;
    }
    List<String> outputs =
        List.of(
            kafka.topics().experiences, kafka.topics().userStats, kafka.topics().communityStats);
    try {
      return ends(outputs, IsolationLevel.READ_COMMITTED)
          .equals(ends(outputs, IsolationLevel.READ_UNCOMMITTED));
    } catch (IllegalStateException e) {
      return false; // Kafka unreachable: not caught up
    }
  }

  private Map<TopicPartition, Long> ends(List<String> topics, IsolationLevel isolation)
      throws InterruptedException {
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      var descriptions =
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      descriptions.forEach(
          (topic, description) -> {
            for (TopicPartitionInfo partition : description.partitions()) {
              request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
          });
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(request, new ListOffsetsOptions(isolation))
          .all()
          .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .forEach((partition, info) -> ends.put(partition, info.offset()));
      return ends;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topics, e);
    }
  }

  @Override
  public void close() {
    admin.close(KAFKA_TIMEOUT);
  }
}
