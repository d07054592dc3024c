package io.hivemind.bench.load;

/**
 * One measured phase's CPU split: {@link #onMeasuring} (handed to a loop) samples the counters when
 * the warm-up ends, {@link #cpuLines} reads them again.
 */
public final class Phase {

  private final CpuMeter cpu;
  private volatile CpuMeter.Sample from;

  public Phase(CpuMeter cpu) {
    this.cpu = cpu;
  }

  public Runnable onMeasuring() {
    return () -> from = cpu.sample();
  }

  /**
   * Where the CPU went since the warm-up ended (since now, if it never did), in cores and, given
   * the requests answered meanwhile, in µs per request.
   */
  public String cpuLines(long requests) {
    return cpuLines(requests, "request");
  }

  /** As above, per {@code unit} (an event, a record) of which there were {@code units}. */
  public String cpuLines(long units, String unit) {
    CpuMeter.Sample start = from;
    CpuMeter.Split split = cpu.since(start == null ? cpu.sample() : start);
    if (split == null) {
      return "  cpu: n/a (no /proc)";
    }
    return "  "
        + split.coresLine()
        + System.lineSeparator()
        + "  "
        + split.perRequestLine(units, unit);
  }
}
