/**
 * Variant URLs, both ways: {@code VariantGrammar} and {@code VariantRequest} read {@code /i/<id>/<preset>.<ext>}
 * and {@code /v/<signature>/<options>/<id>.<ext>} into a request, {@code UrlSignatures} signs and verifies the
 * imgproxy-compatible HMAC (with key rotation), {@code VariantUrls} builds every URL picbed hands out, and
 * {@code ResponsiveImages} computes srcset/sizes/width/height for pages.
 * <p>
 * May use: {@code variant.spec}, {@code config}, {@code error} and the image value types. Nothing here touches
 * storage, the database or pixels.
 */
package org.picbed.variant.url;
