#!/usr/bin/env bash
# Messaging that survives a node, inside a site: ha.sh <JBOSS_HOME> <server base dir>
# With PICBED_HA_JOURNALS (a directory on the site's shared volume), PICBED_HA_NODE (this node, e.g. node2) and
# PICBED_HA_BACKUP_OF (the node it stands in for, e.g. node1) it edits <base dir>/configuration/picbed.xml so that
#   - this node's broker (server "default") keeps its bindings, journal, paging and large messages under
#     $PICBED_HA_JOURNALS/$PICBED_HA_NODE, as the primary of a shared store (a file lock on the shared volume);
#   - a second broker in the same JVM (server "backup", Artemis shared-store secondary with scale-down) waits for
#     $PICBED_HA_BACKUP_OF's lock; when that node dies (even kill -9) it takes over its journal and moves the messages
#     into this node's broker, where this node's MDBs consume them; then it waits again (restart-backup).
# The nodes of a site form a ring (node k backs up node k-1, node 1 backs up the last). Without PICBED_HA_NODE the
# HA resources are removed again. Idempotent; run with the server stopped (the launcher does, for --nodes >= 2).
set -euo pipefail

die() { echo "ha.sh: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: $0 <JBOSS_HOME> <server base dir>"
[ -x "$1/bin/jboss-cli.sh" ] || die "not a WildFly home: $1"
JBOSS_HOME=$(cd "$1" && pwd)
BASE=$(cd "$2" && pwd)
CFG=$BASE/configuration/picbed.xml
[ -f "$CFG" ] || die "no $CFG"
export JBOSS_HOME

MSG=/subsystem=messaging-activemq/server=default
BACKUP=/subsystem=messaging-activemq/server=backup
CLUSTER_PASSWORD='${env.PICBED_CLUSTER_PASSWORD:${jboss.messaging.cluster.password:picbed-cluster}}'
cli=()
emit() { cli+=("$*"); }

# start from a configuration without HA (the template has none; an earlier run may have added it)
if_present() { emit "if (outcome == success) of $1:read-resource"; emit "    $1:remove"; emit "end-if"; }
# a broker directory under the shared volume (a server has these resources from the start: replaced, not added)
set_path() { if_present "$1"; emit "$1:add(relative-to=picbed.ha.journals, path=\"$2\")"; }
if_present "$BACKUP"
if_present "$MSG/ha-policy=shared-store-primary"
for p in bindings journal paging large-messages; do if_present "$MSG/path=$p-directory"; done
if_present "/path=picbed.ha.journals"

if [[ -n ${PICBED_HA_NODE:-} ]]; then
  [[ -n ${PICBED_HA_JOURNALS:-} && -n ${PICBED_HA_BACKUP_OF:-} ]] || die "PICBED_HA_NODE needs PICBED_HA_JOURNALS and PICBED_HA_BACKUP_OF"
  [[ $PICBED_HA_NODE != "$PICBED_HA_BACKUP_OF" ]] || die "a node cannot back itself up"
  mine="$PICBED_HA_JOURNALS/picbed-ha-$PICBED_HA_NODE" theirs="$PICBED_HA_JOURNALS/picbed-ha-$PICBED_HA_BACKUP_OF"
  mkdir -p "$mine" "$theirs"
  # the shared volume as a named path; the brokers' directories relative to it
  emit "/path=picbed.ha.journals:add(path=\"$PICBED_HA_JOURNALS\")"
  emit "$MSG/ha-policy=shared-store-primary:add(failover-on-server-shutdown=false)"
  for p in bindings journal paging large-messages; do
    set_path "$MSG/path=$p-directory" "picbed-ha-$PICBED_HA_NODE/$p"
  done
  emit "$BACKUP:add(cluster-password=\"$CLUSTER_PASSWORD\", elytron-domain=ApplicationDomain)"
  for p in bindings journal paging large-messages; do
    set_path "$BACKUP/path=$p-directory" "picbed-ha-$PICBED_HA_BACKUP_OF/$p"
  done
  # its own acceptor on the shared HTTP listener, and the site's cluster to find this node's broker to scale down to
  emit "$BACKUP/http-acceptor=picbed-backup-acceptor:add(http-listener=default)"
  emit "$BACKUP/http-connector=picbed-backup-connector:add(socket-binding=http, endpoint=picbed-backup-acceptor)"
  emit "$BACKUP/jgroups-broadcast-group=bg-group1:add(jgroups-cluster=activemq-cluster, connectors=[picbed-backup-connector])"
  emit "$BACKUP/jgroups-discovery-group=dg-group1:add(jgroups-cluster=activemq-cluster)"
  emit "$BACKUP/cluster-connection=my-cluster:add(cluster-connection-address=jms, connector-name=picbed-backup-connector, discovery-group=dg-group1)"
  # scale-down target: a live broker of the site found through the cluster's discovery group (the dead node's
  # neighbours; with two nodes, this node's own broker)
  emit "$BACKUP/ha-policy=shared-store-secondary:add(failover-on-server-shutdown=false, allow-failback=true, restart-backup=true, scale-down=true, scale-down-discovery-group=dg-group1)"
fi

((${#cli[@]})) || exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "embed-server --server-config=picbed.xml --std-out=discard"
  printf '%s\n' "${cli[@]}"
  echo "stop-embedded-server"
} > "$work/ha.cli"

echo "picbed: messaging HA: ${PICBED_HA_NODE:-off}${PICBED_HA_NODE:+, standing in for $PICBED_HA_BACKUP_OF} -> $CFG"
if ! "$JBOSS_HOME/bin/jboss-cli.sh" "-Djboss.server.base.dir=$BASE" --file="$work/ha.cli" > "$work/cli.log" 2>&1; then
  cat "$work/ha.cli" "$work/cli.log" >&2
  echo "picbed: ha.sh CLI FAILED" >&2
  exit 1
fi
