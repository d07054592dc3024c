package io.hivemind.confidence.query;

import io.hivemind.rules.answer.PriorFitter;
import io.hivemind.schema.CommunityStatsKey;
import io.hivemind.schema.WinStats;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The empirical-Bayes priors this instance answers with (ADR 20): refit from the whole community
 * store (a GlobalKTable, the same on every instance) every {@code hivemind.priors.refresh}, and
 * held until the next fit. Until the first fit, after a failed one, or with {@code
 * hivemind.priors.fitted=false}, the fitter holds nothing and every answer keeps the fixed priors.
 */
@ApplicationScoped
public class CommunityPriors {

  private static final Logger LOG = Logger.getLogger(CommunityPriors.class);

  private final KafkaStreams streams;
  private final boolean fitted;
  private final Duration refresh;
  private final int minContributors;
  private volatile PriorFitter current;
  private ScheduledExecutorService timer;

  CommunityPriors(
      KafkaStreams streams,
      @ConfigProperty(name = "hivemind.priors.fitted") boolean fitted,
      @ConfigProperty(name = "hivemind.priors.refresh") Duration refresh,
      @ConfigProperty(name = "hivemind.community.min-contributors") int minContributors) {
    this.streams = streams;
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
      try (KeyValueIterator<CommunityStatsKey, WinStats> all =
          StoreStatsLookup.communityStore(streams).all()) {
        while (all.hasNext()) {
          KeyValue<CommunityStatsKey, WinStats> entry = all.next();
          fitter.update(entry.key, null, entry.value);
        }
      }
      current = fitter;
      LOG.debugf("priors refit over %d parents", fitter.parents());
    } catch (RuntimeException e) {
      // a store closing under a rebalance or shutdown: the last fit stands until the next one
      LOG.debugf("priors not refit: %s", e);
    }
  }
}
