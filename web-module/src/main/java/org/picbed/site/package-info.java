/**
 * Between sites: {@code /internal/...} (authenticated by the site secret: original bytes for replication and read
 * repair, liveness) and {@code /api/admin/sites} (this site, its peers, replication lag and backlog).
 */
package org.picbed.site;
