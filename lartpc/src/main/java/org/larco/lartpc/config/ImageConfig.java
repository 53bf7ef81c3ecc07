package org.larco.lartpc.config;

/**
 * Size of the per-plane crop around the vertex.
 *
 * @param wires         image height: wires per plane in the crop
 * @param timePixels    image width: time pixels in the crop
 * @param ticksPerPixel ticks averaged into one time pixel; 0 picks the value that makes a time
 *                      pixel about one collection wire pitch long in drift distance
 */
public record ImageConfig(int wires, int timePixels, int ticksPerPixel) {
}
