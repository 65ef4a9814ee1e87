package io.circuitos.ml;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a reliability plot as a PNG: each decile's mean prediction against its observed rate, the diagonal being perfect. */
final class ReliabilityChart {

    private static final int SIZE = 520;
    private static final int MARGIN = 60;

    private ReliabilityChart() {
    }

    static void write(Reliability reliability, Path png, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        int plot = SIZE - 2 * MARGIN;
        double top = Math.min(1, Math.ceil(10 * reliability.deciles().stream()
                .mapToDouble(d -> Math.max(d.meanPredicted(), d.observed())).max().orElse(1) + 0.5) / 10);
        g.setColor(new Color(0xdddddd));
        int band = (int) Math.round(ModelVerdict.CALIBRATED_WITHIN / top * plot);
        g.fillPolygon(new int[] {MARGIN, MARGIN + plot, MARGIN + plot, MARGIN},
                new int[] {MARGIN + plot - band, MARGIN - band, MARGIN + band, MARGIN + plot + band}, 4);
        g.setColor(Color.GRAY);
        g.drawLine(MARGIN, MARGIN + plot, MARGIN + plot, MARGIN);
        g.setColor(Color.WHITE);
        g.fillRect(0, MARGIN + plot + 1, SIZE, MARGIN);
        g.fillRect(0, 0, SIZE, MARGIN);
        g.setColor(Color.BLACK);
        g.drawRect(MARGIN, MARGIN, plot, plot);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, MARGIN, MARGIN - 25);
        g.drawString(String.format(java.util.Locale.ROOT, "mean predicted probability per decile (0 to %.1f)", top), SIZE / 2 - 140, SIZE - 20);
        g.drawString("observed rate (grey band: within " + ModelVerdict.CALIBRATED_WITHIN + ")", 5, MARGIN - 8);
        g.setColor(new Color(0x1f77b4));
        g.setStroke(new BasicStroke(2f));
        int lastX = -1;
        int lastY = -1;
        for (Reliability.Decile decile : reliability.deciles()) {
            int x = MARGIN + (int) Math.round(decile.meanPredicted() / top * plot);
            int y = MARGIN + plot - (int) Math.round(decile.observed() / top * plot);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
