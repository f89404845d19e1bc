package io.herald.bench.segments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run does, from the command line ({@code --small}) and the environment (see
 * bench/segments/README.md).
 *
 * @param small whether {@code --small} was given (10,000 people and 50,000 events by default)
 * @param people people generated
 * @param events events generated
 * @param companies objects of type 1 ("company") generated
 * @param server JDBC URL of the server, without a schema
 * @param rootUser a user that may create schemas and users
 * @param rootPassword its password
 * @param rate events per second of the fixed-rate phases (T3)
 * @param rtBatch events per request in the fixed-rate phases: 1 sends Track API events, more sends
 *     Pipelines batches
 * @param realtime how long the fixed-rate phase runs
 * @param realtimeWarmup how long the same load runs, unmeasured, before it (Herald has just
 *     started: the JIT compiles the Track path in the first seconds)
 * @param throughput how long each closed-loop throughput phase runs (after a warm-up)
 * @param throughputWarmup how long the same load runs, unmeasured, before each throughput phase
 *     (the evaluation-off phase runs on a Herald started just before it: a short warm-up measured
 *     its JIT, and made evaluation on look faster than off)
 * @param throughputClients concurrent clients of the throughput phases
 * @param batch events per Pipelines {@code /v1/batch} request in the throughput phases
 * @param heap Herald's heap
 * @param bufferPool the InnoDB buffer pool size to set for the run, or empty to leave the server
 * @param keep whether the schema stays after the run
 * @param reuse whether to measure on the data set a kept run left ({@code BENCH_REUSE=1}) instead
 *     of generating one
 * @param realtimeOff the Herald environment that turns real-time evaluation off ({@code KEY=value})
 * @param passThrough {@code HERALD_*} variables handed to Herald
 * @param builtByApi whether T4 sees a build finish by polling the App API ({@code
 *     BENCH_T4_POLL=api}, the method until 2026-12-06) rather than the segment's row ({@code db})
 * @param phases what is measured after the data is ready ({@code BENCH_PHASES}, a comma-separated
 *     subset of {@link #PHASES}; default all, {@code none} only prepares the data)
 */
record Settings(
    boolean small,
    long people,
    long events,
    int companies,
    String server,
    String rootUser,
    String rootPassword,
    int rate,
    int rtBatch,
    Duration realtime,
    Duration realtimeWarmup,
    Duration throughput,
    Duration throughputWarmup,
    int throughputClients,
    int batch,
    String heap,
    String bufferPool,
    boolean keep,
    boolean reuse,
    String realtimeOff,
    Map<String, String> passThrough,
    boolean builtByApi,
    Set<String> phases) {

  /**
   * The phases in the order they run: {@code t4} (five representatives beside hand SQL), {@code
   * active} (the 50 active segments), {@code t3} (real-time delay, also during a rebuild; needs the
   * active segments), {@code throughput} (ingestion with evaluation on versus off).
   */
  static final List<String> PHASES = List.of("t4", "active", "t3", "throughput");

  /** The schema every run creates afresh. */
  static final String SCHEMA = "herald_bench_segments";

  static Settings from(List<String> args, Map<String, String> env) {
    boolean small = args.contains("--small");
    for (String arg : args) {
      if (!arg.equals("--small")) {
        throw new IllegalArgumentException("unknown argument " + arg + " (only --small)");
      }
    }
    long people = number(env, "BENCH_PEOPLE", small ? 10_000 : 1_000_000);
    Map<String, String> passThrough = new java.util.TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith("HERALD_INGEST_") || k.startsWith("HERALD_SEGMENTS_")) {
            passThrough.put(k, v);
          }
        });
    return new Settings(
        small,
        people,
        number(env, "BENCH_EVENTS", small ? 50_000 : 5_000_000),
        (int) number(env, "BENCH_COMPANIES", Math.max(20, people / 50)),
        env.getOrDefault("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/"),
        env.getOrDefault("BENCH_DB_USER", "root"),
        env.getOrDefault("BENCH_DB_PASSWORD", ""),
        (int) number(env, "BENCH_RATE", 1000),
        Math.max(1, (int) number(env, "BENCH_RT_BATCH", 1)),
        Duration.ofSeconds(number(env, "BENCH_RT_SECONDS", small ? 30 : 300)),
        Duration.ofSeconds(number(env, "BENCH_RT_WARMUP_SECONDS", small ? 5 : 30)),
        Duration.ofSeconds(number(env, "BENCH_TP_SECONDS", small ? 15 : 30)),
        Duration.ofSeconds(number(env, "BENCH_TP_WARMUP_SECONDS", small ? 5 : 30)),
        (int) number(env, "BENCH_TP_CLIENTS", 16),
        (int) number(env, "BENCH_BATCH", 100),
        env.getOrDefault("BENCH_HEAP", "1g"),
        env.getOrDefault("BENCH_BUFFER_POOL", ""),
        "1".equals(env.get("BENCH_KEEP")),
        "1".equals(env.get("BENCH_REUSE")),
        env.getOrDefault("BENCH_REALTIME_OFF", "HERALD_SEGMENTS_REALTIME_ENABLED=false"),
        Map.copyOf(passThrough),
        builtPoll(env.getOrDefault("BENCH_T4_POLL", "db")),
        phases(env.getOrDefault("BENCH_PHASES", String.join(",", PHASES))));
  }

  /** Whether the run measures {@code phase}. */
  boolean measures(String phase) {
    return phases.contains(phase);
  }

  private static boolean builtPoll(String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "api" -> true;
      case "db" -> false;
      default ->
          throw new IllegalArgumentException("BENCH_T4_POLL: api or db, not " + value.trim());
    };
  }

  private static Set<String> phases(String value) {
    Set<String> chosen = new java.util.LinkedHashSet<>();
    for (String part : value.split(",")) {
      String phase = part.trim().toLowerCase(java.util.Locale.ROOT);
      if (phase.isEmpty() || phase.equals("none")) {
        continue;
      }
      if (!PHASES.contains(phase)) {
        throw new IllegalArgumentException(
            "BENCH_PHASES: unknown phase " + phase + " (known: " + PHASES + ", or none)");
      }
      chosen.add(phase);
    }
    if (chosen.contains("t3") || chosen.contains("throughput")) {
      chosen.add("active"); // their loads evaluate against the 50 active segments
    }
    return Set.copyOf(chosen);
  }

  /** The schema's JDBC URL. */
  String schemaUrl() {
    return server + SCHEMA;
  }

  private static long number(Map<String, String> env, String key, long fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", "").trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not " + value, e);
    }
  }
}
