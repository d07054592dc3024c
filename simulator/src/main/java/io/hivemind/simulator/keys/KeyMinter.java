package io.hivemind.simulator.keys;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.access.kafka.KeyTopics;
import io.hivemind.access.kafka.KeyWriter;
import io.hivemind.schema.KafkaEnvironment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issues bot keys for simulated users, as {@code ./hivemind keys create --role bot} would, straight
 * to the key topic through one {@link KeyWriter}: the demo's fleet and the benchmarks' users get
 * theirs here. The secrets exist only in the {@link BotKeys} returned; the topic holds their
 * hashes.
 */
public final class KeyMinter {

  /** How long the topic check, and each write, may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * Writes in flight at once. Each {@link KeyWriter#write} waits for its acknowledgement, so a few
   * writers let the producer batch: a thousand keys take a few round trips, not a thousand.
   */
  private static final int WRITERS = 8;

  private final KafkaEnvironment kafka;
  private final String createdBy;
  private final Duration timeout;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param createdBy what the records name as their creator, e.g. {@code demo} or {@code bench
   *     ingest}
   */
  public KeyMinter(KafkaEnvironment kafka, String createdBy) {
    this(kafka, createdBy, TIMEOUT, Clock.systemUTC());
  }

  KeyMinter(KafkaEnvironment kafka, String createdBy, Duration timeout, Clock clock) {
    this.kafka = kafka;
    this.createdBy = createdBy;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** One key per user, every one in {@code tier}. */
  public BotKeys mint(List<String> userIds, Tier tier) {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    userIds.forEach(user -> tiers.put(user, tier));
    return mint(tiers);
  }

  /**
   * One new key per user, role bot, in that user's tier. Returns once the broker has every record
   * (acks=all); the last user's record is written after all the others, so a service that accepts
   * its key has read them all ({@link KeyAcceptance}).
   *
   * @param tiers user id → tier, in the order to mint them
   * @throws KeyTopicException Kafka did not answer, the key topic does not exist, or a write was
   *     not acknowledged in time
   * @throws IllegalArgumentException a user id a key record cannot hold
   */
  public BotKeys mint(Map<String, Tier> tiers) {
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("no users to mint keys for");
    }
    Instant now = clock.instant();
    Map<String, ApiKey> keys = new LinkedHashMap<>();
    List<KeyRecord> records = new ArrayList<>(tiers.size());
    tiers.forEach(
        (user, tier) -> {
          ApiKey key = ApiKey.generate(random);
          keys.put(user, key);
          records.add(KeyRecord.issue(key, user, tier, Role.BOT, now, createdBy));
        });
    // a producer must not be the first to touch a missing topic: it could be auto-created, and
    // not compacted
    KeyTopics.requireExists(kafka.connection(), kafka.topics().apiKeys, timeout);
    try (KeyWriter writer = new KeyWriter(kafka.connection(), kafka.topics(), timeout)) {
      writeAll(writer, records.subList(0, records.size() - 1));
      writer.write(records.get(records.size() - 1));
    }
    return BotKeys.of(keys);
  }

  private static void writeAll(KeyWriter writer, List<KeyRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    int writers = Math.min(WRITERS, records.size());
    List<Callable<Void>> tasks = new ArrayList<>(writers);
    for (int w = 0; w < writers; w++) {
      int first = w;
      tasks.add(
          () -> {
            for (int i = first; i < records.size(); i += writers) {
              writer.write(records.get(i));
            }
            return null;
          });
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            writers,
            runnable -> {
              Thread thread = new Thread(runnable, "key-writer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new KeyTopicException("could not write the keys: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyTopicException("interrupted while writing the keys", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
