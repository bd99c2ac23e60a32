/**
 * Purges: an operator drops an image (original and variants), one variant spec, or everything from every cache of
 * every node and site and from the front caches. Requested over JMX ({@code org.picbed:type=Purge}), recorded
 * with who and when, and acknowledged per site.
 */
package org.picbed.purge;
