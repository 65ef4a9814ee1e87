package io.circuitos.ml;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Instances;

/** Draws ROC curves of one or more scorers on the same hold-out set as a PNG. */
final class RocChart {

    private static final int SIZE = 520;
    private static final int MARGIN = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private final Map<String, double[]> curves = new LinkedHashMap<>();
    private final boolean[] positives;

    RocChart(boolean[] positives) {
        this.positives = positives;
    }

    RocChart add(String label, double[] probabilities) {
        curves.put(label, probabilities);
        return this;
    }

    void write(Path png, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        int plot = SIZE - 2 * MARGIN;
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(MARGIN, MARGIN + plot, MARGIN + plot, MARGIN);
        g.setColor(Color.BLACK);
        g.drawRect(MARGIN, MARGIN, plot, plot);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, MARGIN, MARGIN - 25);
        g.drawString("false positive rate", SIZE / 2 - 50, SIZE - 20);
        g.drawString("true positive rate", 5, MARGIN - 8);
        int legend = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            Color color = COLORS[legend % COLORS.length];
            Instances roc = rocCurve(curve.getValue());
            double area = ThresholdCurve.getROCArea(roc);
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            drawCurve(g, roc, plot);
            g.drawString(String.format("%s (AUC %.3f)", curve.getKey(), area), MARGIN + plot / 3, MARGIN + plot - 20 - 16 * legend);
            legend++;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private Instances rocCurve(double[] probabilities) {
        ArrayList<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            predictions.add(new NominalPrediction(positives[i] ? 1 : 0, new double[] {1 - probabilities[i], probabilities[i]}));
        }
        return new ThresholdCurve().getCurve(predictions, 1);
    }

    private static void drawCurve(Graphics2D g, Instances roc, int plot) {
        int fpr = roc.attribute(ThresholdCurve.FP_RATE_NAME).index();
        int tpr = roc.attribute(ThresholdCurve.TP_RATE_NAME).index();
        // points come ordered by threshold, so consecutive points form the curve
        int lastX = -1;
        int lastY = -1;
        for (int i = 0; i < roc.numInstances(); i++) {
            int x = MARGIN + (int) Math.round(roc.instance(i).value(fpr) * plot);
            int y = MARGIN + plot - (int) Math.round(roc.instance(i).value(tpr) * plot);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
    }
}
