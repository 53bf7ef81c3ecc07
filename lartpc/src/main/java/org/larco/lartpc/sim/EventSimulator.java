package org.larco.lartpc.sim;

import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.data.Task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates the energy deposits of single events. Each event draws from its own random stream,
 * derived from the dataset seed and the event number, so the result of an event does not depend
 * on which thread or in which order it runs. Instances are stateless after construction and
 * thread-safe.
 */
public final class EventSimulator {

    private final DetectorConfig config;
    private final PrimaryGenerator primaries;
    private final double radiusCm;

    public EventSimulator(DetectorConfig config, Task task) {
        this.config = config;
        this.primaries = new PrimaryGenerator(config, task);
        this.radiusCm = simulationRadiusCm(config);
    }

    /** Simulates event number {@code eventIndex} of the dataset with {@code seed}. */
    public SimulatedEvent simulate(long seed, long eventIndex) {
        SplittableRandom random = eventRandom(seed, eventIndex, 0x51);
        double[] vertex = {0, 0, 0};
        double vertexDriftCm = config.argon().maxDriftCm() * random.nextDouble();
        PrimaryGenerator.Primaries drawn = primaries.draw(random, vertex);
        double[] direction = initialDirection(drawn.particles());
        TransportContext context = new TransportContext(random, config.physics(), vertex, radiusCm);
        boolean first = true;
        for (Particle particle : drawn.particles()) {
            transport(context, particle, first);
            first = false;
        }
        return new SimulatedEvent(drawn.label(), drawn.energyMev(), vertex, vertexDriftCm, context.deposits, context.truth,
                direction);
    }

    /**
     * Simulates one particle from the origin in a sphere of {@code radiusCm}, for calibration checks.
     */
    public static SimulatedEvent simulateParticle(DetectorConfig config, ParticleType type, double kineticMev,
                                                  double[] direction, double radiusCm, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] vertex = {0, 0, 0};
        TransportContext context = new TransportContext(random, config.physics(), vertex, radiusCm);
        Particle particle = new Particle(type, 0, 0, 0, direction[0], direction[1], direction[2], kineticMev, 0);
        double[] initial = initialDirection(List.of(particle));
        transport(context, particle, true);
        return new SimulatedEvent(-1, kineticMev, vertex, 0, context.deposits, context.truth, initial);
    }

    /** Returns a random stream for one event; {@code purpose} separates physics from readout noise. */
    public static SplittableRandom eventRandom(long seed, long eventIndex, long purpose) {
        long mixed = mix(mix(seed ^ 0x6A09E667F3BCC909L) + eventIndex * 0x9E3779B97F4A7C15L + purpose);
        return new SplittableRandom(mixed);
    }

    /**
     * Returns the radius of the simulated sphere: 1.5 times the farthest distance from the vertex
     * to a crop corner, which is reached when the vertex sits at {@code image.vertexPosition} on
     * both axes. Charge farther away reaches a crop only when it runs nearly along a plane's wires.
     */
    // NOTE: tracks nearly parallel to one plane's wires are cut at this radius although the rest
    // of them would still project into that plane's crop.
    public static double simulationRadiusCm(DetectorConfig config) {
        double maxPitchMm = config.readout().planes().stream().mapToDouble(p -> p.wirePitchMm()).max().orElseThrow();
        double wireExtentCm = config.image().wires() * config.image().wiresPerPixel() * maxPitchMm / 10;
        double driftExtentCm = config.image().timePixels() * config.effectiveTicksPerPixel()
                * config.readout().tickUs() * config.argon().driftVelocityMmPerUs() / 10;
        double ahead = 1 - config.image().vertexPosition();
        return 1.5 * ahead * Math.hypot(wireExtentCm, driftExtentCm);
    }

    /**
     * Returns the unit vector of the summed primary momenta, before transport changes them, or
     * zeros when the momenta cancel.
     */
    static double[] initialDirection(List<Particle> particles) {
        double[] sum = new double[3];
        for (Particle particle : particles) {
            double momentum = particle.momentumMev();
            sum[0] += momentum * particle.dx;
            sum[1] += momentum * particle.dy;
            sum[2] += momentum * particle.dz;
        }
        double norm = Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
        if (norm < 1e-9) {
            return new double[3];
        }
        return new double[] {sum[0] / norm, sum[1] / norm, sum[2] / norm};
    }

    private static void transport(TransportContext context, Particle primary, boolean recordTruth) {
        HadronTransport hadrons = new HadronTransport(context);
        EmTransport showers = new EmTransport(context);
        trackOne(primary, recordTruth, hadrons, showers);
        while (!context.stack.isEmpty()) {
            trackOne(context.stack.pop(), false, hadrons, showers);
        }
    }

    private static void trackOne(Particle particle, boolean recordTruth, HadronTransport hadrons, EmTransport showers) {
        if (particle.type == ParticleType.GAMMA) {
            showers.trackPhoton(particle, recordTruth);
        } else if (particle.type.electromagnetic()) {
            showers.trackCharged(particle);
        } else {
            hadrons.track(particle, recordTruth);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
