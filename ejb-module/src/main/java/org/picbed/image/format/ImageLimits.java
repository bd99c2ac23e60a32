package org.picbed.image.format;

import org.picbed.config.Settings;
import org.picbed.image.ImageFormat;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an upload may be at most, and which formats it may be; checked from headers before anything is decoded or
 * stored. The server's limits come from settings; an upload token {@link #narrowed narrows} them for its uploads.
 */
public record ImageLimits(int maxSide, long maxPixels, int maxFrames, long maxTotalPixels, long maxBytes,
                          Set<ImageFormat> formats) {

    public ImageLimits {
        formats = Set.copyOf(formats);
    }

    /** Every accepted format. */
    public ImageLimits(int maxSide, long maxPixels, int maxFrames, long maxTotalPixels, long maxBytes) {
        this(maxSide, maxPixels, maxFrames, maxTotalPixels, maxBytes, EnumSet.allOf(ImageFormat.class));
    }

    public static ImageLimits defaults() {
        return new ImageLimits(16384, 50_000_000L, 300, 100_000_000L, 25L * 1024 * 1024);
    }

    public static ImageLimits from(Settings s) {
        ImageLimits d = defaults();
        return new ImageLimits(
                s.getInt("max-side", d.maxSide()),
                s.getLong("max-pixels", d.maxPixels()),
                s.getInt("max-frames", d.maxFrames()),
                s.getLong("max-total-pixels", d.maxTotalPixels()),
                s.getLong("max-file-bytes", d.maxBytes()));
    }

    /** These limits with at most {@code maxBytes} per file and only the {@code formats} also allowed here. */
    public ImageLimits narrowed(long maxBytes, Set<ImageFormat> formats) {
        Set<ImageFormat> both = EnumSet.noneOf(ImageFormat.class);
        both.addAll(this.formats);
        both.retainAll(formats);
        return new ImageLimits(maxSide, maxPixels, maxFrames, maxTotalPixels, Math.min(this.maxBytes, maxBytes), both);
    }

    /** Refuses (415, like content that is no image format at all) a format these limits do not allow. */
    public void checkFormat(ImageFormat format) {
        if (!formats.contains(format)) {
            throw UploadRejected.unsupportedFormat("the content is " + format.key().toUpperCase()
                    + "; accepted here: " + String.join(", ", formats.stream().sorted().map(f -> f.key().toUpperCase()).toList()));
        }
    }

    /** Checks one frame's dimensions (every format states them before its pixel data). */
    public void checkFrame(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw UploadRejected.undecodable("the image declares a zero or negative dimension");
        }
        if (width > maxSide || height > maxSide) {
            throw UploadRejected.tooLarge("dimensions_exceeded",
                    "the image is " + width + "x" + height + " pixels; at most " + maxSide + " per side are accepted");
        }
        if ((long) width * height > maxPixels) {
            throw UploadRejected.tooLarge("pixels_exceeded",
                    "the image has " + (long) width * height + " pixels; at most " + maxPixels + " are accepted");
        }
    }

    /** Checks the animation so far: frame count and pixels summed over frames. */
    public void checkAnimation(int frames, long totalPixels) {
        if (frames > maxFrames) {
            throw UploadRejected.tooLarge("frames_exceeded", "the animation has more than " + maxFrames + " frames");
        }
        if (totalPixels > maxTotalPixels) {
            throw UploadRejected.tooLarge("pixels_exceeded",
                    "the animation has more than " + maxTotalPixels + " pixels over all frames");
        }
    }
}
