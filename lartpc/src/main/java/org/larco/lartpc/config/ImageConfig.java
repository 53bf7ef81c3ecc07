package org.larco.lartpc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Size, pixel size and placement of the per-plane crop around the vertex.
 *
 * @param wires          image height: pixels along the wire-number axis of each plane
 * @param timePixels     image width: time pixels in the crop
 * @param ticksPerPixel  ticks averaged into one time pixel; 0 picks the value that makes a time
 *                       pixel about as long in drift distance as a pixel is wide
 * @param wiresPerPixel  neighbouring wires averaged into one pixel row, so a pixel is this many
 *                       wire pitches wide
 * @param vertexPosition fraction of the crop that lies behind the vertex along the event's
 *                       initial direction projected on each plane: 0.5 centres the vertex, 0.25
 *                       leaves three quarters of the crop ahead of it
 */
public record ImageConfig(int wires, int timePixels, int ticksPerPixel, int wiresPerPixel, double vertexPosition) {

    /** Wires per pixel when a file leaves {@code image.wiresPerPixel} out, as in the presets. */
    public static final int DEFAULT_WIRES_PER_PIXEL = 2;
    /** Vertex position when a file leaves {@code image.vertexPosition} out, as in the presets. */
    public static final double DEFAULT_VERTEX_POSITION = 0.25;

    /** Reads the keys of a configuration file, filling the defaults of the keys left out. */
    @JsonCreator
    static ImageConfig fromKeys(@JsonProperty("wires") int wires,
                                @JsonProperty("timePixels") int timePixels,
                                @JsonProperty("ticksPerPixel") int ticksPerPixel,
                                @JsonProperty("wiresPerPixel") Integer wiresPerPixel,
                                @JsonProperty("vertexPosition") Double vertexPosition) {
        return new ImageConfig(wires, timePixels, ticksPerPixel,
                wiresPerPixel == null ? DEFAULT_WIRES_PER_PIXEL : wiresPerPixel,
                vertexPosition == null ? DEFAULT_VERTEX_POSITION : vertexPosition);
    }
}
