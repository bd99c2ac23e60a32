package org.picbed.batch;

import org.junit.jupiter.api.Test;
import org.picbed.error.PicbedException;
import org.picbed.image.ImageFormat;
import org.picbed.variant.render.ImageRenderer;
import org.picbed.variant.render.RenderSettings;
import org.picbed.client.spec.Presets;
import org.picbed.client.spec.VariantOptions;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {

    private final VariantOptions options = new VariantOptions(Presets.builtIn(), 4096, 16_000_000);
    private final ImageRenderer renderer = new ImageRenderer(RenderSettings.defaults());

    private static byte[] png(int w, int h) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, w / 4, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void rulesApplyInOrder() throws Exception {
        byte[] source = png(800, 400);
        Rules cropThenResize = Rules.parse(List.of("c:400:400", "rs:fit:200:200"), options);
        Rules resizeThenCrop = Rules.parse(List.of("rs:fit:200:200", "c:400:400"), options);
        Rules.Processed a = cropThenResize.apply(source, ImageFormat.PNG, renderer);
        Rules.Processed b = resizeThenCrop.apply(source, ImageFormat.PNG, renderer);
        assertEquals(List.of(200, 200), List.of(a.width(), a.height()), "a 400x400 crop, then fit in 200x200");
        assertEquals(List.of(200, 100), List.of(b.width(), b.height()), "fit first (200x100); the crop is then larger than the image");
        assertEquals(List.of("c:400:400:ce", "rs:fit:200:200"), a.applied());
    }

    @Test
    void formatQualityAndRotationAreReported() throws Exception {
        Rules rules = Rules.parse(List.of("rs:fit:300:300", "rot:90", "format:webp", "quality:60", "strip_metadata"), options);
        Rules.Processed p = rules.apply(png(600, 300), ImageFormat.PNG, renderer);
        assertEquals(ImageFormat.WEBP, p.format());
        assertEquals(List.of(150, 300), List.of(p.width(), p.height()), "300x150, turned");
        assertEquals(List.of("rs:fit:300:300", "rot:90/q:60", "format:webp", "quality:60"), p.applied());
        assertEquals('R', (char) p.bytes()[0], "a RIFF (WebP) file");
    }

    @Test
    void badRulesAreNamed() {
        PicbedException e = assertThrows(PicbedException.class, () -> Rules.parse(List.of("rs:fit:100:100", "zz:1"), options));
        assertEquals("invalid_rule", e.code());
        assertTrue(e.publicMessage().contains("zz:1"), e.publicMessage());
        assertThrows(PicbedException.class, () -> Rules.parse(List.of("format:tiff"), options));
        assertThrows(PicbedException.class, () -> Rules.parse(List.of("quality:0"), options));
        assertTrue(Rules.parse(List.of(), options).isEmpty());
    }
}
