# shellcheck shell=bash
# GreenMail standalone: an SMTP server that keeps every message, with a REST API to read them.

GREENMAIL_VERSION=2.1.13
GREENMAIL_JAR=$DOWNLOADS/greenmail-standalone-$GREENMAIL_VERSION.jar
GREENMAIL_API_PORT=8025 # away from 8080 (the staff portal), GreenMail's default
# Heap: small on purpose (two cores, everything on one machine). Override with the env var.
GREENMAIL_JAVA_OPTS=${SUITE_GREENMAIL_JAVA_OPTS:--Xms32m -Xmx256m}

greenmail_url() { echo "smtp://127.0.0.1:$(port_of greenmail), API http://127.0.0.1:$GREENMAIL_API_PORT/api"; }

greenmail_launch() {
  fetch "com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar" "$GREENMAIL_JAR"
  say "starting greenmail"
  # No auth: any sender, any recipient; every message is kept for the REST API.
  # SMTP on the table's port (stack/components.tsv) rather than the test setup's fixed 3025.
  # shellcheck disable=SC2086
  launch greenmail "$SUITE" "$(infra_jdk)/bin/java" $GREENMAIL_JAVA_OPTS $SUITE_EXTRA_JAVA_OPTS \
    -Dgreenmail.smtp.port="$(port_of greenmail)" -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=$GREENMAIL_API_PORT \
    -jar "$GREENMAIL_JAR"
}

# SMTP listening and the API's readiness (stack/components.tsv) answering.
greenmail_ready() { port_open "$(port_of greenmail)" && health_ok greenmail; }

greenmail_wait() { wait_until greenmail 60 greenmail_ready; }
