#!/usr/bin/env bash
# SPEC §10: "the whole local suite is up in under 90 s from a fresh clone (under 45 s with downloads kept)".
# Stops this checkout's suite (the ports are fixed), clones the repository's HEAD into a temporary directory and
# times `bin/suite up` there twice: first with nothing kept (it downloads Kafka, Keycloak and GreenMail and builds
# the jars), then in a second fresh clone with the first clone's downloads (.suite/downloads) copied in. Both count
# from the command to every component ready, the jars' build included (a fresh clone has none). Then brings this
# checkout's suite back up. The Maven repository (~/.m2) is kept in both, as on any developer's machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=bench/lib.sh
source bench/lib.sh
WORK=$(mktemp -d)

bring_back() {
  for clone in "$WORK"/fresh "$WORK"/kept; do
    [[ -x $clone/bin/suite ]] && (cd "$clone" && bin/suite down >/dev/null 2>&1 || true)
  done
  rm -rf "$WORK"
  bin/suite up >/dev/null
}
trap bring_back EXIT

timed_up() { # directory → seconds for bin/suite up there
  local started
  started=$(date +%s.%N)
  (cd "$1" && bin/suite up >"$WORK/up-$(basename "$1").log" 2>&1) || { tail -20 "$WORK/up-$(basename "$1").log" >&2; return 1; }
  awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }'
}

bin/suite down >/dev/null
git clone -q "$ROOT" "$WORK/fresh"
fresh=$(timed_up "$WORK/fresh")
(cd "$WORK/fresh" && bin/suite down >/dev/null)
echo "fresh clone, nothing kept: bin/suite up in $fresh s"

git clone -q "$ROOT" "$WORK/kept"
mkdir -p "$WORK/kept/.suite"
cp -r "$WORK/fresh/.suite/downloads" "$WORK/kept/.suite/downloads"
kept=$(timed_up "$WORK/kept")
(cd "$WORK/kept" && bin/suite down >/dev/null)
echo "fresh clone, downloads kept: bin/suite up in $kept s"

result "bin/suite up, fresh clone with downloads" "< 90 s" "$fresh s" - - "$(met "$fresh" 90 'a < b')"
result "bin/suite up, fresh clone, downloads kept" "< 45 s" "$kept s" "$fresh s (nothing kept)" \
  "$(ratio "$kept" "$fresh")" "$(met "$kept" 45 'a < b')"
