package org.larco.lartpc.sim;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.config.EnergyRange;
import org.larco.lartpc.data.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the primary particles of an event: one particle with a flat momentum spectrum for the
 * single-particle task, or the final state of a neutrino interaction (lepton, protons, pions,
 * neutral pions decaying to two photons) with the beam along +z.
 */
final class PrimaryGenerator {

    private static final double PI0_MASS_MEV = 134.9768;

    private final DetectorConfig config;
    private final Task task;
    private final double[] cumulativePriors;

    PrimaryGenerator(DetectorConfig config, Task task) {
        this.config = config;
        this.task = task;
        this.cumulativePriors = cumulativePriors(config, task);
    }

    /** Primaries of one event and its label and true energy. */
    record Primaries(int label, double energyMev, List<Particle> particles) {
    }

    Primaries draw(SplittableRandom random, double[] vertex) {
        int label = drawLabel(random);
        return task == Task.SINGLE_PARTICLE ? singleParticle(label, random, vertex) : neutrino(label, random, vertex);
    }

    private int drawLabel(SplittableRandom random) {
        double u = random.nextDouble() * cumulativePriors[cumulativePriors.length - 1];
        for (int i = 0; i < cumulativePriors.length; i++) {
            if (u < cumulativePriors[i]) {
                return i;
            }
        }
        return cumulativePriors.length - 1;
    }

    private Primaries singleParticle(int label, SplittableRandom random, double[] vertex) {
        String className = task.classNames().get(label);
        ParticleType type = switch (className) {
            case "electron" -> ParticleType.ELECTRON;
            case "gamma" -> ParticleType.GAMMA;
            case "muon" -> ParticleType.MUON_MINUS;
            case "pion" -> random.nextBoolean() ? ParticleType.PION_PLUS : ParticleType.PION_MINUS;
            case "proton" -> ParticleType.PROTON;
            default -> throw new IllegalStateException("no particle for class " + className);
        };
        EnergyRange range = config.momentumMevC().get(className);
        double momentum = range.min() + (range.max() - range.min()) * random.nextDouble();
        double mass = type.massMev();
        double kinetic = Math.sqrt(momentum * momentum + mass * mass) - mass;
        double[] direction = Directions.isotropic(random);
        Particle particle = new Particle(type, vertex[0], vertex[1], vertex[2], direction[0], direction[1],
                direction[2], kinetic, 0);
        return new Primaries(label, kinetic, List.of(particle));
    }

    private Primaries neutrino(int label, SplittableRandom random, double[] vertex) {
        EnergyRange range = config.neutrinoEnergyMev();
        double neutrinoEnergy = range.min() + (range.max() - range.min()) * random.nextDouble();
        String className = task.classNames().get(label);
        List<Particle> particles = new ArrayList<>();
        double hadronicEnergy;
        if ("nc".equals(className)) {
            hadronicEnergy = neutrinoEnergy * (0.1 + 0.6 * random.nextDouble());
        } else {
            double inelasticity = 0.05 + 0.55 * random.nextDouble();
            ParticleType lepton = "numu_cc".equals(className) ? ParticleType.MUON_MINUS : ParticleType.ELECTRON;
            double leptonKinetic = Math.max(10, neutrinoEnergy * (1 - inelasticity) - lepton.massMev());
            particles.add(primary(lepton, leptonKinetic, forward(random, 0.35), vertex));
            hadronicEnergy = neutrinoEnergy * inelasticity;
        }
        addHadrons(particles, hadronicEnergy, "nc".equals(className), random, vertex);
        return new Primaries(label, neutrinoEnergy, particles);
    }

    private void addHadrons(List<Particle> particles, double energy, boolean neutralCurrent,
                            SplittableRandom random, double[] vertex) {
        double available = energy;
        double pi0Probability = neutralCurrent ? 0.5 : 0.2;
        if (available > PI0_MASS_MEV + 20 && random.nextDouble() < pi0Probability) {
            double pi0Kinetic = (available - PI0_MASS_MEV) * (0.2 + 0.5 * random.nextDouble());
            addPi0Photons(particles, pi0Kinetic, random, vertex);
            available -= pi0Kinetic + PI0_MASS_MEV;
        }
        double chargedPionProbability = neutralCurrent ? 0.35 : 0.3;
        if (available > 160 && random.nextDouble() < chargedPionProbability) {
            double pionKinetic = (available - 140) * (0.2 + 0.5 * random.nextDouble());
            ParticleType pion = random.nextBoolean() ? ParticleType.PION_PLUS : ParticleType.PION_MINUS;
            particles.add(primary(pion, pionKinetic, forward(random, 0.6), vertex));
            available -= pionKinetic + 140;
        }
        int protons = 1 + (int) (random.nextDouble() * 3);
        for (int k = 0; k < protons && available > 20; k++) {
            double protonKinetic = Math.min(available * 0.7, 20 + 230 * random.nextDouble());
            particles.add(primary(ParticleType.PROTON, protonKinetic, forward(random, 0.8), vertex));
            available -= protonKinetic;
        }
    }

    /** Adds the two photons of a neutral pion decay, boosted from its rest frame. */
    private static void addPi0Photons(List<Particle> particles, double kinetic, SplittableRandom random, double[] vertex) {
        double energy = kinetic + PI0_MASS_MEV;
        double momentum = Math.sqrt(energy * energy - PI0_MASS_MEV * PI0_MASS_MEV);
        double[] pionDirection = forward(random, 0.7);
        double[] restDirection = Directions.isotropic(random);
        double half = PI0_MASS_MEV / 2;
        double gamma = energy / PI0_MASS_MEV;
        double betaGamma = momentum / PI0_MASS_MEV;
        for (int sign = -1; sign <= 1; sign += 2) {
            double along = sign * half * dot(restDirection, pionDirection);
            double photonEnergy = gamma * half + betaGamma * along;
            double boostedAlong = gamma * along + betaGamma * half;
            double[] photonMomentum = new double[3];
            for (int c = 0; c < 3; c++) {
                double perpendicular = sign * half * restDirection[c] - along * pionDirection[c];
                photonMomentum[c] = perpendicular + boostedAlong * pionDirection[c];
            }
            particles.add(new Particle(ParticleType.GAMMA, vertex[0], vertex[1], vertex[2], photonMomentum[0],
                    photonMomentum[1], photonMomentum[2], photonEnergy, 0));
        }
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** Returns a direction around the beam (+z) with 1 - cos(theta) exponential of the given mean. */
    private static double[] forward(SplittableRandom random, double meanOneMinusCos) {
        double cosTheta = Math.max(-1, 1 - meanOneMinusCos * -StrictMath.log(1 - random.nextDouble()));
        return Directions.deflect(0, 0, 1, cosTheta, random);
    }

    private static Particle primary(ParticleType type, double kinetic, double[] direction, double[] vertex) {
        return new Particle(type, vertex[0], vertex[1], vertex[2], direction[0], direction[1], direction[2], kinetic, 0);
    }

    private static double[] cumulativePriors(DetectorConfig config, Task task) {
        List<String> classes = task.classNames();
        boolean anyGiven = classes.stream().anyMatch(config.classPriors()::containsKey);
        double[] cumulative = new double[classes.size()];
        double total = 0;
        for (int i = 0; i < classes.size(); i++) {
            total += anyGiven ? config.classPriors().getOrDefault(classes.get(i), 0.0) : 1.0;
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("invalid classPriors in configuration " + config.name()
                    + ": every class of task " + task.cliName() + " " + classes + " has weight 0; give at least one a weight > 0");
        }
        return cumulative;
    }
}
