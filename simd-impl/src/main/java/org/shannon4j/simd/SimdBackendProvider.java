package org.shannon4j.simd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.shannon4j.spi.BackendProvider;
import org.shannon4j.spi.Kernels;

/**
 * The Vector-API backend. This class mentions no {@code jdk.incubator.vector} type, so it loads in any JVM;
 * {@link #unsupportedReason()} checks the module graph first and only then touches {@link VectorSupport}.
 * A JVM without {@code --add-modules jdk.incubator.vector} therefore sees "unsupported", not
 * {@code NoClassDefFoundError}.
 */
public final class SimdBackendProvider implements BackendProvider {

    /** Above the scalar reference (0): preferred whenever it can run well. */
    public static final int PRIORITY = 100;

    /** Created by {@link java.util.ServiceLoader}. */
    public SimdBackendProvider() {
    }

    private static final class Verdict {
        static final Optional<String> REASON = probe();
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Optional<String> unsupportedReason() {
        return Verdict.REASON;
    }

    @Override
    public String description() {
        if (!Verdict.REASON.isEmpty()) {
            return "";
        }
        String logs = "double lanes " + (SimdKernels.OWN_DOUBLE ? "own (≤ " + DoubleLog.MAX_ULP_ERROR + " ulp)"
                : SimdKernels.SCALAR_DOUBLE_LANES ? "scalar loops (2 lanes)" : "JDK")
                + ", float lanes " + (SimdKernels.OWN_FLOAT ? "own (≤ " + FloatLog.MAX_ULP_ERROR + " ulp)" : "JDK");
        return VectorSupport.describe() + ", logs: " + logs + ", losses: own exp/log (≤ 1 ulp, same bits on every JIT"
                + " tier), vector math library: " + mathLibrary().orElse("none");
    }

    @Override
    public Kernels kernels() {
        Verdict.REASON.ifPresent(reason -> {
            throw new IllegalStateException("SIMD backend unsupported: " + reason);
        });
        return VectorSupport.kernels();
    }

    private static Optional<String> probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Optional.of("jdk.incubator.vector is not in the module graph, so the vector kernels"
                    + " (10-25x faster than scalar on large inputs with AVX-512, 1.2-5x with AVX2) cannot run;"
                    + " run the JVM with"
                    + " --add-modules jdk.incubator.vector (or put shannon4j-simd on the module path)");
        }
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            return Optional.of("the JVM runs interpreted only (-Xint): vector code would be slower than scalar");
        }
        if (mathLibrary().isEmpty()) {
            return Optional.of("this JDK has no vector math library (libjsvml/libsleef) for "
                    + System.getProperty("os.arch") + ": VectorOperators.LOG would run as slow Java code");
        }
        try {
            int bits = VectorSupport.preferredBitSize();
            if (bits < 128) {
                return Optional.of("the preferred vector is " + bits + " bits wide, narrower than 128");
            }
        } catch (LinkageError e) {
            return Optional.of("the vector API failed to initialise: " + e);
        }
        return Optional.empty();
    }

    /**
     * The JDK's vectorised math library, which backs {@code lanewise(LOG)}: Intel SVML on x86-64, SLEEF on
     * AArch64. Without it the operator falls back to per-lane Java code, 10-100× slower.
     */
    private static Optional<String> mathLibrary() {
        Path home = Path.of(System.getProperty("java.home"));
        for (String name : new String[] {"jsvml", "sleef"}) {
            String file = System.mapLibraryName(name);
            for (Path dir : new Path[] {home.resolve("lib"), home.resolve("bin")}) {
                if (Files.isRegularFile(dir.resolve(file))) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
