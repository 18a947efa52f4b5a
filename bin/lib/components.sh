# shellcheck shell=bash disable=SC2034 # the arrays are for the scripts that source this
# The component table, stack/components.tsv, read once into arrays (sourced by bin/suite, bin/test and
# bin/lib/check-ports; needs ROOT). Columns: name, port, kind, health, title, notes ('-' for an empty field:
# `read` would merge two tabs).

COMPONENTS_FILE=$ROOT/stack/components.tsv

ALL=() INFRA=() SERVICES=() APPS=() PORTAL=''
declare -A COMPONENT_PORT=() COMPONENT_KIND=() COMPONENT_HEALTH=() COMPONENT_TITLE=() COMPONENT_NOTES=()

read_components() {
  local name port kind health title notes
  [[ -r $COMPONENTS_FILE ]] || { printf '%s: error: cannot read %s\n' "${0##*/}" "$COMPONENTS_FILE" >&2; exit 1; }
  while IFS=$'\t' read -r name port kind health title notes; do
    [[ -z $name || $name == '#'* ]] && continue
    if [[ ! $port =~ ^[0-9]+$ || ! $kind =~ ^(infra|simulator|service|portal)$ || -z $notes ]]; then
      printf '%s: error: %s: bad row for %s (want name, port, kind, health, title, notes; tab-separated)\n' \
        "${0##*/}" "$COMPONENTS_FILE" "$name" >&2
      exit 1
    fi
    ALL+=("$name")
    COMPONENT_PORT[$name]=$port COMPONENT_KIND[$name]=$kind COMPONENT_HEALTH[$name]=$health
    COMPONENT_TITLE[$name]=$title COMPONENT_NOTES[$name]=$notes
    case $kind in
      infra) INFRA+=("$name") ;;
      service) SERVICES+=("$name"); APPS+=("$name") ;;
      portal) PORTAL=$name; APPS+=("$name") ;;
      simulator) APPS+=("$name") ;;
    esac
  done <"$COMPONENTS_FILE"
}
read_components

is_component() { [[ -n ${1:-} && -n ${COMPONENT_PORT[$1]:-} ]]; }

port_of() { is_component "$1" && echo "${COMPONENT_PORT[$1]}"; }

kind_of() { is_component "$1" && echo "${COMPONENT_KIND[$1]}"; }

health_of() { is_component "$1" && echo "${COMPONENT_HEALTH[$1]}"; }
