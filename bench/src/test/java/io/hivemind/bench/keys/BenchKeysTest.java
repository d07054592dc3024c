package io.hivemind.bench.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hivemind.access.domain.ApiKey;
import io.hivemind.simulator.keys.BotKeys;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchKeysTest {

  private final BenchKeys keys = keysFor("alice", "bob");

  private static BenchKeys keysFor(String... users) {
    Map<String, ApiKey> byUser = new LinkedHashMap<>();
    for (String user : users) {
      byUser.put(user, ApiKey.generate(new SecureRandom()));
    }
    return new BenchKeys(BotKeys.of(byUser));
  }

  @Test
  void shouldPrepareEachUsersOwnHeader() {
    assertThat(keys.header("alice").toString())
        .isEqualTo("Bearer " + keys.keyOf("alice").reveal())
        .isEqualTo(keys.authorization("alice"));
    assertThat(keys.header("bob").toString()).isNotEqualTo(keys.header("alice").toString());
    assertThat(keys.header("bob")).isSameAs(keys.header("bob"));
  }

  @Test
  void shouldRefuseAUserWithoutAKeyAndNeverShowASecret() {
    assertThatThrownBy(() -> keys.header("carol"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no key was minted for user carol");
    assertThat(keys.toString())
        .doesNotContain(keys.keyOf("alice").reveal())
        .doesNotContain(keys.keyOf("bob").reveal());
  }
}
