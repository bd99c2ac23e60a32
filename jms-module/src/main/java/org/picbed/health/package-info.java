/**
 * The broker's share of health and metrics: whether the queues answer, and every queue's depth and
 * dead-letter count as gauges.
 */
package org.picbed.health;
