#!/usr/bin/env bash
# bench/segments: T4 (full recomputation beside hand-written SQL) and T3 (real-time delay, ingestion
# with evaluation on and off), on a generated data set. `--small` runs 10k people / 50k events.
# Needs a MySQL 8 / MariaDB 10.6+ server (default: 127.0.0.1:3306, root, empty password); see README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  # Always rebuilt: a stale distribution would measure another engine.
  mvn -B -q -DskipTests package -pl platform/launcher,bench/segments -am
fi
exec java -Xmx1g -jar bench/segments/target/segments-bench.jar platform/launcher/target/herald "$@"
