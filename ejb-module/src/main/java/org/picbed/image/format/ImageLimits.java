package org.picbed.image.format;

import org.picbed.config.Settings;

/** What an upload may be at most; checked from headers before anything is decoded or stored. */
public record ImageLimits(int maxSide, long maxPixels, int maxFrames, long maxTotalPixels, long maxBytes) {

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
