package io.hivemind.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandleMinterTest {

  private static final String SECRET = "a-test-secret-of-32-characters!!";

  @Test
  void shouldGiveAReadableHandle() {
    assertThat(HandleMinter.withSecret(SECRET).handleOf("a1b2c3d4e5f6"))
        .matches("[a-z]+-[a-z]+-[0-9]{4}");
  }

  @Test
  void shouldGiveTheSameHandleAfterARestart() {
    // two minters stand for two processes with the same configured secret
    assertThat(HandleMinter.withSecret(SECRET).handleOf("a1b2c3d4e5f6"))
        .isEqualTo(HandleMinter.withSecret(SECRET).handleOf("a1b2c3d4e5f6"));
  }

  @Test
  void shouldGiveAnotherHandleUnderAnotherSecret() {
    assertThat(HandleMinter.withSecret(SECRET).handleOf("a1b2c3d4e5f6"))
        .isNotEqualTo(HandleMinter.withSecret(SECRET + "x").handleOf("a1b2c3d4e5f6"));
  }

  @Test
  void shouldNotGiveTwoOfAThousandUsersTheSameHandle() {
    HandleMinter minter = HandleMinter.withSecret(SECRET);
    Set<String> handles = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      handles.add(minter.handleOf("user-" + i));
    }
    assertThat(handles).hasSize(1_000);
  }

  @Test
  void shouldNeverContainTheUserId() {
    assertThat(HandleMinter.withSecret(SECRET).handleOf("fox")).doesNotContain("fox-fox");
    assertThat(HandleMinter.withSecret(SECRET).handleOf("a1b2c3d4e5f6"))
        .doesNotContain("a1b2c3d4e5f6");
  }

  @Test
  void shouldDrawFromSixtyFourDistinctWordsEach() {
    assertThat(new HashSet<>(HandleMinter.ADJECTIVES)).hasSize(64);
    assertThat(new HashSet<>(HandleMinter.ANIMALS)).hasSize(64);
  }

  @Test
  void shouldRefuseAMissingOrShortSecret() {
    assertThatThrownBy(() -> HandleMinter.withSecret(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HandleMinter.withSecret("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
