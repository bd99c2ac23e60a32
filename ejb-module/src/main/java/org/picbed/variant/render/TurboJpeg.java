package org.picbed.variant.render;

import java.awt.image.BufferedImage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * libjpeg-turbo's TurboJPEG Java binding, used through method handles only (it is not on Maven Central): DCT
 * scaled decoding (1/2, 1/4, 1/8 of the size for the cost of entropy decoding) and fast encoding. The classes
 * come from the thread context or our own class loader (a WildFly module), else from the configured jar
 * (Debian's {@code libturbojpeg-java}); the JNI library must load. One instance per JVM class loader: a JNI
 * library binds to one class loader.
 */
final class TurboJpeg {

    private static final String PKG = "org.libjpegturbo.turbojpeg.";
    private static final OptionalLibrary<TurboJpeg> LIBRARY = new OptionalLibrary<>(
            t -> "variant rendering decodes JPEG with " + t.info() + " (DCT-scaled decoding)",
            reason -> "variant rendering decodes JPEG with ImageIO: TurboJPEG is not available (" + reason + ")");

    private final MethodHandle decNew;
    private final MethodHandle decWidth;
    private final MethodHandle decHeight;
    private final MethodHandle decDecompress;
    private final MethodHandle decClose;
    private final MethodHandle compNew;
    private final MethodHandle compSource;
    private final MethodHandle compQuality;
    private final MethodHandle compSubsamp;
    private final MethodHandle compCompress;
    private final MethodHandle compCompressInto;
    private final MethodHandle compSize;
    private final MethodHandle compClose;
    private final int samp420;
    private final int flagProgressive;
    private final int[] shrinks;
    private final String version;

    private TurboJpeg(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> tj = Class.forName(PKG + "TJ", true, loader);
        Class<?> dec = Class.forName(PKG + "TJDecompressor", true, loader);
        Class<?> comp = Class.forName(PKG + "TJCompressor", true, loader);
        Class<?> factor = Class.forName(PKG + "TJScalingFactor", true, loader);
        decNew = generic(lookup.findConstructor(dec, MethodType.methodType(void.class, byte[].class)));
        decWidth = generic(lookup.findVirtual(dec, "getWidth", MethodType.methodType(int.class)));
        decHeight = generic(lookup.findVirtual(dec, "getHeight", MethodType.methodType(int.class)));
        decDecompress = generic(lookup.findVirtual(dec, "decompress",
                MethodType.methodType(BufferedImage.class, int.class, int.class, int.class, int.class)));
        decClose = generic(lookup.findVirtual(dec, "close", MethodType.methodType(void.class)));
        compNew = generic(lookup.findConstructor(comp, MethodType.methodType(void.class)));
        compSource = generic(lookup.findVirtual(comp, "setSourceImage",
                MethodType.methodType(void.class, BufferedImage.class, int.class, int.class, int.class, int.class)));
        compQuality = generic(lookup.findVirtual(comp, "setJPEGQuality", MethodType.methodType(void.class, int.class)));
        compSubsamp = generic(lookup.findVirtual(comp, "setSubsamp", MethodType.methodType(void.class, int.class)));
        compCompress = generic(lookup.findVirtual(comp, "compress", MethodType.methodType(byte[].class, int.class)));
        compCompressInto = generic(lookup.findVirtual(comp, "compress",
                MethodType.methodType(void.class, byte[].class, int.class)));
        compSize = generic(lookup.findVirtual(comp, "getCompressedSize", MethodType.methodType(int.class)));
        compClose = generic(lookup.findVirtual(comp, "close", MethodType.methodType(void.class)));
        samp420 = tj.getField("SAMP_420").getInt(null);
        int progressive;
        try {
            progressive = tj.getField("FLAG_PROGRESSIVE").getInt(null);
        } catch (NoSuchFieldException e) {
            progressive = 0;
        }
        flagProgressive = progressive;
        // the native library loads here: UnsatisfiedLinkError when libturbojpeg is missing
        Object[] factors = (Object[]) tj.getMethod("getScalingFactors").invoke(null);
        MethodHandle num = lookup.findVirtual(factor, "getNum", MethodType.methodType(int.class));
        MethodHandle den = lookup.findVirtual(factor, "getDenom", MethodType.methodType(int.class));
        List<Integer> s = new ArrayList<>();
        for (Object f : factors) {
            try {
                int n = (int) num.invoke(f);
                int d = (int) den.invoke(f);
                if (n == 1 && (d == 1 || d == 2 || d == 4 || d == 8)) {
                    s.add(d);
                }
            } catch (Throwable t) {
                throw new ReflectiveOperationException(t);
            }
        }
        if (!s.contains(1)) {
            s.add(1);
        }
        shrinks = s.stream().mapToInt(Integer::intValue).sorted().toArray();
        this.version = version();
    }

    private static MethodHandle generic(MethodHandle h) {
        return h.asType(h.type().generic());
    }

    /** The binding, or null when it cannot be loaded (the reason is logged once). */
    static TurboJpeg get(RenderSettings settings) {
        return settings.turbojpeg() ? LIBRARY.get(() -> load(settings.turbojpegJar())) : null;
    }

    private static TurboJpeg load(Path jar) throws Exception {
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(TurboJpeg.class.getClassLoader());
        for (ClassLoader l : loaders) {
            try {
                Class.forName(PKG + "TJ", false, l);
            } catch (ClassNotFoundException e) {
                continue;
            }
            return smokeTested(new TurboJpeg(l));
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new ClassNotFoundException(PKG + "TJ");
        }
        URLClassLoader own = new URLClassLoader(new URL[] {jar.toUri().toURL()}, TurboJpeg.class.getClassLoader());
        return smokeTested(new TurboJpeg(own));
    }

    /**
     * The binding has no version call: after the library is loaded, find it in /proc/self/maps and read the
     * "libjpeg-turbo version X" string it carries. Best effort (Linux), for logs and health only.
     */
    private static String version() {
        try {
            String lib = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(p -> p.contains("libturbojpeg")).findFirst().orElse(null);
            if (lib == null) {
                return "";
            }
            byte[] so = Files.readAllBytes(Path.of(lib));
            String text = new String(so, java.nio.charset.StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("libjpeg-turbo version ([0-9][0-9.]*)")
                    .matcher(text);
            return m.find() ? m.group(1) : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** Encodes and decodes a tiny image once, so a broken native library shows at start, not per request. */
    private static TurboJpeg smokeTested(TurboJpeg t) throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = t.encode(img, 80, false);
        BufferedImage back = t.decode(jpeg, 1).image();
        if (back.getWidth() != 16 || back.getHeight() != 16) {
            throw new IllegalStateException("TurboJPEG smoke test failed");
        }
        return t;
    }

    String info() {
        return ("turbojpeg " + version).trim();
    }

    /** The DCT shrink factors the library offers: 1, 2, 4, 8. */
    int[] shrinks() {
        return shrinks.clone();
    }

    boolean canProgressive() {
        return flagProgressive != 0;
    }

    record Decoded(BufferedImage image, int width, int height) {
    }

    /** Decodes at 1/shrink of the full size (rounded up), as TYPE_INT_RGB. */
    Decoded decode(byte[] jpeg, int shrink) throws Exception {
        Object d;
        try {
            d = decNew.invoke(jpeg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        try {
            int w = (int) decWidth.invoke(d);
            int h = (int) decHeight.invoke(d);
            int sw = (w + shrink - 1) / shrink;
            int sh = (h + shrink - 1) / shrink;
            BufferedImage img = (BufferedImage) decDecompress.invoke(d, sw, sh, BufferedImage.TYPE_INT_RGB, 0);
            return new Decoded(img, w, h);
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            try {
                decClose.invoke(d);
            } catch (Throwable ignored) {
                // nothing to do
            }
        }
    }

    /** Encodes a TYPE_INT_RGB image, 4:2:0. */
    byte[] encode(BufferedImage img, int quality, boolean progressive) throws Exception {
        Object c;
        try {
            c = compNew.invoke();
        } catch (Throwable t) {
            throw rethrow(t);
        }
        try {
            compSource.invoke(c, img, 0, 0, 0, 0);
            compQuality.invoke(c, quality);
            compSubsamp.invoke(c, samp420);
            int flags = progressive ? flagProgressive : 0;
            long pixels = (long) img.getWidth() * img.getHeight();
            if (pixels >= 1_000_000) {
                // TJCompressor.compress(flags) allocates the worst case, 3 bytes a pixel (73 MB for 24 MP); try a
                // buffer for what photos need at this quality first, the worst case only if it is too small
                double perPixel = quality >= 95 ? 1.5 : quality >= 85 ? 0.8 : 0.5;
                byte[] guess = new byte[(int) Math.min(Integer.MAX_VALUE - 16, pixels * perPixel + 65536)];
                try {
                    compCompressInto.invoke(c, guess, flags);
                    return Arrays.copyOf(guess, (int) compSize.invoke(c));
                } catch (Exception tooSmall) {
                    compClose.invoke(c);
                    c = compNew.invoke();
                    compSource.invoke(c, img, 0, 0, 0, 0);
                    compQuality.invoke(c, quality);
                    compSubsamp.invoke(c, samp420);
                }
            }
            byte[] out = (byte[]) compCompress.invoke(c, flags);
            int n = (int) compSize.invoke(c);
            return Arrays.copyOf(out, n);
        } catch (Throwable t) {
            throw rethrow(t);
        } finally {
            try {
                compClose.invoke(c);
            } catch (Throwable ignored) {
                // nothing to do
            }
        }
    }

    private static Exception rethrow(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e && !(t instanceof LinkageError)) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
