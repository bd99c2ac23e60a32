/**
 * What a variant is, as values: {@code VariantSpec} (the canonical options: size, resize type, gravity, crop,
 * rotation, effects, quality), {@code VariantOptions} (parsing imgproxy-style option strings into a spec and its
 * canonical spelling), {@code Presets} (named specs, {@code PICBED_PRESETS}), {@code OutputFormats} (which
 * format {@code auto} means for a client), {@code VariantKey} (image + spec + format, the content address of a
 * variant) and {@code Geometry} (the sizes a spec makes, with no pixels involved).
 * <p>
 * May use: {@code config}, {@code error} and the image value types ({@code ImageId}, {@code ImageFormat}). Every
 * other variant package builds on this one; it depends on none of them.
 */
package org.picbed.variant.spec;
