package org.larco.lartpc.sim;

import org.larco.lartpc.config.PhysicsConfig;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * State shared by the transport steps of one event: the random stream, the particles still to
 * track, the deposits, the truth record and the simulation volume. The volume is a sphere around
 * the vertex, and particles leaving it are dropped because they rarely reach the image crop.
 */
final class TransportContext {

    final SplittableRandom random;
    final PhysicsConfig physics;
    final DepositBuffer deposits = new DepositBuffer();
    final EventTruth truth = new EventTruth();
    final ArrayDeque<Particle> stack = new ArrayDeque<>();
    final double vertexX;
    final double vertexY;
    final double vertexZ;
    final double radiusCm;

    TransportContext(SplittableRandom random, PhysicsConfig physics, double[] vertex, double radiusCm) {
        this.random = random;
        this.physics = physics;
        this.vertexX = vertex[0];
        this.vertexY = vertex[1];
        this.vertexZ = vertex[2];
        this.radiusCm = radiusCm;
    }

    boolean inside(double x, double y, double z) {
        double ex = x - vertexX;
        double ey = y - vertexY;
        double ez = z - vertexZ;
        return ex * ex + ey * ey + ez * ez <= radiusCm * radiusCm;
    }

    double distanceFromVertex(double x, double y, double z) {
        double ex = x - vertexX;
        double ey = y - vertexY;
        double ez = z - vertexZ;
        return Math.sqrt(ex * ex + ey * ey + ez * ez);
    }

    void deposit(Particle particle, double x, double y, double z, double energyMev, double stepCm) {
        if (energyMev <= 0) {
            return;
        }
        deposits.add(x, y, z, energyMev, energyMev / Math.max(stepCm, 1e-3), particle.generation);
    }

    /**
     * Returns a Landau-like fluctuation of a mean loss {@code meanMev} over {@code stepCm}: a Moyal
     * variate (sampled as -2 ln|N(0,1)|) scaled by the Landau width xi and shifted so the mean loss is
     * kept. The long tail is capped at 12 xi because delta rays above the threshold are tracked apart.
     */
    double fluctuate(double meanMev, double stepCm, double beta2) {
        double xi = LiquidArgon.LANDAU_XI_PER_CM * stepCm / beta2;
        double gaussian = PortableRandom.gaussian(random);
        double lambda = -2 * StrictMath.log(Math.max(Math.abs(gaussian), 1e-12));
        lambda = Math.min(lambda, 12.0);
        double moyalMean = 1.2704;
        return Math.max(0.05 * meanMev, meanMev + xi * (lambda - moyalMean));
    }

    /** Returns a Poisson variate for a small mean. */
    int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** Applies Highland multiple scattering over one step to the particle's direction. */
    void scatter(Particle particle, double stepCm) {
        double theta0 = LiquidArgon.highlandThetaRad(particle.momentumMev(), particle.betaSquared(), stepCm);
        double thetaX = Math.max(-1.2, Math.min(1.2, theta0 * PortableRandom.gaussian(random)));
        double thetaY = Math.max(-1.2, Math.min(1.2, theta0 * PortableRandom.gaussian(random)));
        double[] direction = Directions.rotate(particle.dx, particle.dy, particle.dz,
                StrictMath.tan(thetaX), StrictMath.tan(thetaY), 1.0);
        particle.dx = direction[0];
        particle.dy = direction[1];
        particle.dz = direction[2];
    }
}
