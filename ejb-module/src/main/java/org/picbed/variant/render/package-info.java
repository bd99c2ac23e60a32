/**
 * Pixels: decoding an original ({@code Decoder}, TurboJPEG when present, else ImageIO with TwelveMonkeys),
 * the processing steps in order ({@code Pipeline} over {@code RenderStep}s with a {@code RenderContext}),
 * resampling, quantising and encoding ({@code Encoder}, {@code Codecs}), all within a raster memory budget
 * ({@code RasterBudget}). {@code ImageRenderer} is the entry: bytes and a spec in, a {@code Rendition} out, or a
 * {@code RenderException} with a reason.
 * <p>
 * May use: {@code variant.spec}, {@code config} and the image value types and format readers. No storage, no
 * database, no CDI: plain objects, testable without a server.
 */
package org.picbed.variant.render;
