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
  if "$(impl_of "$1")_wait" "$1"; then
    say "$1 ready (at ${SECONDS}s)"
  else
    FAILED+=("$1")
  fi
}

stop_component() {
  local name=$1 pid
  if [[ $name == postgresql ]]; then postgresql_down; return; fi
  if pid=$(suite_pid "$name"); then
    say "stopping $name (pid $pid)"
    stop_pid_group "$name" "$pid" 40
  fi
}

require_component() {
  is_component "$1" || die "unknown component $1 (one of: ${ALL[*]})"
}

cmd_up() {
  local scope=${1:-all} name
  [[ $scope == all || $scope == infra ]] || die "usage: bin/suite up [infra]"
  FAILED=() WAIT_FOR=()
  mkdir -p "$LOGS" "$RUN" "$DOWNLOADS"

  install_missing_packages
  [[ -n $(infra_jdk) ]] || die "no Java 17+ found"
  if [[ $scope == all ]]; then build_missing_jars "${APPS[@]}"; else build_missing_jars zoom-simulator; fi

  postgresql_up
  reimport_realm_if_changed
  # Start the slow ones side by side (Keycloak, the slowest, first), then wait for each.
  for name in keycloak kafka greenmail zoom-simulator; do launch_component "$name"; done
  for name in kafka greenmail zoom-simulator keycloak; do
    if [[ " ${WAIT_FOR[*]} " == *" $name "* ]]; then wait_component "$name"; fi
  done
  for name in kafka keycloak greenmail; do
    if [[ " ${FAILED[*]} " == *" $name "* ]]; then die "infrastructure failed to start: ${FAILED[*]}"; fi
  done

  if [[ $scope == all ]]; then
    WAIT_FOR=()
    for name in "${SERVICES[@]}"; do launch_component "$name"; done
    for name in "${WAIT_FOR[@]}"; do wait_component "$name"; done
    # The portal last: it calls the services (and answers even while one is down).
    WAIT_FOR=()
    launch_component "$PORTAL"
    for name in "${WAIT_FOR[@]}"; do wait_component "$name"; done
  fi

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
