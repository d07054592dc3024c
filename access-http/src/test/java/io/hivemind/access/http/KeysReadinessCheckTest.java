package io.hivemind.access.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.access.kafka.KeyWriter;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import jakarta.enterprise.event.Startup;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A service is not ready until it has read the keys: on a real broker, without Quarkus. */
@Timeout(120)
class KeysReadinessCheckTest {

  private final KafkaStack stack = KafkaStack.shared();
  private final Map<String, Object> connection =
      Map.of("bootstrap.servers", stack.bootstrapServers());

  @Test
  void shouldNotBeReadyUntilTheKeyTopicIsRead() throws InterruptedException {
    Topics topics = new Topics("ready-" + UUID.randomUUID() + ".");
    try (KeyMaterializer keys = new KeyMaterializer(connection, topics).start()) {
      KeysReadinessCheck check = new KeysReadinessCheck(keys, Duration.ofMillis(300));

      // the topic does not exist yet: startup waits its bounded time, then goes on not ready
      check.awaitKeys(new Startup());
      assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

      stack.createTopics(topics, 1);
      ApiKey key = ApiKey.generate(new SecureRandom());
      try (KeyWriter writer = new KeyWriter(connection, topics, Duration.ofSeconds(10))) {
        writer.write(KeyRecord.issue(key, "u1", Tier.PRO, Role.BOT, Instant.now(), "test"));
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> check.call().getStatus() == HealthCheckResponse.Status.UP);
      assertThat(keys.authenticate(key.reveal())).isPresent();
    }
  }
}
