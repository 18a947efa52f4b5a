# shellcheck shell=bash
# Keycloak (keycloak-quarkus-dist from Maven Central) in start-dev mode with the realm stack/keycloak/*-realm.json;
# also the demo tokens (`bin/suite token`, `token-client`).

KEYCLOAK_VERSION=26.7.3
# Heap: small on purpose (two cores, everything on one machine). Override with the env var.
KEYCLOAK_HEAP=${SUITE_KEYCLOAK_HEAP:--Xms64m -Xmx512m}
KEYCLOAK_URL=http://127.0.0.1:$(port_of keycloak)
REALM=safesessions
TOKEN_URL=$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token
KEYCLOAK_HOME=$SUITE/keycloak/keycloak-$KEYCLOAK_VERSION
REALM_FILE=$STACK/keycloak/$REALM-realm.json
# Keycloak's first start-dev re-augments its Quarkus application for our options (15-50 s of CPU on two cores,
# the longest step of a fresh `bin/suite up`). What that writes (lib/quarkus, 3 MB) is kept beside the download and
# put back on every unpacking, so a fresh clone with the downloads kept starts Keycloak without it. Keycloak checks
# the build against the options it is started with and re-augments when they differ; the wait then keeps the new one.
KEYCLOAK_BUILD=$DOWNLOADS/keycloak-$KEYCLOAK_VERSION-start-dev-build.tar

keycloak_url() { echo "$KEYCLOAK_URL/realms/$REALM (admin console: admin/admin)"; }

keycloak_prepare() {
  if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
    local archive=$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz
    fetch "org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" "$archive"
    say "unpacking Keycloak $KEYCLOAK_VERSION"
    mkdir -p "$SUITE/keycloak"
    tar -xzf "$archive" -C "$SUITE/keycloak"
    if [[ -f $KEYCLOAK_BUILD ]]; then tar -xf "$KEYCLOAK_BUILD" -C "$KEYCLOAK_HOME"; fi
  fi
  # Import is skip-if-exists: an edited realm file only takes effect on a fresh database.
  if [[ $(cat "$SUITE/keycloak/realm.sha256" 2>/dev/null) != "$(realm_checksum)" ]]; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    mkdir -p "$KEYCLOAK_HOME/data/import"
    rm -f "$SUITE/keycloak/realm.sha256"
  fi
  cp "$REALM_FILE" "$KEYCLOAK_HOME/data/import/"
}

realm_checksum() { sha256sum "$REALM_FILE" | cut -c1-64; }

keycloak_realm_changed() { [[ $(cat "$SUITE/keycloak/realm.sha256" 2>/dev/null) != "$(realm_checksum)" ]]; }

# Keycloak keeps an imported realm: restart it on a fresh database when the realm file changed.
reimport_realm_if_changed() {
  local pid
  if keycloak_realm_changed && pid=$(suite_pid keycloak); then
    say "realm file changed: restarting keycloak to re-import it"
    stop_pid_group keycloak "$pid" 30
  fi
}

keycloak_launch() {
  keycloak_prepare
  if [[ -d $KEYCLOAK_HOME/data/h2 ]]; then say "starting keycloak"
  else say "starting keycloak (imports the realm on a fresh database: the slowest start, 30-90 s)"; fi
  # --hostname pins the issuer to 127.0.0.1:8180, whatever host name a client uses.
  # The client compiler only: Keycloak's start is the busiest JVM of `bin/suite up` (C2 compiling beside the build
  # and six other JVMs on two cores: started in 40 s, on C1 in 18 s; a password grant still takes about 0.1 s).
  launch keycloak "$KEYCLOAK_HOME" env JAVA_HOME="$(infra_jdk)" JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
    JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1 $SUITE_EXTRA_JAVA_OPTS" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    bin/kc.sh start-dev --http-port "$(port_of keycloak)" --http-host 127.0.0.1 --hostname "$KEYCLOAK_URL" --import-realm
}

keycloak_ready() { health_ok keycloak; } # the realm's OpenID configuration (stack/components.tsv)

keycloak_wait() {
  wait_until keycloak 240 keycloak_ready || return 1
  realm_checksum >"$SUITE/keycloak/realm.sha256"
  if grep -q 'augmentation completed' "$(log_of keycloak)"; then
    tar -cf "$KEYCLOAK_BUILD.tmp" -C "$KEYCLOAK_HOME" lib/quarkus && mv -f "$KEYCLOAK_BUILD.tmp" "$KEYCLOAK_BUILD"
  fi
}

# ---------------------------------------------------------------- tokens

json_field() { # reads a field of a JSON object on stdin (jq when present)
  if command -v jq >/dev/null; then jq -r --arg f "$1" '.[$f] // empty'
  else python3 -c 'import json,sys; print(json.load(sys.stdin).get(sys.argv[1]) or "")' "$1"; fi
}

print_token() {
  local response token
  response=$(curl -s "$@" "$TOKEN_URL") || die "Keycloak does not answer at $KEYCLOAK_URL (bin/suite up infra)"
  token=$(json_field access_token <<<"$response")
  [[ -n $token ]] || die "no token: $response"
  echo "$token"
}

cmd_token() {
  local user=${1:?usage: bin/suite token USER (e.g. coord-a)}
  print_token -d grant_type=password -d client_id=staff-portal -d "username=$user" -d "password=${2:-$user}"
}

cmd_token_client() {
  local client=${1:?usage: bin/suite token-client CLIENT_ID (e.g. council-e09000024)}
  print_token -d grant_type=client_credentials -d "client_id=$client" -d "client_secret=${2:-$client}"
}
