#!/usr/bin/env bash
# bench/ingest: T1 (Pipelines batches) and T2 (single Track calls) with same-run baselines.
# Needs a MySQL 8 / MariaDB 10.6+ server (default: 127.0.0.1:3306, root, empty password); see README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f platform/launcher/target/herald/herald-launcher.jar || ! -f bench/ingest/target/ingest-bench.jar ]]; then
  mvn -B -q -DskipTests package -pl platform/launcher,bench/ingest -am
fi
exec java -Xmx1g -jar bench/ingest/target/ingest-bench.jar platform/launcher/target/herald
