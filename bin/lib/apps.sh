# shellcheck shell=bash
# The packaged Quarkus apps: the Zoom simulator, the four services and the staff portal (kinds simulator, service
# and portal in stack/components.tsv), each run from its aot-jar (the parent pom) on the table's port; and the build of missing jars.

# Small on purpose (two cores, everything on one machine), each option measured with bench/start-memory.sh
# (stack/README.md, "Start time and memory"): a small starting heap, compact object headers (JDK 24+), smaller thread
# stacks, a capped code cache and metaspace, and G1 set to give memory back once a service is idle: a periodic
# collection after 15 s without one (JEP 346), the heap shrunk at its remark to within 30% of what is live, and the
# C heap trimmed every 15 s. The serial collector it replaced (6 Dec 2026) kept every page a burst had touched:
# consent-service 458 MB after the benchmarks, 292 MB on G1 a minute later. Override with the env var. Not the client
# compiler alone (-XX:TieredStopAtLevel=1, as bin/test runs them): it starts a service in 2.9-3.4 s instead of
# 4.4-5.6 s, but halves what it serves (bare /me 4,000-6,000 -> 2,000 req/s on 3 Dec 2026: the RSA check of every
# token runs without C2's Montgomery-multiply intrinsics).
APP_JAVA_OPTS=${SUITE_APP_JAVA_OPTS:--Xms16m -Xmx192m -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=15000 -XX:+UseCompactObjectHeaders -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m}
# The apps that run on the client compiler alone all the same, whose work is bursts rather than a stream of requests:
# notification-service (bursts of events to send; its API serves staff at a walking pace): C2 compiling that burst's
# code took 17.8 s of its 41.7 s of CPU while it sent 1,000 invitations (bench/invitation-emails.sh ALONE=1,
# 3 Dec 2026), and the burst took 23-27 s; on C1 it took 17.3 s. session-service (bookings, removals, join details):
# on C1 its RSS after the benchmarks fell 339 -> 285 MB (no tier-3 profiled code, no C2 arenas: its code cache and
# malloc had grown 27 MB in the benchmarks), its start 2.02 -> 1.47 s, and bookings went 41 -> 58/s, withdrawal p99
# 313 -> 189 ms (6 Dec 2026: C2 compiling a short burst costs more than it saves). Space-separated; empty for none.
APP_CLIENT_COMPILER=${SUITE_APP_CLIENT_COMPILER-notification-service session-service}

# The JVM options of app NAME: APP_JAVA_OPTS, the client compiler where APP_CLIENT_COMPILER says, SUITE_EXTRA_JAVA_OPTS.
app_java_opts() {
  local opts="$APP_JAVA_OPTS"
  [[ " $APP_CLIENT_COMPILER " == *" $1 "* ]] && opts+=" -XX:TieredStopAtLevel=1"
  echo "$opts $SUITE_EXTRA_JAVA_OPTS"
}
# glibc gives each thread that allocates its own malloc arena (64 MB of address space each, partly resident): two
# are plenty for a JVM whose heap is its own.
APP_ENV=(MALLOC_ARENA_MAX=2)

app_url() { echo "http://127.0.0.1:$(port_of "$1")"; }

app_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

app_exists() { [[ -f $ROOT/$1/pom.xml ]]; }

# The demo secrets (SPEC §9: demo only) a packaged service needs: its %prod config takes secrets only from the
# environment, as in a cluster (k8s/README.md, "Secrets to create"), and refuses to start without them. Printed as
# NAME=value lines for `env`, never logged.
app_secrets() {
  local db=${1%-service}
  case $1 in
    consent-service | session-service | safeguarding-service | notification-service)
      echo "QUARKUS_DATASOURCE_PASSWORD=$db" ;;
  esac
  case $1 in
    consent-service)
      # Seals who asked for a subject access request (SPEC §3); demo key, local only.
      echo "SAFESESSIONS_CRYPTO_ACTIVE_KEY=local1"
      echo "SAFESESSIONS_CRYPTO_KEYS_LOCAL1=anBEfJBKroMMLzXUy5zo6p6HMkazpPe9Mza794g4j4w=" ;;
    session-service)
      echo "SAFESESSIONS_ZOOM_ACCOUNT_ID=local-account"
      echo "SAFESESSIONS_ZOOM_CLIENT_ID=local-client"
      echo "SAFESESSIONS_ZOOM_CLIENT_SECRET=local-secret"
      echo "SAFESESSIONS_ZOOM_WEBHOOK_SECRET=local-webhook-secret"
      echo "SAFESESSIONS_CRYPTO_ACTIVE_KEY=local1"
      echo "SAFESESSIONS_CRYPTO_KEYS_LOCAL1=c2Vzc2lvbi1zZXJ2aWNlLWxvY2FsLWRlbW8ta2V5ISE=" ;;
    safeguarding-service)
      # The key id has a dash, which an environment variable's name cannot carry (SAFESESSIONS_CRYPTO_KEYS_DEMO_2026
      # would name key "demo.2026"); the id is kept because local databases hold rows sealed under it.
      echo "SAFESESSIONS_CRYPTO_ACTIVE_KEY=demo-2026"
      echo "QUARKUS_CONFIG_LOCATIONS=$SUITE/secrets/safeguarding-service.properties" ;;
    notification-service)
      echo "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET=notification-service" ;;
  esac
  # The staff directory reads Keycloak as the service's own client (SPEC §2); demo secret = client id (realm file).
  case $1 in
    session-service | safeguarding-service | notification-service) echo "STAFF_DIRECTORY_CLIENT_SECRET=$1" ;;
  esac
}

# Files of demo secrets that cannot travel as environment variables (see app_secrets), readable by us only.
app_secret_files() {
  mkdir -p "$SUITE/secrets"
  chmod 700 "$SUITE/secrets"
  (umask 077 && echo "safesessions.crypto.keys.demo-2026=0ygtQIt0uz7q5wch83DFmVSKCmQGqnPpE3C1vm4rAfI=" \
    >"$SUITE/secrets/safeguarding-service.properties")
}

# What identifies a build of an app: its quarkus-app directory's files, sizes and times.
app_build_stamp() {
  find "$(dirname "$1")" -type f -printf '%P %s %T@\n' | sort | sha256sum | cut -c1-64
}

# The start-up cache options for app NAME run from JAR (echoed, one per word). On JDK 25+ an AOT cache (JEP 483/514)
# in .suite/aot/NAME.aot: the first run after a build records it (-XX:AOTCacheOutput; the JVM writes it when that
# run exits, e.g. at `bin/suite stop` or `down`), every later start loads it (-XX:AOTCache); the stamp of the build
# and the JVM options is kept beside it, so a rebuilt jar or other options are recorded afresh. On older JDKs a dynamic class-data-sharing archive, which
# the JVM itself remakes when the jar changes. CI (CI=true) records none.
app_startup_cache() {
  local name=$1 jar=$2 dir=$SUITE/aot stamp
  mkdir -p "$dir"
  if (( $(java_major "$(app_jdk)") < 25 )); then
    echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$dir/$name.jsa"
    return
  fi
  # the JVM's options too: a cache recorded under others (e.g. the client compiler alone) trains the wrong JIT
  stamp=$({ app_build_stamp "$jar"; app_java_opts "$name"; } | sha256sum | cut -c1-64)
  if [[ -s $dir/$name.aot && $(cat "$dir/$name.stamp" 2>/dev/null) == "$stamp" ]]; then
    echo "-XX:AOTCache=$dir/$name.aot"
  elif [[ ${CI:-} != true && ${SUITE_RECORD_AOT:-1} == 1 ]]; then
    # CI records none: its clone is fresh every run, so a recording would only lengthen `down` (the JVM writes the
    # cache as it exits) and never be loaded. Nor does bin/test (SUITE_RECORD_AOT=0): it rebuilds every jar, so
    # the next run could not load it either, and a recording run costs CPU the tests need.
    rm -f "$dir/$name.aot"
    echo "$stamp" >"$dir/$name.stamp"
    echo "-XX:AOTCacheOutput=$dir/$name.aot"
  fi
}

# Packaged aot-jars; their %prod config already points at 127.0.0.1.
app_launch() {
  local name=$1 port
  port=$(port_of "$name")
  say "starting $name"
  local extra=()
  # Zoom allows 100 meeting creations per host per day, and so does the simulator by default; a local stack that
  # lives for days of system tests and benchmarks would run out, so it allows more unless told otherwise.
  [[ $name == zoom-simulator ]] &&
    extra+=("-Dzoom-sim.meeting-creations-per-host-per-day=${ZOOM_SIM_MEETING_CREATIONS_PER_HOST_PER_DAY:-10000}")
  # The simulator's account has many licensed hosts (a charity's real pool is set per organisation in its policy):
  # enough that the journeys and benchmarks booking many sessions at the same hours each find a free host.
  [[ $name == session-service ]] &&
    extra+=("-Dsafesessions.zoom.default-hosts=${SAFESESSIONS_ZOOM_DEFAULT_HOSTS:-$(seq -f 'zoom-host-%03g' -s , 1 300)}")
  local secrets=()
  mapfile -t secrets < <(app_secrets "$name")
  if [[ $name == safeguarding-service ]]; then app_secret_files; fi
  # shellcheck disable=SC2086
  launch "$name" "$ROOT/$name" env "${APP_ENV[@]}" "${secrets[@]}" "$(app_jdk)/bin/java" $(app_java_opts "$name") "${extra[@]}" \
    $(app_startup_cache "$name" "$(app_jar "$name")") \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -jar "$(app_jar "$name")"
}

# UP on its health URL (stack/components.tsv: /q/health/ready); an app without a health endpoint counts as ready
# once it answers.
app_ready() { health_ok "$1" 404; }

# 180 s: every app starts at once beside Keycloak's boot and the others, on two cores.
app_wait() { wait_until "$1" 180 app_ready "$1"; }

in_reactor() { grep -Eq "^[[:space:]]*<module>$1</module>" "$ROOT/pom.xml"; }

# Any file of the repo (outside target/ and .suite/) newer than $1? Then a failed build is worth retrying.
sources_changed_since() {
  local stamp=$1
  [[ -n $(find "$ROOT" \( -name target -o -name .suite -o -name .git \) -prune -o -type f -newer "$stamp" -print -quit) ]]
}

# Builds the modules that lack their jar (and what they depend on) in one reactor run.
build_missing_jars() {
  local missing=() name
  for name in "$@"; do
    # shellcheck disable=SC2015 # skip unless the module exists and lacks its jar
    app_exists "$name" && [[ ! -f $(app_jar "$name") ]] || continue
    if in_reactor "$name"; then missing+=("$name")
    else say "$name: not a module of the parent pom yet; not built"; fi
  done
  (( ${#missing[@]} )) || return 0
  if [[ -f $RUN/build.failed ]] && ! sources_changed_since "$RUN/build.failed"; then
    warn "not building ${missing[*]}: the last build failed and nothing changed since (see $LOGS/build.log)"
    FAILED+=(build)
    return 0
  fi
  local modules
  modules=$(IFS=,; echo "${missing[*]}")
  # package, not install: the reactor resolves the modules between them, and ~/.m2 keeps what other checkouts put there.
  # Only what runs is built: the tests are not compiled (-Dmaven.test.skip; bin/test builds them), and the modules
  # build one per core (-T 1C). On two cores that is 52 s -> 35 s for every app.
  local maven=(-B -q -T 1C -Dmaven.test.skip=true package -pl "$modules" -am)
  say "building ${missing[*]} (./mvnw ${maven[*]}; log: $LOGS/build.log)"
  mkdir -p "$LOGS" "$RUN"
  local started=$SECONDS
  if (cd "$ROOT" && JAVA_HOME=$(app_jdk) ./mvnw "${maven[@]}") >"$LOGS/build.log" 2>&1; then
    say "built in $((SECONDS - started))s"
    rm -f "$RUN/build.failed"
  else
    touch "$RUN/build.failed"
    show_log_tail "$LOGS/build.log"
    warn "the build failed; starting whatever jars exist (see $LOGS/build.log)"
    FAILED+=(build)
  fi
}
