package io.hivemind.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A well-formed key whose secret is 32 bytes of {@code fill}. */
  private static String keyText(String keyId, int fill) {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) fill);
    return "hm_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  @Test
  void shouldGenerateKeysOfTheDocumentedShape() {
    String key = ApiKey.generate(RANDOM).reveal();

    assertThat(key).matches("hm_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
  }

  @Test
  void shouldGenerateADifferentIdAndSecretEachTime() {
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ApiKey key = ApiKey.generate(RANDOM);
      ids.add(key.keyId());
      keys.add(key.reveal());
    }

    assertThat(ids).hasSize(1000);
    assertThat(keys).hasSize(1000);
  }

  @Test
  void shouldParseWhatItGenerated() {
    ApiKey generated = ApiKey.generate(RANDOM);

    ApiKey parsed = ApiKey.parse(generated.reveal()).orElseThrow();

    assertThat(parsed.keyId()).isEqualTo(generated.keyId());
    assertThat(parsed.secretHash()).isEqualTo(generated.secretHash());
    assertThat(parsed).isEqualTo(generated);
  }

  @Test
  void shouldStoreTheSha256OfTheSecretBytesAsHex() throws Exception {
    String text = keyText("abcdefgh2345", 7);
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));

    ApiKey key = ApiKey.parse(text).orElseThrow();

    assertThat(key.secretHash()).isEqualTo(expected).hasSize(64);
    assertThat(key.secretHash()).doesNotContain(text.substring(16));
  }

  @Test
  void shouldMatchOnlyTheHashOfItsOwnSecret() {
    ApiKey key = ApiKey.generate(RANDOM);
    ApiKey other = ApiKey.generate(RANDOM);

    assertThat(key.matches(key.secretHash())).isTrue();
    assertThat(key.matches(other.secretHash())).isFalse();
  }

  @Test
  void shouldMatchNoMalformedStoredHash() {
    ApiKey key = ApiKey.generate(RANDOM);
    String hash = key.secretHash();

    assertThat(key.matches(null)).isFalse();
    assertThat(key.matches("")).isFalse();
    assertThat(key.matches(hash.toUpperCase())).isFalse();
    assertThat(key.matches(hash.substring(1))).isFalse();
    assertThat(key.matches(hash + "0")).isFalse();
    assertThat(key.matches("z" + hash.substring(1))).isFalse();
  }

  @Test
  void shouldRefuseASecretDifferingInOneByteAnywhere() {
    String id = "abcdefgh2345";
    ApiKey stored = ApiKey.parse(keyText(id, 7)).orElseThrow();
    String text = stored.reveal();
    char[] first = text.toCharArray();
    first[16] = first[16] == 'B' ? 'C' : 'B';
    char[] last = text.toCharArray();
    // the last character's spare low bits stay zero: still a canonical spelling, of other bytes
    last[text.length() - 1] = last[text.length() - 1] == 'c' ? 'g' : 'c';

    assertThat(ApiKey.parse(new String(first)).orElseThrow().matches(stored.secretHash()))
        .isFalse();
    assertThat(ApiKey.parse(new String(last)).orElseThrow().matches(stored.secretHash())).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "hm_",
        "hm_abcdefgh2345",
        "hm_abcdefgh2345_",
        "Bearer hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        " hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc ",
        // wrong prefix, upper-case id, id outside base32 (0, 1, 8, 9), wrong separator
        "HM_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        "hm_ABCDEFGH2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        "hm_abcdefgh2301_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        "hm_abcdefgh2389_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        "hm_abcdefgh2345-BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc",
        // secret: too short, too long, padded, standard base64 alphabet, non-ASCII
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBw",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBw=",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHB+c",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHB/c",
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwé",
        // the same 32 bytes spelled with the last character's spare bits set: not canonical
        "hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwd",
      })
  void shouldReadNothingFromAMalformedKey(String presented) {
    assertThat(ApiKey.parse(presented)).isEmpty();
  }

  @Test
  void shouldReadTheCanonicalSpellingOfThoseBytes() {
    assertThat(ApiKey.parse(keyText("abcdefgh2345", 7)))
        .hasValueSatisfying(key -> assertThat(key.keyId()).isEqualTo("abcdefgh2345"));
    assertThat(keyText("abcdefgh2345", 7))
        .isEqualTo("hm_abcdefgh2345_BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc");
  }

  @Test
  void shouldReadNothingFromAHugeInput() {
    assertThat(ApiKey.parse("hm_" + "a".repeat(1_000_000))).isEmpty();
  }

  @Test
  void shouldKeepTheSecretOutOfToString() {
    ApiKey key = ApiKey.generate(RANDOM);
    String secret = key.reveal().substring(16);

    assertThat(key.toString()).contains(key.keyId()).doesNotContain(secret);
    assertThat(String.valueOf(Optional.of(key))).doesNotContain(secret);
  }

  @Test
  void shouldTellKeyIdsFromOtherText() {
    assertThat(ApiKey.isKeyId("abcdefgh2345")).isTrue();
    assertThat(ApiKey.isKeyId("abcdefgh234")).isFalse();
    assertThat(ApiKey.isKeyId("abcdefgh2340")).isFalse();
    assertThat(ApiKey.isKeyId("ABCDEFGH2345")).isFalse();
    assertThat(ApiKey.isKeyId(null)).isFalse();
  }
}
