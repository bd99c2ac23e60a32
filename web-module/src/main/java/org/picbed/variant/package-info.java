/**
 * Variant requests over HTTP: {@code HotPath}/{@code HotVariantHandler} answer hot-cache hits on the IO thread
 * (installed by {@code HotPathExtension} where the server allows it), {@code SignedVariantServlet} takes
 * {@code /v/...}, and {@code VariantResponder} writes any variant response (immutable caching, strong ETag,
 * 304, {@code X-Cache}). The lookup itself is ejb-module's {@code variant.serve}.
 */
package org.picbed.variant;
