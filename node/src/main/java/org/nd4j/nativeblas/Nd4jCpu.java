package org.nd4j.nativeblas;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The class DL4J 1.0.0-M2.1 looks up by name to decide whether its oneDNN layer helpers may run
 * ({@code BaseMKLDNNHelper.mklDnnEnabled()} calls {@code Environment.getInstance().isUseMKLDNN()}
 * by reflection). The matching nd4j-native 1.0.0-M2.1 moved its bindings to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and no longer ships this class, so DL4J
 * drops the helpers with a "Cannot find class" message even on the oneDNN build of nd4j-native.
 *
 * <p>NOTE: this class exists only for that lookup. It reports true only when the loaded
 * native library was built with oneDNN ("HAVE_ONEDNN" in its build information) and oneDNN use
 * is switched on in libnd4j, so with the plain nd4j-native build DL4J keeps its own Java
 * convolution path. Remove it when DL4J and nd4j-native agree on the class again.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The environment view DL4J's oneDNN check expects. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Returns whether libnd4j was built with oneDNN and has oneDNN use switched on. */
        public boolean isUseMKLDNN() {
            Nd4j.getExecutioner();
            boolean built = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
            return built && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
