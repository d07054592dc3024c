package io.hivemind.botapi;

/**
 * A shape of text the contract writes as a regular expression of character classes: one class
 * repeated ({@code [a-z0-9_]{1,32}}, {@code [A-Za-z0-9._:-]+}), or a first character of one class
 * and the rest of another ({@code [A-Z][A-Z0-9]{0,11}}). Checked against a table of each class's
 * characters, not by the regex engine: validation runs for every event the gateway takes, and regex
 * matching was three quarters of it (BENCHMARKS.md, issue 18). {@link #regex()} is the expression
 * the shape stands for; {@code TextShapeTest} holds every shape to it.
 */
final class TextShape {

  private static final int ASCII = 128;

  private final boolean[] first;
  private final boolean[] rest;
  private final int minRest;
  private final int maxRest;
  private final String regex;

  private TextShape(boolean[] first, boolean[] rest, int minRest, int maxRest, String regex) {
    this.first = first;
    this.rest = rest;
    this.minRest = minRest;
    this.maxRest = maxRest;
    this.regex = regex;
  }

  /**
   * {@code [chars]{min,max}}, or {@code [chars]+} when {@code max} is {@link Integer#MAX_VALUE} and
   * {@code min} 1.
   *
   * @param chars the class as a regex writes it inside brackets: characters and ranges ({@code
   *     a-z}); a {@code -} last stands for itself
   */
  static TextShape of(String chars, int min, int max) {
    String count = max == Integer.MAX_VALUE && min == 1 ? "+" : "{" + min + "," + max + "}";
    return new TextShape(null, table(chars), min, max, "[" + chars + "]" + count);
  }

  /** {@code [firstChars][restChars]{minRest,maxRest}}. */
  static TextShape headed(String firstChars, String restChars, int minRest, int maxRest) {
    return new TextShape(
        table(firstChars),
        table(restChars),
        minRest,
        maxRest,
        "[" + firstChars + "][" + restChars + "]{" + minRest + "," + maxRest + "}");
  }

  /** Whether all of {@code value} has the shape, as {@code Pattern.matches(regex(), value)}. */
  boolean matches(String value) {
    int start = 0;
    if (first != null) {
      if (value.isEmpty() || !in(first, value.charAt(0))) {
        return false;
      }
      start = 1;
    }
    int count = value.length() - start;
    if (count < minRest || count > maxRest) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      if (!in(rest, value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  String regex() {
    return regex;
  }

  private static boolean in(boolean[] table, char c) {
    return c < ASCII && table[c];
  }

  private static boolean[] table(String chars) {
    boolean[] table = new boolean[ASCII];
    for (int i = 0; i < chars.length(); i++) {
      char from = chars.charAt(i);
      if (i + 2 < chars.length() && chars.charAt(i + 1) == '-') {
        char to = chars.charAt(i + 2);
        for (char c = from; c <= to; c++) {
          table[c] = true;
        }
        i += 2;
      } else {
        table[from] = true;
      }
    }
    return table;
  }
}
