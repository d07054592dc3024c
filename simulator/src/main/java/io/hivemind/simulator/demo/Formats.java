package io.hivemind.simulator.demo;

import java.util.Locale;

/** Number formats for the terminal; "-" stands for a figure that does not exist yet. */
final class Formats {

  private Formats() {}

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String decimal(double value, int places) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String dollars(double amount) {
    return String.format(Locale.ROOT, "%s$%,.2f", amount < 0 ? "-" : "", Math.abs(amount));
  }
}
