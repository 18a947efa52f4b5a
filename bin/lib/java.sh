# shellcheck shell=bash
# Which JDK to run what on, written once for bin/suite and bin/test. The services need Java 21+; the machine's
# default java may be older (Debian's is 17), so the scripts pick a JDK under /usr/lib/jvm themselves.

java_major() { # JAVA_HOME -> major version, e.g. 25 (from its release file, else from `java -version`)
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)
  [[ -n $v ]] || v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' || true)
  [[ -n $v ]] && echo "$v"
}

# The newest JDK under /usr/lib/jvm whose major version is at least $1.
newest_jdk() {
  local best='' best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [[ -x $dir/bin/java && -x $dir/bin/javac ]] || continue
    major=$(java_major "$dir"); [[ -n $major ]] || continue
    if (( major >= $1 && major > best_major )); then best=$dir best_major=$major; fi
  done
  [[ -n $best ]] && echo "$best"
}

# Keycloak, Kafka and GreenMail run on Java 17 (what Keycloak is tested with); any newer JDK will do.
infra_jdk() {
  local dir
  for dir in /usr/lib/jvm/java-17-openjdk-*; do [[ -x $dir/bin/java ]] && { echo "$dir"; return; }; done
  newest_jdk 17
}

# The JDK for the services and their build: the newest >= 21.
app_jdk() {
  newest_jdk 21 && return
  printf '%s: error: no JDK >= 21 under /usr/lib/jvm: the services need one (e.g. Temurin 21 or 25)\n' "${0##*/}" >&2
  return 1
}

# For a build: keeps JAVA_HOME when it is a JDK >= 21, else exports the newest one (app_jdk).
export_build_java_home() {
  local major
  if [[ -n ${JAVA_HOME:-} ]] && major=$(java_major "$JAVA_HOME") && (( major >= 21 )); then return; fi
  JAVA_HOME=$(app_jdk) || return 1
  export JAVA_HOME
}
