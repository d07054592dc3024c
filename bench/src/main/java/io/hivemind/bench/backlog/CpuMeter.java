package io.hivemind.bench.backlog;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during a measured interval: this JVM, the broker (read from {@code
 * /proc/<pid>/stat}), the machine as a whole, and this JVM's garbage collection.
 */
public final class CpuMeter {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private final long brokerPid;
  private final long startNanos;
  private final long startOwnCpu;
  private final long startBrokerTicks;
  private final long startGcMillis;
  private final long startGcCount;
  private final long[] startMachine;

  private CpuMeter(long brokerPid) {
    this.brokerPid = brokerPid;
    this.startNanos = System.nanoTime();
    this.startOwnCpu = ownCpuNanos();
    this.startBrokerTicks = ticks(brokerPid);
    this.startGcMillis = gcMillis();
    this.startGcCount = gcCount();
    this.startMachine = machineTicks();
  }

  /** Starts measuring; {@code hivemindHome}/pids/kafka.pid names the broker, when it is there. */
  public static CpuMeter start(Path hivemindHome) {
    long pid = -1;
    try {
      pid = Long.parseLong(Files.readString(hivemindHome.resolve("pids/kafka.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      // no broker started by ./hivemind here: its share is not reported
    }
    return new CpuMeter(pid);
  }

  /** CPU seconds this JVM used since the start. */
  public double ownCpuSeconds() {
    return (ownCpuNanos() - startOwnCpu) / 1e9;
  }

  /** One line: cores used by each, and GC. */
  public String summary() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double own = (ownCpuNanos() - startOwnCpu) / 1e9 / seconds;
    long brokerTicks = ticks(brokerPid);
    double brokerCores =
        brokerTicks < 0 || startBrokerTicks < 0
            ? Double.NaN
            : (brokerTicks - startBrokerTicks) / TICKS_PER_SECOND / seconds;
    int cores = Runtime.getRuntime().availableProcessors();
    long[] machine = machineTicks();
    double busyCores = Double.NaN;
    if (machine != null && startMachine != null && machine[0] > startMachine[0]) {
      long total = machine[0] - startMachine[0];
      long idle = machine[1] - startMachine[1];
      busyCores = cores * (double) (total - idle) / total;
    }
    double others = busyCores - own - (Double.isNaN(brokerCores) ? 0 : brokerCores);
    return String.format(
        "cpu (cores of %d): bench JVM %.2f, broker %s, other processes %s (machine busy %s);"
            + " bench GC %d collections, %.2f s",
        cores,
        own,
        Double.isNaN(brokerCores) ? "n/a" : String.format("%.2f", brokerCores),
        Double.isNaN(others) ? "n/a" : String.format("%.2f", Math.max(0, others)),
        Double.isNaN(busyCores) ? "n/a" : String.format("%.2f", busyCores),
        gcCount() - startGcCount,
        (gcMillis() - startGcMillis) / 1000.0);
  }

  /** The 1-minute load average, for the record of how busy the machine was. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static long ownCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static long gcCount() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionCount());
    }
    return sum;
  }

  /** utime + stime of a process, in clock ticks; -1 when it cannot be read. */
  static long ticks(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name (field 2) may hold spaces: count fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** {total, idle} jiffies of the whole machine, or null. */
  private static long[] machineTicks() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] fields = cpu.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total, idle};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
