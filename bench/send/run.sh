#!/usr/bin/env bash
# bench/send: T6 (bulk sending beside a plain Angus Mail loop, commits per message) and T7
# (transactional latency during the bulk send, rate-limiter accuracy). `--small` runs 5,000 messages
# and a 10 s limiter phase. Needs a MySQL 8 / MariaDB 10.6+ server (default: 127.0.0.1:3306, root,
# empty password); see README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  # Always rebuilt from this checkout (-am: the modules and plugin zips the distribution takes):
  # a stale distribution would measure another engine. BENCH_MAVEN_ARGS adds Maven options, e.g.
  # -Dmaven.repo.local=… for a private repository, -o offline.
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MAVEN_ARGS:-} -DskipTests package -pl platform/launcher,bench/send -am
fi
# The driver keeps the plain loop's messages pre-rendered: 100,000 of ~19 KB (HTML and text) need
# about 2 GB (BENCH_DRIVER_HEAP).
exec java -Xmx"${BENCH_DRIVER_HEAP:-4g}" -jar bench/send/target/send-bench.jar platform/launcher/target/herald "$@"
