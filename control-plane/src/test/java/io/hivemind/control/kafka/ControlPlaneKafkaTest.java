package io.hivemind.control.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hivemind.control.domain.AuditRecord;
import io.hivemind.control.domain.BotContext;
import io.hivemind.control.domain.ControlEntry;
import io.hivemind.control.domain.ControlSnapshot;
import io.hivemind.control.domain.LearningState;
import io.hivemind.control.domain.Provenance;
import io.hivemind.control.domain.Scope;
import io.hivemind.control.domain.Setting;
import io.hivemind.control.domain.TradingState;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.ControlCommand;
import io.hivemind.schema.ControlState;
import io.hivemind.schema.SelfDescribingSerdes;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control plane against a real broker: what one instance publishes every instance's view shows,
 * a view started later loads, the audit trail reads back, and a record nobody can read leaves the
 * view unknown rather than skipped. The registry is used only to write records the way they were
 * written before ADR 10. Each test has topics of its own.
 */
@Timeout(120)
class ControlPlaneKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final KafkaStack stack = KafkaStack.shared();
  private final AvroSerdes registrySerdes = AvroSerdes.registry(stack.registryUrl());
  private final Map<String, Object> connection =
      Map.of("bootstrap.servers", stack.bootstrapServers());
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private Topics topics;
  private ControlPublisher publisher;

  @BeforeEach
  void createTopics() {
    topics = new Topics("ctl-" + UUID.randomUUID() + ".");
    stack.createTopics(topics, 1);
    publisher = publisherWith(SelfDescribingSerdes.anyRecord());
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

  private ControlPublisher publisherWith(Serializer<SpecificRecord> values) {
    return open(new ControlPublisher(connection, topics, values, WAIT));
  }

  private ControlView startedView(String topic) {
    return open(new ControlView(
            connection,
            topic,
            SelfDescribingSerdes.of(ControlState.class).deserializer(),
            Clock.systemUTC()))
        .start();
  }

  private ControlView startedView() {
    return startedView(topics.control);
  }

  private AuditTrail auditTrail() {
    return new AuditTrail(
        connection,
        topics.audit,
        SelfDescribingSerdes.of(ControlCommand.class).deserializer(),
        WAIT);
  }

  private static ControlEntry entry(Scope scope, Setting setting, String reason) {
    return entry(scope, setting, reason, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static ControlEntry entry(Scope scope, Setting setting, String reason, Instant at) {
    return new ControlEntry(
        scope, setting, new Provenance(UUID.randomUUID().toString(), at, "ops:alice", reason));
  }

  private static ControlEntry halt(Scope scope) {
    return entry(scope, new Setting.ManualTrading(TradingState.HALTED), "halt " + scope);
  }

  private static String idOf(ControlEntry entry) {
    return entry.provenance().commandId();
  }

  /** Bytes no publisher writes, as a broken or foreign writer might leave them. */
  private void produceRaw(String topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(connection, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void shouldShowAPublishedSettingInEveryView() throws Exception {
    ControlView first = startedView();
    ControlView second = startedView();
    assertThat(first.awaitLoaded(WAIT)).isTrue();
    assertThat(second.awaitLoaded(WAIT)).isTrue();
    ControlEntry halt = halt(Scope.GLOBAL);

    publisher.publish("emergency.halt_all", "ops:alice", Optional.empty(), halt);

    BotContext bot = new BotContext("abc", "pro", null);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(first.evaluate(bot).tradingState()).isEqualTo(TradingState.HALTED);
              assertThat(second.evaluate(bot).tradingState()).isEqualTo(TradingState.HALTED);
            });
    assertThat(first.snapshot().entries()).containsExactly(halt);
  }

  @Test
  void shouldConfirmThePublishedCommand() throws Exception {
    ControlView view = startedView();
    ControlEntry pause =
        entry(Scope.user("abc"), new Setting.ManualTrading(TradingState.REDUCING), "user asked");

    publisher.publish("trading.pause", "ops:alice", Optional.empty(), pause);

    assertThat(view.awaitCommand(idOf(pause), WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactly(pause);
  }

  @Test
  void shouldNotConfirmACommandThatWasNeverPublished() throws Exception {
    ControlView view = startedView();
    assertThat(view.awaitLoaded(WAIT)).isTrue();

    assertThat(view.awaitCommand("never-published", Duration.ofMillis(300))).isFalse();
  }

  @Test
  void shouldBeLoadedOnAnEmptyTopic() throws Exception {
    ControlView view = startedView();

    assertThat(view.awaitLoaded(WAIT)).isTrue();
    assertThat(view.isLoaded()).isTrue();
    assertThat(view.snapshot()).isEqualTo(ControlSnapshot.EMPTY);
  }

  @Test
  void shouldLoadSettingsPublishedBeforeItStarted() throws Exception {
    ControlEntry halt = halt(Scope.symbol("ES"));
    ControlEntry learning =
        entry(Scope.GLOBAL, new Setting.Learning(LearningState.PAUSED), "retraining");
    ControlEntry pause =
        entry(Scope.user("abc"), new Setting.ManualTrading(TradingState.REDUCING), "pause");
    ControlEntry resume =
        entry(Scope.user("abc"), new Setting.ManualTrading(TradingState.ACTIVE), "resume");
    publisher.publish("symbol.halt", "ops:alice", Optional.empty(), halt);
    publisher.publish("learning.pause", "ops:alice", Optional.empty(), learning);
    publisher.publish("trading.pause", "ops:alice", Optional.empty(), pause);
    publisher.publish("trading.resume", "ops:alice", Optional.of(pause), resume);

    ControlView restarted = startedView();

    assertThat(restarted.awaitLoaded(WAIT)).isTrue();
    assertThat(restarted.snapshot().entries()).containsExactlyInAnyOrder(halt, learning, resume);
    assertThat(restarted.snapshot().learning()).isEqualTo(LearningState.PAUSED);
  }

  @Test
  void shouldTellListenersOfAChange() throws Exception {
    ControlView view = startedView();
    List<ControlSnapshot> seen = new CopyOnWriteArrayList<>();
    view.onChange(seen::add);
    assertThat(view.awaitLoaded(WAIT)).isTrue();
    ControlEntry maintenance = entry(Scope.tier("pro"), new Setting.MaintenanceMode(true), "db");

    publisher.publish("maintenance.enable", "ops:alice", Optional.empty(), maintenance);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(seen)
                    .anySatisfy(
                        snapshot -> assertThat(snapshot.contains(idOf(maintenance))).isTrue()));
  }

  @Test
  void shouldReadTheLatestCommandsNewestFirstWithTheirWhoWhyAndWhat() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Setting reducing = new Setting.ManualTrading(TradingState.REDUCING);
    ControlEntry pause = entry(Scope.user("abc"), reducing, "too volatile", start);
    ControlEntry halt =
        entry(
            Scope.user("abc"),
            new Setting.ManualTrading(TradingState.HALTED),
            "runaway bot",
            start.plusSeconds(1));
    ControlEntry maintenance =
        entry(
            Scope.GLOBAL,
            new Setting.MaintenanceMode(true),
            "broker upgrade",
            start.plusSeconds(2));
    publisher.publish("trading.pause", "ops:alice", Optional.empty(), pause);
    publisher.publish("trading.halt", "ops:bob", Optional.of(pause), halt);
    publisher.publish("maintenance.enable", "ops:carol", Optional.empty(), maintenance);

    List<AuditRecord> latest = auditTrail().latest(2);

    assertThat(latest)
        .containsExactly(
            new AuditRecord(
                idOf(maintenance),
                "maintenance.enable",
                Scope.GLOBAL,
                "ops:carol",
                "broker upgrade",
                maintenance.provenance().at(),
                Optional.empty(),
                maintenance),
            new AuditRecord(
                idOf(halt),
                "trading.halt",
                Scope.user("abc"),
                "ops:bob",
                "runaway bot",
                halt.provenance().at(),
                Optional.of(pause),
                halt));
  }

  @Test
  void shouldReadTheWholeAuditTrailWhenAskedForMore() {
    List<String> newestFirst = new ArrayList<>();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < 3; i++) {
      ControlEntry entry =
          entry(
              Scope.user("u" + i),
              new Setting.ManualTrading(TradingState.HALTED),
              "n" + i,
              start.plusSeconds(i));
      publisher.publish("trading.halt", "ops:alice", Optional.empty(), entry);
      newestFirst.add(0, idOf(entry));
    }

    assertThat(auditTrail().latest(10)).extracting(AuditRecord::commandId).isEqualTo(newestFirst);
  }

  @Test
  void shouldListCommandsOfTheSameMillisecondNewestAppliedFirst() {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ControlEntry entry =
          entry(Scope.user("u" + i), new Setting.ManualTrading(TradingState.HALTED), "n" + i, at);
      publisher.publish("trading.halt", "ops:alice", Optional.empty(), entry);
      newestFirst.add(0, idOf(entry));
    }

    assertThat(auditTrail().latest(3))
        .extracting(AuditRecord::commandId)
        .isEqualTo(newestFirst.subList(0, 3));
  }

  @Test
  void shouldReadAnEmptyAuditTrail() {
    assertThat(auditTrail().latest(5)).isEmpty();
  }

  @Test
  void shouldApplyNothingWhenTheAuditRecordCannotBeWritten() throws Exception {
    Serializer<SpecificRecord> values = SelfDescribingSerdes.anyRecord();
    ControlPublisher failing =
        publisherWith(
            (topic, record) -> {
              if (record instanceof ControlCommand) {
                throw new IllegalStateException("serializer failed");
              }
              return values.serialize(topic, record);
            });
    ControlEntry lost = halt(Scope.user("abc"));
    ControlEntry later = halt(Scope.user("def"));

    assertThatThrownBy(() -> failing.publish("trading.halt", "ops:alice", Optional.empty(), lost))
        .isInstanceOf(ControlPublisher.ControlWriteException.class);
    publisher.publish("trading.halt", "ops:alice", Optional.empty(), later);

    ControlView view = startedView();
    assertThat(view.awaitCommand(idOf(later), WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactly(later);
    assertThat(auditTrail().latest(10))
        .extracting(AuditRecord::commandId)
        .containsExactly(idOf(later));
  }

  @Test
  void shouldTakeTheNextCommandAfterOneThatFailed() throws Exception {
    Serializer<SpecificRecord> values = SelfDescribingSerdes.anyRecord();
    AtomicBoolean failNextAudit = new AtomicBoolean(true);
    ControlPublisher flaky =
        publisherWith(
            (topic, record) -> {
              if (record instanceof ControlCommand && failNextAudit.getAndSet(false)) {
                throw new IllegalStateException("serializer failed");
              }
              return values.serialize(topic, record);
            });
    ControlEntry lost = halt(Scope.user("abc"));
    ControlEntry retried = halt(Scope.user("abc"));
    assertThatThrownBy(() -> flaky.publish("trading.halt", "ops:alice", Optional.empty(), lost))
        .isInstanceOf(ControlPublisher.ControlWriteException.class);

    flaky.publish("trading.halt", "ops:alice", Optional.empty(), retried);

    ControlView view = startedView();
    assertThat(view.awaitCommand(idOf(retried), WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactly(retried);
  }

  @Test
  void shouldWaitForAMissingControlTopicWithoutCreatingIt() throws Exception {
    Topics later = new Topics("ctl-" + UUID.randomUUID() + ".");
    ControlView view = startedView(later.control);

    assertThat(view.awaitLoaded(Duration.ofSeconds(2))).isFalse();
    try (Admin admin = stack.admin()) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .doesNotContain(later.control);
    }
    stack.createTopics(later, 1);
    assertThat(view.awaitLoaded(WAIT)).isTrue();
  }

  @Test
  void shouldLeaveTheControlTopicToBeCreatedCompacted() throws Exception {
    Topics later = new Topics("ctl-" + UUID.randomUUID() + ".");
    ControlView view = startedView(later.control);
    assertThat(view.awaitLoaded(Duration.ofSeconds(2))).isFalse();

    stack.createTopics(later, 1);

    ConfigResource control = new ConfigResource(ConfigResource.Type.TOPIC, later.control);
    try (Admin admin = stack.admin()) {
      Config config =
          admin.describeConfigs(List.of(control)).all().get(10, TimeUnit.SECONDS).get(control);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void shouldReadSettingsAndAuditWrittenThroughTheRegistryBeforeAdr10() throws Exception {
    ControlPublisher legacy =
        publisherWith(registrySerdes.valueSerde(SpecificRecord.class).serializer());
    ControlEntry halt = halt(Scope.GLOBAL);
    legacy.publish("emergency.halt_all", "ops:alice", Optional.empty(), halt);
    ControlEntry pause = entry(Scope.GLOBAL, new Setting.Learning(LearningState.PAUSED), "t");
    publisher.publish("learning.pause", "ops:alice", Optional.empty(), pause);

    ControlView view = startedView();

    assertThat(view.awaitLoaded(WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactlyInAnyOrder(halt, pause);
    assertThat(auditTrail().latest(5))
        .extracting(AuditRecord::commandId)
        .containsExactly(idOf(pause), idOf(halt));
  }

  @Test
  void shouldNeverLoadPastARecordItCannotRead() throws Exception {
    ControlEntry halt = halt(Scope.GLOBAL);
    publisher.publish("emergency.halt_all", "ops:alice", Optional.empty(), halt);
    produceRaw(topics.control, "global/learning", new byte[] {0x7f, 0x01, 0x02});

    ControlView view = startedView();

    assertThat(view.awaitLoaded(Duration.ofSeconds(2))).isFalse();
    assertThat(view.isLoaded()).isFalse();
    assertThat(view.whyNotLoaded()).contains("could not be read");
    assertThatThrownBy(() -> view.evaluate(BotContext.FLEET))
        .isInstanceOf(ControlStateUnknownException.class);
    assertThatThrownBy(view::snapshot).isInstanceOf(ControlStateUnknownException.class);

    // a later value of the same key replaces the unreadable one: the view reads on
    ControlEntry paused = entry(Scope.GLOBAL, new Setting.Learning(LearningState.PAUSED), "t");
    publisher.publish("learning.pause", "ops:alice", Optional.empty(), paused);

    assertThat(view.awaitLoaded(WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactlyInAnyOrder(halt, paused);
  }

  @Test
  void shouldStopBeingLoadedWhenARecordItCannotReadArrives() throws Exception {
    ControlView view = startedView();
    assertThat(view.awaitLoaded(WAIT)).isTrue();
    List<Boolean> loadedChanges = new CopyOnWriteArrayList<>();
    view.onLoadedChange(() -> loadedChanges.add(view.isLoaded()));

    produceRaw(topics.control, "global/trading", "not a record".getBytes(StandardCharsets.UTF_8));

    await().atMost(WAIT).until(() -> !view.isLoaded());
    assertThat(fromFirstUnloaded(loadedChanges)).containsExactly(false);
    assertThatThrownBy(() -> view.evaluate(BotContext.FLEET))
        .isInstanceOf(ControlStateUnknownException.class);

    ControlEntry halt = halt(Scope.GLOBAL);
    publisher.publish("emergency.halt_all", "ops:alice", Optional.empty(), halt);

    assertThat(view.awaitCommand(idOf(halt), WAIT)).isTrue();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(fromFirstUnloaded(loadedChanges)).containsExactly(false, true));
    assertThat(view.evaluate(BotContext.FLEET).tradingState()).isEqualTo(TradingState.HALTED);
  }

  /**
   * The changes from the first "not loaded" on: a listener added right after the first load may
   * still be told of it (the follower tells its listeners just after the waiters), which is not
   * what the test is about.
   */
  private static List<Boolean> fromFirstUnloaded(List<Boolean> changes) {
    int first = changes.indexOf(false);
    return first < 0 ? List.of() : List.copyOf(changes.subList(first, changes.size()));
  }

  @Test
  void shouldWarmUpWithoutAnyReaderSeeingIt() throws Exception {
    publisher.warmUp();
    ControlEntry halt = halt(Scope.GLOBAL);
    publisher.publish("emergency.halt_all", "ops:alice", Optional.empty(), halt);

    ControlView view = startedView();

    assertThat(view.awaitCommand(idOf(halt), WAIT)).isTrue();
    assertThat(view.snapshot().entries()).containsExactly(halt);
    assertThat(auditTrail().latest(5))
        .extracting(AuditRecord::commandId)
        .containsExactly(idOf(halt));
  }
}
