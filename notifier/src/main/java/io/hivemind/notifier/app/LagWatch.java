package io.hivemind.notifier.app;

import io.hivemind.notifier.delivery.DaemonThreads;
import io.hivemind.notifier.event.Audience;
import io.hivemind.notifier.event.EventKind;
import io.hivemind.notifier.event.Notification;
import io.hivemind.notifier.event.NotificationJson;
import io.hivemind.notifier.kafka.TopicWriter;
import io.hivemind.schema.GroupLag;
import io.hivemind.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Tells the fleet when learning lags: the learner's group over {@code bound} records behind the
 * signals and outcomes for {@code after} on end. Told once per spell, with an id from the time the
 * spell began, written straight to the notifications topic (at least once; the id dedups).
 */
final class LagWatch implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LagWatch.class);

  private final GroupLag lag;
  private final TopicWriter writer;
  private final Topics topics;
  private final String learnerGroup;
  private final long bound;
  private final Duration after;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private Instant behindSince;
  private boolean told;

  LagWatch(
      Map<String, Object> connection,
      TopicWriter writer,
      Topics topics,
      String learnerGroup,
      long bound,
      Duration after,
      Clock clock) {
    this.lag = new GroupLag(connection);
    this.writer = writer;
    this.topics = topics;
    this.learnerGroup = learnerGroup;
    this.bound = bound;
    this.after = after;
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("notifier-lag-watch"));
  }

  LagWatch start(Duration every) {
    timer.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void check() {
    long behind;
    try {
      behind = lag.lag(learnerGroup, List.of(topics.signals, topics.outcomes));
    } catch (Exception e) {
      LOG.debugf("could not measure the learner's lag: %s", e.getMessage());
      return;
    }
    Instant now = clock.instant();
    if (behind <= bound) {
      behindSince = null;
      told = false;
      return;
    }
    if (behindSince == null) {
      behindSince = now;
    }
    if (!told && !now.isBefore(behindSince.plus(after))) {
      Notification lagging =
          new Notification(
              EventKind.LEARNING_LAGGING.wireName() + ":" + behindSince.toEpochMilli(),
              EventKind.LEARNING_LAGGING,
              Audience.FLEET,
              now,
              "Learning lags: " + behind + " records behind",
              "The learner ("
                  + learnerGroup
                  + ") has been over "
                  + bound
                  + " records behind the signals and outcomes since "
                  + behindSince,
              Map.of("records_behind", behind, "since", behindSince.toString()));
      try {
        writer.write(topics.notifications, Audience.FLEET.key(), NotificationJson.toJson(lagging));
        told = true;
      } catch (RuntimeException e) {
        LOG.warnf("could not tell the learner's lag: %s (tried again next check)", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    lag.close();
  }
}
