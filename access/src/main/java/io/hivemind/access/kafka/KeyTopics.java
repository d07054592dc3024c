package io.hivemind.access.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Checks that the key topic is there before a tool writes to it. */
public final class KeyTopics {

  private KeyTopics() {}

  /**
   * Fails fast, and clearly, when the broker does not answer or the topic is missing. A producer
   * must not be the first to touch a missing topic: a broker that creates topics on first use would
   * make it with its defaults, not compacted.
   *
   * @throws KeyTopicException naming the topic and what is wrong
   */
  public static void requireExists(Map<String, Object> connection, String topic, Duration timeout) {
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    settings.put(
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000));
    Admin admin = Admin.create(settings);
    try {
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new KeyTopicException(
            "topic " + topic + " does not exist (./hivemind up creates it)", e.getCause());
      }
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw unanswered(connection, timeout, e.getCause());
      }
      throw new KeyTopicException("could not look up topic " + topic + ": " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw unanswered(connection, timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyTopicException("interrupted while looking up topic " + topic, e);
    } finally {
      // without a bound, closing waits for the lookup still pending against an absent broker
      admin.close(Duration.ofSeconds(1));
    }
  }

  private static KeyTopicException unanswered(
      Map<String, Object> connection, Duration timeout, Throwable cause) {
    return new KeyTopicException(
        "Kafka at "
            + connection.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
            + " did not answer within "
            + timeout.toSeconds()
            + " s (is the stack up? ./hivemind up)",
        cause);
  }
}
