package io.herald.bench.send;

import java.util.List;
import java.util.Map;

/** The benchmark's settings: its arguments ({@code --small}) and {@code BENCH_*} variables. */
record Settings(
    int messages,
    int people,
    int connections,
    int clients,
    int batch,
    int t7Rate,
    int limitRate,
    int limitBurst,
    int limitSeconds,
    String server,
    String rootUser,
    String rootPassword,
    String heap,
    int sinkReceiveBuffer,
    int calibrateSeconds,
    int warmupSeconds,
    int warmupBulk,
    int commitMessages) {

  static Settings from(List<String> args, Map<String, String> env) {
    boolean small = args.contains("--small");
    for (String arg : args) {
      if (!arg.equals("--small")) {
        throw new IllegalArgumentException("unknown argument " + arg + " (only --small)");
      }
    }
    return new Settings(
        number(env, "BENCH_MESSAGES", small ? 5_000 : 100_000),
        number(env, "BENCH_PEOPLE", small ? 1_000 : 10_000),
        number(env, "BENCH_CONNECTIONS", 4),
        number(env, "BENCH_CLIENTS", 4),
        Math.min(1000, number(env, "BENCH_BATCH", 1000)),
        number(env, "BENCH_T7_RATE", 100),
        number(env, "BENCH_LIMIT_RATE", 50),
        number(env, "BENCH_LIMIT_BURST", 10),
        number(env, "BENCH_LIMIT_SECONDS", small ? 10 : 60),
        env.getOrDefault("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/"),
        env.getOrDefault("BENCH_DB_USER", "root"),
        env.getOrDefault("BENCH_DB_PASSWORD", ""),
        env.getOrDefault("BENCH_HEAP", "1g"),
        number(env, "BENCH_SINK_RCVBUF", 4096),
        number(env, "BENCH_T7_ALONE_SECONDS", small ? 5 : 15),
        number(env, "BENCH_WARMUP_SECONDS", small ? 20 : 180),
        number(env, "BENCH_WARMUP_BULK", small ? 2_000 : 10_000),
        number(env, "BENCH_COMMIT_MESSAGES", small ? 2_000 : 10_000));
  }

  private static int number(Map<String, String> env, String key, int fallback) {
    String value = env.get(key);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
