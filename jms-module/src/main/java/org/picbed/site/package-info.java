/**
 * Replication between sites: {@code ReplicationListener} consumes the peer sites' create/delete events (bridged
 * store-and-forward from their brokers) and hands them to {@code site.Replication}; {@code JmsReplicationBacklog}
 * browses what waits for each peer's bridge and the replication dead-letter queue.
 */
package org.picbed.site;
