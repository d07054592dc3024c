package io.hivemind.learner.app;

import io.hivemind.control.domain.LearningState;
import io.hivemind.control.kafka.ControlView;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes this learner instance follow the fleet's learning switch. Kafka Streams' pause() is per
 * instance, so every instance follows the control topic itself. At startup the switch is read
 * before Kafka Streams starts (this observer runs first), so an instance started while learning is
 * paused never processes a record.
 */
@ApplicationScoped
class LearningSwitch {

  private static final Logger LOG = Logger.getLogger(LearningSwitch.class);

  private final KafkaStreams streams;
  private final ControlView control;
  private final Duration startupTimeout;

  LearningSwitch(
      KafkaStreams streams,
      ControlView control,
      @ConfigProperty(name = "hivemind.control.startup-timeout") Duration startupTimeout) {
    this.streams = streams;
    this.control = control;
    this.startupTimeout = startupTimeout;
  }

  void beforeStreamsStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
      throws InterruptedException {
    if (!control.awaitLoaded(startupTimeout)) {
      throw new IllegalStateException(
          "the control topic could not be read within "
              + startupTimeout
              + "; not starting to learn without knowing whether learning is paused");
    }
    follow(control.snapshot().learning());
    control.onChange(snapshot -> follow(snapshot.learning()));
  }

  private synchronized void follow(LearningState state) {
    if (state == LearningState.PAUSED && !streams.isPaused()) {
      streams.pause();
      LOG.info("learning paused: consumption stopped; events wait in Kafka");
    } else if (state == LearningState.RUNNING && streams.isPaused()) {
      streams.resume();
      LOG.info("learning resumed: catching up from where it paused");
    }
  }
}
