package org.larco.lartpc.readout;

import org.larco.lartpc.config.ArgonConfig;
import org.larco.lartpc.config.DetectorConfig;
import org.larco.lartpc.config.ReadoutConfig;
import org.larco.lartpc.config.WirePlaneConfig;
import org.larco.lartpc.sim.DepositBuffer;
import org.larco.lartpc.sim.LiquidArgon;
import org.larco.lartpc.sim.PortableRandom;
import org.larco.lartpc.sim.SimulatedEvent;

import java.util.SplittableRandom;

/**
 * Turns energy deposits into wire-plane images. The charge goes through recombination, drift
 * with lifetime loss and diffusion, and projection onto the three wire planes inside a crop
 * that {@link CropPlacement} places around the vertex. Each wire then gets its response,
 * correlated noise and ADC digitisation with pedestal, and blocks of neighbouring wires and ticks
 * of the pedestal-subtracted samples are averaged into pixels. Instances are thread-safe because
 * each call uses the random stream it is given.
 */
public final class WireReadout {

    private final DetectorConfig config;
    private final ResponseKernels kernels;
    private final int wires;
    private final int wiresPerPixel;
    private final int readoutWires;
    private final int timePixels;
    private final int ticksPerPixel;
    private final int ticks;
    private final double tickCm;

    public WireReadout(DetectorConfig config) {
        this.config = config;
        ReadoutConfig readout = config.readout();
        this.kernels = new ResponseKernels(readout.shapingTimeUs(), readout.tickUs(), readout.inductionGain());
        this.wires = config.image().wires();
        this.wiresPerPixel = config.image().wiresPerPixel();
        this.readoutWires = wires * wiresPerPixel;
        this.timePixels = config.image().timePixels();
        this.ticksPerPixel = config.effectiveTicksPerPixel();
        this.ticks = timePixels * ticksPerPixel;
        this.tickCm = config.argon().driftVelocityMmPerUs() * readout.tickUs() / 10;
    }

    public int planes() {
        return config.readout().planes().size();
    }

    /** Returns the image of one event, laid out (plane, wire, time pixel). */
    public float[] digitize(SimulatedEvent event, SplittableRandom noiseRandom) {
        DriftedCharge charge = drift(event, noiseRandom);
        CropPlacement placement = CropPlacement.of(config, event.initialDirection());
        double[] vertex = event.vertexCm();
        double driftOrigin = vertex[0] - placement.timeFraction() * ticks * tickCm;
        int planeCount = planes();
        float[] image = new float[planeCount * wires * timePixels];
        float[] samples = new float[readoutWires * ticks];
        for (int p = 0; p < planeCount; p++) {
            WirePlaneConfig plane = config.readout().planes().get(p);
            java.util.Arrays.fill(samples, 0f);
            double wireOrigin = CropPlacement.wireCoordinate(plane, vertex)
                    - placement.wireFraction(p) * readoutWires * plane.wirePitchMm() / 10;
            addSignal(samples, plane, charge, wireOrigin, driftOrigin);
            addNoiseAndDigitize(samples, plane, noiseRandom);
            average(samples, image, p);
        }
        return image;
    }

    /** Deposits after recombination, lifetime loss and diffusion: positions (cm) and charge in ADC tick units. */
    private record DriftedCharge(float[] x, float[] y, float[] z, float[] adcArea, int size) {
    }

    private DriftedCharge drift(SimulatedEvent event, SplittableRandom random) {
        ArgonConfig argon = config.argon();
        DepositBuffer deposits = event.deposits();
        int n = deposits.size();
        float[] x = new float[n];
        float[] y = new float[n];
        float[] z = new float[n];
        float[] area = new float[n];
        double lifetimeUs = argon.electronLifetimeMs() * 1000;
        double velocityCmPerUs = argon.driftVelocityMmPerUs() / 10;
        double electronsPerAdc = config.readout().electronsPerAdc();
        for (int i = 0; i < n; i++) {
            double driftCm = Math.max(0, event.vertexDriftCm() + deposits.x(i) - event.vertexCm()[0]);
            double driftUs = driftCm / velocityCmPerUs;
            double survival = LiquidArgon.recombinationSurvival(deposits.dEdxMevPerCm(i), argon.driftFieldKvPerCm(),
                    argon.recombinationAlpha(), argon.recombinationBeta());
            double electrons = deposits.energyMev(i) / LiquidArgon.W_ION_MEV * survival * StrictMath.exp(-driftUs / lifetimeUs);
            double driftSeconds = driftUs * 1e-6;
            double sigmaLongitudinal = Math.sqrt(2 * argon.longitudinalDiffusionCm2PerS() * driftSeconds);
            double sigmaTransverse = Math.sqrt(2 * argon.transverseDiffusionCm2PerS() * driftSeconds);
            x[i] = (float) (deposits.x(i) + sigmaLongitudinal * PortableRandom.gaussian(random));
            y[i] = (float) (deposits.y(i) + sigmaTransverse * PortableRandom.gaussian(random));
            z[i] = (float) (deposits.z(i) + sigmaTransverse * PortableRandom.gaussian(random));
            area[i] = (float) (electrons / electronsPerAdc);
        }
        return new DriftedCharge(x, y, z, area, n);
    }

    /** Adds the response of each charge whose wire lies in the crop, from {@code wireOrigin} (cm) and {@code driftOrigin} (cm). */
    private void addSignal(float[] samples, WirePlaneConfig plane, DriftedCharge charge, double wireOrigin,
                           double driftOrigin) {
        double angle = StrictMath.toRadians(plane.angleDeg());
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double pitchCm = plane.wirePitchMm() / 10;
        int kernelLength = kernels.length();
        for (int i = 0; i < charge.size(); i++) {
            double wireCoordinate = charge.z()[i] * cos - charge.y()[i] * sin;
            int wire = (int) Math.floor((wireCoordinate - wireOrigin) / pitchCm);
            if (wire < 0 || wire >= readoutWires) {
                continue;
            }
            double tick = (charge.x()[i] - driftOrigin) / tickCm;
            int firstTick = (int) Math.floor(tick);
            if (firstTick >= ticks || firstTick + kernelLength <= 0) {
                continue;
            }
            int phase = Math.min(ResponseKernels.PHASES - 1, (int) ((tick - firstTick) * ResponseKernels.PHASES));
            float[] kernel = kernels.kernel(plane.collection(), phase);
            float amplitude = charge.adcArea()[i];
            int row = wire * ticks;
            int start = Math.max(0, -firstTick);
            int end = Math.min(kernelLength, ticks - firstTick);
            for (int k = start; k < end; k++) {
                samples[row + firstTick + k] += amplitude * kernel[k];
            }
        }
    }

    /**
     * Adds noise that is correlated from tick to tick (first-order autoregressive, so not white),
     * per wire and shared by each group of neighbouring wires, then digitises with the plane's
     * pedestal and subtracts the pedestal again.
     */
    private void addNoiseAndDigitize(float[] samples, WirePlaneConfig plane, SplittableRandom random) {
        double rms = plane.noiseAdcRms();
        double correlation = config.readout().noiseCorrelation();
        double innovation = rms * Math.sqrt(1 - correlation * correlation);
        int pedestal = (int) Math.round(plane.pedestalAdc());
        int maxAdc = (1 << config.readout().adcBits()) - 1;
        int groupWires = config.readout().coherentNoiseWires();
        float[] coherent = new float[ticks];
        for (int wire = 0; wire < readoutWires; wire++) {
            if (wire % groupWires == 0) {
                fillCorrelatedNoise(coherent, config.readout().coherentNoiseAdcRms(), correlation, random);
            }
            int row = wire * ticks;
            double noise = rms * FastGaussian.next(random);
            for (int t = 0; t < ticks; t++) {
                noise = correlation * noise + innovation * FastGaussian.next(random);
                long adc = Math.round(pedestal + samples[row + t] + noise + coherent[t]);
                adc = Math.max(0, Math.min(maxAdc, adc));
                samples[row + t] = adc - pedestal;
            }
        }
    }

    /** Fills {@code noise} with a first-order autoregressive series of the given RMS and correlation. */
    private static void fillCorrelatedNoise(float[] noise, double rms, double correlation, SplittableRandom random) {
        if (rms == 0) {
            java.util.Arrays.fill(noise, 0f);
            return;
        }
        double innovation = rms * Math.sqrt(1 - correlation * correlation);
        double value = rms * FastGaussian.next(random);
        for (int t = 0; t < noise.length; t++) {
            value = correlation * value + innovation * FastGaussian.next(random);
            noise[t] = (float) value;
        }
    }

    /** Averages each block of {@code wiresPerPixel} wires by {@code ticksPerPixel} ticks into one pixel. */
    private void average(float[] samples, float[] image, int plane) {
        float scale = 1f / (ticksPerPixel * wiresPerPixel);
        for (int row = 0; row < wires; row++) {
            int out = (plane * wires + row) * timePixels;
            for (int pixel = 0; pixel < timePixels; pixel++) {
                float sum = 0;
                for (int w = 0; w < wiresPerPixel; w++) {
                    int first = (row * wiresPerPixel + w) * ticks + pixel * ticksPerPixel;
                    for (int t = 0; t < ticksPerPixel; t++) {
                        sum += samples[first + t];
                    }
                }
                image[out + pixel] = sum * scale;
            }
        }
    }
}
