package io.hivemind.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hivemind.access.domain.Principal;
import io.hivemind.access.domain.Role;
import io.hivemind.access.domain.Tier;
import io.hivemind.access.kafka.KeyMaterializer;
import io.hivemind.access.kafka.KeyTopicException;
import io.hivemind.schema.KafkaEnvironment;
import io.hivemind.schema.Topics;
import io.hivemind.testkit.KafkaStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Minting against a real broker, read back by a materializer as every service runs one. */
@Timeout(120)
class KeyMinterKafkaTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int USERS = 40;

  private final KafkaStack stack = KafkaStack.shared();

  private KafkaEnvironment kafkaWithTopics() {
    String prefix = "mint-" + UUID.randomUUID() + ".";
    stack.createTopics(new Topics(prefix), 1);
    return environment(prefix);
  }

  private KafkaEnvironment environment(String prefix) {
    return KafkaEnvironment.from(
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(), "HIVEMIND_TOPIC_PREFIX", prefix));
  }

  private static Map<String, Tier> users() {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    for (int i = 0; i < USERS; i++) {
      tiers.put("user-" + i, Tier.values()[i % Tier.values().length]);
    }
    return tiers;
  }

  @Test
  void shouldMintOneBotKeyPerUserInItsTierThatAServiceAuthenticates() throws Exception {
    KafkaEnvironment kafka = kafkaWithTopics();
    Map<String, Tier> tiers = users();

    BotKeys keys = new KeyMinter(kafka, "test").mint(tiers);

    assertThat(keys.users()).containsExactlyElementsOf(tiers.keySet());
    try (KeyMaterializer service = new KeyMaterializer(kafka.connection(), kafka.topics())) {
      assertThat(service.start().awaitCaughtUp(WAIT)).isTrue();
      assertThat(service.directory().size()).isEqualTo(USERS);
      for (Map.Entry<String, Tier> user : tiers.entrySet()) {
        Principal principal =
            service.authenticate(keys.keyOf(user.getKey()).reveal()).orElseThrow();
        assertThat(principal.userId()).isEqualTo(user.getKey());
        assertThat(principal.tier()).isEqualTo(user.getValue());
        assertThat(principal.role()).isEqualTo(Role.BOT);
      }
      assertThat(service.directory().records()).extracting(r -> r.createdBy()).containsOnly("test");
    }
  }

  @Test
  void shouldWriteTheLastUsersKeyLast() {
    KafkaEnvironment kafka = kafkaWithTopics();

    BotKeys keys = new KeyMinter(kafka, "test").mint(users());

    List<String> keyIds = readKeyIds(kafka.topics().apiKeys);
    assertThat(keyIds).hasSize(USERS);
    assertThat(keyIds.get(USERS - 1)).isEqualTo(keys.keyOf("user-" + (USERS - 1)).keyId());
  }

  @Test
  void shouldBeAcceptedByAServiceThatFollowsTheTopic() throws Exception {
    KafkaEnvironment kafka = kafkaWithTopics();
    // a stand-in service: 401 for a key its materializer has not read, 200 once it has
    try (KeyMaterializer materializer =
        new KeyMaterializer(kafka.connection(), kafka.topics()).start()) {
      assertThat(materializer.awaitCaughtUp(WAIT)).isTrue();
      HttpServer service =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      service.createContext("/", exchange -> authenticate(exchange, materializer));
      service.start();
      try {
        URI base = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
        BotKeys keys = new KeyMinter(kafka, "test").mint(users());

        Duration took =
            new KeyAcceptance(HttpClient.newHttpClient())
                .awaitAccepted(
                    keys,
                    List.of(
                        KeyAcceptance.Probe.gateway(base, keys.lastUser()),
                        KeyAcceptance.Probe.query(base, keys.lastUser())));

        assertThat(took).isLessThanOrEqualTo(KeyAcceptance.MAX_WAIT);
        for (String user : keys.users()) {
          assertThat(materializer.authenticate(keys.keyOf(user).reveal())).isPresent();
        }
      } finally {
        service.stop(0);
      }
    }
  }

  @Test
  void shouldRefuseAKeyTopicThatDoesNotExist() {
    String prefix = "mint-missing-" + UUID.randomUUID() + ".";

    assertThatThrownBy(() -> new KeyMinter(environment(prefix), "test").mint(users()))
        .isInstanceOf(KeyTopicException.class)
        .hasMessageContaining(prefix + "api-keys does not exist");
  }

  private static void authenticate(HttpExchange exchange, KeyMaterializer keys) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    boolean known =
        header != null
            && header.startsWith("Bearer ")
            && keys.authenticate(header.substring("Bearer ".length())).isPresent();
    exchange.sendResponseHeaders(known ? 200 : 401, -1);
    exchange.close();
  }

  private List<String> readKeyIds(String topic) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    List<String> keyIds = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          keyIds.add(record.key());
        }
      }
    }
    return keyIds;
  }
}
