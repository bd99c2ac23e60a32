/**
 * What a variant is on the server: the grammar, {@code VariantSpec}, {@code Presets} and {@code Geometry} come
 * from the client library ({@code org.picbed.client.spec}, one implementation for server and clients); here are
 * {@code VariantSpecs} (parsing with the server's error model), {@code OutputFormats} (which format {@code auto}
 * means for a client) and {@code VariantKey} (image + spec + format, the content address of a variant).
 * <p>
 * May use: {@code config}, {@code error}, the image value types ({@code ImageId}, {@code ImageFormat}) and the
 * client library. Every other variant package builds on this one; it depends on none of them.
 */
package org.picbed.variant.spec;
