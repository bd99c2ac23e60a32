/**
 * Image formats: the one reader of the accepted formats' bytes (JPEG, PNG, GIF, WebP, BMP, ICO), entered through
 * {@link org.picbed.image.format.ImageFormats}: sniffing, the upload inspection (limits and the structure
 * decoders treat as fatal, without decoding pixels; {@link org.picbed.image.format.UploadRejected} on refusal)
 * and the render-time header facts ({@link org.picbed.image.format.SourceInfo}).
 * <p>
 * Here live one class per format ({@code Jpeg}, {@code Png}, {@code Gif}, {@code Webp}, {@code Bmp}, {@code Ico}),
 * the one EXIF reader ({@code Exif}), the byte helpers ({@code ByteInput}, {@link org.picbed.image.format.ByteSearch})
 * and the values of an inspection ({@link org.picbed.image.format.ImageInfo},
 * {@link org.picbed.image.format.ImageLimits}).
 * <p>
 * What it may use: the JDK, {@link org.picbed.image.ImageFormat} (persistence module),
 * {@code org.picbed.error} (the exception base) and {@code org.picbed.config} (limits from settings). Nothing
 * else of picbed: the ingestion ({@code org.picbed.image}), the renderer ({@code org.picbed.variant.render}), the
 * variant server and the web layer use this package, never the other way round.
 */
package org.picbed.image.format;
