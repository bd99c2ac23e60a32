/**
 * Purges on the purge topic: {@code JmsPurgeEvents} publishes a purge to every node of every site,
 * {@code PurgeTopicListener} applies it on this node, {@code PurgeMessages} is the one reader/writer of the message.
 */
package org.picbed.purge;
