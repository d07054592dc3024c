package io.hivemind.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.hivemind.schema.transactions.OpenTransaction;
import io.hivemind.schema.transactions.Sweep;
import io.hivemind.schema.transactions.TransactionWatchdog;
import io.hivemind.schema.transactions.WatchedTopics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watchdog on a real broker: it aborts a hanging transaction, after which {@code
 * read_committed} readers of the partition move on, and it leaves alone a transaction the
 * coordinator still drives. The broker keeps its default {@code transaction.max.timeout.ms} (15
 * min), which the watchdog reads; the tests move the watchdog's clock instead of waiting.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TransactionWatchdogTest {

  private static final Duration MARGIN = Duration.ofMinutes(1);

  /** Past the broker's 15 min and the margin. */
  private static final Duration LATER = Duration.ofMinutes(20);

  private final KafkaStack stack = KafkaStack.shared();
  private final String prefix = "watchdog-" + UUID.randomUUID() + ".";
  private final TopicPartition watched = new TopicPartition(prefix + "user-stats", 0);
  private final String elsewhere = "watchdog-elsewhere-" + UUID.randomUUID();
  private Admin admin;

  @BeforeEach
  void createTopics() throws Exception {
    admin = stack.admin();
    admin
        .createTopics(
            List.of(
                new NewTopic(watched.topic(), 1, (short) 1), new NewTopic(elsewhere, 1, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  private TransactionWatchdog watchdog(Clock clock) {
    return new TransactionWatchdog(
        admin, WatchedTopics.of(prefix), MARGIN, Optional.empty(), clock);
  }

  private static Clock later() {
    return Clock.offset(Clock.systemUTC(), LATER);
  }

  @Test
  void shouldAbortAHangingTransactionSoThatReadCommittedReadersMoveOn() throws Exception {
    // A learner's transactional id the coordinator knows, idle (Empty / CompleteCommit) after a
    // transaction on another topic: like issue 13's old learner producer.
    String transactionalId = "watchdog-learner-" + UUID.randomUUID();
    try (KafkaProducer<String, String> learner = transactional(transactionalId, 10_000)) {
      learner.initTransactions();
      learner.beginTransaction();
      learner.send(new ProducerRecord<>(elsewhere, "k", "elsewhere"));
      learner.commitTransaction();
    }
    TransactionDescription coordinator =
        admin
            .describeTransactions(List.of(transactionalId))
            .description(transactionalId)
            .get(30, TimeUnit.SECONDS);
    send("before");
    UntrackedTransactionalWrite.write(
        stack,
        watched,
        transactionalId,
        coordinator.producerId(),
        (short) coordinator.producerEpoch(),
        System.currentTimeMillis(),
        "hanging".getBytes(StandardCharsets.UTF_8));
    send("after");
    assertThat(lastStableOffset()).isEqualTo(1L);
    assertThat(endOffset()).isEqualTo(3L);

    TransactionWatchdog watchdog = watchdog(later());
    Sweep sweep = watchdog.sweep();

    assertThat(sweep.aborted())
        .extracting(OpenTransaction::partitionName, OpenTransaction::producerId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(watched.topic() + "-0", coordinator.producerId()));
    assertThat(sweep.stuck()).isEmpty();
    assertThat(sweep.bound()).isEqualTo(Duration.ofMinutes(16));
    assertThat(watchdog.abortedTotal()).isEqualTo(1);
    assertThat(readCommitted(2)).containsExactly("before", "after");
    assertThat(lastStableOffset()).isEqualTo(endOffset());
    Sweep next = watchdog.sweep();
    assertThat(next.aborted()).isEmpty();
    assertThat(next.stuck()).isEmpty();
  }

  @Test
  void shouldLeaveAnOrdinaryOngoingTransactionAlone() throws Exception {
    try (KafkaProducer<String, String> producer =
        transactional("watchdog-ordinary-" + UUID.randomUUID(), 60_000)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer
          .send(new ProducerRecord<>(watched.topic(), "k", "ongoing"))
          .get(30, TimeUnit.SECONDS);

      TransactionWatchdog watchdog = watchdog(Clock.systemUTC());
      Sweep sweep = watchdog.sweep();

      assertThat(sweep.aborted()).isEmpty();
      assertThat(sweep.stuck()).isEmpty();
      producer.commitTransaction();
    }
    assertThat(readCommitted(1)).containsExactly("ongoing");
  }

  @Test
  void shouldLeaveToTheCoordinatorATransactionItStillDrivesEvenPastTheBound() throws Exception {
    try (KafkaProducer<String, String> producer =
        transactional("watchdog-slow-" + UUID.randomUUID(), 60_000)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(watched.topic(), "k", "slow")).get(30, TimeUnit.SECONDS);

      TransactionWatchdog watchdog = watchdog(later());
      Sweep sweep = watchdog.sweep();

      // Older than the bound by the watchdog's clock, but the coordinator lists the partition in
      // its ongoing transaction: reported stuck, not aborted, and its commit still goes through.
      assertThat(sweep.aborted()).isEmpty();
      assertThat(sweep.stuckPartitions()).containsExactly(watched.topic() + "-0");
      assertThat(watchdog.abortedTotal()).isZero();
      producer.commitTransaction();
    }
    assertThat(readCommitted(1)).containsExactly("slow");
  }

  private KafkaProducer<String, String> transactional(String transactionalId, int timeoutMs) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, timeoutMs);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(props);
  }

  private void send(String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(watched.topic(), "k", value)).get(30, TimeUnit.SECONDS);
    }
  }

  private long lastStableOffset() throws Exception {
    return offset(IsolationLevel.READ_COMMITTED);
  }

  private long endOffset() throws Exception {
    return offset(IsolationLevel.READ_UNCOMMITTED);
  }

  private long offset(IsolationLevel isolation) throws Exception {
    return admin
        .listOffsets(Map.of(watched, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
        .partitionResult(watched)
        .get(30, TimeUnit.SECONDS)
        .offset();
  }

  /** The values a read_committed reader gets, once it has {@code count} of them. */
  private List<String> readCommitted(int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(List.of(watched));
      consumer.seekToBeginning(List.of(watched));
      Awaitility.await("read_committed reader gets " + count + " records")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  values.add(record.value());
                }
                return values.size() >= count;
              });
    }
    return values;
  }
}
