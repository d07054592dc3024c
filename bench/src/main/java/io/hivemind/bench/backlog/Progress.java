package io.hivemind.bench.backlog;

/** Prints one progress line at most every {@code everyMillis}: count, rate, and a note. */
public final class Progress {

  private final String what;
  private final long total;
  private final long everyNanos;
  private final long started = System.nanoTime();
  private long lastPrinted = started;

  public Progress(String what, long total, long everyMillis) {
    this.what = what;
    this.total = total;
    this.everyNanos = everyMillis * 1_000_000L;
  }

  /** Prints if it is time; returns whether it printed. */
  public boolean update(long done, String note) {
    long now = System.nanoTime();
    if (now - lastPrinted < everyNanos) {
      return false;
    }
    lastPrinted = now;
    print(done, note, now);
    return true;
  }

  public void finish(long done, String note) {
    print(done, note, System.nanoTime());
  }

  private void print(long done, String note, long now) {
    double seconds = (now - started) / 1e9;
    String of = total > 0 ? String.format(" / %,d (%3.0f %%)", total, 100.0 * done / total) : "";
    System.out.printf(
        "  %-10s %6.1f s  %,12d%s  %,9.0f /s%s%n",
        what,
        seconds,
        done,
        of,
        seconds > 0 ? done / seconds : 0,
        note.isEmpty() ? "" : "  " + note);
  }
}
