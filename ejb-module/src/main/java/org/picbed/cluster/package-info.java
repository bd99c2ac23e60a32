/**
 * The nodes of this site. Every node sends a heartbeat through the broker; a consumer on any node records it in
 * the database, which proves the message, transaction and database path works end to end.
 */
package org.picbed.cluster;
