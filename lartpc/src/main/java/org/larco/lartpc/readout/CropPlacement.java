package org.larco.lartpc.readout;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.config.WirePlaneConfig;

import java.util.List;

/**
 * Place of the vertex in each plane's crop, as fractions of the crop from its lower wire edge
 * and from its earliest time pixel.
 *
 * <p>The event's initial direction is projected on each plane (wire coordinate and drift) and
 * measured in crop lengths. The vertex goes back from the crop centre against that direction
 * until the share {@code image.vertexPosition} of the crop lies behind it on the line through
 * the vertex along the direction. The wire position is set per plane. The time position is one
 * value for all planes, so the same drift time falls in the same time pixel on each plane. It is
 * exact on the plane whose wire step (in crop lengths) is the largest, and closer to the centre
 * on the others. When the projection
 * on a plane is shorter than {@value #FULL_OFFSET_PROJECTION} (the direction runs nearly along
 * that plane's wires), the wire offset shrinks in proportion and reaches the centre at zero.
 */
public final class CropPlacement {

    /** Projected length of the unit direction from which a plane gets the full wire offset. */
    public static final double FULL_OFFSET_PROJECTION = 0.3;

    private final double[] wireFractions;
    private final double timeFraction;

    private CropPlacement(double[] wireFractions, double timeFraction) {
        this.wireFractions = wireFractions;
        this.timeFraction = timeFraction;
    }

    /** Places the vertex for an event whose initial direction is {@code direction} (unit vector or zeros). */
    public static CropPlacement of(DetectorConfig config, double[] direction) {
        List<WirePlaneConfig> planes = config.readout().planes();
        double behind = config.image().vertexPosition();
        double driftExtentCm = config.image().timePixels() * config.effectiveTicksPerPixel()
                * config.readout().tickUs() * config.argon().driftVelocityMmPerUs() / 10;
        double timeStep = direction[0] / driftExtentCm;
        double[] wireSteps = new double[planes.size()];
        double largest = Math.abs(timeStep);
        for (int p = 0; p < planes.size(); p++) {
            WirePlaneConfig plane = planes.get(p);
            double wireExtentCm = config.image().wires() * config.image().wiresPerPixel() * plane.wirePitchMm() / 10;
            wireSteps[p] = wireCoordinate(plane, direction) / wireExtentCm;
            largest = Math.max(largest, Math.abs(wireSteps[p]));
        }
        double timeFraction = largest > 0 ? 0.5 - (0.5 - behind) * timeStep / largest : 0.5;
        double[] wireFractions = new double[planes.size()];
        for (int p = 0; p < planes.size(); p++) {
            double onPlane = Math.hypot(wireCoordinate(planes.get(p), direction), direction[0]);
            double scale = Math.max(Math.abs(wireSteps[p]), Math.abs(timeStep));
            double weight = Math.min(1, onPlane / FULL_OFFSET_PROJECTION);
            wireFractions[p] = scale > 0 ? 0.5 - (0.5 - behind) * weight * wireSteps[p] / scale : 0.5;
        }
        return new CropPlacement(wireFractions, timeFraction);
    }

    /** Returns the coordinate of a position or direction (x, y, z) across the wires of {@code plane}, along the wire numbers. */
    static double wireCoordinate(WirePlaneConfig plane, double[] vector) {
        double angle = StrictMath.toRadians(plane.angleDeg());
        return vector[2] * StrictMath.cos(angle) - vector[1] * StrictMath.sin(angle);
    }

    /** Returns the vertex position from the lower wire edge of plane {@code plane}'s crop, as a fraction of it. */
    public double wireFraction(int plane) {
        return wireFractions[plane];
    }

    /** Returns the vertex position from the earliest time pixel, as a fraction of the crop, the same on each plane. */
    public double timeFraction() {
        return timeFraction;
    }
}
