package org.larco.tests.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WCAG 2 contrast ratio between two CSS colours as the browser reports them (rgb() or rgba()). */
final class Contrast {

    /** WCAG 2 level AA minimum for normal-size text. */
    static final double AA_NORMAL_TEXT = 4.5;

    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:[,\\s/]+([\\d.]+))?\\s*\\)");

    private Contrast() {
    }

    static double ratio(String foreground, String background) {
        double first = luminance(parse(foreground));
        double second = luminance(parse(background));
        return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
    }

    /** Parses rgb()/rgba(); throws IllegalArgumentException for other forms or a translucent colour. */
    static double[] parse(String css) {
        Matcher matcher = RGB.matcher(css.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unsupported CSS colour '" + css + "': expected rgb(r, g, b) or rgba(r, g, b, a)");
        }
        if (matcher.group(4) != null && Double.parseDouble(matcher.group(4)) < 1.0) {
            throw new IllegalArgumentException("translucent colour '" + css + "': contrast needs the opaque colour behind it");
        }
        return new double[] {
            Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3))
        };
    }

    static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double channel = rgb[i] / 255.0;
            linear[i] = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
