package org.larco.lartpc.display;

import org.larco.lartpc.data.FilePermissions;
import org.larco.lartpc.data.ImageDataset;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Event display: one panel per wire plane, wire number on the horizontal axis and time bin on the
 * vertical axis with the origin at the lower left, each with its colour bar. The last plane
 * (collection) uses a sequential map from zero; induction planes use a diverging map centred at
 * zero. The title gives the event, its class and true energy.
 */
public final class EventDisplay {

    private static final int SCALE = 4;
    private static final int MARGIN_LEFT = 56;
    private static final int MARGIN_TOP = 54;
    private static final int MARGIN_BOTTOM = 48;
    private static final int COLOR_BAR_WIDTH = 14;
    private static final int PANEL_GAP = 86;
    private static final String[] PLANE_NAMES = {"U (induction)", "V (induction)", "Y (collection)"};

    private EventDisplay() {
    }

    /**
     * Draws event {@code index}.
     *
     * @throws IndexOutOfBoundsException when the index is outside the dataset
     */
    public static BufferedImage render(ImageDataset data, int index) {
        if (index < 0 || index >= data.size()) {
            throw new IndexOutOfBoundsException("event " + index + " is outside 0.." + (data.size() - 1)
                    + " of a dataset of " + data.size() + " events");
        }
        int panelWidth = data.height() * SCALE;
        int panelHeight = data.width() * SCALE;
        int width = MARGIN_LEFT + data.planes() * (panelWidth + PANEL_GAP);
        int height = MARGIN_TOP + panelHeight + MARGIN_BOTTOM;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title(data, index), MARGIN_LEFT, 22);
            float[] image = data.image(index);
            for (int plane = 0; plane < data.planes(); plane++) {
                int left = MARGIN_LEFT + plane * (panelWidth + PANEL_GAP);
                boolean collection = plane == data.planes() - 1;
                drawPanel(canvas, g, data, image, plane, left, collection);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /**
     * Writes the display of event {@code index} as a PNG, via a temporary file so that a failure
     * leaves no partial image.
     */
    public static void writePng(ImageDataset data, int index, Path png) {
        BufferedImage image = render(data, index);
        Path target = png.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IllegalStateException("no PNG writer available in this Java runtime");
            }
            FilePermissions.makeWorldReadable(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write event display " + target, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // The move already succeeded or the write failed first; nothing else to clean.
                }
            }
        }
    }

    private static String title(ImageDataset data, int index) {
        return String.format(Locale.ROOT, "event %d (%s #%d): %s, E = %.1f MeV", index, data.source(index),
                data.eventId(index), data.classNames().get(data.label(index)), data.energyMev(index));
    }

    private static void drawPanel(BufferedImage canvas, Graphics2D g, ImageDataset data, float[] image, int plane,
                                  int left, boolean collection) {
        int wires = data.height();
        int bins = data.width();
        int top = MARGIN_TOP;
        int panelHeight = bins * SCALE;
        double scale = colourScale(image, plane * wires * bins, wires * bins, collection);
        for (int wire = 0; wire < wires; wire++) {
            for (int bin = 0; bin < bins; bin++) {
                float value = image[(plane * wires + wire) * bins + bin];
                int rgb = collection ? ColorMaps.sequential(value / scale) : ColorMaps.diverging(value / scale);
                int x0 = left + wire * SCALE;
                int y0 = top + panelHeight - (bin + 1) * SCALE;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        canvas.setRGB(x0 + dx, y0 + dy, rgb);
                    }
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left - 1, top - 1, wires * SCALE + 1, panelHeight + 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        String name = plane < PLANE_NAMES.length && data.planes() == 3 ? PLANE_NAMES[plane] : "plane " + plane;
        g.drawString(name, left, top - 8);
        drawAxes(g, left, top, wires, bins);
        drawColourBar(canvas, g, left + wires * SCALE + 8, top, panelHeight, scale, collection);
    }

    private static void drawAxes(Graphics2D g, int left, int top, int wires, int bins) {
        int bottom = top + bins * SCALE;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int k = 0; k <= 4; k++) {
            int wire = k * wires / 4;
            int x = left + wire * SCALE;
            g.drawLine(x, bottom, x, bottom + 4);
            g.drawString(Integer.toString(wire), x - 6, bottom + 16);
            int bin = k * bins / 4;
            int y = bottom - bin * SCALE;
            g.drawLine(left - 4, y, left, y);
            g.drawString(Integer.toString(bin), left - 26, y + 4);
        }
        g.drawString("wire pixel", left + wires * SCALE / 2 - 24, bottom + 32);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("time bin", -(top + bins * SCALE / 2 + 20), left - 32);
        rotated.dispose();
    }

    private static void drawColourBar(BufferedImage canvas, Graphics2D g, int left, int top, int height, double scale,
                                      boolean collection) {
        for (int row = 0; row < height; row++) {
            double fraction = 1.0 - (double) row / (height - 1);
            int rgb = collection ? ColorMaps.sequential(fraction) : ColorMaps.diverging(2 * fraction - 1);
            for (int dx = 0; dx < COLOR_BAR_WIDTH; dx++) {
                canvas.setRGB(left + dx, top + row, rgb);
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, COLOR_BAR_WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        String high = String.format(Locale.ROOT, "%.0f", scale);
        String low = collection ? "0" : String.format(Locale.ROOT, "%.0f", -scale);
        g.drawString(high, left + COLOR_BAR_WIDTH + 3, top + 8);
        g.drawString(low, left + COLOR_BAR_WIDTH + 3, top + height);
        g.drawString("ADC", left + COLOR_BAR_WIDTH + 3, top + height / 2);
    }

    /**
     * Returns the value mapped to the top of the colour bar: the 99.5th percentile of the plane's
     * values (absolute values for induction), at least 5 ADC so that a noise-only plane stays dark.
     */
    private static double colourScale(float[] image, int offset, int length, boolean collection) {
        float[] values = Arrays.copyOfRange(image, offset, offset + length);
        if (!collection) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.abs(values[i]);
            }
        }
        Arrays.sort(values);
        double percentile = values[Math.min(values.length - 1, (int) (0.995 * values.length))];
        return Math.max(5.0, percentile);
    }
}
