/** The nodes of a picbed site and the heartbeats that prove each one's messaging pipeline works. */
package org.picbed.cluster;
