package io.hivemind.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went during a phase, from {@code /proc}: this benchmark's own JVM (the
 * load generator shares the cores with the stack it measures), its finished child processes, each
 * process of the stack (by the PID files {@code ./hivemind up} leaves in {@code
 * $HIVEMIND_HOME/pids}), everything else, and idle. In cores: 1.00 is one core busy all the time.
 * Reads nothing and prints "cpu: n/a" where {@code /proc} is missing.
 */
public final class CpuMeter {

  private static final Path PROC = Path.of("/proc");
  private static final long SELF = ProcessHandle.current().pid();

  private final Map<String, Long> processes;
  private final double ticksPerSecond;

  private CpuMeter(Map<String, Long> processes, double ticksPerSecond) {
    this.processes = processes;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** The stack's processes from {@code pidsDirectory} ({@code <name>.pid} files). */
  public static CpuMeter forStack(Path pidsDirectory) {
    Map<String, Long> processes = new LinkedHashMap<>();
    if (Files.isDirectory(pidsDirectory)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> pids = Files.newDirectoryStream(pidsDirectory, "*.pid")) {
        pids.forEach(files::add);
      } catch (IOException e) {
        // no stack processes to show: the split is still right for this JVM and the machine
      }
      files.sort(null);
      for (Path file : files) {
        try {
          String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
          processes.put(name, Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
          // a stale or half-written PID file: leave that process out
        }
      }
    }
    return new CpuMeter(processes, ticksPerSecond());
  }

  public Sample sample() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    long[] self = processTicks(SELF);
    ticks.put("bench", self[0]);
    ticks.put("bench-children", self[1]);
    processes.forEach((name, pid) -> ticks.put(name, processTicks(pid)[0]));
    long[] machine = machineTicks();
    return new Sample(System.nanoTime(), ticks, machine[0], machine[1]);
  }

  /**
   * Where the CPU went since {@code from}: each process and the rest of the machine, in cores; null
   * where {@code /proc} is missing.
   */
  public Split since(Sample from) {
    Sample to = sample();
    if (to.machineBusy < 0 || from.machineBusy < 0) {
      return null;
    }
    double seconds = (to.nanos - from.nanos) / 1e9;
    Map<String, Double> cores = new LinkedHashMap<>();
    long named = 0;
    for (Map.Entry<String, Long> entry : to.processTicks.entrySet()) {
      long before = from.processTicks.getOrDefault(entry.getKey(), entry.getValue());
      long used = Math.max(0, entry.getValue() - before);
      named += used;
      if (entry.getKey().equals("bench-children") && used == 0) {
        continue;
      }
      cores.put(entry.getKey(), cores(used, seconds));
    }
    long busy = to.machineBusy - from.machineBusy;
    cores.put("other", cores(Math.max(0, busy - named), seconds));
    cores.put("idle", cores(to.machineIdle - from.machineIdle, seconds));
    return new Split(seconds, cores);
  }

  /** Cores used per process over {@code seconds}, then "other" and "idle". */
  public record Split(double seconds, Map<String, Double> cores) {

    /** {@code cpu (cores): bench 0.61 | ingest-gateway 0.93 | … | other 0.05 | idle 0.10}. */
    public String coresLine() {
      StringBuilder line = new StringBuilder("cpu (cores):");
      String separator = " ";
      for (Map.Entry<String, Double> entry : cores.entrySet()) {
        line.append(separator)
            .append(String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()));
        separator = " | ";
      }
      return line.toString();
    }

    /**
     * CPU time per request of each process that used at least 0.02 cores, in µs: {@code cpu per
     * request (µs): bench 41 | ingest-gateway 95 | kafka 30}.
     */
    public String perRequestLine(long requests, String unit) {
      if (requests <= 0) {
        return "cpu per " + unit + ": n/a";
      }
      StringBuilder line = new StringBuilder("cpu per " + unit + " (µs):");
      String separator = " ";
      for (Map.Entry<String, Double> entry : cores.entrySet()) {
        if (entry.getKey().equals("idle") || entry.getValue() < 0.02) {
          continue;
        }
        double micros = entry.getValue() * seconds * 1e6 / requests;
        line.append(separator)
            .append(String.format(Locale.ROOT, "%s %.0f", entry.getKey(), micros));
        separator = " | ";
      }
      return line.toString();
    }
  }

  private double cores(long ticks, double seconds) {
    return ticks / ticksPerSecond / seconds;
  }

  /** utime+stime of the process, and cutime+cstime of its waited-for children; -1 if unknown. */
  private static long[] processTicks(long pid) {
    try {
      String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      // the command name (field 2) may hold blanks: fields are counted after its closing ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17
      long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long children = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      return new long[] {own, children};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** Busy and idle ticks summed over every core, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String cpu = Files.readAllLines(PROC.resolve("stat")).get(0);
      String[] fields = cpu.trim().split("\\s+");
      long total = 0;
      // user nice system idle iowait irq softirq steal (guest time is already in user)
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new long[] {total - idle, idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /** USER_HZ: 100 on every Linux this runs on; asked of getconf when it is there. */
  private static double ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      if (getconf.waitFor() == 0) {
        return Double.parseDouble(out);
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  /** Cumulative CPU ticks at one moment. */
  public static final class Sample {
    private final long nanos;
    private final Map<String, Long> processTicks;
    private final long machineBusy;
    private final long machineIdle;

    private Sample(long nanos, Map<String, Long> processTicks, long busy, long idle) {
      this.nanos = nanos;
      this.processTicks = processTicks;
      this.machineBusy = busy;
      this.machineIdle = idle;
    }
  }
}
