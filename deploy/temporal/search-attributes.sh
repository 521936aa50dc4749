#!/bin/bash
# sagsflow's custom search attributes, set up by the `temporal` service (temporalio/auto-setup, which
# ships the `temporal` CLI).
#
#   search-attributes.sh register   Waits for the namespace, adds any attributes it lacks, then stays
#                                   until all of them are visible. entrypoint.sh runs it in the background.
#   search-attributes.sh check      Exits 0 only when the namespace has every attribute. This is the
#                                   service's healthcheck, so `prepare` starts no earlier than that.
#
# Keep this list in step with libs/temporal/src/shared/search-attributes.ts. `node dist/tools/prepare.js`
# registers the same attributes (for servers set up without this script) and finds nothing to do here.
set -eu -o pipefail

: "${TEMPORAL_ADDRESS:?must be set (host:port of the frontend, for example temporal:7233)}"
# The CLI fails without a home directory (it looks for its config file there). Docker sets HOME.
export HOME="${HOME:-/tmp}"
NAMESPACE="${DEFAULT_NAMESPACE:-default}"
ATTRIBUTES=(
  CaseId=Keyword
  Municipality=Keyword
  ProcessKind=Keyword
  OwnerAgency=Keyword
  NextDeadline=Datetime
  Overdue=Bool
  Stuck=Bool
  ProcessStep=KeywordList
)

log() { echo "[sagsflow search attributes] $*"; }

# Prints name=type for each attribute the namespace lacks. Fails when the server does not answer
# or does not know the namespace yet.
missing() {
  local listed attribute
  listed="$(temporal operator search-attribute list --namespace "$NAMESPACE" --output json)" || return 1
  for attribute in "${ATTRIBUTES[@]}"; do
    grep -q "\"${attribute%%=*}\"" <<<"$listed" || echo "$attribute"
  done
}

register() {
  local lacking attribute
  local -a flags
  # Before the server runs and auto-setup has created the namespace, `missing` fails.
  until lacking="$(missing 2>/dev/null)"; do sleep 2; done
  while [[ -n "$lacking" ]]; do
    flags=()
    for attribute in $lacking; do flags+=(--name "${attribute%%=*}" --type "${attribute#*=}"); done
    log "adding to namespace ${NAMESPACE}: $(echo $lacking)"
    # This is idempotent: the server skips attributes that already exist. A newly added attribute
    # is listed only after the namespace cache refreshes (about 10 s), so wait before checking again.
    temporal operator search-attribute create --namespace "$NAMESPACE" "${flags[@]}" || log "not added yet; retrying"
    sleep 5
    until lacking="$(missing 2>/dev/null)"; do sleep 2; done
  done
  log "namespace ${NAMESPACE} has all sagsflow search attributes"
}

check() {
  local lacking
  lacking="$(missing)" || return 1
  if [[ -n "$lacking" ]]; then
    echo "namespace ${NAMESPACE} lacks: $(echo $lacking)"
    return 1
  fi
}

case "${1:-}" in
  register) register ;;
  check) check ;;
  *) echo "usage: $0 register|check" >&2; exit 2 ;;
esac
