# shellcheck shell=bash disable=SC2034 # the paths are used by the other parts
# What every part of bin/suite uses: where state lives, messages, root, downloads, and the processes it starts.
# Sourced by bin/suite after ROOT is set.

SUITE=$ROOT/.suite
LOGS=$SUITE/logs
RUN=$SUITE/run
DOWNLOADS=$SUITE/downloads
STACK=$ROOT/stack

MAVEN_REPO=${SUITE_MAVEN_REPO:-https://repo.maven.apache.org/maven2}

# Added to every JVM the suite starts (the apps, Keycloak, Kafka, GreenMail) after its own options: empty by default.
# bin/test sets -XX:TieredStopAtLevel=1 (the C1 compiler alone): a stack that lives for one run of the journeys
# spends less CPU compiling than it would gain from C2.
SUITE_EXTRA_JAVA_OPTS=${SUITE_EXTRA_JAVA_OPTS:-}

say() { printf 'suite: %s\n' "$*"; }
warn() { printf 'suite: warning: %s\n' "$*" >&2; }
die() { printf 'suite: error: %s\n' "$*" >&2; exit 1; }

log_of() {
  if [[ $1 == postgresql ]]; then postgresql_log
  else echo "$LOGS/$1.log"; fi
}

# ---------------------------------------------------------------- machine set-up

as_root() {
  if [[ $(id -u) == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"; fi
}

install_missing_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl ca-certificates)
  command -v ps >/dev/null || missing+=(procps)
  command -v ss >/dev/null || missing+=(iproute2)
  [[ -n $(infra_jdk) ]] || missing+=(openjdk-17-jre-headless)
  if (( ${#missing[@]} )); then
    say "installing ${missing[*]} (apt-get)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Fetches a Maven Central artifact once, checking its SHA-1.
fetch() {
  local path=$1 target=$2
  [[ -s $target ]] && return
  mkdir -p "$(dirname "$target")"
  say "downloading $(basename "$target") from Maven Central"
  curl -fsSL --retry 3 -o "$target.part" "$MAVEN_REPO/$path" || die "download failed: $MAVEN_REPO/$path"
  local expected actual
  expected=$(curl -fsSL --retry 3 "$MAVEN_REPO/$path.sha1" | cut -c1-40)
  actual=$(sha1sum "$target.part" | cut -c1-40)
  [[ $expected == "$actual" ]] || { rm -f "$target.part"; die "checksum mismatch for $path"; }
  mv "$target.part" "$target"
}

# ---------------------------------------------------------------- processes

pid_file() { echo "$RUN/$1.pid"; }

# The pid of a component this script started, if it is still alive.
suite_pid() {
  local file pid
  file=$(pid_file "$1")
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  # alive, and still ours: a pid file left from before a reboot may name an unrelated process now
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && ours "$pid"; then echo "$pid"; else rm -f "$file"; return 1; fi
}

# Was this process started from this checkout (its command line or working directory under $ROOT)?
ours() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF "$ROOT" && return 0
  [[ "$(readlink "/proc/$1/cwd" 2>/dev/null)" == "$ROOT"* ]]
}

# Is anyone listening? ss looks without connecting (a bare connect makes GreenMail log a stack trace).
port_open() {
  if command -v ss >/dev/null; then ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; fi
}

# Whoever listens on a port (needs ss; only for display).
listener_pid() {
  command -v ss >/dev/null || return 1
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

rss_mb() { # total RSS of a process group (what a component started) in MB
  ps -o rss= -g "$1" 2>/dev/null | awk '{ s += $1 } END { printf "%d", s / 1024 }'
}

# Starts a command in its own session (so `down` can stop it and its children), logging to .suite/logs.
launch() {
  local name=$1 dir=$2; shift 2
  local log=$LOGS/$name.log file
  file=$(pid_file "$name")
  mkdir -p "$LOGS" "$RUN"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  rm -f "$file"
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  (cd "$dir" && exec setsid bash -c 'echo $$ > "$0"; exec "$@"' "$file" "$@" </dev/null >"$log" 2>&1 &)
  local i
  for i in {1..50}; do [[ -s $file ]] && return; sleep 0.1; done
  die "$name did not start; see $log"
}

stop_pid_group() {
  local name=$1 pid=$2 grace=${3:-30} i
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${grace}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
}

show_log_tail() {
  local log=$1
  [[ -f $log ]] || return 0
  echo "---- last lines of $log" >&2
  tail -n 25 "$log" >&2
  echo "----" >&2
}

# wait_until NAME TIMEOUT CHECK...: polls CHECK until it succeeds; fails if the process dies or time runs out.
wait_until() {
  local name=$1 timeout=$2; shift 2
  local deadline=$((SECONDS + timeout)) pid
  while ! "$@"; do
    if pid=$(pid_file "$name") && [[ -f $pid ]] && ! kill -0 "$(<"$pid")" 2>/dev/null; then
      show_log_tail "$(log_of "$name")"
      printf 'suite: error: %s exited while starting; see %s\n' "$name" "$(log_of "$name")" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$(log_of "$name")"
      printf 'suite: error: %s not ready after %ss; see %s\n' "$name" "$timeout" "$(log_of "$name")" >&2
      return 1
    fi
    sleep 0.5
  done
}

# Does a component's health URL (stack/components.tsv) answer 2xx? $2 lists other codes that count as ready.
health_ok() {
  local url code
  url=$(health_of "$1") && [[ $url == http* ]] || return 1
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url") || return 1
  [[ $code == 2?? || " ${2:-} " == *" $code "* ]]
}

# Already running? Ours (pid file + port) or someone else's (port taken): leave it as it is.
already_running() {
  local name=$1 port pid
  port=$(port_of "$name")
  if pid=$(suite_pid "$name"); then
    if [[ -f $(app_jar "$name") && $(app_jar "$name") -nt $(pid_file "$name") ]]; then
      say "$name: its jar was rebuilt after it started; to run the new one: bin/suite restart $name"
    fi
    if port_open "$port"; then say "$name already running (pid $pid)"; return 0; fi
    return 2 # ours but not (yet) listening: the caller waits for it
  fi
  if port_open "$port"; then
    say "$name: port $port is already in use by another process (pid $(listener_pid "$port" || echo '?')); leaving it"
    return 0
  fi
  return 1
}
