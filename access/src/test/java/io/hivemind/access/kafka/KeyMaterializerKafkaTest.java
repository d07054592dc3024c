package io.hivemind.access.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The key topic on a real broker: what the writer writes, every materializer shows; a materializer
 * started later loads it all before it says it caught up; a revocation reaches every instance
 * within seconds. Each test has topics of its own.
 */
@Timeout(120)
class KeyMaterializerKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The issue's bound for a revocation to reach every instance. */
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KafkaStack stack = KafkaStack.shared();
  private final Map<String, Object> connection =
      Map.of("bootstrap.servers", stack.bootstrapServers());
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private Topics topics;
  private KeyWriter writer;

  @BeforeEach
  void createTopics() {
    topics = new Topics("keys-" + UUID.randomUUID() + ".");
    stack.createTopics(topics, 1);
    writer = open(new KeyWriter(connection, topics, WAIT));
  }

  @AfterEach
  void closeAll() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  private KeyMaterializer started(Topics topics) {
    return open(new KeyMaterializer(connection, topics)).start();
  }

  private KeyMaterializer caughtUp() throws InterruptedException {
    KeyMaterializer keys = started(topics);
    assertThat(keys.awaitCaughtUp(WAIT)).isTrue();
    return keys;
  }

  private static KeyRecord issue(ApiKey key, String user) {
    return KeyRecord.issue(
        key, user, Tier.PRO, Role.BOT, Instant.now().truncatedTo(ChronoUnit.MILLIS), "test");
  }

  @Test
  void shouldCreateTheKeyTopicCompactedWithOnePartition() throws Exception {
    try (Admin admin = stack.admin()) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.apiKeys);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      int partitions =
          admin
              .describeTopics(List.of(topics.apiKeys))
              .allTopicNames()
              .get()
              .get(topics.apiKeys)
              .partitions()
              .size();

      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(partitions).isEqualTo(1);
    }
  }

  @Test
  void shouldLoadEveryKeyOnTheTopicBeforeSayingItCaughtUp() throws Exception {
    ApiKey first = ApiKey.generate(RANDOM);
    ApiKey second = ApiKey.generate(RANDOM);
    ApiKey revoked = ApiKey.generate(RANDOM);
    writer.write(issue(first, "u1"));
    writer.write(issue(second, "u2"));
    KeyRecord toRevoke = issue(revoked, "u3");
    writer.write(toRevoke);
    writer.write(toRevoke.revoke(Instant.now(), "test", "leaked"));

    KeyMaterializer keys = caughtUp();

    assertThat(keys.directory().size()).isEqualTo(3);
    assertThat(keys.authenticate(first.reveal()).map(Principal::userId)).contains("u1");
    assertThat(keys.authenticate(second.reveal()).map(Principal::userId)).contains("u2");
    assertThat(keys.authenticate(revoked.reveal())).isEmpty();
  }

  @Test
  void shouldCatchUpAtOnceOnAnEmptyTopic() throws Exception {
    KeyMaterializer keys = caughtUp();

    assertThat(keys.directory().size()).isZero();
  }

  @Test
  void shouldRefuseARevokedKeyOnEveryInstanceWithinSeconds() throws Exception {
    KeyMaterializer one = caughtUp();
    KeyMaterializer other = caughtUp();
    ApiKey key = ApiKey.generate(RANDOM);
    KeyRecord record = issue(key, "a1b2c3d4e5f6");

    writer.write(record);

    await()
        .atMost(REVOCATION_BOUND)
        .untilAsserted(
            () -> {
              assertThat(one.authenticate(key.reveal())).contains(record.principal());
              assertThat(other.authenticate(key.reveal())).contains(record.principal());
            });

    writer.write(record.revoke(Instant.now(), "test", "leaked"));

    await()
        .atMost(REVOCATION_BOUND)
        .untilAsserted(
            () -> {
              assertThat(one.authenticate(key.reveal())).isEmpty();
              assertThat(other.authenticate(key.reveal())).isEmpty();
            });
  }

  @Test
  void shouldForgetAKeyDeletedByATombstone() throws Exception {
    KeyMaterializer keys = caughtUp();
    ApiKey key = ApiKey.generate(RANDOM);
    writer.write(issue(key, "u1"));
    await().atMost(WAIT).until(() -> keys.authenticate(key.reveal()).isPresent());

    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(connection, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.apiKeys, key.keyId(), null)).get();
    }

    await().atMost(WAIT).until(() -> keys.directory().find(key.keyId()).isEmpty());
  }

  @Test
  void shouldNotCatchUpPastAnUnreadableRecordUntilALaterOneReplacesIt() throws Exception {
    KeyMaterializer keys = caughtUp();
    ApiKey key = ApiKey.generate(RANDOM);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(connection, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.apiKeys, "abcdefgh2345", "{oops".getBytes(StandardCharsets.UTF_8)))
          .get();
      writer.write(issue(key, "u1"));

      // skipping it could miss a revocation: nothing after it counts until it is read
      await().atMost(WAIT).until(() -> !keys.isCaughtUp());
      assertThat(keys.awaitCaughtUp(Duration.ofSeconds(1))).isFalse();
      assertThat(started(topics).awaitCaughtUp(Duration.ofSeconds(1))).isFalse();

      // an operator's tombstone for the broken record's key replaces it
      producer.send(new ProducerRecord<>(topics.apiKeys, "abcdefgh2345", null)).get();
    }

    await().atMost(WAIT).until(keys::isCaughtUp);
    assertThat(keys.authenticate(key.reveal())).isPresent();
    assertThat(keys.directory().size()).isEqualTo(1);
  }

  @Test
  void shouldWaitForAKeyTopicThatDoesNotExistYetWithoutCreatingIt() throws Exception {
    Topics later = new Topics("keys-" + UUID.randomUUID() + ".");
    KeyMaterializer keys = started(later);

    assertThat(keys.awaitCaughtUp(Duration.ofMillis(500))).isFalse();
    try (Admin admin = stack.admin()) {
      assertThat(admin.listTopics().names().get()).doesNotContain(later.apiKeys);
    }
    stack.createTopics(later, 1);

    assertThat(keys.awaitCaughtUp(WAIT)).isTrue();
  }
}
