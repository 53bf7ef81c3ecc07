package org.larco.lartpc.baseline;

import org.larco.lartpc.data.ImageDataset;

/**
 * Hand-made image features that a physicist would look at first. From the collection plane:
 * <ul>
 *   <li>total charge, number of hit pixels, charge per hit pixel and brightest pixel;</li>
 *   <li>length and width of the charge cloud along its principal axes;</li>
 *   <li>share of the charge in the brightest tenth of the hit pixels;</li>
 *   <li>charge asymmetry along the main axis, which a Bragg peak at one end raises.</li>
 * </ul>
 * The last feature counts hit pixels on the induction planes.
 */
public final class HandFeatures {

    /** Pixels at or above this value (ADC counts) count as hit; noise is about 1-2 ADC. */
    public static final float HIT_THRESHOLD_ADC = 4f;
    public static final int COUNT = 9;

    private HandFeatures() {
    }

    /** Returns the features of event {@code i}. */
    public static double[] extract(ImageDataset data, int i) {
        int height = data.height();
        int width = data.width();
        int collection = data.planes() - 1;
        double total = 0;
        double sumWire = 0;
        double sumTime = 0;
        int hits = 0;
        double brightest = 0;
        float[] hitValues = new float[height * width];

        for (int wire = 0; wire < height; wire++) {
            for (int bin = 0; bin < width; bin++) {
                float value = data.pixel(i, collection, wire, bin);
                if (value >= HIT_THRESHOLD_ADC) {
                    hitValues[hits++] = value;
                    total += value;
                    sumWire += value * wire;
                    sumTime += value * bin;
                    brightest = Math.max(brightest, value);
                }
            }
        }

        double[] features = new double[COUNT];
        features[0] = Math.log1p(total);
        features[1] = Math.log1p(hits);
        features[2] = hits > 0 ? total / hits : 0;
        features[3] = brightest;
        if (hits >= 3) {
            addShape(data, i, collection, total, sumWire / total, sumTime / total, features);
            features[7] = topShare(hitValues, hits, total);
        }

        features[8] = Math.log1p(inductionHits(data, i));
        return features;
    }

    /** Fills length, width and asymmetry along the principal axis of the charge cloud. */
    private static void addShape(ImageDataset data, int i, int plane, double total, double meanWire, double meanTime,
                                 double[] features) {
        double cww = 0;
        double ctt = 0;
        double cwt = 0;
        for (int wire = 0; wire < data.height(); wire++) {
            for (int bin = 0; bin < data.width(); bin++) {
                float value = data.pixel(i, plane, wire, bin);
                if (value >= HIT_THRESHOLD_ADC) {
                    double dw = wire - meanWire;
                    double dt = bin - meanTime;
                    cww += value * dw * dw;
                    ctt += value * dt * dt;
                    cwt += value * dw * dt;
                }
            }
        }
        cww /= total;
        ctt /= total;
        cwt /= total;
        double trace = cww + ctt;
        double root = Math.sqrt(Math.max(0, (cww - ctt) * (cww - ctt) / 4 + cwt * cwt));
        double major = trace / 2 + root;
        double minor = Math.max(1e-6, trace / 2 - root);
        features[4] = Math.sqrt(major);
        features[5] = Math.sqrt(minor);
        double angle = 0.5 * Math.atan2(2 * cwt, cww - ctt);
        features[6] = Math.abs(skewness(data, i, plane, total, meanWire, meanTime, Math.cos(angle), Math.sin(angle), major));
    }

    private static double skewness(ImageDataset data, int i, int plane, double total, double meanWire, double meanTime,
                                   double cos, double sin, double variance) {
        double third = 0;
        for (int wire = 0; wire < data.height(); wire++) {
            for (int bin = 0; bin < data.width(); bin++) {
                float value = data.pixel(i, plane, wire, bin);
                if (value >= HIT_THRESHOLD_ADC) {
                    double along = (wire - meanWire) * cos + (bin - meanTime) * sin;
                    third += value * along * along * along;
                }
            }
        }
        return third / total / Math.pow(Math.max(variance, 1e-6), 1.5);
    }

    private static double topShare(float[] hitValues, int hits, double total) {
        float[] sorted = java.util.Arrays.copyOf(hitValues, hits);
        java.util.Arrays.sort(sorted);
        int top = Math.max(1, hits / 10);
        double share = 0;
        for (int k = hits - top; k < hits; k++) {
            share += sorted[k];
        }
        return share / total;
    }

    private static int inductionHits(ImageDataset data, int i) {
        int hits = 0;
        for (int plane = 0; plane < data.planes() - 1; plane++) {
            for (int wire = 0; wire < data.height(); wire++) {
                for (int bin = 0; bin < data.width(); bin++) {
                    if (Math.abs(data.pixel(i, plane, wire, bin)) >= HIT_THRESHOLD_ADC) {
                        hits++;
                    }
                }
            }
        }
        return hits;
    }
}
