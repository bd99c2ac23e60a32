package org.picbed.variant.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picbed.image.ImageFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFormatsTest {

    private static final String CHROME = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    @Test
    void explicitExtensionsIgnoreAccept() {
        assertEquals(ImageFormat.JPEG, OutputFormats.resolve("jpg", CHROME, ImageFormat.PNG, true, false));
        assertEquals(ImageFormat.JPEG, OutputFormats.resolve("jpeg", null, ImageFormat.PNG, true, false));
        assertEquals(ImageFormat.PNG, OutputFormats.resolve("png", CHROME, ImageFormat.JPEG, false, false));
        assertEquals(ImageFormat.GIF, OutputFormats.resolve("gif", CHROME, ImageFormat.JPEG, false, false));
        assertEquals(ImageFormat.WEBP, OutputFormats.resolve("webp", null, ImageFormat.JPEG, false, false));
        assertThrows(IllegalArgumentException.class, () -> OutputFormats.resolve("bmp", CHROME, ImageFormat.JPEG, false, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {CHROME, "image/webp", "IMAGE/WEBP", "image/png, image/webp;q=0.5", "image/webp ; q=1",
            "text/html;q=0, image/webp;q=0.001"})
    void autoPicksWebpWhenAccepted(String accept) {
        assertEquals(ImageFormat.WEBP, OutputFormats.resolve("auto", accept, ImageFormat.JPEG, false, false));
        assertEquals(ImageFormat.WEBP, OutputFormats.resolve("auto", accept, ImageFormat.GIF, true, false));
        assertTrue(OutputFormats.acceptsWebp(accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "image/*", "image/webp;q=0", "image/webp; q=0.0, */*", "image/webpx",
            "image/webp;q=abc", "image/png,image/jpeg", ""})
    void autoFallsBackWithoutWebp(String accept) {
        assertFalse(OutputFormats.acceptsWebp(accept));
        assertEquals(ImageFormat.JPEG, OutputFormats.resolve("auto", accept, ImageFormat.JPEG, false, false));
        assertEquals(ImageFormat.PNG, OutputFormats.resolve("auto", accept, ImageFormat.PNG, true, false));
        assertEquals(ImageFormat.JPEG, OutputFormats.resolve("auto", accept, ImageFormat.PNG, false, false));
        assertEquals(ImageFormat.GIF, OutputFormats.resolve("auto", accept, ImageFormat.GIF, true, false),
                "a GIF stays a GIF (animation)");
    }

    @Test
    void autoWithoutAcceptHeader() {
        assertEquals(ImageFormat.JPEG, OutputFormats.resolve("auto", null, ImageFormat.WEBP, false, false));
        assertEquals(ImageFormat.PNG, OutputFormats.resolve("AUTO", null, ImageFormat.WEBP, true, false));
    }

    @Test
    void onlyAutoVaries() {
        assertTrue(OutputFormats.varies("auto"));
        assertTrue(OutputFormats.varies("AUTO"));
        for (String ext : new String[] {"jpg", "jpeg", "png", "gif", "webp", null}) {
            assertFalse(OutputFormats.varies(ext), ext);
        }
    }

    @Test
    void extensions() {
        assertTrue(OutputFormats.isExtension("jpeg"));
        assertFalse(OutputFormats.isExtension("JPG"), "URL parsing lowercases first");
        assertFalse(OutputFormats.isExtension("ico"));
        assertFalse(OutputFormats.isExtension(null));
    }

    @Test
    void autoChoosesAvifOnlyWhenAcceptedAndWritable() {
        assertEquals(ImageFormat.AVIF, OutputFormats.resolve("auto", CHROME, ImageFormat.JPEG, false, true));
        assertEquals(ImageFormat.AVIF, OutputFormats.modern(CHROME, true));
        // without libheif the same browser gets WebP
        assertEquals(ImageFormat.WEBP, OutputFormats.resolve("auto", CHROME, ImageFormat.JPEG, false, false));
        // a client that accepts WebP but not AVIF
        assertEquals(ImageFormat.WEBP, OutputFormats.modern("image/webp,*/*", true));
        assertEquals(ImageFormat.WEBP, OutputFormats.modern("image/avif;q=0,image/webp", true));
        assertEquals(ImageFormat.AVIF, OutputFormats.resolve("avif", null, ImageFormat.JPEG, false, false));
        assertTrue(OutputFormats.isExtension("avif"));
    }
}
