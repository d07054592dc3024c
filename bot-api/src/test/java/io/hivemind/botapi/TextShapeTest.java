package io.hivemind.botapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shape the contract checks says of a string what the regex engine says of its expression:
 * over random strings of the characters around each class's edges, and the edge cases by name.
 */
class TextShapeTest {

  private static final List<TextShape> SHAPES =
      List.of(
          TextShape.of("A-Za-z0-9._:-", 1, Integer.MAX_VALUE),
          TextShape.of("a-z0-9_", 1, 32),
          TextShape.of("A-Z_", 1, 32),
          TextShape.of("A-Za-z0-9._+-", 1, Integer.MAX_VALUE),
          TextShape.headed("A-Z", "A-Z0-9", 0, 11),
          Instruments.SYMBOL);

  /** The classes' edges and their neighbours, a blank, a non-ASCII letter and a surrogate. */
  private static final String ALPHABET = "@AZ[`az{/09:._-+ \t\u00e9\ud83d\ude00";

  @Test
  void shouldMatchExactlyWhatTheRegexMatchesOverRandomStrings() {
    Random random = new Random(18);
    for (TextShape shape : SHAPES) {
      Pattern regex = Pattern.compile(shape.regex());
      for (int i = 0; i < 20_000; i++) {
        String value = randomString(random, random.nextInt(40));
        assertThat(shape.matches(value))
            .as("%s against %s", shape.regex(), value)
            .isEqualTo(regex.matcher(value).matches());
      }
    }
  }

  @Test
  void shouldSayTheExpressionsTheContractShows() {
    assertThat(TextShape.of("A-Za-z0-9._:-", 1, Integer.MAX_VALUE).regex())
        .isEqualTo("[A-Za-z0-9._:-]+");
    assertThat(TextShape.of("a-z0-9_", 1, 32).regex()).isEqualTo("[a-z0-9_]{1,32}");
    assertThat(Instruments.SYMBOL.regex()).isEqualTo("[A-Z][A-Z0-9]{0,11}");
  }

  @Test
  void shouldHoldTheEdgesOfLengthAndClass() {
    TextShape name = TextShape.of("a-z0-9_", 1, 32);
    assertThat(name.matches("")).isFalse();
    assertThat(name.matches("a".repeat(32))).isTrue();
    assertThat(name.matches("a".repeat(33))).isFalse();
    assertThat(name.matches("rsi_14")).isTrue();
    assertThat(name.matches("RSI")).isFalse();

    assertThat(Instruments.SYMBOL.matches("")).isFalse();
    assertThat(Instruments.SYMBOL.matches("E")).isTrue();
    assertThat(Instruments.SYMBOL.matches("M2K")).isTrue();
    assertThat(Instruments.SYMBOL.matches("2K")).isFalse();
    assertThat(Instruments.SYMBOL.matches("A" + "1".repeat(11))).isTrue();
    assertThat(Instruments.SYMBOL.matches("A" + "1".repeat(12))).isFalse();

    TextShape id = TextShape.of("A-Za-z0-9._:-", 1, Integer.MAX_VALUE);
    assertThat(id.matches("sig-1:a.b_c")).isTrue();
    assertThat(id.matches("sig 1")).isFalse();
    assertThat(id.matches("sig+1")).isFalse();
  }

  private static String randomString(Random random, int length) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }
}
