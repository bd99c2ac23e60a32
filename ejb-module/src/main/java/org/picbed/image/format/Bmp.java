package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.IOException;
import java.util.Arrays;

/** BMP: the upload inspection (file and info header, bit depth, enough bytes for the pixel rows). */
final class Bmp {

    private Bmp() {
    }

    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(2);
        in.u32le(); // declared file size: not trusted
        in.skip(4);
        long dataOffset = in.u32le();
        long headerSize = in.u32le();
        int width;
        int height;
        int bpp;
        long compression = 0;
        if (headerSize == 12) {
            width = in.u16le();
            height = in.u16le();
            in.skip(2);
            bpp = in.u16le();
        } else if (headerSize >= 40 && headerSize <= 124) {
            width = (int) in.u32le();
            height = Math.abs((int) in.u32le());
            in.skip(2);
            bpp = in.u16le();
            compression = in.u32le();
            in.skip(headerSize - 20);
        } else {
            throw UploadRejected.undecodable("the BMP header is malformed");
        }
        limits.checkFrame(width, height);
        if (dataOffset < 14 + headerSize || !Arrays.asList(1, 4, 8, 16, 24, 32).contains(bpp)) {
            throw UploadRejected.undecodable("the BMP header is malformed");
        }
        long needed = dataOffset;
        if (compression == 0 || compression == 3 || compression == 6) {
            long rowBytes = (((long) bpp * width + 31) / 32) * 4;
            needed += rowBytes * height;
        } else {
            needed += 1;
        }
        long read = 14 + headerSize;
        if (needed > read) {
            in.skip(needed - read);
        }
        return new ImageInfo(ImageFormat.BMP, width, height, 1);
    }

    static SourceInfo headers(byte[] b) {
        return SourceInfo.plain(ImageFormat.BMP, 0, 0, false);
    }
}
