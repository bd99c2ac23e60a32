package org.picbed.variant.render;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The JNI entry points of picbed's libheif binding ({@code src/main/c/picbed_heif.c}, built with the module when
 * libheif-dev is present). The library is a resource of this jar, copied to a temporary file of its own and
 * loaded from there: a JNI library binds to one class loader, and each deployment of the EAR has its own.
 */
final class HeifNative {

    /** Compression formats, as the C side numbers them. */
    static final int AV1 = 0;
    static final int HEVC = 1;

    private HeifNative() {
    }

    /** Loads the library; the error says why it cannot be (not built here, libheif missing, another arch). */
    static void load() throws Exception {
        String arch = System.getProperty("os.arch", "");
        arch = arch.equals("amd64") ? "x86_64" : arch.toLowerCase(Locale.ROOT);
        String name = "native/libpicbed-heif-linux-" + arch + ".so";
        try (InputStream in = HeifNative.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("the libheif binding was not built for this platform (" + name + ")");
            }
            Path copy = Files.createTempFile("picbed-heif-", ".so");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                System.load(copy.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(copy); // the loaded mapping stays
            }
        }
    }

    static native String version();

    static native boolean canDecode(int format);

    static native boolean canEncode(int format);

    /**
     * The primary image, transformations applied, as ARGB; {@code facts} receives width, height and 1 when it
     * has alpha. Refuses (IllegalArgumentException) images over {@code maxPixels} before decoding.
     */
    static native int[] decode(byte[] file, int maxPixels, int[] facts);

    /** ARGB pixels as an AVIF ({@link #AV1}) or HEIC ({@link #HEVC}) file, lossy, 4:2:0, no metadata. */
    static native byte[] encode(int[] argb, int width, int height, boolean alpha, int format, int quality, int speed);
}
