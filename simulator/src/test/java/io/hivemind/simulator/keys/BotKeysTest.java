package io.hivemind.simulator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.access.domain.ApiKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotKeysTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static BotKeys keysFor(String... users) {
    Map<String, ApiKey> byUser = new LinkedHashMap<>();
    for (String user : users) {
      byUser.put(user, ApiKey.generate(RANDOM));
    }
    return BotKeys.of(byUser);
  }

  @Test
  void shouldGiveEachUserItsOwnBearerHeader() {
    BotKeys keys = keysFor("alice", "bob");

    assertThat(keys.authorization("alice")).isEqualTo("Bearer " + keys.keyOf("alice").reveal());
    assertThat(keys.authorization("alice")).isNotEqualTo(keys.authorization("bob"));
    assertThat(ApiKey.parse(keys.authorization("bob").substring("Bearer ".length())))
        .contains(keys.keyOf("bob"));
  }

  @Test
  void shouldNameTheUserWrittenLast() {
    assertThat(keysFor("u1", "u2", "u3").lastUser()).isEqualTo("u3");
  }

  @Test
  void shouldNeverShowASecret() {
    BotKeys keys = keysFor("alice", "bob");

    assertThat(keys.toString())
        .doesNotContain(keys.keyOf("alice").reveal())
        .doesNotContain(keys.keyOf("bob").reveal())
        .contains("2 keys");
    assertThatThrownBy(() -> keys.keyOf("carol"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no key was minted for user carol");
  }
}
