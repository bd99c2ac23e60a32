#!/usr/bin/env bash
# storage-bench.sh -- the S3 backend against the file backend, back to back in one run.
#
#   ../shared/bench/setup.sh; ../shared/corpus/make-corpus.sh "${TMPDIR:-/tmp}/corpus"   # once (see variant-bench.sh)
#   it/scripts/storage-bench.sh
#
# Runs it/scripts/upload-bench.sh (3 MB JPEG uploads, 16 clients: uploads/s and WildFly CPU per upload) and
# it/scripts/variant-bench.sh ONLY=P3 (cold 300 px thumbnails of the 12-20 MP baseline JPEGs, 2 clients: img/s) once
# with PICBED_STORAGE=file and once with PICBED_STORAGE=s3 (the launcher's local S3-protocol server, Adobe S3Mock, on
# loopback: every original and variant goes through the AWS SDK and HTTP), each on a fresh server of its own, then the
# cold renders once more with PICBED_S3_LOCAL_COPIES_MB=0 (no node-local copies of originals: every source is a GET),
# and prints one table: each figure on both backends and s3 / file. Goal: s3 >= 0.8x file for uploads/s and cold renders.
# The S3 server shares the 2 cores with WildFly and MariaDB, as a site's own MinIO would on one machine.
# Environment: N, WARMUP, CLIENTS (upload-bench), N3, SCALE ... (variant-bench) pass through; KEEP_LOGS=1 keeps the runs'
# output in ${TMPDIR:-/tmp}.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT=$(mktemp -d "${TMPDIR:-/tmp}/picbed-storage-bench.XXXXXX")
trap '[[ ${KEEP_LOGS:-0} == 1 ]] && echo "logs kept in $OUT" || rm -rf "$OUT"' EXIT

for storage in file s3; do
  echo "== upload-bench.sh with PICBED_STORAGE=$storage"
  if ! env -u PICBED_HOME EAGER=1 PICBED_STORAGE=$storage PICBED_PORT_OFFSET=700 "$ROOT/it/scripts/upload-bench.sh" > "$OUT/upload-$storage.out" 2>&1; then
    tail -n 30 "$OUT/upload-$storage.out" >&2; echo "storage-bench: upload-bench.sh failed with $storage" >&2; exit 2
  fi
  grep -E '^(throughput|server-cpu|with-eager-renders|result)' "$OUT/upload-$storage.out" | sed "s/^/[$storage] /"
  echo "== variant-bench.sh ONLY=P3 with PICBED_STORAGE=$storage"
  if ! env -u PICBED_HOME PICBED_STORAGE=$storage ONLY=P3 "$ROOT/it/scripts/variant-bench.sh" > "$OUT/render-$storage.out" 2>&1; then
    tail -n 30 "$OUT/render-$storage.out" >&2; echo "storage-bench: variant-bench.sh failed with $storage" >&2; exit 2
  fi
  grep -E '^P3 (picbed|baseline)' "$OUT/render-$storage.out" | sed "s/^/[$storage] /"
done
# the same cold renders with no local copies of originals on the node: every source is a GET from the bucket
echo "== variant-bench.sh ONLY=P3 with PICBED_STORAGE=s3 PICBED_S3_LOCAL_COPIES_MB=0"
if ! env -u PICBED_HOME PICBED_STORAGE=s3 PICBED_S3_LOCAL_COPIES_MB=0 ONLY=P3 "$ROOT/it/scripts/variant-bench.sh" > "$OUT/render-s3-nocopies.out" 2>&1; then
  tail -n 30 "$OUT/render-s3-nocopies.out" >&2; echo "storage-bench: variant-bench.sh failed with s3, no local copies" >&2; exit 2
fi
grep -E '^P3 picbed' "$OUT/render-s3-nocopies.out" | sed "s/^/[s3, no local copies] /"

field() { # file key [line kind]: the value of key=value on the throughput/server-cpu lines (or the given kind) of an upload run
  grep -E "^${3:-(throughput|server-cpu)}"$'\t' "$1" | tr '\t' '\n' | awk -F= -v k="$2" '$1 == k { print $2; exit }'
}
render() { awk -F'\t' '$1 == "P3 cold 300px baseline img/s" { print $2 }' "$1" | tail -n 1; }

echo
printf 'benchmark\tfile\ts3\ts3/file\tgoal\tmet\n'
compare() { # label file s3 goal(higher|lower|context)
  local ratio met
  if [[ -z $2 || -z $3 ]]; then printf '%s\t%s\t%s\t-\t-\tn/a\n' "$1" "${2:-n/a}" "${3:-n/a}"; return; fi
  ratio=$(awk -v f="$2" -v s="$3" 'BEGIN { printf "%.2f", s / f }')
  if [[ $4 == higher ]]; then
    met=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8) ? "yes" : "no" }')
    printf '%s\t%s\t%s\t%sx\t>= 0.8x\t%s\n' "$1" "$2" "$3" "$ratio" "$met"
  else
    printf '%s\t%s\t%s\t%sx\t(context)\t-\n' "$1" "$2" "$3" "$ratio"
  fi
}
compare "upload 3 MB JPEG, 16 clients, uploads/s" "$(field "$OUT/upload-file.out" uploads/s)" "$(field "$OUT/upload-s3.out" uploads/s)" higher
compare "context: WildFly CPU ms per upload" "$(field "$OUT/upload-file.out" wildfly_cpu_ms/upload)" "$(field "$OUT/upload-s3.out" wildfly_cpu_ms/upload)" context
printf 'context: S3 server (S3Mock, same 2 cores) CPU ms per upload\t-\t%s\t-\t(context)\t-\n' "$(field "$OUT/upload-s3.out" s3_server_cpu_ms/upload)"
compare "uploads with their eager renders done, per s" "$(field "$OUT/upload-file.out" uploads_done/s with-eager-renders)" "$(field "$OUT/upload-s3.out" uploads_done/s with-eager-renders)" higher
compare "context: WildFly CPU ms per upload and its eager renders" "$(field "$OUT/upload-file.out" wildfly_cpu_ms/upload with-eager-renders)" "$(field "$OUT/upload-s3.out" wildfly_cpu_ms/upload with-eager-renders)" context
printf 'context: S3 server CPU ms per upload and its eager renders\t-\t%s\t-\t(context)\t-\n' "$(field "$OUT/upload-s3.out" s3_server_cpu_ms/upload with-eager-renders)"
compare "cold 300 px thumbs, 12-20 MP baseline JPEG, img/s" "$(render "$OUT/render-file.out")" "$(render "$OUT/render-s3.out")" higher
compare "the same, no local copies (every source a GET)" "$(render "$OUT/render-file.out")" "$(render "$OUT/render-s3-nocopies.out")" higher
