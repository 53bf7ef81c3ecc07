package org.larco.lartpc.sim;

/**
 * Electromagnetic showers as a simple cascade. Electrons and positrons lose energy by ionisation,
 * with fluctuations and multiple scattering, and radiate bremsstrahlung photons with a 1/k
 * spectrum: 4/3 ln(T/k_cut) photons above k_cut per radiation length. Photons above 10 MeV convert
 * to pairs after an exponential path (mean from the configuration, 9/7 X0 = 18 cm). Lower-energy
 * photons Compton-scatter until they are absorbed.
 */
final class EmTransport {

    private static final double ELECTRON_CUT_MEV = 0.1;
    private static final double PHOTON_ABSORB_MEV = 0.2;
    private static final double BREM_CUT_MEV = 1.0;
    private static final double PAIR_THRESHOLD_MEV = 10.0;
    private static final double MAX_STEP_LOSS_FRACTION = 0.2;
    private static final double MIN_STEP_CM = 0.005;

    private final TransportContext context;

    EmTransport(TransportContext context) {
        this.context = context;
    }

    void trackCharged(Particle particle) {
        double mass = LiquidArgon.ELECTRON_MASS_MEV;
        while (particle.kineticMev > ELECTRON_CUT_MEV) {
            double loss = LiquidArgon.electronCollisionMevPerCm(particle.kineticMev);
            double stepCm = Math.min(context.physics.showerStepCm(),
                    Math.max(MIN_STEP_CM, MAX_STEP_LOSS_FRACTION * particle.kineticMev / loss));
            double beta2 = particle.betaSquared();
            double deposit = Math.min(particle.kineticMev, context.fluctuate(loss * stepCm, stepCm, beta2));
            context.deposit(particle, particle.x + 0.5 * stepCm * particle.dx, particle.y + 0.5 * stepCm * particle.dy,
                    particle.z + 0.5 * stepCm * particle.dz, deposit, stepCm);
            particle.kineticMev -= deposit;
            radiate(particle, stepCm);
            context.scatter(particle, stepCm);
            particle.x += stepCm * particle.dx;
            particle.y += stepCm * particle.dy;
            particle.z += stepCm * particle.dz;
            if (!context.inside(particle.x, particle.y, particle.z)) {
                return;
            }
        }
        context.deposit(particle, particle.x, particle.y, particle.z, particle.kineticMev, MIN_STEP_CM);
        if (particle.type == ParticleType.POSITRON) {
            double[] direction = Directions.isotropic(context.random);
            double[] opposite = {-direction[0], -direction[1], -direction[2]};
            context.stack.push(particle.daughter(ParticleType.GAMMA, direction, mass));
            context.stack.push(particle.daughter(ParticleType.GAMMA, opposite, mass));
        }
    }

    private void radiate(Particle particle, double stepCm) {
        if (particle.kineticMev <= 2 * BREM_CUT_MEV) {
            return;
        }
        double logRange = StrictMath.log(particle.kineticMev / BREM_CUT_MEV);
        double mean = stepCm / LiquidArgon.RADIATION_LENGTH_CM * (4.0 / 3.0) * logRange;
        int count = context.poisson(mean);
        for (int k = 0; k < count && particle.kineticMev > 2 * BREM_CUT_MEV; k++) {
            double photonEnergy = BREM_CUT_MEV * StrictMath.exp(context.random.nextDouble() * logRange);
            photonEnergy = Math.min(photonEnergy, particle.kineticMev - BREM_CUT_MEV);
            particle.kineticMev -= photonEnergy;
            double angle = LiquidArgon.ELECTRON_MASS_MEV / (particle.kineticMev + LiquidArgon.ELECTRON_MASS_MEV);
            double[] direction = Directions.deflect(particle.dx, particle.dy, particle.dz, StrictMath.cos(angle), context.random);
            context.stack.push(particle.daughter(ParticleType.GAMMA, direction, photonEnergy));
        }
    }

    /** Moves a photon to its first interaction; records the distance for a primary photon. */
    void trackPhoton(Particle photon, boolean recordTruth) {
        while (photon.kineticMev > PHOTON_ABSORB_MEV) {
            boolean pair = photon.kineticMev > PAIR_THRESHOLD_MEV;
            double meanPathCm = pair ? context.physics.photonConversionLengthCm() : comptonPathCm(photon.kineticMev);
            double pathCm = -meanPathCm * StrictMath.log(1 - context.random.nextDouble());
            photon.x += pathCm * photon.dx;
            photon.y += pathCm * photon.dy;
            photon.z += pathCm * photon.dz;
            if (recordTruth) {
                context.truth.firstPhotonInteractionCm = context.distanceFromVertex(photon.x, photon.y, photon.z);
                context.truth.primaryPathLengthCm = pathCm;
                context.truth.primaryEnd = EventTruth.TrackEnd.CONVERTED;
                recordTruth = false;
            }
            if (!context.inside(photon.x, photon.y, photon.z)) {
                return;
            }
            if (pair) {
                convert(photon);
                return;
            }
            compton(photon);
        }
        if (context.inside(photon.x, photon.y, photon.z)) {
            context.deposit(photon, photon.x, photon.y, photon.z, photon.kineticMev, MIN_STEP_CM);
        }
    }

    /** Mean free path in cm of a photon below 10 MeV (about 12 cm at 1 MeV and 27 cm at 10 MeV in argon). */
    private static double comptonPathCm(double energyMev) {
        return 12.0 * StrictMath.pow(energyMev, 0.35);
    }

    private void convert(Particle photon) {
        double available = photon.kineticMev - 2 * LiquidArgon.ELECTRON_MASS_MEV;
        double electronShare = context.random.nextDouble();
        double angle = LiquidArgon.ELECTRON_MASS_MEV / photon.kineticMev;
        double[] electronDirection = Directions.deflect(photon.dx, photon.dy, photon.dz, StrictMath.cos(angle), context.random);
        double[] positronDirection = Directions.deflect(photon.dx, photon.dy, photon.dz, StrictMath.cos(angle), context.random);
        context.stack.push(photon.daughter(ParticleType.ELECTRON, electronDirection, available * electronShare));
        context.stack.push(photon.daughter(ParticleType.POSITRON, positronDirection, available * (1 - electronShare)));
    }

    /** Compton scattering: the electron takes a uniform share of the kinematic maximum. */
    private void compton(Particle photon) {
        double ratio = photon.kineticMev / LiquidArgon.ELECTRON_MASS_MEV;
        double maxElectron = photon.kineticMev * 2 * ratio / (1 + 2 * ratio);
        double electronEnergy = maxElectron * context.random.nextDouble();
        double scattered = photon.kineticMev - electronEnergy;
        double cosTheta = 1 - LiquidArgon.ELECTRON_MASS_MEV * (1 / scattered - 1 / photon.kineticMev);
        double[] electronDirection = Directions.deflect(photon.dx, photon.dy, photon.dz, 0.5 + 0.5 * context.random.nextDouble(), context.random);
        context.stack.push(photon.daughter(ParticleType.ELECTRON, electronDirection, electronEnergy));
        double[] direction = Directions.deflect(photon.dx, photon.dy, photon.dz, Math.max(-1, Math.min(1, cosTheta)), context.random);
        photon.dx = direction[0];
        photon.dy = direction[1];
        photon.dz = direction[2];
        photon.kineticMev = scattered;
    }
}
