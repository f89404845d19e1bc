#!/usr/bin/env bash
# compat: runs the official Customer.io and Segment Node clients (customerio-node, @customerio/
# cdp-analytics-node, @segment/analytics-node; versions pinned in node/package-lock.json), unmodified,
# against a Herald started here on an embedded database, and checks through the App API that what
# they sent was stored. Needs Node 20+ and npm (network access to the npm registry on first run).
# Not part of `mvn verify` (that must run with only a JDK and Maven); see README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
dist=platform/launcher/target/herald
if [[ ! -f $dist/herald-launcher.jar || ! -f $dist/herald.war ]]; then
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl platform/launcher -am
fi
(cd platform/testing/compat/node && npm ci --no-audit --no-fund --loglevel=error)

data="$(mktemp -d)"
port="${HERALD_COMPAT_PORT:-18480}"
export HERALD_DATA_DIR="$data" HERALD_HTTP_PORT="$port"
export HERALD_BOOTSTRAP_SITE_ID=compatsite HERALD_BOOTSTRAP_TRACK_API_KEY=compat-track-key-0123456789
export HERALD_BOOTSTRAP_APP_API_KEY=compat-app-key-0123456789 HERALD_BOOTSTRAP_WRITE_KEY=compat-write-key-0123456789
java -jar "$dist/herald-launcher.jar" >"$data/herald.log" 2>&1 &
herald=$!
trap 'kill $herald 2>/dev/null; wait $herald 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 $herald 2>/dev/null || { cat "$data/herald.log"; exit 1; }
  sleep 1
done
BASE="http://127.0.0.1:$port" SITE_ID=$HERALD_BOOTSTRAP_SITE_ID TRACK_KEY=$HERALD_BOOTSTRAP_TRACK_API_KEY \
  APP_KEY=$HERALD_BOOTSTRAP_APP_API_KEY WRITE_KEY=$HERALD_BOOTSTRAP_WRITE_KEY node platform/testing/compat/node/official-clients.js
