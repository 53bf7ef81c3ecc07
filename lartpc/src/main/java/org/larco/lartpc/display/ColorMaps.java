package org.larco.lartpc.display;

/**
 * Colour maps for charge images: a perceptually ordered sequential map (dark blue-violet through
 * teal and green to yellow) for collection charge, and a blue-white-red diverging map centred at
 * zero for bipolar induction signals.
 */
final class ColorMaps {

    private static final int[][] SEQUENTIAL = {
        {48, 18, 59}, {65, 68, 171}, {38, 130, 142}, {53, 183, 121}, {170, 220, 50}, {253, 231, 37}};
    private static final int[][] DIVERGING = {
        {33, 72, 160}, {103, 146, 200}, {247, 247, 247}, {218, 120, 100}, {178, 24, 43}};

    private ColorMaps() {
    }

    /** Returns the RGB of {@code fraction} in [0, 1] on the sequential map. */
    static int sequential(double fraction) {
        return interpolate(SEQUENTIAL, fraction);
    }

    /** Returns the RGB of {@code fraction} in [-1, 1] on the diverging map, white at 0. */
    static int diverging(double fraction) {
        return interpolate(DIVERGING, 0.5 + 0.5 * fraction);
    }

    private static int interpolate(int[][] stops, double fraction) {
        double clamped = Math.max(0, Math.min(1, Double.isNaN(fraction) ? 0 : fraction));
        double position = clamped * (stops.length - 1);
        int low = Math.min(stops.length - 2, (int) Math.floor(position));
        double t = position - low;
        int red = (int) Math.round(stops[low][0] + t * (stops[low + 1][0] - stops[low][0]));
        int green = (int) Math.round(stops[low][1] + t * (stops[low + 1][1] - stops[low][1]));
        int blue = (int) Math.round(stops[low][2] + t * (stops[low + 1][2] - stops[low][2]));
        return (red << 16) | (green << 8) | blue;
    }
}
