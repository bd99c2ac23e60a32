package org.picbed.variant.render;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws the built-in watermark once ({@code src/main/resources/org/picbed/variant/render/watermark.png}): a
 * translucent dark pill with a small picture glyph and "picbed" in white, readable on light and dark photos.
 * Not a test; run it by hand when the mark should change: {@code java ... WatermarkArt OUTPUT.png}.
 */
public final class WatermarkArt {

    public static void main(String[] args) throws Exception {
        int w = 208;
        int h = 56;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(new Color(0, 0, 0, 96));
        g.fill(new RoundRectangle2D.Double(1, 1, w - 2, h - 2, h - 2, h - 2));
        g.setColor(new Color(255, 255, 255, 60));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new RoundRectangle2D.Double(1.5, 1.5, w - 3, h - 3, h - 3, h - 3));
        // picture glyph: a framed square with a mountain and a sun
        Color ink = new Color(255, 255, 255, 225);
        g.setColor(ink);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new RoundRectangle2D.Double(20, 15, 30, 26, 6, 6));
        Path2D mountain = new Path2D.Double();
        mountain.moveTo(22, 39);
        mountain.lineTo(31, 28);
        mountain.lineTo(37, 34);
        mountain.lineTo(41, 30);
        mountain.lineTo(48, 39);
        mountain.closePath();
        g.fill(mountain);
        g.fillOval(40, 19, 6, 6);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 27));
        g.drawString("picbed", 62, 37);
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "watermark.png"));
    }
}
