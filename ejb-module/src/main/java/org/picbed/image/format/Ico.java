package org.picbed.image.format;

import org.picbed.image.ImageFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.picbed.image.format.ByteInput.u32;

/** ICO / CUR: the upload inspection (directory, each entry's PNG or DIB header and extent). */
final class Ico {

    private Ico() {
    }

    static ImageInfo inspect(ByteInput in, ImageLimits limits) throws IOException {
        in.skip(4);
        int count = in.u16le();
        if (count == 0 || count > 256) {
            throw UploadRejected.undecodable("the ICO directory is malformed");
        }
        record Entry(int width, int height, long size, long offset) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] e = in.bytes(16);
            int w = e[0] == 0 ? 256 : e[0] & 0xFF;
            int h = e[1] == 0 ? 256 : e[1] & 0xFF;
            entries.add(new Entry(w, h, u32(e, 8, true), u32(e, 12, true)));
        }
        entries.sort(Comparator.comparingLong(Entry::offset));
        long position = 6 + 16L * count;
        int width = 0;
        int height = 0;
        for (Entry entry : entries) {
            if (entry.offset() < position || entry.size() < 8) {
                throw UploadRejected.undecodable("the ICO directory is malformed");
            }
            in.skip(entry.offset() - position);
            byte[] head = in.bytes(8);
            boolean png = ByteInput.startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            boolean dib = head[0] == 40 && head[1] == 0 && head[2] == 0 && head[3] == 0;
            if (!png && !dib) {
                throw UploadRejected.undecodable("the ICO holds an image of an unknown kind");
            }
            limits.checkFrame(entry.width(), entry.height());
            in.skip(entry.size() - 8);
            position = entry.offset() + entry.size();
            if ((long) entry.width() * entry.height() > (long) width * height) {
                width = entry.width();
                height = entry.height();
            }
        }
        return new ImageInfo(ImageFormat.ICO, width, height, 1);
    }

    static SourceInfo headers(byte[] b) {
        return SourceInfo.plain(ImageFormat.ICO, 0, 0, true);
    }
}
