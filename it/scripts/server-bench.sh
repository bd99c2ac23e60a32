#!/usr/bin/env bash
# server-bench.sh -- the same EAR on WildFly and on Payara, measured back to back with variant-bench.sh.
#
#   ../shared/bench/setup.sh; ../shared/corpus/make-corpus.sh "${TMPDIR:-/tmp}/corpus"   # once (see variant-bench.sh)
#   it/scripts/server-bench.sh                                                 # ~12 min on 2 cores
#
# Runs it/scripts/variant-bench.sh (default ONLY="P1 P3": the hot hit of a 32 KB variant with wrk, and cold 300 px
# thumbnails of the 12-20 MP baseline JPEGs, each with its baseline measured right before) once with
# PICBED_SERVER=wildfly and once with PICBED_SERVER=payara, each on a server of its own started in a temp data dir
# (offset 600), one after the other, then prints one table: the figure on each server and Payara / WildFly.
# Goal: Payara >= 0.8x WildFly for the hot hit and for cold renders. A hot hit is answered before the servlet
# container on both: on Undertow's IO thread (WildFly), by a filter in Grizzly's chain (Payara); the servlet path
# (?x=1) is printed as context. Both servers get the launcher's default heap (WildFly -Xmx768m; Payara's domain default
# -Xmx512m). Environment: ONLY, SECS, CONNS, SCALE, N3 ... pass through to variant-bench.sh; KEEP_LOGS=1 keeps both
# runs' output in ${TMPDIR:-/tmp}.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ONLY=${ONLY:-P1 P3}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/picbed-server-bench.XXXXXX")
trap '[[ ${KEEP_LOGS:-0} == 1 ]] && echo "logs kept in $OUT" || rm -rf "$OUT"' EXIT

for server in wildfly payara; do
  echo "== variant-bench.sh on $server (ONLY=\"$ONLY\")"
  # a fresh server of its own each time (variant-bench starts and removes it)
  if ! env -u PICBED_HOME PICBED_SERVER=$server "$ROOT/it/scripts/variant-bench.sh" > "$OUT/$server.out" 2>&1; then
    tail -n 30 "$OUT/$server.out" >&2
    echo "server-bench: variant-bench.sh failed on $server" >&2
    exit 2
  fi
  grep -E '^(P1|P3) (picbed|baseline)' "$OUT/$server.out" | sed "s/^/[$server] /"
done

# the picbed column of a summary row ("benchmark<TAB>picbed<TAB>...") of one run
figure() { awk -F'\t' -v row="$2" '$1 == row { print $2 }' "$OUT/$1.out" | tail -n 1; }
servlet() { awk -F'\t' '$1 == "P1 picbed" && $2 ~ /via servlet/ { print $3 }' "$OUT/$1.out" | tail -n 1; }
baseline() { awk -F'\t' -v row="$2" '$1 == row { print $3 }' "$OUT/$1.out" | tail -n 1; }

echo
printf 'benchmark\twildfly\tpayara\tpayara/wildfly\tgoal\tmet\n'
compare() { # label wildfly payara goal-direction(higher|lower)
  local ratio met
  if [[ -z $2 || -z $3 ]]; then printf '%s\t%s\t%s\t-\t-\tn/a\n' "$1" "${2:-n/a}" "${3:-n/a}"; return; fi
  ratio=$(awk -v w="$2" -v p="$3" 'BEGIN { printf "%.2f", p / w }')
  if [[ $4 == higher ]]; then
    met=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) ? "yes" : "no" }')
    printf '%s\t%s\t%s\t%sx\t>= 0.8x\t%s\n' "$1" "$2" "$3" "$ratio" "$met"
  else
    printf '%s\t%s\t%s\t%sx\t(context)\t-\n' "$1" "$2" "$3" "$ratio"
  fi
}
if [[ " $ONLY " == *" P1 "* ]]; then
  compare "hot hit 32 KB req/s (WildFly: Undertow IO thread; Payara: Grizzly filter)" "$(figure wildfly 'P1 hot hit 32KB req/s')" "$(figure payara 'P1 hot hit 32KB req/s')" higher
  compare "hot hit p99 ms" "$(figure wildfly 'P1 hot hit p99 ms')" "$(figure payara 'P1 hot hit p99 ms')" lower
  compare "context: hot hit through the servlet (?x=1) req/s" "$(servlet wildfly)" "$(servlet payara)" lower
  printf 'context: nginx baseline req/s\t%s\t%s\t-\t-\t-\n' "$(baseline wildfly 'P1 hot hit 32KB req/s')" "$(baseline payara 'P1 hot hit 32KB req/s')"
fi
if [[ " $ONLY " == *" P3 "* ]]; then
  compare "cold 300 px thumbs, baseline JPEG, img/s" "$(figure wildfly 'P3 cold 300px baseline img/s')" "$(figure payara 'P3 cold 300px baseline img/s')" higher
  printf 'context: vipsthumbnail 2T img/s\t%s\t%s\t-\t-\t-\n' "$(baseline wildfly 'P3 cold 300px baseline img/s')" "$(baseline payara 'P3 cold 300px baseline img/s')"
fi
for server in wildfly payara; do
  printf '%s: %s\n' "$server" "$(grep -E '^decoder: ' "$OUT/$server.out" | head -n 1)"
done
