#!/usr/bin/env bash
# Benchmark (issue 5): 100,000 concerns across org-a and org-b, then the DSL's list (paged, filtered by status and
# risk) and a concern read timed at 10,000 and at 100,000 rows (p50/p95/p99, wrk), plus raising through the API.
#
# The rows are bulk-loaded (COPY) in the service's own storage format: narratives sealed with AES-256-GCM under the
# service's configured key, bound to each row's id exactly as FieldCipher does, so every read really decrypts.
# Raising 100,000 through the API would take most of an hour on this shared 2-core machine, and would put 100,000
# events on Kafka for the other services; raising is timed separately below through the real endpoint.
# Runs against the running suite (bin/suite up). Every row it creates carries one session id of its own; at the end
# it deletes exactly those rows (and their chronology, access log and outbox rows), so nothing else is disturbed.
#
#   bench/safeguarding-lists.sh            # TOTAL=100000 FIRST=10000 CONNECTIONS=4 DURATION=15s
#   KEEP=1 bench/safeguarding-lists.sh     # keep the rows (e.g. to explore with psql)
#   TOTAL=1000000 bench/safeguarding-lists.sh   # SPEC §10's figure (p95 at 1,000,000 rows within 2× of 10,000; bin/bench)
#   CLEAN_UP=<session id> bench/safeguarding-lists.sh   # only delete the rows of a run that was stopped before its end
# The key comes from the service's %prod settings unless SAFESESSIONS_CRYPTO_ACTIVE_KEY and the key are exported.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

BASE=${SAFEGUARDING_URL:-http://127.0.0.1:8083}
TOTAL=${TOTAL:-100000}
FIRST=${FIRST:-10000}
CONNECTIONS=${CONNECTIONS:-4}
DURATION=${DURATION:-15s}
CHUNK=${CHUNK:-10000}   # concerns per transaction, loading and cleaning up (see seed and cleanup)
export PGPASSWORD=${SAFEGUARDING_DB_PASSWORD:-safeguarding}
PSQL=(psql -h 127.0.0.1 -U safeguarding -d safeguarding -v ON_ERROR_STOP=1 -qtA)
RUN=${CLEAN_UP:-$(cat /proc/sys/kernel/random/uuid)}   # the session id that marks this run's concerns
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# Deletes this run's concerns (and their chronology, access log and outbox rows) CHUNK at a time, each chunk its
# own transaction, as the load went in (the kept totals' counter rows, see seed). Nothing in the service deletes a
# chronology entry, so the two keys that refer to one (a correction's corrects_entry_id, a concern's
# escalation_basis_entry_id) have no index, and each deleted entry would scan both tables: 1,000,000 concerns' entries
# were still being deleted after 8 minutes. Two indexes are made for the clean-up and dropped after it.
cleanup() {
  if [[ "${KEEP:-0}" != 1 ]]; then
    "${PSQL[@]}" -c "create index if not exists bench_chronology_corrects on chronology_entry (corrects_entry_id)" \
      -c "create index if not exists bench_concern_escalation_basis on concern (escalation_basis_entry_id)"
    local taken=$CHUNK # each chunk answers how many concerns it took; an empty one ends the clean-up
    while (( taken > 0 )); do
      taken=$("${PSQL[@]}" <<SQL
begin;
create temp table bench_concern on commit drop as
  select id from concern where session_id = '$RUN' limit $CHUNK;
alter table chronology_entry disable trigger chronology_append_only;
update concern set escalation_basis_entry_id = null where id in (select id from bench_concern);
delete from chronology_entry where concern_id in (select id from bench_concern);
alter table chronology_entry enable trigger chronology_append_only;
delete from concern_access where concern_id in (select id from bench_concern);
delete from webhook_delivery where concern_id in (select id from bench_concern);
delete from outbox_message where aggregate_id in (select id::text from bench_concern);
delete from concern where id in (select id from bench_concern);
select count(*) from bench_concern;
commit;
SQL
)
    done
    "${PSQL[@]}" -c "drop index if exists bench_chronology_corrects" -c "drop index if exists bench_concern_escalation_basis" \
      -c "vacuum (analyze) concern, concern_count, chronology_entry"
    echo "cleaned up: this run's concerns removed (session id $RUN)"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
if [[ -n ${CLEAN_UP:-} ]]; then exit 0; fi

bench_rows() { "${PSQL[@]}" -c "select count(*) from concern where session_id = '$RUN'"; }
all_rows() { "${PSQL[@]}" -c "select count(*) from concern"; }
pending_outbox() { "${PSQL[@]}" -c "select count(*) from outbox_message where published_at is null"; }

cat > "$WORK/raise.lua" <<'LUA'
-- POSTs concerns until this thread has had `limit` answers; the body varies risk and categories.
local limit, count = 0, 0
local risks = {"LOW", "MEDIUM"}
local categories = {"BULLYING", "CYBERBULLYING", "NEGLECT", "SELF_HARM", "INAPPROPRIATE_CONTENT"}
function init(args)
  limit = tonumber(args[1]); session = args[2]
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end
function request()
  local body = string.format('{"subjectType":"YOUNG_PERSON","youngPersonId":"00000000-0000-4000-8000-%012d",' ..
    '"youngPersonDateOfBirth":"2012-05-06","sessionId":"%s","categories":["%s"],"risk":"%s",' ..
    '"narrative":"Benchmark concern: worried about the young person after the group session."}',
    math.random(0, 999999999), session, categories[math.random(#categories)], risks[math.random(#risks)])
  return wrk.format("POST", nil, nil, body)
end
function response(status)
  count = count + 1
  if status ~= 201 then io.stderr:write("raise answered " .. status .. "\n") end
  if count >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms requests=%d rps=%.0f non2xx/errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

cat > "$WORK/latency.lua" <<'LUA'
-- GETs the path given (or a random one of the ids in the file given) and prints p50/p95/p99.
local ids = {}
local prefix
function init(args)
  prefix = args[1]
  if args[2] then for line in io.lines(args[2]) do ids[#ids + 1] = line end end
end
function request()
  if #ids > 0 then return wrk.format("GET", prefix .. ids[math.random(#ids)]) end
  return wrk.format("GET", prefix)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms requests=%d rps=%.0f non2xx/errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    e.status + e.connect + e.read + e.write + e.timeout))
end
LUA

# The key as bin/suite gives it to the service (its %prod settings hold none): the active key id among the
# environment it starts the service with (app_secrets), the key itself in the secrets file (app_secret_files).
SECRETS=.suite/secrets/safeguarding-service.properties
KEY_ID=${SAFESESSIONS_CRYPTO_ACTIVE_KEY:-$(ROOT=$PWD bash -c 'source bin/lib/components.sh; source bin/lib/java.sh;
  source bin/lib/common.sh; source bin/lib/apps.sh; app_secrets safeguarding-service' \
  | sed -n 's/^SAFESESSIONS_CRYPTO_ACTIVE_KEY=//p')}
KEY=${SAFESESSIONS_CRYPTO_KEY:-$(sed -n "s/^safesessions\.crypto\.keys\.$KEY_ID=//p" "$SECRETS" 2>/dev/null)}
[[ -n $KEY_ID && -n $KEY ]] || { echo "no narrative key for safeguarding-service (is the suite up? $SECRETS)" >&2; exit 1; }

cat > "$WORK/seed.py" <<'PY'
# Writes n concern rows as CSV for COPY, sealed the way kit FieldCipher seals: nonce(12) || AES-GCM(body || tag),
# associated data = key id + NUL + "concern:<id>:narrative".
import base64, csv, os, random, sys, uuid
from datetime import datetime, timedelta, timezone
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
n, start, run, key_id, key = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], base64.b64decode(sys.argv[5])
aes = AESGCM(key)
now = datetime.now(timezone.utc)
statuses = ["RAISED"] * 4 + ["ACKNOWLEDGED", "UNDER_REVIEW", "MONITORING", "ESCALATED", "CLOSED", "CLOSED"]
risks = ["LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "IMMEDIATE_DANGER"]
cats = ["BULLYING", "CYBERBULLYING", "NEGLECT", "SELF_HARM", "INAPPROPRIATE_CONTENT", "EMOTIONAL_ABUSE"]
authors = {"org-a": ["worker-a", "worker2-a", "coord-a"], "org-b": ["worker-b", "worker2-b", "coord-b"]}
out = csv.writer(sys.stdout)
def plus_years(day, years):  # as java.time: 29 February becomes 28 February in a common year
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
for i in range(start, start + n):
    cid = uuid.uuid4()
    org = "org-a" if i % 2 == 0 else "org-b"
    raised = now - timedelta(seconds=random.randint(0, 2 * 365 * 86400))
    dob = (raised - timedelta(days=random.randint(11 * 365, 17 * 365))).date()
    nonce = os.urandom(12)
    aad = (key_id + "\0" + "concern:%s:narrative" % cid).encode()
    sealed = nonce + aes.encrypt(nonce, b"Benchmark concern: worried about the young person after the group session.", aad)
    risk = random.choice(risks)
    out.writerow([cid, org, "SG-B%s-%07d" % (run[:8], i), "YOUNG_PERSON", uuid.uuid4(), "", dob, run,
                  random.choice(cats), risk, random.choice(statuses), "STAFF", "", key_id, "\\x" + sealed.hex(),
                  random.choice(authors[org]), raised.isoformat(), "", plus_years(dob, 25), 0])
PY

# Bulk-loads `n` more concerns, half in each organisation, CHUNK (10,000) per COPY. The list's totals are kept in
# counter rows by a trigger per row, and every insert in one transaction updates its counter row again, walking the
# versions made so far in that transaction: 990,000 in one COPY ran for over 15 minutes before it was stopped.
seed() {
  local n=$1 from=$2 started done k; started=$(date +%s.%N)
  for ((done = 0; done < n; done += k)); do
    k=$(( n - done < CHUNK ? n - done : CHUNK ))
    python3 "$WORK/seed.py" "$k" "$((from + done))" "$RUN" "$KEY_ID" "$KEY" | "${PSQL[@]}" -c "copy concern (id,
        organisation, reference, subject_type, subject_young_person_id, subject_staff_user, subject_date_of_birth,
        session_id, categories, risk, status, source, source_event_id, narrative_key_id, narrative_cipher, raised_by,
        raised_at, acknowledgement_due_at, review_due_on, version) from stdin with (format csv)"
  done
  "${PSQL[@]}" -c "vacuum (analyze) concern, concern_count" # as autovacuum would: index-only counts need the visibility map
  printf '  loaded %d concerns in %.1f s\n' "$n" "$(echo "$(date +%s.%N) - $started" | bc)"
}

# Raising through the real endpoint (seal, chronology, outbox) for DURATION, as worker-a.
raise_through_api() {
  local token; token=$(bin/suite token worker-a)
  printf '  raise POST /concerns (seal + chronology + outbox) : '
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -H "Authorization: Bearer $token" \
      -H "Content-Type: application/json" -s "$WORK/raise.lua" "$BASE/concerns" -- 100000000 "$RUN" 2>/dev/null | tail -1
}

wait_for_outbox() {
  local waited=0
  while (( $(pending_outbox) > 0 && waited < 600 )); do sleep 2; waited=$((waited + 2)); done
  echo "  outbox drained to Kafka (waited ${waited} s)"
}

measure() {
  local label=$1 token; token=$(bin/suite token dsl-a)
  wait_for_outbox
  curl -sf -H "Authorization: Bearer $token" "$BASE/concerns?status=RAISED&risk=MEDIUM&size=200" \
    | python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]' > "$WORK/ids"
  echo "== at $label rows (this run: $(bench_rows), whole table: $(all_rows)), $CONNECTIONS connections, $DURATION each"
  printf '  list  page 0   status=RAISED&risk=MEDIUM size=20 : '
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" -s "$WORK/latency.lua" "$BASE" \
      -- "/concerns?status=RAISED&risk=MEDIUM&page=0&size=20" | tail -1 | tee "$WORK/list-$label"
  printf '  list  page 100 status=RAISED&risk=MEDIUM size=20 : '
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" -s "$WORK/latency.lua" "$BASE" \
      -- "/concerns?status=RAISED&risk=MEDIUM&page=100&size=20" | tail -1
  printf '  read  GET /concerns/{id} (decrypt + access log)  : '
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" -s "$WORK/latency.lua" "$BASE" \
      -- "/concerns/" "$WORK/ids" | tail -1
}

# Warms the service up (JIT, connection pool) on list and read before anything is recorded.
warm_up() {
  local token; token=$(bin/suite token dsl-a)
  wrk -t2 -c"$CONNECTIONS" -d"${WARM_UP:-10s}" -H "Authorization: Bearer $token" -s "$WORK/latency.lua" "$BASE" \
      -- "/concerns?status=RAISED&risk=MEDIUM&page=0&size=20" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARM_UP:-10s}" -H "Authorization: Bearer $token" -s "$WORK/latency.lua" "$BASE" \
      -- "/concerns/" "$WORK/ids" > /dev/null
}

echo "safeguarding-service list/read benchmark against $BASE (run $RUN; load average $(cut -d' ' -f1-3 /proc/loadavg))"
seed "$FIRST" 0
curl -sf -H "Authorization: Bearer $(bin/suite token dsl-a)" "$BASE/concerns?size=200" \
  | python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]' > "$WORK/ids"
warm_up
measure "$FIRST"
seed $(( TOTAL - FIRST )) "$FIRST"
measure "$TOTAL"
raise_through_api
echo "  (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
p95() { sed -E 's/.*p95=([0-9.]+)ms.*/\1/' "$WORK/list-$1"; }
result "DSL's concern list p95 at $TOTAL rows vs $FIRST" "≤ 2 × at $FIRST" "$(p95 "$TOTAL") ms" "$(p95 "$FIRST") ms" \
  "$(ratio "$(p95 "$TOTAL")" "$(p95 "$FIRST")")" "$(met "$(p95 "$TOTAL")" "$(p95 "$FIRST")" 'a <= 2 * b')"
