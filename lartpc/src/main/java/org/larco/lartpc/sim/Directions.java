package org.larco.lartpc.sim;

import java.util.random.RandomGenerator;

/** Random directions and rotations of unit vectors. */
final class Directions {

    private Directions() {
    }

    static double[] isotropic(RandomGenerator random) {
        double cosTheta = 2 * random.nextDouble() - 1;
        double sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
        double phi = 2 * Math.PI * random.nextDouble();
        return new double[] {sinTheta * StrictMath.cos(phi), sinTheta * StrictMath.sin(phi), cosTheta};
    }

    /** Returns the unit vector at polar angle acos(cosTheta) and a random azimuth around (ux, uy, uz). */
    static double[] deflect(double ux, double uy, double uz, double cosTheta, RandomGenerator random) {
        double sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
        double phi = 2 * Math.PI * random.nextDouble();
        return rotate(ux, uy, uz, sinTheta * StrictMath.cos(phi), sinTheta * StrictMath.sin(phi), cosTheta);
    }

    /**
     * Expresses the local vector (a, b, c), given in a frame whose third axis is (ux, uy, uz),
     * in the global frame.
     */
    static double[] rotate(double ux, double uy, double uz, double a, double b, double c) {
        double e1x;
        double e1y;
        double e1z;
        if (Math.abs(uz) < 0.9) {
            double norm = Math.sqrt(uy * uy + ux * ux);
            e1x = -uy / norm;
            e1y = ux / norm;
            e1z = 0;
        } else {
            double norm = Math.sqrt(uy * uy + uz * uz);
            e1x = 0;
            e1y = -uz / norm;
            e1z = uy / norm;
        }
        double e2x = uy * e1z - uz * e1y;
        double e2y = uz * e1x - ux * e1z;
        double e2z = ux * e1y - uy * e1x;
        double x = a * e1x + b * e2x + c * ux;
        double y = a * e1y + b * e2y + c * uy;
        double z = a * e1z + b * e2z + c * uz;
        double norm = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / norm, y / norm, z / norm};
    }
}
