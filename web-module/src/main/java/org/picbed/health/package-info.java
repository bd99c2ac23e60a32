/**
 * {@code /health} (readiness with every component's detail) and {@code /metrics} (Prometheus text).
 */
package org.picbed.health;
