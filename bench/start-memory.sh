#!/usr/bin/env bash
# SPEC §10: "each service starts in under 3 s and stays under 300 MB RSS", measured beside a bare Quarkus REST
# application (bench/bare-rest) packaged as an aot-jar, as every app is (the parent pom), and started with the same JVM, options and environment as the
# suite starts a service (bin/lib/apps.sh: APP_ENV, app_java_opts and the start-up cache of app_startup_cache).
#
# Against the running suite (bin/suite up). For each service in turn: stops it, starts it with `bin/suite start`
# and times from the launch until its readiness check answers 200 (polled every 20 ms), then reads its RSS. The
# bare application is started twice (the first start records its AOT cache, as a service's first start after a
# build did) and the second is measured. With AFTER=1 it only reads the RSS of the running services (bin/bench runs that last,
# after the other benchmarks): as the last benchmark leaves them, and again once they have been idle for SETTLE seconds
# (60), long enough for G1's periodic collection to shrink the heap and the C heap's trim to run (bin/lib/apps.sh).
# The settled figure is the one held against the target: what a service holds between bursts, which is what stays.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
# shellcheck source=bin/lib/components.sh
source bin/lib/components.sh
# shellcheck source=bin/lib/java.sh
source bin/lib/java.sh
# shellcheck source=bin/lib/common.sh
source bin/lib/common.sh
# shellcheck source=bin/lib/apps.sh
source bin/lib/apps.sh

SERVICES=(consent-service session-service safeguarding-service notification-service)
BARE_JAR=bench/bare-rest/target/quarkus-app/quarkus-run.jar
BARE_PORT=8099
now_ms() { date +%s%3N; }

ready_within() { # url timeout-s → prints milliseconds from now until the url answers 200
  local url=$1 start deadline
  start=$(now_ms) deadline=$((start + $2 * 1000))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]]; do
    (( $(now_ms) < deadline )) || { echo "not ready: $url" >&2; return 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - start ))
}

# The bare reference: its start time and RSS after start; after AFTER=1 benchmarks its RSS is that of a fresh one.
bare() {
  [[ -f $BARE_JAR ]] || ./mvnw -B -q -pl bench/bare-rest package >/dev/null
  local pid ms
  for attempt in 1 2; do
    # shellcheck disable=SC2086,SC2046 # the JVM options and the cache options are lists of options
    env "${APP_ENV[@]}" "$(app_jdk)/bin/java" $(app_java_opts bench-bare-rest) $(app_startup_cache bench-bare-rest "$BARE_JAR") \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$BARE_PORT -jar "$BARE_JAR" >"$LOGS/bench-bare-rest.log" 2>&1 &
    pid=$!
    ms=$(ready_within "http://127.0.0.1:$BARE_PORT/q/health/ready" 60)
    BARE_MS=$ms
    BARE_RSS=$(ps -o rss= -p "$pid" | awk '{ printf "%d", $1 / 1024 }')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    [[ $attempt == 2 ]] || sleep 0.5
  done
  echo "bare Quarkus REST (reference): ready in $BARE_MS ms, RSS $BARE_RSS MB"
}

service_rss() { local pid; pid=$(suite_pid "$1") && rss_mb "$pid"; }

bare
if [[ ${AFTER:-0} == 1 ]]; then
  settle=${SETTLE:-60}
  declare -A loaded=()
  for name in "${SERVICES[@]}"; do
    loaded[$name]=$(service_rss "$name") || { echo "$name is not running" >&2; continue; }
    echo "$name: RSS ${loaded[$name]} MB as the last benchmark left it"
  done
  echo "idle for $settle s ..."
  sleep "$settle"
  for name in "${SERVICES[@]}"; do
    [[ -n ${loaded[$name]:-} ]] || continue
    rss=$(service_rss "$name") || { echo "$name is not running" >&2; continue; }
    echo "$name: RSS $rss MB after the benchmarks, idle $settle s"
    result "$name RSS after the benchmarks, idle $settle s" "< 300 MB" "$rss MB (${loaded[$name]} at the end)" \
      "$BARE_RSS MB (bare, fresh)" "$(ratio "$rss" "$BARE_RSS")" "$(met "$rss" 300 'a < b')"
  done
  exit 0
fi

for name in "${SERVICES[@]}"; do
  bin/suite stop "$name" >/dev/null
  start=$(now_ms)
  bin/suite start "$name" >/dev/null &
  starter=$!
  ready_within "$(health_of "$name")" 90 >/dev/null
  ms=$(( $(now_ms) - start ))
  wait "$starter"
  rss=$(service_rss "$name")
  secs=$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms / 1000 }')
  echo "$name: ready in $ms ms, RSS $rss MB just after"
  result "$name start (launch → ready)" "< 3 s" "$secs s" "$(awk -v ms="$BARE_MS" 'BEGIN { printf "%.2f", ms / 1000 }') s (bare)" \
    "$(ratio "$ms" "$BARE_MS")" "$(met "$ms" 3000 'a < b')"
done
