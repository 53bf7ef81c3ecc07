package org.larco.node.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A white image to draw a labelled grid on. The vote grid and the confusion matrix use plain
 * Java2D because XChart's heat map can only print the coloured value in a cell, and these grids
 * need a colour for one quantity and a label for another.
 */
final class PngCanvas implements AutoCloseable {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 11);

    private final BufferedImage image;
    private final Graphics2D graphics;

    PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
    }

    Graphics2D graphics() {
        return graphics;
    }

    /** Draws {@code text} centred on (x, y). */
    void centred(String text, Font font, Color color, int x, int y) {
        graphics.setFont(font);
        graphics.setColor(color);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.drawString(text, x - metrics.stringWidth(text) / 2, y + metrics.getAscent() / 2 - 1);
    }

    /** Draws {@code text} ending at x, vertically centred on y. */
    void rightAligned(String text, Font font, Color color, int x, int y) {
        graphics.setFont(font);
        graphics.setColor(color);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.drawString(text, x - metrics.stringWidth(text), y + metrics.getAscent() / 2 - 1);
    }

    /** Draws {@code text} starting at x, vertically centred on y. */
    void leftAligned(String text, Font font, Color color, int x, int y) {
        graphics.setFont(font);
        graphics.setColor(color);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.drawString(text, x, y + metrics.getAscent() / 2 - 1);
    }

    int textWidth(String text, Font font) {
        return graphics.getFontMetrics(font).stringWidth(text);
    }

    byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JDK's ImageIO");
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        graphics.dispose();
    }
}
