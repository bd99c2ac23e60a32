package org.picbed.server;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

/**
 * Draws the demo shop's product photos (studio-style: a soft backdrop, the object, its shadow) for
 * {@code ./picbed demo}: {@code java org.picbed.server.DemoPictures <dir>} writes {@code <product>-<n>.jpg}.
 */
public final class DemoPictures {

    private DemoPictures() {
    }

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        write(dir, "mug-1", 1600, 1200, new Color(0xF3E9DC), g -> mug(g, 1600, 1200, new Color(0x2E8B8B), false));
        write(dir, "mug-2", 1600, 1200, new Color(0xE9EEF2), g -> mug(g, 1600, 1200, new Color(0x2E8B8B), true));
        write(dir, "tote-1", 1200, 1500, new Color(0xEFE6DA), g -> tote(g, 1200, 1500, new Color(0xD8C3A5)));
        write(dir, "tote-2", 1200, 1500, new Color(0xDDE6E1), g -> tote(g, 1200, 1500, new Color(0x3D5A80)));
        write(dir, "lamp-1", 1500, 1500, new Color(0xF1EFEA), g -> lamp(g, 1500, 1500, new Color(0xE07A5F)));
        write(dir, "fern-1", 1400, 1750, new Color(0xF4F1EC), g -> fern(g, 1400, 1750));
        write(dir, "notebook-1", 1800, 1200, new Color(0xECE8E1), g -> notebook(g, 1800, 1200, new Color(0x264653)));
        write(dir, "notebook-2", 1800, 1200, new Color(0xF5EBE0), g -> notebook(g, 1800, 1200, new Color(0xB5542D)));
    }

    private interface Drawing {
        void draw(Graphics2D g);
    }

    private static void write(File dir, String name, int w, int h, Color backdrop, Drawing drawing) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setPaint(new GradientPaint(0, 0, backdrop.brighter(), 0, h, backdrop.darker()));
        g.fillRect(0, 0, w, h);
        g.setPaint(new RadialGradientPaint(w / 2f, h * 0.45f, Math.max(w, h) * 0.6f, new float[] {0f, 1f},
                new Color[] {new Color(255, 255, 255, 110), new Color(255, 255, 255, 0)}));
        g.fillRect(0, 0, w, h);
        drawing.draw(g);
        g.dispose();
        ImageIO.write(image, "jpg", new File(dir, name + ".jpg"));
    }

    private static void shadow(Graphics2D g, double cx, double cy, double rx, double ry) {
        g.setPaint(new RadialGradientPaint((float) cx, (float) cy, (float) rx, new float[] {0f, 1f},
                new Color[] {new Color(0, 0, 0, 70), new Color(0, 0, 0, 0)}));
        g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
    }

    private static void mug(Graphics2D g, int w, int h, Color glaze, boolean side) {
        double bw = w * 0.3;
        double bh = h * 0.45;
        double x = w / 2.0 - bw / 2 - (side ? 0 : w * 0.04);
        double y = h * 0.28;
        shadow(g, x + bw / 2, y + bh, bw * 0.75, h * 0.05);
        g.setStroke(new BasicStroke((float) (w * 0.028), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(glaze.darker());
        if (!side) {
            g.draw(new Arc2D.Double(x + bw - bw * 0.18, y + bh * 0.18, bw * 0.42, bh * 0.5, -90, 180, Arc2D.OPEN));
        }
        g.setPaint(new GradientPaint((float) x, 0, glaze.brighter(), (float) (x + bw), 0, glaze.darker()));
        g.fill(new RoundRectangle2D.Double(x, y, bw, bh, bw * 0.12, bw * 0.12));
        g.setColor(glaze.darker().darker());
        g.fill(new Ellipse2D.Double(x, y - bh * 0.06, bw, bh * 0.12));
        g.setColor(new Color(255, 255, 255, 60));
        g.fill(new RoundRectangle2D.Double(x + bw * 0.12, y + bh * 0.12, bw * 0.08, bh * 0.7, 20, 20));
    }

    private static void tote(Graphics2D g, int w, int h, Color cloth) {
        double bw = w * 0.55;
        double bh = h * 0.5;
        double x = (w - bw) / 2;
        double y = h * 0.36;
        shadow(g, w / 2.0, y + bh, bw * 0.6, h * 0.035);
        g.setStroke(new BasicStroke((float) (w * 0.025), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(cloth.darker());
        g.draw(new Arc2D.Double(x + bw * 0.18, y - bh * 0.42, bw * 0.28, bh * 0.8, 0, 180, Arc2D.OPEN));
        g.draw(new Arc2D.Double(x + bw * 0.54, y - bh * 0.42, bw * 0.28, bh * 0.8, 0, 180, Arc2D.OPEN));
        Path2D bag = new Path2D.Double();
        bag.moveTo(x, y);
        bag.lineTo(x + bw, y);
        bag.lineTo(x + bw * 1.04, y + bh);
        bag.lineTo(x - bw * 0.04, y + bh);
        bag.closePath();
        g.setPaint(new GradientPaint(0, (float) y, cloth.brighter(), 0, (float) (y + bh), cloth));
        g.fill(bag);
        g.setColor(new Color(255, 255, 255, 150));
        g.fill(new Ellipse2D.Double(w / 2.0 - bw * 0.14, y + bh * 0.36, bw * 0.28, bw * 0.28));
    }

    private static void lamp(Graphics2D g, int w, int h, Color shade) {
        double baseY = h * 0.82;
        shadow(g, w * 0.45, baseY, w * 0.2, h * 0.03);
        g.setColor(new Color(0x3A3A3A));
        g.fill(new Ellipse2D.Double(w * 0.33, baseY - h * 0.025, w * 0.24, h * 0.05));
        g.setStroke(new BasicStroke((float) (w * 0.014), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D arm = new Path2D.Double();
        arm.moveTo(w * 0.45, baseY);
        arm.lineTo(w * 0.38, h * 0.5);
        arm.lineTo(w * 0.58, h * 0.3);
        g.draw(arm);
        Path2D cone = new Path2D.Double();
        cone.moveTo(w * 0.55, h * 0.24);
        cone.lineTo(w * 0.66, h * 0.22);
        cone.lineTo(w * 0.76, h * 0.44);
        cone.lineTo(w * 0.56, h * 0.48);
        cone.closePath();
        g.setPaint(new GradientPaint((float) (w * 0.55), (float) (h * 0.22), shade.brighter(), (float) (w * 0.72), (float) (h * 0.48), shade.darker()));
        g.fill(cone);
        g.setPaint(new RadialGradientPaint((float) (w * 0.68), (float) (h * 0.5), (float) (w * 0.14), new float[] {0f, 1f},
                new Color[] {new Color(255, 236, 170, 200), new Color(255, 236, 170, 0)}));
        g.fill(new Ellipse2D.Double(w * 0.54, h * 0.4, w * 0.28, h * 0.22));
    }

    private static void fern(Graphics2D g, int w, int h) {
        double potTop = h * 0.6;
        shadow(g, w / 2.0, h * 0.86, w * 0.22, h * 0.025);
        Color leaf = new Color(0x3E7C4A);
        for (int i = 0; i < 14; i++) {
            double angle = Math.toRadians(-160 + i * (140.0 / 13));
            double len = h * (0.28 + 0.08 * Math.sin(i * 1.7));
            Graphics2D l = (Graphics2D) g.create();
            l.translate(w / 2.0, potTop);
            l.rotate(angle + Math.PI / 2);
            l.setColor(i % 2 == 0 ? leaf : leaf.brighter());
            l.fill(new Ellipse2D.Double(-w * 0.025, -len, w * 0.05, len));
            l.dispose();
        }
        Path2D pot = new Path2D.Double();
        pot.moveTo(w * 0.33, potTop);
        pot.lineTo(w * 0.67, potTop);
        pot.lineTo(w * 0.62, h * 0.86);
        pot.lineTo(w * 0.38, h * 0.86);
        pot.closePath();
        g.setPaint(new GradientPaint((float) (w * 0.33), 0, new Color(0xD9835B), (float) (w * 0.67), 0, new Color(0xA65A3A)));
        g.fill(pot);
    }

    private static void notebook(Graphics2D g, int w, int h, Color cover) {
        double bw = w * 0.36;
        double bh = h * 0.66;
        double x = (w - bw) / 2;
        double y = (h - bh) / 2;
        shadow(g, w / 2.0 + w * 0.02, y + bh, bw * 0.65, h * 0.04);
        Graphics2D n = (Graphics2D) g.create();
        n.rotate(Math.toRadians(-8), w / 2.0, h / 2.0);
        n.setColor(new Color(0xF8F4EC));
        n.fill(new RoundRectangle2D.Double(x + bw * 0.03, y + bh * 0.02, bw, bh, 18, 18));
        n.setPaint(new GradientPaint((float) x, (float) y, cover.brighter(), (float) (x + bw), (float) (y + bh), cover));
        n.fill(new RoundRectangle2D.Double(x, y, bw, bh, 18, 18));
        n.setColor(new Color(0, 0, 0, 60));
        n.fill(new RoundRectangle2D.Double(x + bw * 0.82, y, bw * 0.05, bh, 4, 4));
        n.setColor(new Color(255, 255, 255, 170));
        n.fill(new RoundRectangle2D.Double(x + bw * 0.18, y + bh * 0.2, bw * 0.5, bh * 0.09, 8, 8));
        n.dispose();
    }
}
