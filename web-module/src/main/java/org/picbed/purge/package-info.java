/**
 * {@code /api/purges/<id>}: a purge and each site's acknowledgement, as JSON.
 */
package org.picbed.purge;
