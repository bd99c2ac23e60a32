/**
 * picbed's URLs: {@code PicbedUrls} (originals, presets, signed variants; the one builder), {@code UrlSignatures}
 * (imgproxy's HMAC-SHA256 signatures with key rotation), {@code ResponsiveImages} (srcset candidates with the
 * sizes they render at), {@code ImageIds} and {@code VariantExtensions}.
 * <p>
 * May use: {@code spec} and {@code PicbedSettings}.
 */
package org.picbed.client.url;
