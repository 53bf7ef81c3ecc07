package org.larco.lartpc.sim;

/**
 * Steps muons, charged pions and protons: Bethe-Bloch loss with Landau-like fluctuations,
 * Highland multiple scattering, delta rays, range-out with the Bragg rise, hadronic interactions
 * (kinks and secondaries) and what happens at the stopping point (Michel electrons, pion decay or
 * absorption).
 */
final class HadronTransport {

    /** Kinetic energy in MeV below which a track deposits the rest in place and stops. */
    private static final double STOP_KINETIC_MEV = 0.5;
    /** Fraction of the kinetic energy a step may lose, which shortens steps in the Bragg peak. */
    private static final double MAX_STEP_LOSS_FRACTION = 0.15;
    private static final double MIN_STEP_CM = 0.002;
    private static final double PION_DECAY_MUON_KINETIC_MEV = 4.12;

    private final TransportContext context;

    HadronTransport(TransportContext context) {
        this.context = context;
    }

    void track(Particle particle, boolean recordTruth) {
        double pathCm = 0;
        double interactionCm = interactionLength(particle) * -StrictMath.log(1 - context.random.nextDouble());
        while (true) {
            if (particle.kineticMev < STOP_KINETIC_MEV) {
                context.deposit(particle, particle.x, particle.y, particle.z, particle.kineticMev, MIN_STEP_CM);
                particle.kineticMev = 0;
                finish(particle, recordTruth, pathCm, EventTruth.TrackEnd.STOPPED);
                stopAtRest(particle, recordTruth);
                return;
            }
            double mass = particle.type.massMev();
            double startLoss = LiquidArgon.betheBlochMevPerCm(mass, particle.kineticMev);
            double stepCm = Math.min(context.physics.trackStepCm(),
                    Math.max(MIN_STEP_CM, MAX_STEP_LOSS_FRACTION * particle.kineticMev / startLoss));
            boolean interacts = pathCm + stepCm >= interactionCm;
            if (interacts) {
                stepCm = Math.max(MIN_STEP_CM, interactionCm - pathCm);
            }
            double midLoss = LiquidArgon.betheBlochMevPerCm(mass,
                    Math.max(STOP_KINETIC_MEV, particle.kineticMev - 0.5 * startLoss * stepCm));
            double beta2 = particle.betaSquared();
            double deposit = Math.min(particle.kineticMev, context.fluctuate(midLoss * stepCm, stepCm, beta2));

            double midX = particle.x + 0.5 * stepCm * particle.dx;
            double midY = particle.y + 0.5 * stepCm * particle.dy;
            double midZ = particle.z + 0.5 * stepCm * particle.dz;
            context.deposit(particle, midX, midY, midZ, deposit, stepCm);
            particle.kineticMev -= deposit;
            emitDeltaRays(particle, stepCm, beta2);
            context.scatter(particle, stepCm);
            particle.x += stepCm * particle.dx;
            particle.y += stepCm * particle.dy;
            particle.z += stepCm * particle.dz;
            pathCm += stepCm;

            if (!context.inside(particle.x, particle.y, particle.z)) {
                finish(particle, recordTruth, pathCm, EventTruth.TrackEnd.ESCAPED);
                return;
            }
            if (interacts && particle.kineticMev > STOP_KINETIC_MEV) {
                boolean survives = interact(particle);
                if (!survives) {
                    finish(particle, recordTruth, pathCm, EventTruth.TrackEnd.INTERACTED);
                    return;
                }
                interactionCm = pathCm + interactionLength(particle) * -StrictMath.log(1 - context.random.nextDouble());
            }
        }
    }

    private double interactionLength(Particle particle) {
        return switch (particle.type) {
            case PION_PLUS, PION_MINUS -> context.physics.pionInteractionLengthCm();
            case PROTON -> context.physics.protonInteractionLengthCm();
            default -> Double.POSITIVE_INFINITY;
        };
    }

    private void finish(Particle particle, boolean recordTruth, double pathCm, EventTruth.TrackEnd end) {
        if (recordTruth) {
            context.truth.primaryPathLengthCm = pathCm;
            context.truth.primaryEnd = end;
        }
    }

    /**
     * Knock-on electrons above the threshold: their number per step follows the 1/T^2 spectrum
     * (about one per 10 cm above 1 MeV for a minimum-ionising muon), their energy is taken from
     * the track and their angle follows from two-body kinematics.
     */
    private void emitDeltaRays(Particle particle, double stepCm, double beta2) {
        double threshold = context.physics.deltaRayThresholdMev();
        double tMax = LiquidArgon.maxDeltaRayMev(particle.type.massMev(), particle.kineticMev);
        if (tMax <= threshold) {
            return;
        }
        double mean = LiquidArgon.LANDAU_XI_PER_CM * stepCm / beta2 * (1 / threshold - 1 / tMax);
        int count = context.poisson(mean);
        for (int k = 0; k < count; k++) {
            double u = context.random.nextDouble();
            double energy = 1 / (1 / threshold - u * (1 / threshold - 1 / tMax));
            if (energy >= particle.kineticMev) {
                continue;
            }
            double electronMass = LiquidArgon.ELECTRON_MASS_MEV;
            double momentum = Math.sqrt(energy * energy + 2 * energy * electronMass);
            double maxMomentum = Math.sqrt(tMax * tMax + 2 * tMax * electronMass);
            double cosTheta = Math.min(1.0, (energy / momentum) * (maxMomentum / tMax));
            double[] direction = Directions.deflect(particle.dx, particle.dy, particle.dz, cosTheta, context.random);
            particle.kineticMev -= energy;
            context.stack.push(particle.daughter(ParticleType.ELECTRON, direction, energy));
        }
    }

    /** Applies a hadronic interaction; returns whether the particle continues (elastic kink). */
    private boolean interact(Particle particle) {
        double roll = context.random.nextDouble();
        if (roll < 0.35) {
            double cosTheta = 1 - 1.2 * context.random.nextDouble();
            double[] direction = Directions.deflect(particle.dx, particle.dy, particle.dz, cosTheta, context.random);
            particle.dx = direction[0];
            particle.dy = direction[1];
            particle.dz = direction[2];
            particle.kineticMev *= 0.8 + 0.2 * context.random.nextDouble();
            return true;
        }
        double available = particle.kineticMev;
        boolean pion = particle.type == ParticleType.PION_PLUS || particle.type == ParticleType.PION_MINUS;
        if (pion && context.random.nextDouble() < 0.5) {
            double fraction = 0.2 + 0.5 * context.random.nextDouble();
            emit(particle, particle.type, available * fraction, 0.2);
            available *= 1 - fraction;
        }
        if (!pion && context.random.nextDouble() < 0.6) {
            double fraction = 0.3 + 0.5 * context.random.nextDouble();
            emit(particle, ParticleType.PROTON, available * fraction, 0.3);
            available *= 1 - fraction;
        }
        emitNuclearProtons(particle, available, 1.0 + 0.5 * context.random.nextDouble());
        return false;
    }

    /** Emits short protons from a nucleus hit by {@code particle}; the rest of the energy goes to neutrons and binding. */
    private void emitNuclearProtons(Particle particle, double available, double meanCount) {
        int count = context.poisson(meanCount);
        for (int k = 0; k < count && available > 10; k++) {
            double energy = Math.min(available * 0.5, 10 + 90 * context.random.nextDouble());
            emit(particle, ParticleType.PROTON, energy, -1);
            available -= energy;
        }
    }

    private void emit(Particle parent, ParticleType type, double kineticMev, double minCosTheta) {
        double[] direction = minCosTheta < -0.99
                ? Directions.isotropic(context.random)
                : Directions.deflect(parent.dx, parent.dy, parent.dz,
                        1 - (1 - minCosTheta) * context.random.nextDouble(), context.random);
        context.stack.push(parent.daughter(type, direction, kineticMev));
    }

    private void stopAtRest(Particle particle, boolean recordTruth) {
        switch (particle.type) {
            case MUON_MINUS -> {
                if (context.random.nextDouble() < context.physics.muonDecayFraction()) {
                    emitMichel(particle, recordTruth);
                }
            }
            case MUON_PLUS -> emitMichel(particle, recordTruth);
            case PION_PLUS -> context.stack.push(particle.daughter(ParticleType.MUON_PLUS,
                    Directions.isotropic(context.random), PION_DECAY_MUON_KINETIC_MEV));
            case PION_MINUS -> emitNuclearProtons(particle, 60, 1.0);
            default -> {
                // Protons simply stop.
            }
        }
    }

    /** Emits a Michel electron with energy from the spectrum x^2 (3 - 2x), x = E / 52.8 MeV. */
    private void emitMichel(Particle muon, boolean recordTruth) {
        double x;
        do {
            x = context.random.nextDouble();
        } while (context.random.nextDouble() > x * x * (3 - 2 * x));
        double energy = 52.8 * x;
        if (recordTruth || muon.generation <= 1) {
            context.truth.michelElectron = true;
        }
        ParticleType electron = muon.type == ParticleType.MUON_PLUS ? ParticleType.POSITRON : ParticleType.ELECTRON;
        context.stack.push(muon.daughter(electron, Directions.isotropic(context.random), energy));
    }
}
