package io.herald.bench.journeys;

import java.util.List;
import java.util.Map;

/**
 * The bench's arguments ({@code --small}, {@code --steady}, {@code --crash}) and {@code BENCH_*}
 * variables.
 */
record Settings(
    int steps,
    String server,
    String rootUser,
    String rootPassword,
    String heap,
    boolean steady,
    boolean crash,
    int waits,
    int rate,
    int minutes) {

  static Settings from(List<String> args, Map<String, String> env) {
    boolean small = args.contains("--small");
    for (String arg : args) {
      if (!List.of("--small", "--steady", "--crash").contains(arg)) {
        throw new IllegalArgumentException(
            "unknown argument " + arg + " (only --small, --steady, --crash)");
      }
    }
    return new Settings(
        Integer.parseInt(env.getOrDefault("BENCH_STEPS", small ? "20000" : "200000")),
        env.getOrDefault("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/"),
        env.getOrDefault("BENCH_DB_USER", "root"),
        env.getOrDefault("BENCH_DB_PASSWORD", ""),
        env.getOrDefault("BENCH_HEAP", "1g"),
        args.contains("--steady"),
        args.contains("--crash"),
        Integer.parseInt(env.getOrDefault("BENCH_WAITS", small ? "50000" : "1000000")),
        Integer.parseInt(env.getOrDefault("BENCH_RATE", small ? "200" : "2000")),
        Integer.parseInt(env.getOrDefault("BENCH_MINUTES", small ? "1" : "5")));
  }

  String url(String schema) {
    return server + schema + "?rewriteBatchedStatements=true&useSSL=false";
  }
}
