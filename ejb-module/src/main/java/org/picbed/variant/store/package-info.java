/**
 * Where rendered variants are kept: {@code VariantStore} (the port; {@code FileVariantStore} keeps them on the
 * site's volume, next to the originals) and {@code VariantCatalog} (the {@code image_variant} rows: what was
 * asked for and how far rendering got). {@code VariantStore} is also the image side's {@code DerivedCopies}, so
 * deleting an image drops its variants without {@code image} knowing about variants.
 * <p>
 * May use: {@code variant.spec}, {@code storage} (the volume's layout and probes), {@code config}, the image value
 * types and entities.
 */
package org.picbed.variant.store;
