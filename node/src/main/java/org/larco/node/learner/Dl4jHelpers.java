package org.larco.node.learner;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches on DL4J's oneDNN layer helpers when the loaded nd4j-native build contains oneDNN.
 * DL4J 1.0.0-M2.1 creates a layer's helper at network initialisation only if the system property
 * {@value #DISABLE_PROPERTY} is "false" (its default is "true"). With the helpers, convolution
 * and pooling run in oneDNN. On two cores the default CNN then trained 1.8 to 3.5 times and
 * inferred about 2.8 times faster, with outputs equal to within 1e-5 (node learner section of
 * BENCHMARKS.md).
 *
 * <p>NOTE: the property is global to the JVM, so this also changes other DL4J networks built in
 * the same process. A value set on the command line (for example {@code -D}{@value
 * #DISABLE_PROPERTY}{@code =true} to rule the helpers out) is left as it is.
 */
public final class Dl4jHelpers {

    /** DL4J's switch for all layer helpers. */
    public static final String DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger log = LoggerFactory.getLogger(Dl4jHelpers.class);
    private static volatile Boolean oneDnnBuild;

    private Dl4jHelpers() {
    }

    /** Enables the helpers if the native build has oneDNN and the property is unset. Idempotent. */
    public static synchronized void enableIfAvailable() {
        if (oneDnnBuild != null) {
            return;
        }
        Nd4j.getExecutioner();
        oneDnnBuild = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");

        String setting = System.getProperty(DISABLE_PROPERTY);
        if (oneDnnBuild && setting == null) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
        log.info("DL4J layer helpers {}: nd4j-native {} oneDNN, {}={}", helpersEnabled() ? "on" : "off",
                oneDnnBuild ? "has" : "lacks", DISABLE_PROPERTY, System.getProperty(DISABLE_PROPERTY));
    }

    /** Returns whether new networks get oneDNN helpers. */
    public static boolean helpersEnabled() {
        return Boolean.TRUE.equals(oneDnnBuild) && "false".equals(System.getProperty(DISABLE_PROPERTY));
    }
}
