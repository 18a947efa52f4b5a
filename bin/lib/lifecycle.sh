# shellcheck shell=bash
# Starting, waiting for and stopping components, whatever their kind: `bin/suite up`, `down`, `start`, `stop`.
# An infra component NAME is driven by NAME_launch, NAME_wait and NAME_url (bin/lib/NAME.sh); the apps by
# app_launch, app_wait and app_url (bin/lib/apps.sh). PostgreSQL is the machine's cluster: postgresql_up/_down.

impl_of() { if [[ $(kind_of "$1") == infra ]]; then echo "${1//-/_}"; else echo app; fi; }

url_of() { "$(impl_of "$1")_url" "$1"; }

launch_component() { # starts a component unless it runs; echoes nothing; sets WAIT_FOR
  local name=$1 state=0
  already_running "$name" || state=$?
  case $state in
    0) return ;;
    2) WAIT_FOR+=("$name"); return ;;
  esac
  if [[ $(kind_of "$name") != infra ]]; then
    if ! app_exists "$name"; then say "$name: no module yet; skipped"; return; fi
    if [[ ! -f $(app_jar "$name") ]]; then say "$name: no jar ($(app_jar "$name")); skipped"; return; fi
  fi
  "$(impl_of "$name")_launch" "$name"
  WAIT_FOR+=("$name")
}

wait_component() {
  if [[ -n ${WAITING[$1]:-} ]]; then join_component "$1"
  elif "$(impl_of "$1")_wait" "$1"; then
    say "$1 ready (at ${SECONDS}s)"
  else
    FAILED+=("$1")
  fi
}

# Waits for a launched component in the background (e.g. Kafka's topics are created while the jars build);
# wait_component then joins it and prints what the wait said.
declare -A WAITING=()
wait_in_background() {
  local name=$1
  [[ " ${WAIT_FOR[*]} " == *" $name "* ]] || return 0
  (if "$(impl_of "$name")_wait" "$name"; then say "$name ready (at ${SECONDS}s)"; else exit 1; fi) \
    >"$RUN/$name.waiting" 2>&1 &
  WAITING[$name]=$!
}

join_component() {
  local name=$1 ok=0
  wait "${WAITING[$name]}" || ok=$?
  cat "$RUN/$name.waiting"
  rm -f "$RUN/$name.waiting"
  unset "WAITING[$name]"
  (( ok == 0 )) || FAILED+=("$name")
}

stop_component() {
  local name=$1 pid
  if [[ $name == postgresql ]]; then postgresql_down; return; fi
  if pid=$(suite_pid "$name"); then
    local grace=40
    # A run that records its AOT cache (apps.sh: app_startup_cache) writes it as it exits, a child JVM assembling
    # it: that takes tens of seconds on a busy machine, and a kill would lose the cache.
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-XX:AOTCacheOutput='; then
      say "stopping $name (pid $pid; it writes its AOT cache as it exits)"
      grace=180
    else
      say "stopping $name (pid $pid)"
    fi
    stop_pid_group "$name" "$pid" "$grace"
  fi
}

require_component() {
  is_component "$1" || die "unknown component $1 (one of: ${ALL[*]})"
}

cmd_up() {
  local scope=${1:-all} name
  [[ $scope == all || $scope == infra || $scope == third-party ]] || die "usage: bin/suite up [infra|third-party]"
  FAILED=() WAIT_FOR=()
  mkdir -p "$LOGS" "$RUN" "$DOWNLOADS"

  install_missing_packages
  [[ -n $(infra_jdk) ]] || die "no Java 17+ found"
  postgresql_up
  reimport_realm_if_changed
  # Everything starts side by side: the infrastructure first (Keycloak, the slowest, first of all), then the
  # missing jars are built while it boots, then the apps start. They do not wait for Keycloak or Kafka: OIDC
  # discovery is retried on the first request while Keycloak is still booting, the Kafka clients connect when the
  # broker is there (it does not gate readiness), the portal answers while a service is down. Only PostgreSQL
  # (started above) must be up, for Flyway.
  local infra=(keycloak kafka greenmail) apps=()
  # third-party: only what the project does not build, so nothing here touches a module's target/ (bin/test starts
  # it while the modules build and test)
  if [[ $scope != third-party ]]; then apps+=(zoom-simulator); fi
  if [[ $scope == all ]]; then apps+=("${SERVICES[@]}" "$PORTAL"); fi
  for name in "${infra[@]}"; do launch_component "$name"; done
  wait_in_background kafka
  build_missing_jars "${apps[@]}"
  for name in "${apps[@]}"; do launch_component "$name"; done
  # Kafka first (its wait creates the topics), Keycloak last (the apps are ready long before it).
  for name in kafka greenmail "${apps[@]}" keycloak; do
    if [[ " ${WAIT_FOR[*]} " == *" $name "* ]]; then wait_component "$name"; fi
  done
  for name in kafka keycloak greenmail; do
    if [[ " ${FAILED[*]} " == *" $name "* ]]; then die "infrastructure failed to start: ${FAILED[*]}"; fi
  done

  echo
  if [[ $scope == all ]] && port_open "$(port_of "$PORTAL")"; then
    echo "Staff portal:  $(url_of "$PORTAL")   (sign in as coord-a / coord-a; every demo user's password is its name)"
    echo
  fi
  cmd_status
  echo
  echo "Get a token:  bin/suite token coord-a      (or bin/suite token-client council-e09000024)"
  echo "  curl -s -d grant_type=password -d client_id=staff-portal -d username=coord-a -d password=coord-a \\"
  echo "    $TOKEN_URL | jq -r .access_token"
  echo
  if (( ${#FAILED[@]} )); then
    say "up finished in ${SECONDS}s with failures: ${FAILED[*]}"
    exit 1
  fi
  say "up in ${SECONDS}s"
}

cmd_down() {
  local i
  # Services first, infrastructure last, in reverse order of start.
  for ((i = ${#ALL[@]} - 1; i >= 0; i--)); do stop_component "${ALL[i]}"; done
  say "down"
}

cmd_start() {
  local name=$1 n
  FAILED=() WAIT_FOR=()
  case $name in
    postgresql) postgresql_up ;;
    *)
      require_component "$name"
      [[ $name == keycloak ]] && reimport_realm_if_changed
      launch_component "$name"
      for n in "${WAIT_FOR[@]}"; do wait_component "$n"; done ;;
  esac
  (( ${#FAILED[@]} == 0 )) || exit 1
  say "$name up"
}

cmd_stop() {
  local name=$1
  require_component "$name"
  if [[ $name != postgresql ]] && ! suite_pid "$name" >/dev/null; then
    say "$name is not running (or bin/suite did not start it)"; return
  fi
  stop_component "$name"
}
