package io.hivemind.notifier.service;

import static org.awaitility.Awaitility.await;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.access.domain.KeyRecord;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyWriter;
import io.hivemind.schema.KafkaConnection;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Real API keys for the notifier under test, written to the key topic as {@code ./hivemind keys
 * create} writes them, handed out once the service accepts them (the analytics' and the query's
 * tests keep the same small helper: test-kit cannot hold it, the access module's tests depend on
 * test-kit).
 */
final class NotifierKeys {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SecureRandom RANDOM = new SecureRandom();

  private NotifierKeys() {}

  static String newUser() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static Key mint(String user, Role role) {
    ApiKey apiKey = ApiKey.generate(RANDOM);
    KeyRecord record =
        KeyRecord.issue(apiKey, user, Tier.ELITE, role, Instant.now(), "notifier-tests", false);
    Map<String, Object> connection =
        KafkaConnection.settings(
            Map.of("bootstrap.servers", KafkaStack.shared().bootstrapServers()));
    try (KeyWriter writer = new KeyWriter(connection, Topics.withDefaultPrefix(), WAIT)) {
      writer.write(record);
    }
    Key key = new Key(apiKey.reveal(), user);
    await("the notifier accepts the key of " + user)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> key.given().get("/api/webhooks").statusCode() == 200);
    return key;
  }

  record Key(String secret, String userId) {

    RequestSpecification given() {
      return RestAssured.given().header("Authorization", "Bearer " + secret);
    }
  }
}
