package io.hivemind.analytics.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hivemind.learning.model.ChallengerSettings;
import io.hivemind.rules.model.RegimeTimeline;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.Experience;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.ModelSnapshot;
import io.hivemind.schema.RegimeChange;
import io.hivemind.schema.TopicFollower;
import io.hivemind.schema.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Trains the challenger on the stack (ADR 22): reads the last version published to {@code
 * hivemind.models}, follows {@code hivemind.experiences} from exactly the offsets that version
 * covers, learns every experience as it comes, and publishes a new version every {@code
 * hivemind.challenger.publish-interval} (and once more on a clean stop) when it learned anything.
 * Killed between two publications, it resumes from the last one and learns again what it had not
 * published: nothing is lost, nothing learned twice.
 *
 * <p>One trainer per deployment: {@code hivemind.challenger.training.enabled} is true on one
 * analytics instance (the launcher runs one). Two would each publish their own, equally valid,
 * model under the same key, the later replacing the earlier.
 */
@ApplicationScoped
public class ChallengerTraining {

  private static final Logger LOG = Logger.getLogger(ChallengerTraining.class);
  private static final Duration READ_PUBLISHED = Duration.ofSeconds(30);
  private static final Duration PUBLISH_WAIT = Duration.ofSeconds(30);

  private final boolean enabled;
  private final Duration publishInterval;
  private final Map<String, Object> connection;
  private final Topics topics;
  private final Serde<ModelSnapshot> snapshots;
  private final Serde<Experience> experiences;
  private final Serde<RegimeChange> regimeChanges;
  private final RegimeTimeline regimes = new RegimeTimeline();
  private volatile TopicFollower regimeFollower;
  private final Clock clock;
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "challenger-training");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<ChallengerTrainer> trainer = new AtomicReference<>();
  private volatile TopicFollower follower;
  private volatile KafkaProducer<String, byte[]> producer;
  private volatile long published = -1;

  ChallengerTraining(
      @ConfigProperty(name = "hivemind.challenger.training.enabled") boolean enabled,
      @ConfigProperty(name = "hivemind.challenger.publish-interval") Duration publishInterval,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "hivemind.topic-prefix") String prefix,
      @ConfigProperty(name = "hivemind.registry.url") String registryUrl,
      Clock clock,
      MeterRegistry meters) {
    this.enabled = enabled;
    this.publishInterval = publishInterval;
    this.connection = KafkaConnection.settings(kafkaConfig);
    this.topics = new Topics(prefix);
    AvroSerdes serdes = AvroSerdes.registry(registryUrl);
    this.snapshots = serdes.valueSerde(ModelSnapshot.class);
    this.experiences = serdes.valueSerde(Experience.class);
    this.regimeChanges = serdes.valueSerde(RegimeChange.class);
    this.clock = clock;
    Gauge.builder("hivemind.challenger.learned", this, t -> t.figure(ChallengerTrainer::learned))
        .description("experiences the challenger on this instance has learned")
        .register(meters);
    Gauge.builder("hivemind.challenger.published", this, t -> t.published)
        .description("experiences in the challenger version this instance last published")
        .register(meters);
    Gauge.builder("hivemind.challenger.skipped", this, t -> t.figure(ChallengerTrainer::skipped))
        .description("records of the experiences topic that were no experience, stepped over")
        .register(meters);
  }

  void start(@Observes StartupEvent event) {
    if (!enabled) {
      LOG.info(
          "challenger training is off on this instance (hivemind.challenger.training.enabled)");
      return;
    }
    schedule.execute(this::begin);
  }

  void stop(@Observes ShutdownEvent event) {
    schedule.shutdownNow();
    if (regimeFollower != null) {
      regimeFollower.close();
    }
    TopicFollower following = follower;
    if (following != null) {
      following.close();
      publish();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Where training is on this instance.
   *
   * @param training whether this instance trains the challenger
   * @param version the version learned so far, null until training has started
   * @param learned experiences learned so far
   * @param published experiences in the version this instance last published (−1: none yet)
   */
  public record Status(
      @JsonProperty("training") boolean training,
      @JsonProperty("version") String version,
      @JsonProperty("learned") long learned,
      @JsonProperty("published") long published) {}

  public Status status() {
    ChallengerTrainer current = trainer.get();
    return current == null
        ? new Status(enabled, null, 0, published)
        : new Status(enabled, current.version(), current.learned(), published);
  }

  private void begin() {
    ModelSnapshot latest;
    try {
      awaitRegimes();
      latest = latestPublished();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.errorf(
          "the published challenger or the regimes cannot be read (%s); trying again in %s",
          e.getMessage(), publishInterval);
      schedule.schedule(this::begin, publishInterval.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    ChallengerTrainer resumed =
        ChallengerTrainer.resume(
            latest,
            ChallengerSettings.defaults(),
            experiences.deserializer(),
            topics.experiences,
            regimes);
    trainer.set(resumed);
    published = latest == null ? -1 : latest.getExperiences();
    producer = newProducer();
    LOG.infof(
        "training the challenger from %s, %d experiences learned",
        resumed.nextOffsets().isEmpty() ? "the beginning" : "offsets " + resumed.nextOffsets(),
        resumed.learned());
    follower =
        TopicFollower.fromOffsets(
                connection, topics.experiences, resumed::nextOffsets, resumed::learn)
            .start();
    schedule.scheduleWithFixedDelay(
        this::publish,
        publishInterval.toMillis(),
        publishInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Follows the regimes and waits until what they held is read, so that an experience is given the
   * regime a question about the same trade was given (the query reads the same topic).
   */
  private void awaitRegimes() throws InterruptedException {
    if (regimeFollower == null) {
      regimeFollower = regimes.follow(connection, topics.regimes, regimeChanges.deserializer());
    }
    if (!regimeFollower.awaitCaughtUp(READ_PUBLISHED)) {
      throw new IllegalStateException(
          topics.regimes + " was not read to its end within " + READ_PUBLISHED);
    }
  }

  /** The last version published under {@link ChallengerTrainer#ROLE}, null when none was. */
  private ModelSnapshot latestPublished() {
    AtomicReference<byte[]> last = new AtomicReference<>();
    byte[] role = ChallengerTrainer.ROLE.getBytes(StandardCharsets.UTF_8);
    try (TopicFollower models =
        new TopicFollower(
            connection,
            topics.models,
            null,
            batch -> {
              for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (record.key() != null && java.util.Arrays.equals(record.key(), role)) {
                  last.set(record.value());
                }
              }
            })) {
      models.start();
      if (!models.awaitCaughtUp(READ_PUBLISHED)) {
        throw new IllegalStateException(
            topics.models + " was not read to its end within " + READ_PUBLISHED);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading " + topics.models, e);
    }
    byte[] value = last.get();
    return value == null ? null : snapshots.deserializer().deserialize(topics.models, value);
  }

  private void publish() {
    ChallengerTrainer current = trainer.get();
    if (current == null || current.learned() == published) {
      return;
    }
    try {
      ModelSnapshot snapshot = current.snapshot(clock.instant());
      byte[] value = snapshots.serializer().serialize(topics.models, snapshot);
      producer
          .send(new ProducerRecord<>(topics.models, ChallengerTrainer.ROLE, value))
          .get(PUBLISH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      published = snapshot.getExperiences();
      LOG.debugf("published %s (%d bytes)", snapshot.getVersion(), value.length);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The next interval tries again with what has been learned by then: nothing is lost, the
      // experiences stay in the topic and the offsets travel with the model.
      LOG.errorf("publishing the challenger failed (%s); trying again in %s", e, publishInterval);
    }
  }

  private KafkaProducer<String, byte[]> newProducer() {
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "hivemind-challenger-trainer");
    return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  private double figure(java.util.function.ToLongFunction<ChallengerTrainer> read) {
    ChallengerTrainer current = trainer.get();
    return current == null ? Double.NaN : read.applyAsLong(current);
  }
}
