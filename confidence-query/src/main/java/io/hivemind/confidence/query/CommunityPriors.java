package io.hivemind.confidence.query;

import io.hivemind.confidence.store.CommunityStats;
import io.hivemind.rules.answer.PriorFitter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The empirical-Bayes priors this instance answers with (ADR 20): refit from the whole community
 * store (a global store, the same on every instance; read from its view in memory) every {@code
 * hivemind.priors.refresh}, and held until the next fit. Until the first fit, after a failed one,
 * or with {@code hivemind.priors.fitted=false}, the fitter holds nothing and every answer keeps the
 * fixed priors.
 */
@ApplicationScoped
public class CommunityPriors {

  private static final Logger LOG = Logger.getLogger(CommunityPriors.class);

  private final KafkaStreams streams;
  private final CommunityStats community;
  private final boolean fitted;
  private final Duration refresh;
  private final int minContributors;
  private volatile PriorFitter current;
  private ScheduledExecutorService timer;

  CommunityPriors(
      KafkaStreams streams,
      CommunityStats community,
      @ConfigProperty(name = "hivemind.priors.fitted") boolean fitted,
      @ConfigProperty(name = "hivemind.priors.refresh") Duration refresh,
      @ConfigProperty(name = "hivemind.community.min-contributors") int minContributors) {
    this.streams = streams;
    this.community = community;
    this.fitted = fitted;
    this.refresh = refresh;
    this.minContributors = minContributors;
    this.current = PriorFitter.served(minContributors);
  }

  void start(@Observes StartupEvent started) {
    if (!fitted) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hivemind-priors");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::refit, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent stopped) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** The priors as last fitted; never updated once returned, so safe to read from any thread. */
  public PriorFitter current() {
    return current;
  }

  void refit() {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return; // the global store is restoring or closed: keep the last fit
    }
    try {
      PriorFitter fitter = PriorFitter.served(minContributors);
      community.forEach((key, stats) -> fitter.update(key, null, stats));
      current = fitter;
      LOG.debugf("priors refit over %d parents", fitter.parents());
    } catch (RuntimeException e) {
      // whatever fails a fit, the last fit stands until the next one
      LOG.warnf("priors not refit: %s", e);
    }
  }
}
