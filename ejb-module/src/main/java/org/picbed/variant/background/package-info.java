/**
 * Variant work nobody waits for: {@code EagerVariants} records the eager presets of a new image (observing
 * {@code image.ImageCreated} in the upload's transaction), {@code VariantWork} renders them and re-renders when
 * the queue consumers ask, {@code VariantRerenders} drops and re-queues an image's variants, and
 * {@code VariantJobs} is the port to the queues (implemented in jms-module).
 * <p>
 * May use: {@code variant.serve}, {@code variant.store}, {@code variant.spec}, {@code variant.render} (its
 * exceptions), {@code image}.
 */
package org.picbed.variant.background;
