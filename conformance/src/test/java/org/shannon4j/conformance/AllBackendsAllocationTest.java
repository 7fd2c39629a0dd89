package org.shannon4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;
import org.shannon4j.loss.Losses;
import org.shannon4j.rows.RowMeasures;
import org.shannon4j.spi.Kernels;

/**
 * Every backend's hot loops, once compiled, allocate nothing on this machine (and, in the build's extra runs, at
 * the narrower SIMD shapes). For the SIMD backend this checks that C2 compiles every Vector API operation the
 * loops use on this CPU, and that no vector crosses a method C2 did not inline: either way the vector is
 * allocated, so the answer stays right but the loop can run slower than the scalar backend. On AVX2,
 * convert(L2D), which needs the AVX-512DQ conversion, made the double log kernels 2× slower than scalar (56
 * bytes per element); a lane-sum helper taking a vector boxed three vectors per block of float Hellinger; at
 * 2 double lanes (the 128-bit run on x86) the equal-width binning's masks allocated 708 bytes per element. Each
 * call is repeated until one allocates almost nothing (at most {@value #BYTES_PER_CALL} bytes for {@value #N}
 * elements, far below one box per vector, see there) or {@value #CALLS} calls have all allocated more; C2
 * compiles the loops within the first few calls (each runs thousands of loop iterations).
 * Calls go through the facade, so they reach the kernels with the same profiles as a user's; the counting
 * kernels of the selection, continuous and registration families, which no facade measure of this module
 * reaches, are called on the backend's kernels directly (not densePairCodes: its hash table of the distinct
 * pairs is allocated per call by design).
 */
class AllBackendsAllocationTest {

    private static final int N = 100_000;
    private static final int CLASSES = 10;
    /**
     * A byte per 16 elements. A box per vector costs 12 bytes per element or more; float Hellinger's three boxes
     * per block of 512 cost 0.375. The compiled loops allocate nothing at all (0 bytes per call measured, all
     * widths, on a Zen 1 host); the slack is for the JVM's own occasional allocations.
     */
    private static final long BYTES_PER_CALL = N / 16;
    /** Calls of one measure before the test gives up: a count, not a time, so a slow machine only takes longer. */
    private static final int CALLS = 5_000;

    private static com.sun.management.ThreadMXBean threads;
    private static double[] p;
    private static double[] q;
    private static float[] pf;
    private static float[] qf;
    private static int[] targets;

    @BeforeAll
    static void data() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // unsupported or disabled, the counter reads −1 and every call would "allocate" 0 bytes
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        threads.setThreadAllocatedMemoryEnabled(true);
        SplittableRandom r = new SplittableRandom(7);
        p = rows(r);
        q = rows(r);
        pf = new float[N];
        qf = new float[N];
        for (int i = 0; i < N; i++) {
            pf[i] = (float) p[i];
            qf[i] = (float) q[i];
        }
        targets = new int[N / CLASSES];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = r.nextInt(CLASSES);
        }
    }

    /** N / CLASSES rows of CLASSES positive entries, each row summing to 1 (so also one distribution of N). */
    private static double[] rows(SplittableRandom r) {
        double[] a = new double[N];
        for (int row = 0; row < N / CLASSES; row++) {
            double s = 0;
            for (int c = 0; c < CLASSES; c++) {
                a[row * CLASSES + c] = r.nextDouble(0.01, 1.0);
                s += a[row * CLASSES + c];
            }
            for (int c = 0; c < CLASSES; c++) {
                a[row * CLASSES + c] /= s;
            }
        }
        return a;
    }

    static Stream<Shannon> backends() {
        return ConformanceBackends.supported();
    }

    private static void allocationFree(Shannon backend, String what, Runnable call) {
        long fewest = Long.MAX_VALUE;
        for (int c = 0; c < CALLS; c++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            call.run();
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            fewest = Math.min(fewest, bytes);
            if (bytes <= BYTES_PER_CALL) {
                return;
            }
        }
        fail(backend.backendName() + ", " + what + ": every one of " + CALLS + " calls allocated, at least " + fewest
                + " bytes for " + N + " elements: a vector operation C2 does not compile on this CPU,"
                + " or a vector passed to a method C2 did not inline?");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void distributionKernels(Shannon given) {
        // the whole array is one distribution of N / CLASSES times the mass: normalised by the measure
        Shannon backend = given.withNormalization(Normalization.NORMALIZE);
        allocationFree(backend, "entropy, double", () -> backend.entropy(p));
        allocationFree(backend, "entropy, float", () -> backend.entropy(pf));
        allocationFree(backend, "cross-entropy, double", () -> backend.crossEntropy(p, q));
        allocationFree(backend, "cross-entropy, float", () -> backend.crossEntropy(pf, qf));
        allocationFree(backend, "KL, double", () -> backend.klDivergence(p, q));
        allocationFree(backend, "KL, float", () -> backend.klDivergence(pf, qf));
        allocationFree(backend, "JS, double", () -> backend.jsDivergence(p, q));
        allocationFree(backend, "JS, float", () -> backend.jsDivergence(pf, qf));
        allocationFree(backend, "Hellinger, double", () -> backend.squaredHellingerDistance(p, q));
        allocationFree(backend, "Hellinger, float", () -> backend.squaredHellingerDistance(pf, qf));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void rowKernels(Shannon backend) {
        RowMeasures rows = backend.rows();
        double[] out = new double[N / CLASSES];
        allocationFree(backend, "row entropy, double", () -> rows.entropy(p, 0, N / CLASSES, CLASSES, out, 0));
        allocationFree(backend, "row entropy, float", () -> rows.entropy(pf, 0, N / CLASSES, CLASSES, out, 0));
        allocationFree(backend, "row KL, double", () -> rows.klDivergence(p, 0, q, 0, N / CLASSES, CLASSES, out, 0));
        allocationFree(backend, "row JS, double", () -> rows.jsDivergence(p, 0, q, 0, N / CLASSES, CLASSES, out, 0));
        allocationFree(backend, "row KL, float", () -> rows.klDivergence(pf, 0, qf, 0, N / CLASSES, CLASSES, out, 0));
        allocationFree(backend, "row JS, float", () -> rows.jsDivergence(pf, 0, qf, 0, N / CLASSES, CLASSES, out, 0));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void countingKernels(Shannon backend) {
        Kernels k = backend.context().kernels();
        int bins = 10;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = 0.1 * i; // p and q lie in (0, 1): no value is outside the bins
        }
        int[] codes = new int[N];
        byte[] byteCodes = new byte[N];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = targets[i / CLASSES] * 10 + i % CLASSES; // 100 labels
        }
        int words = N / 64 + 1;
        long[] sets = new long[(bins - 1) * words];
        long[] counts = new long[(bins - 1) * (bins - 1)];
        long[] decoded = new long[(bins - 1) * words];
        long[] codeCounts = new long[bins];
        int[] table = new int[bins * bins];
        int[] labelTable = new int[100 * 100];
        long[] keys = new long[2];
        k.equalWidthBins(p, 0, N, edges, bins, byteCodes);
        allocationFree(backend, "equal-width bins, int codes", () -> k.equalWidthBins(p, 0, N, edges, bins, codes));
        allocationFree(backend, "equal-width bins, byte codes",
                () -> k.equalWidthBins(q, 0, N, edges, bins, byteCodes));
        allocationFree(backend, "byte code counts", () -> k.countCodes(byteCodes, 0, N, bins, codeCounts));
        allocationFree(backend, "level sets", () -> k.levelSets(byteCodes, 0, N, bins - 1, sets, 0, words));
        allocationFree(backend, "level planes", () -> k.levelPlanes(byteCodes, 0, N, bins - 1, sets, 0, words));
        long[] classMasks = new long[2 * words];
        int[] classStarts = new int[2];
        for (int i = 0; i < N; i++) {
            classMasks[(targets[i / CLASSES] & 1) * words + (i >>> 6)] |= 1L << i;
        }
        byte[] grouped = new byte[N];
        allocationFree(backend, "split by class", () -> {
            int ones = 0;
            for (int w = 0; w < words; w++) {
                ones += Long.bitCount(classMasks[words + w]);
            }
            classStarts[0] = 0;
            classStarts[1] = N - ones;
            k.splitByClass(byteCodes, 0, N, classMasks, 2, classStarts, grouped);
        });
        allocationFree(backend, "intersection counts",
                () -> k.intersectionCounts(sets, 0, bins - 1, sets, 0, bins - 1, words, counts));
        int planes = 32 - Integer.numberOfLeadingZeros(bins - 1);
        allocationFree(backend, "decode planes", () -> k.decodePlanes(sets, 0, planes, bins - 1, words, decoded, 0));
        allocationFree(backend, "bin pairs, double", () -> k.binPairs(p, 0, q, 0, N, edges, edges, bins, table));
        allocationFree(backend, "bin pairs, float", () -> k.binPairs(pf, 0, qf, 0, N, edges, edges, bins, table));
        allocationFree(backend, "label range", () -> k.minMax(labels, 0, N));
        allocationFree(backend, "float keys range", () -> k.minMaxKeys(pf, 0, N));
        allocationFree(backend, "double keys range", () -> k.minMaxKeys(p, 0, N, keys));
        allocationFree(backend, "label pair counts", () -> k.countPairs(labels, 0, 0, codes, 0, 0, 100, N, labelTable));
        allocationFree(backend, "n log n", () -> k.nLogN(labelTable, 0, labelTable.length));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void lossKernels(Shannon backend) {
        Losses losses = backend.losses();
        allocationFree(backend, "softmax cross-entropy, double",
                () -> losses.softmaxCrossEntropy(p, N / CLASSES, CLASSES, targets));
        allocationFree(backend, "softmax cross-entropy, float",
                () -> losses.softmaxCrossEntropy(pf, N / CLASSES, CLASSES, targets));
        // every BCE variant first (weights, outputs, clipping, both types, both losses), so that the loops are
        // compiled with all their paths seen: with the float output's conversion in a branch, that state boxed
        // every term of every later call
        Kernels k = backend.context().kernels();
        double[] out = new double[N];
        float[] outF = new float[N];
        double[] aux = new double[Kernels.AUX_LENGTH];
        for (int rep = 0; rep < 200; rep++) {
            for (int v = 0; v < 8; v++) {
                boolean weights = (v & 1) != 0;
                boolean outputs = (v & 2) != 0;
                double eps = (v & 4) != 0 ? 1e-7 : 0;
                int n = 1000 + rep % 50;
                k.binaryCrossEntropy(q, 0, p, 0, weights ? p : null, 0, n, eps, outputs ? out : null, 0, aux);
                k.binaryCrossEntropy(qf, 0, pf, 0, weights ? pf : null, 0, n, eps, outputs ? outF : null, 0, aux);
                k.binaryCrossEntropyWithLogits(q, 0, p, 0, weights ? p : null, 0, n, 1.5, outputs ? out : null, 0,
                        aux);
                k.binaryCrossEntropyWithLogits(qf, 0, pf, 0, weights ? pf : null, 0, n, 1.5, outputs ? outF : null, 0,
                        aux);
            }
        }
        allocationFree(backend, "binary cross-entropy, double", () -> losses.binaryCrossEntropy(q, p));
        allocationFree(backend, "binary cross-entropy, float", () -> losses.binaryCrossEntropy(qf, pf));
        allocationFree(backend, "binary cross-entropy with logits, double",
                () -> losses.binaryCrossEntropyWithLogits(q, p));
        allocationFree(backend, "binary cross-entropy with logits, float",
                () -> losses.binaryCrossEntropyWithLogits(qf, pf));
    }
}
