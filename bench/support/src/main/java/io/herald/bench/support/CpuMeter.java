package io.herald.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU use from /proc: the machine's busy share and each watched process's share of one core. */
public final class CpuMeter {

  /** Clock ticks per second of /proc counters (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> processes;

  public CpuMeter(Map<String, Long> processes) {
    this.processes = new LinkedHashMap<>(processes);
  }

  /** A reading of the counters. */
  public record Sample(
      long nanos, long busyTicks, long totalTicks, Map<String, Long> processTicks) {}

  public Sample sample() {
    long[] machine = machine();
    Map<String, Long> ticks = new LinkedHashMap<>();
    processes.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
    return new Sample(System.nanoTime(), machine[0], machine[1], ticks);
  }

  /**
   * "machine 93% busy (2 cores); herald 118%, mysqld 52%, driver 21%, other processes ~0% of one
   * core": the last is what the machine spent on anything but the benchmark.
   */
  public static String describe(Sample from, Sample to) {
    double seconds = (to.nanos() - from.nanos()) / 1e9;
    long total = to.totalTicks() - from.totalTicks();
    double busy = total == 0 ? 0 : 100.0 * (to.busyTicks() - from.busyTicks()) / total;
    StringBuilder out =
        new StringBuilder(
            String.format(
                "machine %.0f%% busy (%d cores)",
                busy, Runtime.getRuntime().availableProcessors()));
    String separator = "; ";
    double ours = 0;
    for (Map.Entry<String, Long> e : to.processTicks().entrySet()) {
      long used = e.getValue() - from.processTicks().getOrDefault(e.getKey(), e.getValue());
      double share = 100.0 * used / TICKS_PER_SECOND / seconds;
      ours += share;
      out.append(separator).append(e.getKey()).append(' ').append(String.format("%.0f%%", share));
      separator = ", ";
    }
    double others = busy * Runtime.getRuntime().availableProcessors() - ours;
    return out.append(String.format(", other processes ~%.0f%% of one core", Math.max(0, others)))
        .toString();
  }

  /**
   * CPU time {@code process} spent between the samples per unit of work (a request, an event), in
   * microseconds: on a shared machine a steadier figure than a rate, which other load lowers.
   */
  public static double microsPer(Sample from, Sample to, String process, long units) {
    long used =
        to.processTicks().getOrDefault(process, 0L) - from.processTicks().getOrDefault(process, 0L);
    return units <= 0 ? 0 : used / TICKS_PER_SECOND * 1e6 / units;
  }

  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      long busy = user + nice + system + irq + softirq + steal;
      return new long[] {busy, busy + idle + iowait};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * The pid of the longest-running process whose command line contains {@code fragment}, or -1: the
   * system's database server rather than a test's embedded one started later.
   */
  public static long findProcess(String fragment) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(fragment)).orElse(false))
        .min(
            java.util.Comparator.comparing(
                (ProcessHandle p) -> p.info().startInstant().orElse(java.time.Instant.MAX)))
        .map(ProcessHandle::pid)
        .orElse(-1L);
  }
}
