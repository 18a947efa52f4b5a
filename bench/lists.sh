#!/usr/bin/env bash
# SPEC §10: "list endpoints: p95 latency at 1,000,000 rows within 2× of that at 10,000", for the lists of
# consent-service, session-service and notification-service (safeguarding-service's concern list has its own
# bench/safeguarding-lists.sh, which also seals narratives):
#
#   bench/lists.sh young-people    GET /young-people?name=… (coord-a's name search) and the unfiltered first page
#   bench/lists.sh sessions        GET /sessions (coord-a, first page, and one month's sessions; worker-a's own
#                                  sessions, the first page of a youth worker)
#   bench/lists.sh notifications   GET /notifications (manager-a's delivery records) and GET /me/notifications
#                                  (worker-a's in-app feed)
#
# Against the running suite (bin/suite up). Bulk-loads FIRST rows (default 10,000) straight into the service's
# database (INSERT … SELECT generate_series, half in org-a and half in org-b, each row marked with this run's tag),
# times each list with wrk (CONNECTIONS connections for DURATION, after a warm-up; p50/p95/p99), loads up to TOTAL
# (default 1,000,000), times them again, and deletes exactly the rows it added. The rows are what the API would have
# written (the same columns and values), only not through it: a million bookings through the API would take hours
# on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

KIND=${1:?usage: bench/lists.sh young-people|sessions|notifications}
TOTAL=${TOTAL:-1000000}
FIRST=${FIRST:-10000}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-15s}
TAG="bench-$(date +%s)"
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }

case $KIND in
  young-people) DB=consent PORT=8081 ;;
  sessions) DB=session PORT=8082 ;;
  notifications) DB=notification PORT=8084 ;;
  *) echo "bench/lists.sh: no list called $KIND (young-people, sessions, notifications)" >&2; exit 2 ;;
esac
BASE=http://127.0.0.1:$PORT
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=$DB PGPASSWORD=$DB PGDATABASE=$DB
psql_q() { psql -v ON_ERROR_STOP=1 -q -X -v tag="$TAG" "$@"; }

# ---------------------------------------------------------------- rows, per list

# seed FROM TO: adds rows number FROM..TO (even ones in org-a, odd ones in org-b).
worker_a_id() { # worker-a's Keycloak id, the token's subject
  bin/suite token worker-a | python3 -c 'import base64, json, sys
p = sys.stdin.read().split(".")[1]
print(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))["sub"])'
}

# Young people: a first name and a made-up surname of letters a-p (from an md5), so that the searched surname
# "Quennell", which has letters outside a-p, belongs to exactly the five young people the first load adds to org-a:
# the search answers the same five rows at every size, as a coordinator looking up one family would.
seed_young_people() {
  psql_q -v from="$1" -v to="$2" <<'SQL'
insert into young_person (id, organisation, preferred_name, date_of_birth, local_authority_code, registered_at,
                          registered_by, last_active_at)
select md5(:'tag' || '-yp-' || i)::uuid, case when i % 2 = 0 then 'org-a' else 'org-b' end,
       case when i <= 10 and i % 2 = 0 then 'Bench Quennell ' || i
            else (array['Amira', 'Ben', 'Chloe', 'Dylan', 'Efa', 'Finn', 'Grace', 'Harri', 'Isla', 'Jac'])[1 + i % 10]
                 || ' ' || initcap(translate(substr(md5(i::text), 1, 8), '0123456789', 'ghijklmnop')) end,
       current_date - (4500 + i % 1500), 'E09000024', now() - (i % 700000) * interval '40 seconds', :'tag',
       now() - interval '1 day'
from generate_series(:from, :to) i;
SQL
}
# (psql expands :'tag' in what it reads, not in -c)
cleanup_young_people() { psql_q <<<"delete from young_person where registered_by = :'tag';"; }

# Sessions: group sessions on Teams (no Zoom provisioning), one every 10 minutes back from a year ahead, each led by
# two facilitators (as booking would store them: Keycloak id and user name); worker-a leads one in five of org-a's,
# so a youth worker's own list grows with the table, as a real worker's does over the years.
seed_sessions() {
  psql_q -v from="$1" -v to="$2" -v worker_a="$WORKER_A_ID" <<'SQL'
insert into session (id, organisation, kind, title, platform, starts_at, ends_at, first_of_group, status,
                     created_at, created_by)
select md5(:'tag' || '-s-' || i)::uuid, case when i % 2 = 0 then 'org-a' else 'org-b' end, 'GROUP',
       'Bench group session ' || i, 'TEAMS', now() + interval '365 days' - i * interval '10 minutes',
       now() + interval '365 days' - i * interval '10 minutes' + interval '1 hour', false, 'SCHEDULED', now(), :'tag'
from generate_series(:from, :to) i;
insert into session_facilitator (session_id, user_id, user_name)
select md5(:'tag' || '-s-' || i)::uuid, case when i % 10 = 0 then :'worker_a' else md5(:'tag' || '-w-' || i % 40) end,
       case when i % 10 = 0 then 'worker-a' else 'bench-worker-' || i % 40 end
from generate_series(:from, :to) i
union all
select md5(:'tag' || '-s-' || i)::uuid, md5(:'tag' || '-c-' || i % 7), 'bench-coordinator-' || i % 7
from generate_series(:from, :to) i;
SQL
}
cleanup_sessions() {
  psql_q <<<"delete from session_facilitator f using session s where s.id = f.session_id and s.created_by = :'tag';
             delete from session where created_by = :'tag';"
}

# Deliveries: sent emails to guardians and, one row in ten, an in-app message to one of org-a's five demo staff;
# worker-a's feed is one row in fifty, so it grows with the table, as a real member of staff's does over the years.
seed_notifications() {
  psql_q -v from="$1" -v to="$2" -v worker_a="$WORKER_A_ID" <<'SQL'
insert into delivery (id, organisation, event_id, template_key, recipient_kind, recipient_id, channel, status,
                      attempts, next_attempt_at, created_at, sent_at, staff_user_name, staff_user_id, title, body)
select md5(:'tag' || '-d-' || i)::uuid, case when i % 2 = 0 then 'org-a' else 'org-b' end, :'tag' || '-' || i,
       case when i % 10 = 0 then 'staff-alert' else 'session-invitation' end,
       case when i % 10 = 0 then 'STAFF' else 'GUARDIAN' end, md5(:'tag' || '-r-' || i)::uuid,
       case when i % 10 = 0 then 'IN_APP' else 'EMAIL' end, 'SENT', 1, now(),
       now() - (i % 700000) * interval '40 seconds', now(),
       case when i % 10 = 0 then (array['worker-a', 'worker2-a', 'coord-a', 'dsl-a', 'manager-a'])[1 + (i / 10) % 5] end,
       case when i % 10 = 0 and (i / 10) % 5 = 0 and i % 2 = 0 then :'worker_a' end,
       case when i % 10 = 0 then 'Bench alert ' || i end, case when i % 10 = 0 then 'A session needs you.' end
from generate_series(:from, :to) i;
SQL
}
cleanup_notifications() { psql_q <<<"delete from delivery where event_id like :'tag' || '-%';"; }

# ---------------------------------------------------------------- the lists timed, per list: label|user|path

lists_young_people() {
  echo "name search|coord-a|/young-people?name=quennell&page=0&size=20"
  echo "first page|coord-a|/young-people?page=0&size=20"
}
lists_sessions() {
  echo "first page|coord-a|/sessions?page=0&size=20"
  # a month that the first load already fills (its sessions span the 69 days before a year ahead)
  echo "one month|coord-a|/sessions?from=$(date -u -d '+300 days' +%FT%TZ)&to=$(date -u -d '+330 days' +%FT%TZ)&page=0&size=20"
  echo "my sessions|worker-a|/sessions?page=0&size=20"
}
lists_notifications() {
  echo "delivery records|manager-a|/notifications?page=0&size=20"
  echo "my feed|worker-a|/me/notifications?page=0&size=20"
}

# ---------------------------------------------------------------- timing

cat > "$WORK/latency.lua" <<'LUA'
-- GETs the path given and prints p50/p95/p99.
local path
function init(args) path = args[1] end
function request() return wrk.format("GET", path) end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms requests=%d rps=%.0f non2xx/errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    e.status + e.connect + e.read + e.write + e.timeout))
end
LUA

timed() { # label user path duration → wrk's summary line
  local token; token=$(bin/suite token "$2")
  wrk -t2 -c"$CONNECTIONS" -d"$4" -H "Authorization: Bearer $token" -H "Accept: application/json" \
    -s "$WORK/latency.lua" "$BASE" -- "$3" | tail -1
}

measure() { # rows
  local label user path total n=0
  echo "== at $1 rows ($CONNECTIONS connections, $DURATION each; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  while IFS='|' read -r label user path; do
    n=$((n + 1))
    total=$(curl -s -H "Authorization: Bearer $(bin/suite token "$user")" "$BASE$path" | jq -r '.total // "?"')
    timed "$label" "$user" "$path" "${WARM_UP:-5s}" >/dev/null
    printf '  %-18s %-60s total %-8s: ' "$label" "$path" "$total"
    timed "$label" "$user" "$path" "$DURATION" | tee "$WORK/at-$1-$n"
  done < <("lists_${KIND//-/_}")
}

cleanup() {
  if [[ ${KEEP:-0} != 1 ]]; then "cleanup_${KIND//-/_}" && echo "cleaned up: this run's rows removed ($TAG)"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Each list's table keeps its totals in a few counter rows (a trigger per row; SPEC §10's lists answer their total
# without counting). Every insert in one transaction updates the same counter row again, and each update walks the
# row's versions made so far in that transaction: a load of 990,000 rows in one statement was still running after
# 15 minutes. So the rows go in CHUNK at a time (2,000), each its own transaction, and the tables are vacuumed once
# at the end, as autovacuum would (index-only counts need the visibility map).
CHUNK=${CHUNK:-2000}
vacuumed_young_people() { psql_q -c "vacuum (analyze) young_person, young_person_count"; }
vacuumed_sessions() { psql_q -c "vacuum (analyze) session, session_facilitator, session_count"; }
vacuumed_notifications() { psql_q -c "vacuum (analyze) delivery, delivery_count"; }
seeded() { # from to
  local started from; started=$(date +%s.%N)
  for ((from = $1; from <= $2; from += CHUNK)); do
    "seed_${KIND//-/_}" "$from" "$(( from + CHUNK - 1 < $2 ? from + CHUNK - 1 : $2 ))"
  done
  "vacuumed_${KIND//-/_}"
  printf '  loaded rows %d-%d in %.1f s\n' "$1" "$2" "$(echo "$(date +%s.%N) - $started" | bc)"
}

echo "$KIND list benchmark against $BASE ($TAG)"
WORKER_A_ID=$(worker_a_id) # once: the loads ask for it chunk by chunk
seeded 1 "$FIRST"
measure "$FIRST"
seeded $((FIRST + 1)) "$TOTAL"
measure "$TOTAL"

p95() { sed -E 's/.*p95=([0-9.]+)ms.*/\1/' "$WORK/at-$1-$2"; }
n=0
while IFS='|' read -r label _ path; do
  n=$((n + 1))
  result "$KIND $label p95 at $TOTAL rows vs $FIRST (${path%%\?*})" "≤ 2 × at $FIRST" "$(p95 "$TOTAL" $n) ms" \
    "$(p95 "$FIRST" $n) ms" "$(ratio "$(p95 "$TOTAL" $n)" "$(p95 "$FIRST" $n)")" \
    "$(met "$(p95 "$TOTAL" $n)" "$(p95 "$FIRST" $n)" 'a <= 2 * b')"
done < <("lists_${KIND//-/_}")
