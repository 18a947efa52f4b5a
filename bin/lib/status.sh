# shellcheck shell=bash
# `bin/suite status`: state, port, pid, RSS and URL (and log) of each component, in the table's order.

cmd_status() {
  local name port pid state rss total=0 url
  printf '%-21s %-9s %-7s %-8s %-7s %s\n' COMPONENT STATE PORT PID RSS_MB "URL / LOG"
  for name in "${ALL[@]}"; do
    port=$(port_of "$name") pid='-' rss='-' state=stopped
    if [[ $name == postgresql ]]; then
      read -r state pid rss <<<"$(postgresql_status)"
    elif pid=$(suite_pid "$name"); then
      if port_open "$port"; then state=running; else state=starting; fi
      rss=$(rss_mb "$pid")
    elif port_open "$port"; then
      state=external pid=$(listener_pid "$port" || echo '?')
      [[ $pid != '?' ]] && rss=$(ps -o rss= -p "$pid" | awk '{ printf "%d", $1 / 1024 }')
    else
      pid='-'
      if [[ $(kind_of "$name") != infra ]]; then
        app_exists "$name" || state=absent
        # shellcheck disable=SC2015 # skip unless the module exists and lacks its jar
        app_exists "$name" && [[ ! -f $(app_jar "$name") ]] && state=not-built
      fi
    fi
    [[ $rss =~ ^[0-9]+$ ]] && total=$((total + rss))
    url=$(url_of "$name")
    printf '%-21s %-9s %-7s %-8s %-7s %s\n' "$name" "$state" "$port" "$pid" "$rss" "$url"
    [[ $state == stopped || $state == absent || $state == not-built ]] \
      || printf '%-21s %-9s %-7s %-8s %-7s %s\n' '' '' '' '' '' "log: $(log_of "$name")"
  done
  printf '%-21s %-9s %-7s %-8s %-7s\n' TOTAL '' '' '' "$total"
}
