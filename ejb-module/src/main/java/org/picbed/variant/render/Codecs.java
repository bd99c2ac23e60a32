package org.picbed.variant.render;

import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;

/**
 * The ImageIO readers and writers the renderer uses, chosen explicitly rather than through ImageIO's global
 * registry (which, in an application server, holds whatever the first deployment's class loader registered):
 * the JDK's PNG/GIF/BMP/JPEG plugins, TwelveMonkeys' JPEG reader (CMYK/YCCK, ICC profiles, broken Adobe
 * markers), ICO and WebP readers, and the libwebp-based WebP reader/writer.
 */
final class Codecs {

    private static final Logger LOG = Logger.getLogger(Codecs.class.getName());

    private static volatile Codecs instance;

    private final ImageReaderSpi jdkJpegReader;
    private final ImageReaderSpi jpegReader;
    private final ImageReaderSpi pngReader;
    private final ImageReaderSpi gifReader;
    private final ImageReaderSpi bmpReader;
    private final ImageReaderSpi icoReader;
    private final ImageReaderSpi webpReader;
    private final ImageReaderSpi nativeWebpReader;
    private final ImageWriterSpi jpegWriter;
    private final ImageWriterSpi pngWriter;
    private final ImageWriterSpi gifWriter;
    private final ImageWriterSpi webpWriter;

    private Codecs() {
        jdkJpegReader = jdk(ImageReaderSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi");
        pngReader = jdk(ImageReaderSpi.class, "com.sun.imageio.plugins.png.PNGImageReaderSpi");
        gifReader = jdk(ImageReaderSpi.class, "com.sun.imageio.plugins.gif.GIFImageReaderSpi");
        bmpReader = jdk(ImageReaderSpi.class, "com.sun.imageio.plugins.bmp.BMPImageReaderSpi");
        jpegWriter = jdk(ImageWriterSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");
        pngWriter = jdk(ImageWriterSpi.class, "com.sun.imageio.plugins.png.PNGImageWriterSpi");
        gifWriter = jdk(ImageWriterSpi.class, "com.sun.imageio.plugins.gif.GIFImageWriterSpi");
        // TwelveMonkeys' JPEG reader wraps the JDK's; it finds it through the registry it is registered in
        ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        own.registerServiceProvider(jdkJpegReader, ImageReaderSpi.class);
        ImageReaderSpi tm = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
        own.registerServiceProvider(tm, ImageReaderSpi.class);
        jpegReader = tm;
        icoReader = new com.twelvemonkeys.imageio.plugins.bmp.ICOImageReaderSpi();
        webpReader = new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi();
        ImageReaderSpi nativeReader = null;
        ImageWriterSpi nativeWriter = null;
        try {
            com.luciad.imageio.webp.WebPWrapper.loadNativeLibrary();
            nativeReader = new com.luciad.imageio.webp.WebPImageReaderSpi();
            nativeWriter = new com.luciad.imageio.webp.WebPImageWriterSpi();
        } catch (LinkageError | RuntimeException e) {
            LOG.warning("libwebp (webp-imageio) does not load here: WebP is decoded by TwelveMonkeys and cannot be "
                    + "written (" + e.getClass().getSimpleName() + ")");
        }
        nativeWebpReader = nativeReader;
        webpWriter = nativeWriter;
    }

    static Codecs get() {
        Codecs c = instance;
        if (c == null) {
            synchronized (Codecs.class) {
                c = instance;
                if (c == null) {
                    c = new Codecs();
                    instance = c;
                }
            }
        }
        return c;
    }

    private static <T> T jdk(Class<T> category, String className) {
        Iterator<T> it = IIORegistry.getDefaultInstance().getServiceProviders(category, false);
        while (it.hasNext()) {
            T spi = it.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK's ImageIO plugin " + className + " is missing");
    }

    ImageReader jpegReader() throws IOException {
        return jpegReader.createReaderInstance();
    }

    ImageReader pngReader() throws IOException {
        return pngReader.createReaderInstance();
    }

    ImageReader gifReader() throws IOException {
        return gifReader.createReaderInstance();
    }

    ImageReader bmpReader() throws IOException {
        return bmpReader.createReaderInstance();
    }

    ImageReader icoReader() throws IOException {
        return icoReader.createReaderInstance();
    }

    /** TwelveMonkeys' pure-Java WebP reader: lossy, lossless, alpha, first frame of animations. */
    ImageReader webpReader() throws IOException {
        return webpReader.createReaderInstance();
    }

    /** libwebp's reader (scaled decoding), or null when the native library does not load. */
    ImageReader nativeWebpReader() throws IOException {
        return nativeWebpReader == null ? null : nativeWebpReader.createReaderInstance();
    }

    ImageWriter jpegWriter() throws IOException {
        return jpegWriter.createWriterInstance();
    }

    ImageWriter pngWriter() throws IOException {
        return pngWriter.createWriterInstance();
    }

    ImageWriter gifWriter() throws IOException {
        return gifWriter.createWriterInstance();
    }

    /** libwebp's writer, or null when the native library does not load. */
    ImageWriter webpWriter() throws IOException {
        return webpWriter == null ? null : webpWriter.createWriterInstance();
    }

    boolean canWriteWebp() {
        return webpWriter != null;
    }
}
