/**
 * Node heartbeats over a topic: {@code JmsHeartbeatPublisher} announces this node, {@code HeartbeatListener}
 * records the others, {@code HeartbeatMessages} is the one reader/writer of the message.
 */
package org.picbed.cluster;
