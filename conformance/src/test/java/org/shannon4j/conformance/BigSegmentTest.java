package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * Issue 6: a native float segment of 3,000,001,000 elements (12 GB, more than 2³¹ elements) on every backend,
 * sequential, with 2 threads, and deterministic. Tagged "big": only {@code -Pbig} runs it (see
 * conformance/pom.xml), and it skips itself when the machine has less than 14 GB free.
 *
 * <p>The segment repeats the counts 1..1000 (NORMALIZE), so every result has a closed form computed from one
 * period in double: H = ln S − Σₖ aₖ·ln aₖ / Σₖ aₖ with S the total, and KL/JS of the segment against itself
 * shifted by 500 elements are those of one period. The tolerance is the documented float bound, 1e-6 relative
 * for entropy (float logs), 1e-12 absolute for KL and JS (computed in double; Σ|terms| ≈ 1).
 */
@Tag("big")
class BigSegmentTest {

    static final long N = 3_000_001_000L;
    static final int PERIOD = 1000;
    static final long SHIFT = 500;
    static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    static Arena arena;
    static MemorySegment seg;

    @BeforeAll
    static void fill() {
        long free = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getFreeMemorySize();
        assumeTrue(free > 14L << 30, "needs 14 GB of free memory, " + (free >> 30) + " GB free");
        arena = Arena.ofShared();
        seg = arena.allocate(N * Float.BYTES, Float.BYTES);
        for (int k = 0; k < PERIOD; k++) {
            seg.setAtIndex(F, k, k + 1);
        }
        long filled = PERIOD;
        while (filled < N) {
            long n = Math.min(filled, N - filled);
            MemorySegment.copy(seg, 0, seg, filled * Float.BYTES, n * Float.BYTES);
            filled += n;
        }
    }

    @AfterAll
    static void free() {
        if (arena != null) {
            arena.close();
        }
    }

    static double entropyOfPattern(long periods) {
        double a = 0;
        double t = 0;
        for (int k = 1; k <= PERIOD; k++) {
            a += k;
            t += k * Math.log(k);
        }
        return Math.log(a * periods) - t / a;
    }

    static double klOfPattern() {
        double kl = 0;
        double a = PERIOD * (PERIOD + 1) / 2.0;
        for (int k = 0; k < PERIOD; k++) {
            double x = (k + 1) / a;
            double y = ((k + SHIFT) % PERIOD + 1) / a;
            kl += x * Math.log(x / y);
        }
        return kl;
    }

    static double jsOfPattern() {
        double js = 0;
        double a = PERIOD * (PERIOD + 1) / 2.0;
        for (int k = 0; k < PERIOD; k++) {
            double x = (k + 1) / a;
            double y = ((k + SHIFT) % PERIOD + 1) / a;
            double m = (x + y) / 2;
            js += 0.5 * (x * Math.log(x / m) + y * Math.log(y / m));
        }
        return js;
    }

    /** Runs one check, labelled in the output (speed of segments is measured by SegmentBenchmark, not here). */
    static void check(String what, Runnable r) {
        System.out.println(what);
        r.run();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.shannon4j.conformance.ConformanceBackends#supported")
    void threeBillionFloats(Shannon backend) {
        Shannon s = backend.withNormalization(Normalization.NORMALIZE);
        String name = backend.backendName();
        double h = entropyOfPattern(N / PERIOD);
        long count = N - PERIOD;
        double kl = klOfPattern();
        double js = jsOfPattern();
        for (Shannon handle : new Shannon[] {s, s.withParallelism(2), s.withParallelism(2).withDeterministicParallelism(true)}) {
            String label = name + " " + handle.parallelism() + " thread(s)"
                    + (handle.isDeterministicParallelism() ? " deterministic" : "");
            check(label + " entropy", () -> {
                double got = handle.entropy(seg, F);
                System.out.printf("  entropy %.17g expected %.17g rel err %.2e%n", got, h, Math.abs(got - h) / h);
                assertEquals(h, got, 1e-6 * h, label);
            });
            check(label + " klDivergence", () -> {
                double got = handle.klDivergence(seg, 0, seg, SHIFT, count, F);
                System.out.printf("  kl %.17g expected %.17g abs err %.2e%n", got, kl, Math.abs(got - kl));
                assertEquals(kl, got, 1e-12, label);
            });
            if (handle.parallelism() == 2 && !handle.isDeterministicParallelism()) {
                check(label + " jsDivergence", () -> {
                    double got = handle.jsDivergence(seg, 0, seg, SHIFT, count, F);
                    System.out.printf("  js %.17g expected %.17g abs err %.2e%n", got, js, Math.abs(got - js));
                    assertEquals(js, got, 1e-12, label);
                });
            }
        }
        long bad = 3_000_000_017L;
        float old = seg.getAtIndex(F, bad);
        seg.setAtIndex(F, bad, -0.25f);
        try {
            check(name + " bad entry at 3000000017 (2 threads)", () -> assertEquals(
                    "p[3000000017] = -0.25: probabilities must be >= 0",
                    assertThrows(IllegalArgumentException.class, () -> s.withParallelism(2).entropy(seg, F))
                            .getMessage()));
        } finally {
            seg.setAtIndex(F, bad, old);
        }
    }
}
