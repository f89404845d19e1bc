package io.herald.bench.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Warms a call up until the JIT of the JVM under test is quiet: a benchmark then measures the
 * server in its steady state, as PERFORMANCE-NOTES' servers that run for days, not while the JIT
 * still compiles the deep container stack under the call. On 2026-12-07 a Track identify at 64
 * connections went from 1,591 to about 4,600 requests a second over the first two minutes of load,
 * while Herald's CPU per call fell from 1,069 to 278 µs and its compilations levelled off.
 *
 * @param compilations how many methods the JIT has compiled so far (-1 when it cannot tell)
 */
public record JitWatch(LongSupplier compilations) {

  /** One window of load on the call being warmed. */
  @FunctionalInterface
  public interface Window {
    void run(Duration length) throws Exception;
  }

  /**
   * What a warm-up did.
   *
   * @param took the load run before the measurement
   * @param lastWindow methods compiled during the last window (-1: not known)
   * @param quiet whether the last window compiled at most the quiet count
   */
  public record Warmed(Duration took, long lastWindow, boolean quiet) {
    /** For a report line. */
    public String describe() {
      if (lastWindow < 0) {
        return String.format("warmed %d s (JIT not watched)", took.toSeconds());
      }
      return String.format(
          "warmed %d s, %s: %d JIT compilations in the last window",
          took.toSeconds(), quiet ? "JIT quiet" : "JIT NOT QUIET", lastWindow);
    }
  }

  /**
   * The watch of a JVM through the JDK's {@code jstat -compiler} (its HotSpot performance counters,
   * read as its own user), if this JDK has {@code jstat} and it can read that JVM.
   */
  public static Optional<JitWatch> of(long pid) {
    return ProcessHandle.current()
        .info()
        .command()
        .map(java -> Path.of(java).resolveSibling("jstat"))
        .filter(Files::isExecutable)
        .map(jstat -> new JitWatch(() -> jstatCompiled(jstat, pid)))
        .filter(w -> w.compilations().getAsLong() >= 0);
  }

  /**
   * Runs {@code minimum} of load, then windows of {@code window} until one adds at most {@code
   * quietCompilations} compilations or the load has run {@code maximum}.
   */
  public Warmed warm(
      Window load, Duration minimum, Duration window, Duration maximum, long quietCompilations)
      throws Exception {
    long before = compilations.getAsLong();
    load.run(minimum);
    Duration took = minimum;
    long after = compilations.getAsLong();
    long last = before < 0 || after < 0 ? -1 : after - before;
    while (last > quietCompilations && took.plus(window).compareTo(maximum) <= 0) {
      before = after;
      load.run(window);
      took = took.plus(window);
      after = compilations.getAsLong();
      last = after < 0 ? -1 : after - before;
    }
    return new Warmed(took, last, last >= 0 && last <= quietCompilations);
  }

  private static long jstatCompiled(Path jstat, long pid) {
    try {
      Process p =
          new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return -1;
      }
      return compiledIn(out);
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * The "Compiled" column of {@code jstat -compiler}'s output (a header line, then the values), or
   * -1 when the output is not that.
   */
  static long compiledIn(String jstatOutput) {
    String[] lines = jstatOutput.strip().split("\\R");
    if (lines.length < 2 || !lines[0].strip().startsWith("Compiled")) {
      return -1;
    }
    try {
      return Long.parseLong(lines[1].strip().split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
