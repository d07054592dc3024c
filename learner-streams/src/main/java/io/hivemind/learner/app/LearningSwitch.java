package io.hivemind.learner.app;

import io.hivemind.control.domain.LearningState;
import io.hivemind.control.kafka.ControlStateUnknownException;
import io.hivemind.control.kafka.ControlView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
 * paused never processes a record. While the control state cannot be known, it does not consume
 * either (DESIGN §12): a pause it could not read is still a pause.
 */
@ApplicationScoped
class LearningSwitch {

  private static final Logger LOG = Logger.getLogger(LearningSwitch.class);

  private final KafkaStreams streams;
  private final ControlView control;
  private final Duration startupTimeout;
  private volatile long pausedSinceMillis = -1;

  /**
   * Also exports what an operator's alert watches: {@code hivemind_learning_paused} (1 while this
   * instance consumes nothing) and {@code hivemind_learning_paused_seconds} (for how long; 0 while
   * learning), see {@code ops/prometheus/alerts.yml}.
   */
  LearningSwitch(
      KafkaStreams streams,
      ControlView control,
      @ConfigProperty(name = "hivemind.control.startup-timeout") Duration startupTimeout,
      MeterRegistry registry) {
    this.streams = streams;
    this.control = control;
    this.startupTimeout = startupTimeout;
    Gauge.builder("hivemind.learning.paused", this, s -> s.pausedSinceMillis < 0 ? 0 : 1)
        .description(
            "1 while this learner instance consumes nothing (paused, or the switch unknown)")
        .register(registry);
    Gauge.builder("hivemind.learning.paused.seconds", this, LearningSwitch::pausedSeconds)
        .description("how long this learner instance has consumed nothing; 0 while learning")
        .register(registry);
  }

  private double pausedSeconds() {
    long since = pausedSinceMillis;
    return since < 0 ? 0 : (System.currentTimeMillis() - since) / 1000.0;
  }

  void beforeStreamsStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
      throws InterruptedException {
    control.onChange(snapshot -> follow());
    control.onLoadedChange(this::follow);
    if (!control.awaitLoaded(startupTimeout)) {
      LOG.warnf(
          "control state unknown after %s (%s): not consuming until it is known",
          startupTimeout, control.whyNotLoaded());
    }
    follow();
  }

  /**
   * Consumes only while the control state is known and says RUNNING: an unknown state (the topic
   * not read yet, or a record of it unreadable) stops consumption as a pause does.
   */
  private synchronized void follow() {
    LearningState state;
    try {
      state = control.snapshot().learning();
    } catch (ControlStateUnknownException unknown) {
      state = LearningState.PAUSED;
    }
    if (state == LearningState.PAUSED && pausedSinceMillis < 0) {
      pausedSinceMillis = System.currentTimeMillis();
    } else if (state == LearningState.RUNNING) {
      pausedSinceMillis = -1;
    }
    if (state == LearningState.PAUSED && !streams.isPaused()) {
      streams.pause();
      LOG.infof(
          "learning paused (%s): consumption stopped; events wait in Kafka",
          control.isLoaded() ? "as told" : control.whyNotLoaded());
    } else if (state == LearningState.RUNNING && streams.isPaused()) {
      streams.resume();
      LOG.info("learning resumed: catching up from where it paused");
    }
  }
}
