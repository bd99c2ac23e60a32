/**
 * Variant work on the queues: {@code JmsVariantJobs} implements {@code variant.background.VariantJobs},
 * {@code EagerVariantListener} renders a new image's eager presets, {@code BulkRenderDrain} and
 * {@code BulkRenderStep} re-render in bulk, only while no interactive work waits.
 */
package org.picbed.variant;
