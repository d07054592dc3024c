package io.hivemind.botapi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The instruments a deployment learns about ({@code hivemind.instruments}): every symbol a bot
 * sends, and every symbol a query asks about, must be one of them. Community statistics are keyed
 * by symbol, so an open set of symbols would let one caller grow them without bound.
 */
public final class Instruments {

  /**
   * The CME futures the seeds' bots and the simulator trade, with their micro contracts (the same
   * markets at a tenth of the size, which retail bots commonly trade). The services' configuration
   * repeats this list; tools and tests without configuration use it from here.
   */
  public static final List<String> DEFAULT =
      List.of("ES", "NQ", "CL", "GC", "YM", "RTY", "MES", "MNQ", "MCL", "MGC", "MYM", "M2K");

  static final TextShape SYMBOL = TextShape.headed("A-Z", "A-Z0-9", 0, 11);

  /** Up to this many are listed in an answer naming the allowed symbols. */
  private static final int LISTED = 32;

  private final Set<String> symbols;

  private Instruments(Set<String> symbols) {
    this.symbols = symbols;
  }

  /**
   * @throws IllegalArgumentException for an empty list or a symbol outside {@code
   *     [A-Z][A-Z0-9]{0,11}} (surrounding blanks are dropped)
   */
  public static Instruments of(Collection<String> symbols) {
    Set<String> set = new LinkedHashSet<>();
    for (String symbol : symbols) {
      String trimmed = symbol == null ? "" : symbol.strip();
      if (!SYMBOL.matches(trimmed)) {
        throw new IllegalArgumentException(
            "hivemind.instruments: '" + trimmed + "' is not a symbol (" + SYMBOL.regex() + ")");
      }
      set.add(trimmed);
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException("hivemind.instruments must name at least one symbol");
    }
    return new Instruments(Collections.unmodifiableSet(set));
  }

  public static Instruments defaults() {
    return of(DEFAULT);
  }

  public boolean contains(String symbol) {
    return symbol != null && symbols.contains(symbol);
  }

  public Set<String> symbols() {
    return symbols;
  }

  /** What a violation says about a symbol that is not one of them. */
  String mustBeOne() {
    if (symbols.size() > LISTED) {
      return "must be one of the " + symbols.size() + " instruments traded here";
    }
    return "must be an instrument traded here: " + String.join(", ", symbols);
  }

  @Override
  public String toString() {
    return String.join(",", symbols);
  }
}
