package io.hivemind.schema.streams;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

/**
 * Takes a Kafka Streams client out of its consumer group before it is closed, so that the other
 * instances get its tasks at once instead of after {@code session.timeout.ms} (ADR 17).
 *
 * <p>{@link KafkaStreams#close()} keeps the member in the group on purpose (Streams sets the
 * consumer's internal {@code leave.group.on.close} to false), and in Kafka Streams 4.1 {@code
 * close(CloseOptions.leaveGroup(true))} only removes <em>static</em> members (through the admin
 * client, by {@code group.instance.id}). Removing a stream thread is the one public path on which a
 * dynamic member leaves: the thread commits and closes its tasks cleanly, then unsubscribes, which
 * sends the LeaveGroup request. Removing every thread therefore leaves the group cleanly; closing
 * the client afterwards has nothing left to hand over.
 */
public final class GroupExit {

  private static final Logger LOG = Logger.getLogger(GroupExit.class);

  private GroupExit() {}

  /**
   * Removes the client's stream threads one by one, each leaving the group; does nothing unless the
   * client is running or rebalancing.
   *
   * @param timeout how long to wait for each thread to commit, close its tasks and leave
   * @return how many threads left the group
   */
  public static int leave(KafkaStreams streams, Duration timeout) {
    int left = 0;
    while (streams.state().isRunningOrRebalancing()) {
      Optional<String> removed;
      try {
        removed = streams.removeStreamThread(timeout);
      } catch (RuntimeException e) {
        // a thread that did not finish in time still leaves on its own; close() does the rest
        LOG.warnf("a stream thread did not leave the group within %s: %s", timeout, e);
        break;
      }
      if (removed.isEmpty()) {
        break;
      }
      left++;
      LOG.infof("%s left the consumer group", removed.get());
    }
    return left;
  }
}
