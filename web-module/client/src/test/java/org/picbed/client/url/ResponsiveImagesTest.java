package org.picbed.client.url;

import org.junit.jupiter.api.Test;
import org.picbed.client.spec.Presets;
import org.picbed.client.spec.VariantOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponsiveImagesTest {

    private static final String ID = "a".repeat(64);
    private static final UrlSignatures SIGNATURES = UrlSignatures.of("0123456789abcdef", "fedcba9876543210", 32, false);
    private final PicbedUrls urls = new PicbedUrls(null, new VariantOptions(Presets.builtIn(), 4096, 16_000_000), SIGNATURES);
    private final ResponsiveImages responsive = new ResponsiveImages(urls);

    @Test
    void widthsOfTheOriginalKeepItsAspectRatioAndStopAtItsOwnWidth() {
        ResponsiveImages.Markup m = responsive.markup(ID, 1600, 1200, null, null, List.of(320, 640, 960, 1280, 1920), "webp");
        assertEquals(List.of(320, 640, 960, 1280, 1600), m.srcset().stream().map(ResponsiveImages.Candidate::width).toList(),
                "1920 cannot be reached without enlarging: it collapses into the image's own 1600");
        assertEquals(List.of(240, 480, 720, 960, 1200), m.srcset().stream().map(ResponsiveImages.Candidate::height).toList());
        ResponsiveImages.Candidate first = m.srcset().get(0);
        assertTrue(first.path().endsWith("/rs:fit:320:0/" + ID + ".webp"), first.path());
        assertEquals(960, m.src().width(), "src falls back to the widest candidate up to 960");
        assertEquals(720, m.src().height());
    }

    @Test
    void everyCandidateIsAValidSignedVariantUrlThatParsesBackToItsSize() {
        ResponsiveImages.Markup m = responsive.markup(ID, 3000, 2000, null, "rs:fill:800:800/g:sm", List.of(400, 800, 1600), "jpg");
        for (ResponsiveImages.Candidate c : m.srcset()) {
            String signed = c.path().substring("/v/".length());
            int slash = signed.indexOf('/');
            assertTrue(SIGNATURES.verify(signed.substring(0, slash), signed.substring(slash)), c.path());
            assertTrue(signed.endsWith("/" + ID + ".jpg"), c.path());
            String options = signed.substring(slash + 1, signed.lastIndexOf('/'));
            assertEquals(c.width(), urls.options().parse(options).width());
            assertEquals(c.width(), c.height(), "a square crop stays square at every width: " + c);
        }
        assertEquals(List.of(400, 800, 1600), m.srcset().stream().map(ResponsiveImages.Candidate::width).toList());
        assertEquals(800, m.src().width(), "with options that size the picture, src is that size");
    }

    @Test
    void aPresetAloneGivesItsUnsignedUrlAsSrcWithTheSizeItRendersAt() {
        ResponsiveImages.Markup m = responsive.markup(ID, 1200, 1800, "medium", null, List.of(), "auto");
        assertEquals("/i/" + ID + "/medium.auto", m.src().path());
        assertEquals(533, m.src().width(), "medium fits 800x800: a 1200x1800 portrait becomes 533x800");
        assertEquals(800, m.src().height());
        assertTrue(m.srcset().isEmpty());
    }

    @Test
    void aCroppedPresetScalesAsTheSameSquare() {
        ResponsiveImages.Markup m = responsive.markup(ID, 1000, 500, "thumb", null, List.of(100, 300, 800), "png");
        assertEquals(List.of(100, 300, 500), m.srcset().stream().map(ResponsiveImages.Candidate::width).toList(),
                "a square from a 500-pixel-high source is at most 500 wide: 800 collapses there, still square");
        m.srcset().forEach(c -> assertEquals(c.width(), c.height()));
    }

    @Test
    void aQuarterTurnTurnsTheImageBeforeItIsSized() {
        ResponsiveImages.Markup m = responsive.markup(ID, 1600, 900, null, "rot:90", List.of(450), "jpg");
        assertEquals(450, m.srcset().get(0).width(), "imgproxy: the box applies to the turned image");
        assertEquals(800, m.srcset().get(0).height());
    }

    @Test
    void badOptionsAreThePagesBug() {
        assertThrows(IllegalArgumentException.class, () -> responsive.markup(ID, 10, 10, "nope", null, List.of(100), "jpg"));
        assertThrows(IllegalArgumentException.class, () -> responsive.markup(ID, 10, 10, null, "zz:1", List.of(100), "jpg"));
        assertThrows(IllegalArgumentException.class, () -> responsive.markup(ID, 10, 10, null, null, List.of(100), "tiff"));
    }
}
