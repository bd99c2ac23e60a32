package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.IOException;

/**
 * GIF: the upload inspection (logical screen, every image descriptor and its LZW code size, extension blocks, the
 * trailer) and the render-time header facts. What is refused is what ImageIO's GIF reader and giflib refuse.
 */
final class Gif {

    private Gif() {
    }

    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(6);
        int width = in.u16le();
        int height = in.u16le();
        limits.checkFrame(width, height);
        int packed = in.u8();
        in.skip(2);
        if ((packed & 0x80) != 0) {
            in.skip(3L << ((packed & 0x07) + 1));
        }
        int frames = 0;
        long totalPixels = 0;
        while (true) {
            int block = in.u8();
            if (block == 0x3B) {
                if (frames == 0) {
                    throw UploadRejected.undecodable("the GIF has no image");
                }
                return new ImageInfo(ImageFormat.GIF, width, height, frames);
            } else if (block == 0x21) {
                in.u8();
                skipSubBlocks(in);
            } else if (block == 0x2C) {
                in.skip(4);
                int fw = in.u16le();
                int fh = in.u16le();
                limits.checkFrame(fw, fh);
                frames++;
                totalPixels += (long) fw * fh;
                limits.checkAnimation(frames, totalPixels);
                int framePacked = in.u8();
                if ((framePacked & 0x80) != 0) {
                    in.skip(3L << ((framePacked & 0x07) + 1));
                }
                int codeSize = in.u8();
                // ImageIO: "Bad code size" outside 1-8; giflib: above 8. Size 1 (below the spec's 2) decodes.
                if (codeSize < 1 || codeSize > 8) {
                    throw UploadRejected.undecodable("the GIF declares an LZW code size of " + codeSize);
                }
                skipSubBlocks(in);
            } else {
                throw UploadRejected.undecodable("the GIF structure is broken");
            }
        }
    }

    private static void skipSubBlocks(ByteInput in) throws IOException {
        int size;
        while ((size = in.u8()) != 0) {
            in.skip(size);
        }
    }

    static SourceInfo headers(byte[] b) {
        return SourceInfo.plain(ImageFormat.GIF, ByteInput.u16le(b, 6), ByteInput.u16le(b, 8), true);
    }
}
