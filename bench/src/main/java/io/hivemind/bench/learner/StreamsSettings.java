package io.hivemind.bench.learner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The learner's Kafka Streams configuration as learner-streams runs it (its {@code
 * application.properties}: commit interval, guarantee, naming, standbys, session timeout; every
 * other setting at Kafka Streams' default, as Quarkus leaves it), with a fresh application id and
 * state directory, plus the overrides a deployer could set ({@code kafka-streams.*} properties).
 */
public final class StreamsSettings {

  /** learner-streams' {@code kafka-streams.commit.interval.ms}. */
  public static final long LIVE_COMMIT_INTERVAL_MS = 50;

  private StreamsSettings() {}

  public static Properties live(
      String applicationId,
      String bootstrap,
      Path stateDir,
      String guarantee,
      Map<String, String> overrides) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(LIVE_COMMIT_INTERVAL_MS));
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    // one standby (placed only once a second instance runs) and leave the group on close (ADR 17)
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
    props.put(StreamsConfig.mainConsumerPrefix("internal.leave.group.on.close"), "true");
    props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), "10000");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.putAll(overrides);
    return props;
  }

  /**
   * The settings a run changes from the live ones: {@code --threads} (1: the live value), {@code
   * --commit-interval} in ms ({@link #LIVE_COMMIT_INTERVAL_MS}: the live value), {@code
   * --cache-bytes} (null: Kafka Streams' default), then {@code --streams} ({@link
   * #parseOverrides}), in that order.
   */
  public static Map<String, String> overrides(
      int threads, long commitIntervalMs, Long cacheBytes, String streams) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (threads != 1) {
      overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(threads));
    }
    if (commitIntervalMs != LIVE_COMMIT_INTERVAL_MS) {
      overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(commitIntervalMs));
    }
    if (cacheBytes != null) {
      overrides.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(cacheBytes));
    }
    overrides.putAll(parseOverrides(streams));
    return overrides;
  }

  /**
   * {@code key=value,key=value} (Kafka Streams property names, {@code producer.}/{@code consumer.}
   * prefixes allowed), in order.
   */
  public static Map<String, String> parseOverrides(String text) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return overrides;
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1) {
        throw new IllegalArgumentException(
            "--streams takes key=value,key=value (e.g. num.stream.threads=2,"
                + "producer.linger.ms=5), got: "
                + pair);
      }
      String key = pair.substring(0, equals).trim();
      if (key.equals(StreamsConfig.APPLICATION_ID_CONFIG)
          || key.equals(StreamsConfig.STATE_DIR_CONFIG)
          || key.equals(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)) {
        throw new IllegalArgumentException(
            "--streams may not set " + key + ": the benchmark sets it (use --guarantees)");
      }
      overrides.put(key, pair.substring(equals + 1).trim());
    }
    return overrides;
  }

  /** Fails with the option's name on a setting Kafka Streams does not accept. */
  public static void validate(Properties props) {
    try {
      new StreamsConfig(props);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--streams: " + e.getMessage());
    }
  }
}
