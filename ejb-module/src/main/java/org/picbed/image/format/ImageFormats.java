package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import static org.picbed.image.format.ByteInput.startsWith;

/**
 * The one reader of the accepted image formats (JPEG, PNG, GIF, WebP, BMP, ICO, HEIC, AVIF), from their bytes alone and
 * without decoding pixels:
 * <ul>
 * <li>{@link #sniff} tells the format from the magic bytes;</li>
 * <li>{@link #inspect} checks an upload in one forward pass: the declared dimensions and frame counts against the
 * limits as soon as a header states them (so a decompression bomb is refused after a few bytes), and the
 * structure a decoder needs (segments, tables, chunk checksums) up to the format's end marker, so truncated or
 * structurally broken files are refused with 422 before anything is stored. Bytes after the end marker are
 * allowed (they are stored and served as they are, with nosniff);</li>
 * <li>{@link #headers} reads the facts the renderer and the variant server need (size, EXIF orientation, ICC
 * profile, copyright, alpha, progressive), leniently: a malformed header yields what was found so far.</li>
 * </ul>
 */
public final class ImageFormats {

    private ImageFormats() {
    }

    /**
     * The format named by a file's first bytes (12 are enough; HEIF files whose major brand is the generic
     * {@code mif1} are told apart by their compatible brands, within the first 32), if it is one picbed accepts.
     */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return Optional.of(ImageFormat.GIF);
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(ImageFormat.WEBP);
        }
        if (startsWith(head, 'B', 'M') && head.length >= 6) {
            return Optional.of(ImageFormat.BMP);
        }
        if (head.length >= 6 && head[0] == 0 && head[1] == 0 && (head[2] == 1 || head[2] == 2) && head[3] == 0
                && (head[4] != 0 || head[5] != 0)) {
            return Optional.of(ImageFormat.ICO);
        }
        return Optional.ofNullable(Heif.sniff(head));
    }

    /**
     * Reads an upload up to the image's end marker (the caller reads whatever follows) and tells what it is.
     *
     * @throws UploadRejected 400 when empty, 415 when not an accepted format (or not one of {@code limits.formats()}), 422 when truncated, structurally
     *                        broken or over a limit
     */
    public static ImageInfo inspect(InputStream stream, ImageLimits limits) throws IOException {
        ByteInput in = new ByteInput(stream);
        byte[] head = in.peek(32);
        if (head.length == 0) {
            throw UploadRejected.empty();
        }
        ImageFormat format = sniff(head).orElseThrow(() -> UploadRejected.unsupportedFormat(
                "the content is not an accepted image format (JPEG, PNG, GIF, WebP, BMP, ICO, HEIC, AVIF)"));
        limits.checkFormat(format);
        try {
            return switch (format) {
                case JPEG -> Jpeg.inspect(in, limits);
                case PNG -> Png.inspect(in, limits);
                case GIF -> Gif.inspect(in, limits);
                case WEBP -> Webp.inspect(in, limits);
                case BMP -> Bmp.inspect(in, limits);
                case ICO -> Ico.inspect(in, limits);
                case HEIC, AVIF -> Heif.inspect(in, format, limits);
            };
        } catch (EOFException e) {
            throw UploadRejected.undecodable("the " + format.key().toUpperCase() + " file is truncated");
        }
    }

    /**
     * The header facts of an image of this (sniffed) format: the whole file, or its first bytes for what they
     * hold (32 bytes tell the alpha of PNG and WebP). Never throws on malformed input.
     */
    public static SourceInfo headers(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case JPEG -> Jpeg.headers(bytes);
            case PNG -> Png.headers(bytes);
            case WEBP -> Webp.headers(bytes);
            case GIF -> Gif.headers(bytes);
            case BMP -> Bmp.headers(bytes);
            case ICO -> Ico.headers(bytes);
            case HEIC, AVIF -> Heif.headers(bytes, format);
        };
    }
}
