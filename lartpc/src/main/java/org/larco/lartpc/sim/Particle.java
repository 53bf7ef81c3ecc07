package org.larco.lartpc.sim;

/** A particle waiting to be tracked: type, position (cm), unit direction and kinetic energy (MeV). */
final class Particle {

    final ParticleType type;
    double x;
    double y;
    double z;
    double dx;
    double dy;
    double dz;
    double kineticMev;
    /** Generation: 0 for primaries, +1 per parent. */
    final int generation;

    Particle(ParticleType type, double x, double y, double z, double dx, double dy, double dz,
             double kineticMev, int generation) {
        this.type = type;
        this.x = x;
        this.y = y;
        this.z = z;
        double norm = Math.sqrt(dx * dx + dy * dy + dz * dz);
        this.dx = dx / norm;
        this.dy = dy / norm;
        this.dz = dz / norm;
        this.kineticMev = kineticMev;
        this.generation = generation;
    }

    double momentumMev() {
        double mass = type.massMev();
        return Math.sqrt(kineticMev * kineticMev + 2 * kineticMev * mass);
    }

    /** Returns beta squared; 1 for photons. */
    double betaSquared() {
        double mass = type.massMev();
        if (mass == 0) {
            return 1.0;
        }
        double energy = kineticMev + mass;
        return 1.0 - (mass * mass) / (energy * energy);
    }

    /** Makes a daughter at this particle's position. */
    Particle daughter(ParticleType daughterType, double[] direction, double daughterKineticMev) {
        return new Particle(daughterType, x, y, z, direction[0], direction[1], direction[2],
                daughterKineticMev, generation + 1);
    }
}
