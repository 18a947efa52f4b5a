# shellcheck shell=bash
# Kafka in KRaft combined mode (broker and controller in one JVM), jars resolved from Maven Central through
# stack/kafka/pom.xml; its listeners are in stack/kafka/server.properties (bin/lib/check-ports checks the port).

KAFKA_HOME=$SUITE/kafka
KAFKA_TOPICS=(consent-events session-events safeguarding-events)
KAFKA_PARTITIONS=3
# Heap: small on purpose (two cores, everything on one machine). Override with the env var.
KAFKA_JAVA_OPTS=${SUITE_KAFKA_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseG1GC -XX:MaxGCPauseMillis=20}

kafka_url() { echo "127.0.0.1:$(port_of kafka) (controller 9093)"; }

kafka_bootstrap() { echo "127.0.0.1:$(port_of kafka)"; }

kafka_java() { "$(infra_jdk)/bin/java" "$@"; }

kafka_tool() { # runs a Kafka command-line tool class, quietly
  kafka_java -Xmx128m -cp "$KAFKA_HOME/libs/*" "$@"
}

kafka_prepare() {
  local stamp
  stamp=$(sha256sum "$STACK/kafka/pom.xml" | cut -c1-64)
  if [[ $(cat "$KAFKA_HOME/libs/.resolved" 2>/dev/null) != "$stamp" ]]; then
    say "resolving Kafka jars from Maven Central (stack/kafka/pom.xml)"
    rm -rf "$KAFKA_HOME/libs"
    mkdir -p "$LOGS"
    (cd "$ROOT" && JAVA_HOME=$(app_jdk) ./mvnw -B -q -f stack/kafka/pom.xml \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME/libs") \
      >"$LOGS/kafka-resolve.log" 2>&1 || { show_log_tail "$LOGS/kafka-resolve.log"; die "could not resolve the Kafka jars"; }
    echo "$stamp" >"$KAFKA_HOME/libs/.resolved"
  fi
  { cat "$STACK/kafka/server.properties"; echo; echo "log.dirs=$KAFKA_HOME/data"; } >"$KAFKA_HOME/server.properties"
  if [[ ! -f $KAFKA_HOME/data/meta.properties ]]; then
    local cluster_id
    # What `StorageTool random-uuid` prints (16 random bytes, URL-safe base64), without a JVM start.
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    say "formatting Kafka storage (cluster $cluster_id)"
    kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
      >"$LOGS/kafka-format.log" 2>&1 || { show_log_tail "$LOGS/kafka-format.log"; die "could not format Kafka storage"; }
  fi
}

kafka_launch() {
  kafka_prepare
  say "starting kafka"
  # shellcheck disable=SC2086 # word splitting of the JVM options is intended
  launch kafka "$KAFKA_HOME" "$(infra_jdk)/bin/java" $KAFKA_JAVA_OPTS $SUITE_EXTRA_JAVA_OPTS -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$STACK/kafka/log4j2.properties" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties"
}

# Ready once the topics exist: stack/kafka/EnsureTopics.java creates the missing ones in one JVM (Java's source
# launcher, Kafka's own jars), retrying until the broker answers.
kafka_wait() {
  wait_until kafka 90 port_open "$(port_of kafka)" || return 1
  local created topic
  if ! created=$(kafka_java -Xmx128m -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$KAFKA_HOME/libs/*" \
      "$STACK/kafka/EnsureTopics.java" "$(kafka_bootstrap)" "$KAFKA_PARTITIONS" "${KAFKA_TOPICS[@]}" 2>"$LOGS/kafka-topics.log"); then
    show_log_tail "$LOGS/kafka-topics.log"
    printf 'suite: error: could not create the topics; see %s and %s\n' "$LOGS/kafka-topics.log" "$(log_of kafka)" >&2
    return 1
  fi
  for topic in $created; do say "created topic $topic ($KAFKA_PARTITIONS partitions)"; done
}
