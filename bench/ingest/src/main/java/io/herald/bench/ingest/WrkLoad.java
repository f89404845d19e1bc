package io.herald.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * T2's calls driven by <a href="https://github.com/wg/wrk">wrk</a> instead of the JDK client: a C
 * load generator spends far less of the shared two cores per request, so the no-op baseline and its
 * p99 measure Herald rather than the driver (PERFORMANCE-NOTES §4 measured Payara with wrk). Used
 * when {@code wrk} is on the PATH and {@code BENCH_T2_DRIVER} is not {@code java}.
 */
final class WrkLoad {

  /** What one run gave. */
  record Result(long requests, long errors, double seconds, double p50Millis, double p99Millis) {
    double perSecond() {
      return (requests - errors) / seconds;
    }
  }

  /**
   * One call shape: method, path (with {@code {user}} replaced by {@code u0..u(people-1)} in turn,
   * each wrk thread starting at its own share of the people so that two threads do not send the
   * same person's calls at the same moment), headers and body (with {@code {n}} replaced by a
   * number that differs on every request of a run and between runs).
   */
  record Call(String method, String path, String authorization, String body) {}

  private final String base;
  private final long people;

  WrkLoad(String base, long people) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.people = people;
  }

  /** Whether wrk can be run here. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs the call from {@code connections} connections on 2 wrk threads for {@code time}. */
  Result run(Call call, int connections, Duration time) throws IOException, InterruptedException {
    return run(call, connections, time, 0);
  }

  /**
   * As {@link #run(Call, int, Duration)}, each connection waiting {@code pauseMillis} after each
   * answer before sending its next request: a load below the server's peak, so the latencies are
   * the calls' own rather than the queue a saturated server builds (wrk has no clock to pace by).
   */
  Result run(Call call, int connections, Duration time, long pauseMillis)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("herald-bench-", ".lua");
    try {
      String lua = lua(call);
      if (pauseMillis > 0) {
        lua += "delay = function()\n  return " + pauseMillis + "\nend\n";
      }
      Files.writeString(script, lua, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              "wrk",
              "-t2",
              "-c" + connections,
              "-d" + time.toSeconds() + "s",
              "--latency",
              "-s",
              script.toString(),
              base));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(time.toSeconds() + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("wrk failed: " + out);
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("HERALD ")) {
          String[] f = line.trim().split(" ");
          return new Result(
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              Long.parseLong(f[3]) / 1e6,
              Long.parseLong(f[4]) / 1000.0,
              Long.parseLong(f[5]) / 1000.0);
        }
      }
      throw new IOException("wrk printed no result: " + out);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  String lua(Call call) {
    return "wrk.method = \""
        + call.method()
        + "\"\n"
        + "wrk.headers[\"Authorization\"] = \""
        + call.authorization()
        + "\"\n"
        + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
        + "wrk.body = "
        + luaString(call.body())
        + "\n"
        // Runs in the main state once per thread, after the script set n = 0 in the thread's.
        + "local threads = 0\n"
        + "setup = function(thread)\n"
        + "  thread:set(\"n\", threads * "
        + Math.max(1, people / 2)
        + ")\n"
        + "  thread:set(\"t\", threads)\n"
        + "  threads = threads + 1\n"
        + "end\n"
        + "n = 0\n"
        + "t = 0\n"
        + "local run = os.time() * 1000000\n"
        + "request = function()\n"
        + "  n = n + 1\n"
        + "  local path = string.gsub("
        + luaString(call.path())
        + ", \"{user}\", \"u\" .. (n % "
        + people
        + "))\n"
        // 2n + t: each of the two threads counts n from its own start, so n alone repeats across
        // them once a thread has sent people/2 requests (before 2026-12-06 it did: at 20,000
        // people a quarter of T2's "new attribute" identifies repeated the stored value and wrote
        // nothing).
        // %.0f, not tostring: wrk's LuaJIT prints numbers past 14 digits in exponent form
        // ("1.7966200020157e+15"), so until 2026-12-07 the identify bodies carried such numbers and
        // ten consecutive requests the same one.
        + (call.body().contains("{n}")
            ? "  local body = string.gsub(wrk.body, \"{n}\","
                + " string.format(\"%.0f\", run + 2 * n + t))\n"
                + "  return wrk.format(nil, path, nil, body)\n"
            : "  return wrk.format(nil, path)\n")
        + "end\n"
        // Non-2xx answers and socket errors both count as errors.
        + "done = function(summary, latency, requests)\n"
        + "  local e = summary.errors\n"
        + "  io.write(string.format(\"HERALD %d %d %d %d %d\\n\", summary.requests,"
        + " e.status + e.connect + e.read + e.write + e.timeout, summary.duration,"
        + " latency:percentile(50), latency:percentile(99)))\n"
        + "end\n";
  }

  private static String luaString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
