package io.hivemind.bench.ingest;

import io.hivemind.bench.Stack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own {@code org.apache.kafka.tools.ProducerPerformance}, run from the broker's libraries
 * as a child process against the stack's broker, into a topic made for the run (the stack's
 * partition count, replication 1) and deleted after it.
 */
final class ProducerPerformanceRun {

  /** Its last line: {@code N records sent, R records/sec (M MB/sec), A ms avg latency, …}. */
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms"
              + " 99th, (\\d+) ms 99.9th.*");

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** What the tool reported. */
  record Result(
      long records,
      double recordsPerSecond,
      double megabytesPerSecond,
      double avgLatencyMs,
      int p50Ms,
      int p99Ms,
      String line) {}

  private ProducerPerformanceRun() {}

  static Path kafkaLibs(Stack stack) {
    return stack.root().resolve("local-stack").resolve("target").resolve("kafka").resolve("libs");
  }

  /** Empty (with the reason printed) when the broker's libraries are not there. */
  static Optional<Result> run(
      Stack stack, String topic, long records, int recordSize, PrintStream out)
      throws IOException, InterruptedException {
    Path libs = kafkaLibs(stack);
    if (!Files.isDirectory(libs)) {
      out.println("  skipped: no broker libraries at " + libs + " (./hivemind up unpacks them)");
      return Optional.empty();
    }
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, stack.partitions(), (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      try {
        return Optional.of(produce(stack, libs, topic, records, recordSize, out));
      } finally {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("bench topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private static Result produce(
      Stack stack, Path libs, String topic, long records, int recordSize, PrintStream out)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(libs.resolve("*").toString());
    command.add("org.apache.kafka.tools.ProducerPerformance");
    command.addAll(
        List.of(
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            Integer.toString(recordSize),
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + stack.bootstrap(),
            "acks=all"));
    out.println("  $ " + String.join(" ", command.subList(3, command.size())));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = null;
    List<String> other = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.contains("records sent")) {
          out.println("    " + line);
          last = line;
        } else if (other.size() < 40) {
          other.add(line);
        }
      }
    }
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("ProducerPerformance did not finish in " + TIMEOUT);
    }
    if (process.exitValue() != 0 || last == null) {
      other.forEach(line -> out.println("    | " + line));
      throw new IOException("ProducerPerformance failed (exit " + process.exitValue() + ")");
    }
    Matcher summary = SUMMARY.matcher(last.trim());
    if (!summary.matches()) {
      throw new IOException("unexpected ProducerPerformance summary: " + last);
    }
    return new Result(
        Long.parseLong(summary.group(1)),
        Double.parseDouble(summary.group(2)),
        Double.parseDouble(summary.group(3)),
        Double.parseDouble(summary.group(4)),
        Integer.parseInt(summary.group(7)),
        Integer.parseInt(summary.group(9)),
        last.trim());
  }
}
