#!/usr/bin/env bash
# bench/journeys: T5b (journey steps due at the same instant, drained by Herald's timer pollers,
# beside the raw SKIP LOCKED claim loop on the same database). `--small` runs 20,000 steps.
# Needs a MySQL 8 / MariaDB 10.6+ server (default: 127.0.0.1:3306, root, empty password); see README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  # Always rebuilt: a stale distribution would measure another engine.
  mvn -B -q -DskipTests package -pl platform/launcher,bench/journeys -am
fi
exec java -Xmx1g -jar bench/journeys/target/journeys-bench.jar platform/launcher/target/herald "$@"
