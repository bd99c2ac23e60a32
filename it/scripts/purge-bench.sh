#!/usr/bin/env bash
# purge-bench.sh -- purge propagation to every node of two sites (goal: p99 < 1 s over 100 purges).
#
#   it/scripts/purge-bench.sh         # ~4 min on 2 cores (starting 4 WildFly nodes included)
#
# Starts two sites of two nodes each (./picbed start --sites bj,sh --nodes 2, PICBED_PORT_OFFSET 1300: bj 9380/9390,
# sh 9480/9490) in a temp data dir, uploads an image at bj, waits until sh has it, then PurgeBench.java makes its
# small preset hot at both sites and purges it, COUNT times over JMX at bj-node1 and reports, per purge, the time until the last site
# acknowledged it (sh's acknowledgement is written after sh's replicated hot cache dropped the entries on both of
# its nodes and its variants left the shared volume). Environment: COUNT (100), KEEP=1 keeps the data dir.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=${COUNT:-100}
BENCH_NAME=purge-bench
# shellcheck source=two-sites.sh
source "$ROOT/it/scripts/two-sites.sh"

echo "== starting two sites of two nodes (bj $BJ, sh $SH)"
launcher start --sites bj,sh --nodes 2 > "$HOME_DIR/start.log" 2>&1 || { tail -n 40 "$HOME_DIR/start.log"; exit 1; }
JPEG=$(ls "$ROOT"/it/src/test/resources/corpus/bad/ok_baseline.jpg)
ID=$(curl -s -H "Authorization: Bearer $KEY" -F "file=@$JPEG;type=image/jpeg" "$BJ/api/images" | grep -o '"id":"[0-9a-f]*"' | head -1 | cut -d'"' -f4)
[[ -n $ID ]] || { echo "upload failed"; exit 1; }
for _ in $(seq 1 100); do [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$SH/api/images/$ID") == 200 ]] && break; sleep 0.2; done
echo "== image $ID at both sites; $COUNT purges at bj over JMX"
java -Dslf4j.internal.verbosity=ERROR -cp "$ROOT/server-config/target/wildfly/bin/client/jboss-client.jar" "$ROOT/it/scripts/PurgeBench.java" \
  "service:jmx:remote+http://127.0.0.1:$((9990 + OFFSET))" admin "$ADMIN_PW" "$BJ" "$SH" "$ID" 2 "$COUNT"
