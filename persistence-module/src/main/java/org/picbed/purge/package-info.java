/**
 * Purge rows: {@code Purge} (what was purged, by whom, when) and {@code PurgeAck} (each site's acknowledgement).
 */
package org.picbed.purge;
