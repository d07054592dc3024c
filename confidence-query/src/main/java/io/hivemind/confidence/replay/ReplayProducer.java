package io.hivemind.confidence.replay;

import io.hivemind.replay.CodeVersion;
import io.hivemind.replay.Replay;
import io.hivemind.replay.walkforward.WalkForwardReplay;
import io.hivemind.schema.AvroSerdes;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Thin CDI adapter: the replay over this deployment's topics, and its jobs. */
@ApplicationScoped
class ReplayProducer {

  private static final Logger LOG = Logger.getLogger(ReplayProducer.class);

  @Produces
  @Singleton
  Replay replay(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      AvroSerdes serdes,
      Topics topics) {
    return new Replay(KafkaConnection.settings(kafkaConfig), serdes, topics, CodeVersion.current());
  }

  @Produces
  @Singleton
  WalkForwardReplay walkForward(Replay replay) {
    return new WalkForwardReplay(replay);
  }

  /**
   * At startup, so that jobs this instance's earlier process left unfinished are failed before any
   * is read. An instance is its advertised host and port, as for Kafka Streams.
   */
  @Produces
  @Singleton
  @Startup
  ReplayJobs jobs(
      Replay replay,
      WalkForwardReplay walkForward,
      ReplayConfig config,
      @ConfigProperty(name = "hivemind.query.advertised-host") String host,
      @ConfigProperty(name = "quarkus.http.port") int port) {
    Clock clock = Clock.systemUTC();
    JobStore store = new JobStore(config.dir());
    String owner = host + ":" + port;
    int interrupted = store.failInterrupted(owner, clock.instant());
    if (interrupted > 0) {
      LOG.infof("%d replay job(s) were interrupted by a restart", interrupted);
    }
    return new ReplayJobs(
        store, owner, config.queueCapacity(), replay::run, walkForward::run, clock);
  }

  void close(@Disposes ReplayJobs jobs) {
    jobs.close();
  }
}
