package io.hivemind.gateway.api;

import io.hivemind.botapi.Instruments;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Symbols that are not instruments traded here, drawn from a seeded {@link Random}: what a caller
 * who wants to grow the community statistics (keyed by symbol) would send. Made-up symbols of the
 * right shape, real futures contract codes with a month and year, lowercase and mixed-case forms of
 * real instruments, real ones with unicode tricks or blanks, and very long ones. None is one of
 * {@link Instruments#DEFAULT}, the list the gateway under test is configured with.
 */
final class JunkSymbols {

  /** A junk symbol and the kind of attack it stands for (for failure messages). */
  record Junk(String symbol, String kind) {}

  private static final List<String> REAL = Instruments.DEFAULT;
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String MONTHS = "FGHJKMNQUVXZ";
  private static final String[] TRICKS = {
    "\u200B", // zero-width space
    "\u200D", // zero-width joiner
    "\u202E", // right-to-left override
    "\uFEFF", // byte order mark
    "\u0000", // NUL
    "\u00A0", // no-break space
    "\uD83D\uDE80", // an emoji (a surrogate pair)
    "\u0301", // a combining accent
  };

  private final Random random;

  JunkSymbols(Random random) {
    this.random = random;
  }

  Junk next() {
    int pick = random.nextInt(100);
    Junk junk;
    if (pick < 40) {
      junk = new Junk(madeUp(), "made-up");
    } else if (pick < 52) {
      junk = new Junk(contract(), "contract code");
    } else if (pick < 67) {
      junk = new Junk(otherCase(), "lowercase");
    } else if (pick < 80) {
      junk = new Junk(unicode(), "unicode");
    } else if (pick < 88) {
      junk = new Junk(padded(), "blanks");
    } else {
      junk = new Junk(veryLong(), "very long");
    }
    return REAL.contains(junk.symbol()) ? next() : junk;
  }

  private String real() {
    return REAL.get(random.nextInt(REAL.size()));
  }

  /** The shape the gateway accepts, [A-Z][A-Z0-9]{0,11}: only the list tells it apart. */
  private String madeUp() {
    StringBuilder symbol = new StringBuilder().append((char) ('A' + random.nextInt(26)));
    for (int i = random.nextInt(12); i > 0; i--) {
      symbol.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return symbol.toString();
  }

  /** ESZ6, MNQH27: a contract of a real market, which a bot could plausibly send by mistake. */
  private String contract() {
    return real() + MONTHS.charAt(random.nextInt(MONTHS.length())) + random.nextInt(100);
  }

  private String otherCase() {
    String real = real();
    if (random.nextBoolean()) {
      return real.toLowerCase(Locale.ROOT);
    }
    StringBuilder mixed = new StringBuilder(real);
    int at = random.nextInt(real.length());
    mixed.setCharAt(at, Character.toLowerCase(real.charAt(at)));
    return mixed.toString();
  }

  private String unicode() {
    String real = real();
    if (random.nextInt(4) == 0) {
      StringBuilder fullwidth = new StringBuilder();
      real.chars()
          .forEach(
              c ->
                  fullwidth.append(
                      (char) (Character.isDigit(c) ? c - '0' + '\uFF10' : c - 'A' + '\uFF21')));
      return fullwidth.toString();
    }
    int at = random.nextInt(real.length() + 1);
    return real.substring(0, at) + TRICKS[random.nextInt(TRICKS.length)] + real.substring(at);
  }

  private String padded() {
    String[] blanks = {" ", "\t", "\n", "  "};
    String blank = blanks[random.nextInt(blanks.length)];
    return random.nextBoolean() ? blank + real() : real() + blank;
  }

  /** Just over the 12 characters a symbol may have, up to past the 16 KiB a string may have. */
  private String veryLong() {
    int length =
        random.nextBoolean()
            ? 13 + random.nextInt(50)
            : 1_000 + random.nextInt(random.nextInt(2) == 0 ? 2_000 : 18_000);
    StringBuilder symbol = new StringBuilder(real());
    while (symbol.length() < length) {
      symbol.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return symbol.toString();
  }
}
