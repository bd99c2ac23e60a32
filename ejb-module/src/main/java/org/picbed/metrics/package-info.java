/**
 * This node's metrics registry: Micrometer with its Prometheus registry ({@code GET /api/metrics} scrapes it, the
 * dashboard charts read the same text). Rooms record into it through {@link org.picbed.metrics.Meters}; this package
 * uses no other picbed package, so any room may use it.
 */
package org.picbed.metrics;
