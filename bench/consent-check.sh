#!/usr/bin/env bash
# Consent check throughput and latency against a bare authenticated endpoint of the same service (SPEC §10: at 32
# connections, at least 0.8 × the bare endpoint's throughput; at a fixed arrival rate of 30% of the bare endpoint's
# saturated throughput, p99 under 10 ms).
#
# Needs the running suite (bin/suite up), wrk and psql. Loads 100,000 young people, each with a guardian and a
# group-sessions consent (a tenth of them withdrawn, a third not covering Zoom), straight into the consent database
# in org-a (the demo users' organisation) under a run tag, drives
#   GET /consent-checks?youngPersonId=<random one of them>&scope=GROUP_SESSIONS&platform=ZOOM
#   GET /me
# first closed loop with wrk at 32 connections (saturated: both throughputs and their ratio), then open loop with
# bench/OpenLoop.java at RATE_SHARE (0.3) of the bare endpoint's saturated throughput (latency measured from when
# each request was due, so the p99 is the service's, not the load generator's queue), and deletes its rows.
#
# Settings (environment): CONSENT_URL (http://127.0.0.1:8081), PGHOST/PGPORT (127.0.0.1/5432), YOUNG_PEOPLE
# (100000), CONNECTIONS (32), THREADS (2), DURATION (20s), WARMUP (20s), RATE_SHARE (0.3), OPEN_SECONDS (20).
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh
CONSENT_URL=${CONSENT_URL:-http://127.0.0.1:8081}
YOUNG_PEOPLE=${YOUNG_PEOPLE:-100000}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
RATE_SHARE=${RATE_SHARE:-0.3}
OPEN_SECONDS=${OPEN_SECONDS:-20}
TAG="bench-$(date +%s)"
WORK=$(mktemp -d)

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=consent PGPASSWORD=consent PGDATABASE=consent
psql_q() { psql -v ON_ERROR_STOP=1 -q -X "$@"; }

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
curl -fsS "$CONSENT_URL/q/health/ready" >/dev/null || { echo "consent-service is not ready at $CONSENT_URL (bin/suite up)" >&2; exit 1; }

cleanup() {
  echo "removing the $TAG rows ..."
  psql_q -v tag="$TAG" <<'SQL' || true
delete from consent_notice n using consent c where n.consent_id = c.id and c.recorded_by = :'tag';
delete from consent_withdrawal where withdrawn_by = :'tag';
delete from consent where recorded_by = :'tag';
delete from guardian g using young_person yp where g.young_person_id = yp.id and yp.registered_by = :'tag';
delete from young_person where registered_by = :'tag';
SQL
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "loading $YOUNG_PEOPLE young people with consents into org-a ($TAG) ..."
start=$(date +%s.%N)
psql_q -v tag="$TAG" -v n="$YOUNG_PEOPLE" <<'SQL'
insert into young_person (id, organisation, preferred_name, date_of_birth, local_authority_code,
                          registered_at, registered_by, last_active_at)
select md5(:'tag' || '-yp-' || i)::uuid, 'org-a', 'Bench ' || i, current_date - (4500 + i % 1500),
       'E09000024', now() - interval '40 days', :'tag', now() - interval '40 days'
from generate_series(1, :n) i;

insert into guardian (id, young_person_id, position, name, relationship, email, phone, preferred_channel)
select md5(:'tag' || '-g-' || i)::uuid, md5(:'tag' || '-yp-' || i)::uuid, 0, 'Bench Guardian ' || i, 'carer',
       'bench' || i || '@example.org', null, 'EMAIL'
from generate_series(1, :n) i;

insert into consent (id, organisation, young_person_id, scope, platforms, given_by, guardian_id, evidence_reference,
                     evidence_method, given_at, expires_at, recorded_at, recorded_by)
select md5(:'tag' || '-c-' || i)::uuid, 'org-a', md5(:'tag' || '-yp-' || i)::uuid, 'GROUP_SESSIONS',
       case i % 3 when 0 then 'ZOOM' when 1 then 'SKYPE,ZOOM' else 'WHATSAPP' end,
       'GUARDIAN', md5(:'tag' || '-g-' || i)::uuid, 'FORM-BENCH', 'PAPER_FORM',
       now() - interval '30 days', now() + interval '300 days', now() - interval '30 days', :'tag'
from generate_series(1, :n) i;

insert into consent_withdrawal (consent_id, organisation, young_person_id, withdrawn_at, withdrawn_by, reason)
select md5(:'tag' || '-c-' || i)::uuid, 'org-a', md5(:'tag' || '-yp-' || i)::uuid, now() - interval '1 day',
       :'tag', 'bench'
from generate_series(1, :n) i where i % 10 = 0;

analyze young_person; analyze guardian; analyze consent; analyze consent_withdrawal;
SQL
psql_q -At -c "select id from young_person where registered_by = '$TAG' order by random() limit 20000" > "$WORK/ids.txt"
echo "loaded in $(echo "$(date +%s.%N) - $start" | bc) s; $(wc -l < "$WORK/ids.txt") ids sampled for the checks"

cat > "$WORK/check.lua" <<'LUA'
local ids = {}
init = function(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
request = function()
  return wrk.format("GET", "/consent-checks?youngPersonId=" .. ids[math.random(#ids)]
    .. "&scope=GROUP_SESSIONS&platform=ZOOM")
end
LUA
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.3f p99=%.3f requests=%d non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
LUA
cat "$WORK/report.lua" >> "$WORK/check.lua"
cp "$WORK/report.lua" "$WORK/me.lua"

TOKEN=$(bin/suite token coord-a)
AUTH="Authorization: Bearer $TOKEN"
# a sanity check of what is measured: a real answer, not a 4xx
sample=$(head -1 "$WORK/ids.txt")
curl -fsS -H "$AUTH" "$CONSENT_URL/consent-checks?youngPersonId=$sample&scope=GROUP_SESSIONS&platform=ZOOM" >/dev/null
curl -fsS -H "$AUTH" "$CONSENT_URL/me" >/dev/null

warm() { # name script [args]
  local name=$1 script=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH" -s "$script" "$CONSENT_URL$name" -- "$@" >/dev/null
}

measure() { # name script [args]
  local name=$1 script=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "$AUTH" -s "$script" "$CONSENT_URL$name" -- "$@" | grep '^RESULT'
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, $WARMUP warm-up of each, then $DURATION each"
# Both are warmed up before either is measured: C2 is still compiling the token check they share 20 s into a run
# (bare /me 3,258 req/s in the first 20 s after a start, 6,676 in the next), so whichever ran first would lose.
warm /me "$WORK/me.lua"
warm /consent-checks "$WORK/check.lua" "$WORK/ids.txt"
me=$(measure /me "$WORK/me.lua")
check=$(measure /consent-checks "$WORK/check.lua" "$WORK/ids.txt")
field() { echo "$1" | sed -E "s/.*$2=([0-9.]+).*/\1/"; }

printf '%-28s %10s %10s %10s %8s\n' endpoint "req/s" "p50 ms" "p99 ms" non2xx
printf '%-28s %10s %10s %10s %8s\n' "GET /me (bare, authenticated)" "$(field "$me" rps)" "$(field "$me" p50)" "$(field "$me" p99)" "$(field "$me" non2xx)"
printf '%-28s %10s %10s %10s %8s\n' "GET /consent-checks" "$(field "$check" rps)" "$(field "$check" p50)" "$(field "$check" p99)" "$(field "$check" non2xx)"
ratio=$(ratio "$(field "$check" rps)" "$(field "$me" rps)")
echo "closed loop: ratio consent-checks / me $ratio (target >= 0.8)"
result "consent check throughput, 32 connections" "≥ 0.8 × bare /me" "$(field "$check" rps) req/s" \
  "$(field "$me" rps) req/s" "$ratio" "$(met "$ratio" 0.8 'a >= b')"

# Open loop at a share of the bare endpoint's saturated throughput: the same rate for both, one after the other.
rate=$(awk -v r="$(field "$me" rps)" -v s="$RATE_SHARE" 'BEGIN { printf "%.0f", r * s }')
sed "s|^|$CONSENT_URL/consent-checks?scope=GROUP_SESSIONS\&platform=ZOOM\&youngPersonId=|" "$WORK/ids.txt" > "$WORK/urls.txt"
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "open loop: $rate req/s ($RATE_SHARE × bare) for ${OPEN_SECONDS} s each, after a 5 s warm-up"
open_me=$("$java_bin" bench/OpenLoop.java "$rate" "$OPEN_SECONDS" "$TOKEN" "$CONSENT_URL/me" | grep '^RESULT')
open_check=$("$java_bin" bench/OpenLoop.java "$rate" "$OPEN_SECONDS" "$TOKEN" "@$WORK/urls.txt" | grep '^RESULT')
printf '%-28s %10s %10s %10s %10s %8s\n' endpoint "req/s" "p50 ms" "p90 ms" "p99 ms" non2xx
printf '%-28s %10s %10s %10s %10s %8s\n' "GET /me (bare, authenticated)" "$(field "$open_me" rate)" "$(field "$open_me" p50)" \
  "$(field "$open_me" p90)" "$(field "$open_me" p99)" "$(field "$open_me" non2xx)"
printf '%-28s %10s %10s %10s %10s %8s\n' "GET /consent-checks" "$(field "$open_check" rate)" "$(field "$open_check" p50)" \
  "$(field "$open_check" p90)" "$(field "$open_check" p99)" "$(field "$open_check" non2xx)"
p99=$(field "$open_check" p99)
result "consent check p99 at 30% of bare saturation ($rate req/s)" "< 10 ms" "$p99 ms" "$(field "$open_me" p99) ms" \
  "$(ratio "$p99" "$(field "$open_me" p99)")" "$(met "$p99" 10 'a < b')"
