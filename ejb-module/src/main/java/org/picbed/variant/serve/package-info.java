/**
 * Serving a variant: {@code Variants} is the lookup order (stored copy, else one render per key at a time
 * through the render gate, stored and then answered), {@code Admission} decides what enters the hot cache,
 * {@code RenderGate} bounds concurrent renders and their memory, {@code VariantMetrics} counts what happened,
 * and {@code SourceBytes} is the port to an original's bytes (implemented by {@code site.Originals}, which may
 * fetch them from a peer).
 * <p>
 * May use: {@code variant.spec}, {@code variant.render}, {@code variant.store}, {@code cache}, {@code storage},
 * {@code config}, {@code error} and the image value types. The web module's servlets and hot path call in here.
 */
package org.picbed.variant.serve;
