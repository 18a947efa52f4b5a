# shellcheck shell=bash
# PostgreSQL: the machine's own cluster (Debian's package), not a process of ours: started with pg_ctlcluster, and
# stopped by `down` only when bin/suite started it (.suite/run/postgresql.started-by-suite).

PG_CLUSTER=main

pg_version() {
  local v
  for v in 15 16 17 14; do [[ -d /usr/lib/postgresql/$v ]] && { echo "$v"; return; }; done
  echo 15
}

postgresql_log() { echo "/var/log/postgresql/postgresql-$(pg_version)-$PG_CLUSTER.log"; }

postgresql_url() { echo "127.0.0.1:$(port_of postgresql) (db/user/password: consent, session, safeguarding, notification)"; }

pg_online() { pg_lsclusters -h 2>/dev/null | awk -v v="$(pg_version)" -v c=$PG_CLUSTER '$1 == v && $2 == c && $4 == "online"' | grep -q .; }

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$(port_of postgresql)"; }

postgresql_up() {
  local version
  version=$(pg_version)
  if pg_online; then
    say "postgresql $version/$PG_CLUSTER already running"
  else
    if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c=$PG_CLUSTER '$1 == v && $2 == c' | grep -q .; then
      as_root pg_createcluster "$version" "$PG_CLUSTER" >/dev/null
    fi
    say "starting postgresql $version/$PG_CLUSTER"
    as_root pg_ctlcluster "$version" "$PG_CLUSTER" start
    mkdir -p "$RUN" && touch "$RUN/postgresql.started-by-suite"
  fi
  wait_until postgresql 30 pg_ready || exit 1
  postgresql_databases
}

# One database and one role per service, the role owning its database (password = name: demo only).
# SUITE_FRESH_DATABASES=1 (bin/test, bin/suite reset-db) drops them first: the cluster is the machine's, shared by
# every checkout, and a database another branch migrated further fails this checkout's Flyway validation.
postgresql_databases() {
  local sql='' name
  for name in consent session safeguarding notification; do
    if [[ ${SUITE_FRESH_DATABASES:-0} == 1 ]]; then
      sql+="
DROP DATABASE IF EXISTS $name WITH (FORCE);"
    fi
    sql+="
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$name', '$name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$name', '$name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name') \\gexec
ALTER DATABASE $name OWNER TO $name;"
  done
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<<"$sql" \
    || die "could not create the service databases; see $(log_of postgresql)"
}

postgresql_down() {
  if [[ -f $RUN/postgresql.started-by-suite ]]; then
    say "stopping postgresql"
    pg_online && as_root pg_ctlcluster "$(pg_version)" "$PG_CLUSTER" stop
    rm -f "$RUN/postgresql.started-by-suite"
  else
    say "postgresql left running (bin/suite did not start it)"
  fi
}

# For `bin/suite status`: "STATE PID RSS_MB" of the cluster (external when bin/suite did not start it).
postgresql_status() {
  local pid='-' rss='-' state=stopped
  if pg_online 2>/dev/null; then
    state=running
    pid=$(head -1 "/var/lib/postgresql/$(pg_version)/$PG_CLUSTER/postmaster.pid" 2>/dev/null || echo '?')
    [[ $pid != '?' ]] && rss=$( { ps -o rss= -p "$pid"; ps -o rss= --ppid "$pid"; } | awk '{ s += $1 } END { printf "%d", s / 1024 }')
    [[ -f $RUN/postgresql.started-by-suite ]] || state=external
  fi
  echo "$state $pid $rss"
}
