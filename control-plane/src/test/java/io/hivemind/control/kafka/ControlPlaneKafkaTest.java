package io.hivemind.control.kafka;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The control plane against a real broker and registry: what one instance publishes, every
 * instance's view shows, a view started later loads, and the audit trail reads back.
 */
@Timeout(120)
class ControlPlaneKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final KafkaStack stack = KafkaStack.shared();
  private final AvroSerdes serdes = AvroSerdes.registry(stack.registryUrl());
  private final Map<String, Object> connection =
      Map.of("bootstrap.servers", stack.bootstrapServers());
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private Topics topics;
  private ControlPublisher publisher;

  @BeforeEach
  void createTopics() {
    topics = new Topics("ctl-" + UUID.randomUUID() + ".");
    stack.createTopics(topics, 1);
    publisher =
        open(
            new ControlPublisher(
                connection, topics, serdes.valueSerde(SpecificRecord.class).serializer(), WAIT));
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

  private ControlView startedView() {
    return open(new ControlView(
            connection,
            topics.control,
            serdes.valueSerde(ControlState.class).deserializer(),
            Clock.systemUTC()))
        .start();
  }

  private static ControlEntry entry(Scope scope, Setting setting, String reason) {
    return new ControlEntry(
        scope,
        setting,
        new Provenance(
            UUID.randomUUID().toString(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            "ops:alice",
            reason));
  }

  private static ControlEntry halt(Scope scope) {
    return entry(scope, new Setting.ManualTrading(TradingState.HALTED), "halt " + scope);
  }

  private static String idOf(ControlEntry entry) {
    return entry.provenance().commandId();
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
    assertThat(view.snapshot().contains(idOf(pause))).isTrue();
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
  void shouldReadTheAuditTrailNewestFirst() {
    ControlEntry pause =
        entry(Scope.user("abc"), new Setting.ManualTrading(TradingState.REDUCING), "too volatile");
    ControlEntry halt =
        entry(Scope.user("abc"), new Setting.ManualTrading(TradingState.HALTED), "runaway bot");
    ControlEntry maintenance =
        entry(Scope.GLOBAL, new Setting.MaintenanceMode(true), "broker upgrade");
    publisher.publish("trading.pause", "ops:alice", Optional.empty(), pause);
    publisher.publish("trading.halt", "ops:bob", Optional.of(pause), halt);
    publisher.publish("maintenance.enable", "ops:carol", Optional.empty(), maintenance);
    AuditTrail trail =
        new AuditTrail(
            connection, topics.audit, serdes.valueSerde(ControlCommand.class).deserializer(), WAIT);

    List<AuditRecord> latest = trail.latest(2);

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
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ControlEntry entry =
          entry(Scope.user("u" + i), new Setting.ManualTrading(TradingState.HALTED), "n" + i);
      publisher.publish("trading.halt", "ops:alice", Optional.empty(), entry);
      published.add(0, idOf(entry));
    }
    AuditTrail trail =
        new AuditTrail(
            connection, topics.audit, serdes.valueSerde(ControlCommand.class).deserializer(), WAIT);

    assertThat(trail.latest(10)).extracting(AuditRecord::commandId).isEqualTo(published);
  }

  @Test
  void shouldWaitForAMissingControlTopicWithoutCreatingIt() throws Exception {
    Topics later = new Topics("ctl-" + UUID.randomUUID() + ".");
    ControlView view =
        open(new ControlView(
                connection,
                later.control,
                serdes.valueSerde(ControlState.class).deserializer(),
                Clock.systemUTC()))
            .start();

    assertThat(view.awaitLoaded(Duration.ofSeconds(2))).isFalse();
    try (Admin admin = stack.admin()) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .doesNotContain(later.control);
    }
    stack.createTopics(later, 1);
    assertThat(view.awaitLoaded(WAIT)).isTrue();
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
}
