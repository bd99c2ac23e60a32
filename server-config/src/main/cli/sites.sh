#!/usr/bin/env bash
# Wires this instance to the other sites: sites.sh <JBOSS_HOME> <server base dir>
# Reads PICBED_PEERS ("name=url[|url...],...", empty = single site) and edits <base dir>/configuration/picbed.xml
# in one embedded CLI run. For each peer P:
#   jms-queue picbed.outbound.P (java:/jms/picbed/outbound/P; kept when it exists: it may hold messages), paged,
#   per URL an outbound socket binding + http-connector picbed-peer-P-<i> (host and port from the URL, not offset;
#   an https:// URL connects over TLS to the peer's https-acceptor, trusting PICBED_TLS_TRUSTSTORE and checking the
#   peer's host name against its certificate),
#   core bridge picbed-to-P: picbed.outbound.P -> jms.queue.picbed.replication on P's broker, retried forever;
#   after a failure it tries all of P's URLs at once (reconnect-attempts-on-same-node=0; the default 10 kept it
#   on a dead node for minutes).
# Peers no longer listed lose their bridge, connectors, bindings and outbound queue. Idempotent.
set -euo pipefail

die() { echo "sites.sh: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: $0 <JBOSS_HOME> <server base dir>"
[ -x "$1/bin/jboss-cli.sh" ] || die "not a WildFly home: $1"
JBOSS_HOME=$(cd "$1" && pwd)
BASE=$(cd "$2" && pwd)
CFG=$BASE/configuration/picbed.xml
[ -f "$CFG" ] || die "no $CFG"
export JBOSS_HOME

MSG=/subsystem=messaging-activemq/server=default
SOCKETS=/socket-binding-group=standard-sockets
# the bridge logs in as the Artemis cluster user; WildFly would send the literal default password "CHANGE ME!!"
# when the bridge's password is undefined, so it gets the same expression as the server's cluster-password
CLUSTER_PASSWORD='${env.PICBED_CLUSTER_PASSWORD:${jboss.messaging.cluster.password:picbed-cluster}}'

# https:// peers: the trust store (the site CA, or the operator's) is read by the bridge at connect time
TRUSTSTORE='${env.PICBED_TLS_TRUSTSTORE:}'
TRUSTSTORE_PASSWORD='${env.PICBED_TLS_TRUSTSTORE_PASSWORD:}'

cli=() peers=()
emit() { cli+=("$*"); }
# names of resources picbed.xml already has, e.g. existing bridge "picbed-to-"
existing() { grep -o "<$1 name=\"$2[^\"]*\"" "$CFG" | sed 's/.*name="\(.*\)"/\1/' || true; }

# 1. drop all bridges/connectors/bindings of ours (re-added below from PICBED_PEERS), bridges first: they use connectors
for b in $(existing bridge picbed-to-); do emit "$MSG/bridge=$b:remove"; done
for c in $(existing http-connector picbed-peer-); do emit "$MSG/http-connector=$c:remove"; done
for s in $(existing outbound-socket-binding picbed-peer-); do emit "$SOCKETS/remote-destination-outbound-socket-binding=$s:remove"; done
for a in $(existing address-setting "jms\\.queue\\.picbed\\.outbound\\."); do emit "$MSG/address-setting=$a:remove"; done

# 2. add what PICBED_PEERS lists
IFS=',' read -r -a entries <<< "${PICBED_PEERS:-}"
for entry in "${entries[@]}"; do
  entry=${entry//[[:space:]]/}
  [ -n "$entry" ] || continue
  [[ $entry =~ ^([a-z0-9][a-z0-9-]{0,15})=(.+)$ ]] || die "PICBED_PEERS: expected name=url[|url...] with name [a-z0-9][a-z0-9-]{0,15}, got '$entry'"
  peer=${BASH_REMATCH[1]} urls=${BASH_REMATCH[2]}
  [[ " ${peers[*]} " != *" $peer "* ]] || die "PICBED_PEERS: peer '$peer' listed twice"
  [ "$peer" != "${PICBED_SITE:-local}" ] || die "PICBED_PEERS: '$peer' is this site (PICBED_SITE)"
  peers+=("$peer")
  emit "if (outcome != success) of $MSG/jms-queue=picbed.outbound.$peer:read-resource"
  emit "    $MSG/jms-queue=picbed.outbound.$peer:add(entries=[\"java:/jms/picbed/outbound/$peer\"])"
  emit "end-if"
  emit "$MSG/address-setting=jms.queue.picbed.outbound.$peer:add(address-full-policy=PAGE, max-size-bytes=10485760, page-size-bytes=2097152, dead-letter-address=jms.queue.DLQ)"
  IFS='|' read -r -a list <<< "$urls"
  connectors=() i=0
  for url in "${list[@]}"; do
    [[ $url =~ ^(https?)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:([0-9]{1,5}))?(/.*)?$ ]] \
      || die "PICBED_PEERS: peer $peer: expected http(s)://host[:port][/path], got '$url'"
    scheme=${BASH_REMATCH[1]} host=${BASH_REMATCH[2]} port=${BASH_REMATCH[4]}
    host=${host#[} host=${host%]}
    i=$((i + 1))
    name=picbed-peer-$peer-$i
    if [[ $scheme == https ]]; then
      port=${port:-443}
      emit "$SOCKETS/remote-destination-outbound-socket-binding=$name:add(host=\"$host\", port=$port)"
      emit "$MSG/http-connector=$name:add(socket-binding=$name, endpoint=https-acceptor, params={sslEnabled=true, verifyHost=true, trustStoreType=PKCS12, trustStorePath=\"$TRUSTSTORE\", trustStorePassword=\"$TRUSTSTORE_PASSWORD\"})"
    else
      port=${port:-80}
      emit "$SOCKETS/remote-destination-outbound-socket-binding=$name:add(host=\"$host\", port=$port)"
      emit "$MSG/http-connector=$name:add(socket-binding=$name, endpoint=http-acceptor)"
    fi
    connectors+=("$name")
  done
  emit "$MSG/bridge=picbed-to-$peer:add(queue-name=jms.queue.picbed.outbound.$peer, forwarding-address=jms.queue.picbed.replication, static-connectors=[$(IFS=,; echo "${connectors[*]}")], use-duplicate-detection=true, ha=false, initial-connect-attempts=-1, reconnect-attempts=-1, reconnect-attempts-on-same-node=0, retry-interval=1000, retry-interval-multiplier=2.0, max-retry-interval=5000, password=\"$CLUSTER_PASSWORD\")"
done

# 3. outbound queues of peers no longer listed (their undelivered messages are dropped with them)
for q in $(existing jms-queue "picbed\\.outbound\\."); do
  [[ " ${peers[*]} " == *" ${q#picbed.outbound.} "* ]] || emit "$MSG/jms-queue=$q:remove"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "embed-server --server-config=picbed.xml --std-out=discard"
  printf '%s\n' "${cli[@]}"
  echo "stop-embedded-server"
} > "$work/sites.cli"

echo "picbed: sites: ${#peers[@]} peer(s)${peers[*]:+ (${peers[*]})} -> $CFG"
# -Djboss.server.base.dir makes embed-server use the instance's configuration dir instead of JBOSS_HOME/standalone
if ! "$JBOSS_HOME/bin/jboss-cli.sh" "-Djboss.server.base.dir=$BASE" --file="$work/sites.cli" > "$work/cli.log" 2>&1; then
  cat "$work/sites.cli" "$work/cli.log" >&2
  echo "picbed: sites.sh CLI FAILED" >&2
  exit 1
fi
