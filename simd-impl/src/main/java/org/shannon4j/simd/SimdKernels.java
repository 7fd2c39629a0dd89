package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.I2D;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.OR;
import static jdk.incubator.vector.VectorOperators.XOR;
import static org.shannon4j.spi.Terms.CROSS;
import static org.shannon4j.spi.Terms.HELLINGER;
import static org.shannon4j.spi.Terms.JS;
import static org.shannon4j.spi.Terms.KL;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.BlockedKernels;
import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Terms;

/**
 * Vector-API block loops with the preferred species. It overrides only the kernels it vectorises; every kernel
 * that does not vectorise (count scatters, dense codes, most loss options) is the SPI's reference default of
 * {@link Kernels}, and every block it does not vectorise (the 128-bit double lanes) is {@link BlockedKernels}'
 * reference block loop. {@link BlockedKernels} walks the blocks, keeps the compensated totals, handles tails
 * and recomputes non-finite KL/JS blocks exactly.
 *
 * <p>Each block method is pure vector code whose vector accumulators are added lane by lane in a fixed order at
 * its end (not {@code reduceLanes(ADD)}, whose order differs between C2 and the Java code that runs before C2
 * compiles the loop: results would change after warm-up); validity is the OR of the raw sign bits (see
 * {@code noNegatives}). By default every log kernel runs one of our two fused log
 * loops: {@link DoubleLog#loop} for double lanes (double input, and float KL and JS, widened because their
 * terms cancel when p ≈ q) and {@link FloatLog#loop} for float entropy and cross-entropy (one-signed terms,
 * float precision is enough). Their zero weights add exactly 0 through a finite log. Both use only exactly
 * rounded vector operations, so every JIT tier gives the same bits. The JDK-log loops below, kept for A/B runs
 * ({@code LOG_CHOICE}), exclude zero leading factors with a masked add instead, so {@code 0·ln 0} never reaches
 * a sum; they are not tier-independent (SVML in C2, per-lane {@code Math.log} before; {@code reduceLanes}).
 * Lane counts come from {@link Species} (the preferred shape, or the narrower test shape).
 *
 * <p>Rule: no method of ours takes or returns a vector. C2 stops inlining when a compilation reaches its
 * node-count cutoff, which vector-heavy loops do; a helper of ours that is then left out-of-line boxes every
 * vector it receives or returns (kB per call, 10-50× slower). Only the JDK's {@code @ForceInline} vector
 * methods are exempt, so conversions and constants are written inline, and each block is its own method so
 * that each compilation stays small.
 */
final class SimdKernels extends BlockedKernels {

    static final SimdKernels INSTANCE = new SimdKernels();

    private static final VectorSpecies<Double> D = Species.D;
    private static final VectorSpecies<Float> F = Species.F;
    private static final VectorSpecies<Integer> I = Species.I;
    private static final VectorSpecies<Long> L = Species.L;
    private static final int DL = D.length();
    private static final int FL = F.length();
    /**
     * Elements per block: a multiple of every lane count, so blocks split only at the tail, and 128 per double
     * lane (1024 at 512 bits, 512 at 256 bits). The double-lane log loops keep one vector accumulator for Σp and
     * Σq, so a lane's partial sum holds BLOCK / lanes elements, each addition rounding by up to ε/2 of the
     * partial: the documented absolute bound (the rounding of Σp, up to 128 elements a partial sum) needs at most
     * 128. (A fixed 1024 put 256 elements into each 256-bit partial: KL of one entry near 1 among thousands of
     * 1e-12 came out 129ε off.)
     */
    static final int BLOCK = 128 * DL;
    /**
     * Which log each kernel uses: ours (a table + polynomial fused into the kernel's one vector loop:
     * {@link DoubleLog#loop} for the double-lane kernels, {@link FloatLog#loop} for float lanes) or the JDK's
     * {@code lanewise(LOG)} (SVML-backed on x86). Ours is the default of every kernel, chosen by JMH (see README,
     * backend section), and the only one whose results are the same on every JIT tier; system property
     * {@code shannon4j.simd.log=jdk} forces the JDK's everywhere (A/B benchmarks only; {@code own} or unset: ours).
     * Read once. The measurements behind the choice are in {@code docs/performance-notes.md}.
     */
    private static final String LOG_CHOICE = System.getProperty("shannon4j.simd.log", "");
    private static final boolean FORCE_JDK = "jdk".equalsIgnoreCase(LOG_CHOICE);
    /**
     * Two double lanes (128-bit vectors): C2 on x86 compiles no 2-lane long or double compare or mask
     * ({@code -XX:+PrintIntrinsics}: "not supported: ... vlen=2 etype=long"), so both logs there run as boxed
     * Java code, far slower than the scalar loops ({@code docs/performance-notes.md}). The double-lane kernels (double input, float KL and JS, sums) then run the scalar
     * reference loops, fast and tier-independent; float entropy and cross-entropy keep {@link FloatLog} (4 int
     * lanes compile). The JDK-log A/B mode keeps its vector loops.
     */
    static final boolean SCALAR_DOUBLE_LANES = DL < 4 && !FORCE_JDK;
    /** Two double lanes, whatever the log choice: the binning kernels' masks box there too (no log involved). */
    static final boolean TWO_DOUBLE_LANES = DL < 4;
    /** Every double-lane log kernel (double input, and float KL/JS widened to double) runs {@link DoubleLog#loop}. */
    static final boolean OWN_DOUBLE = DoubleLog.SUPPORTED && !FORCE_JDK && !SCALAR_DOUBLE_LANES;
    /**
     * Float entropy and cross-entropy run {@link FloatLog#loop}, the faster of the float logs measured
     * ({@code docs/performance-notes.md}).
     */
    static final boolean OWN_FLOAT = FloatLog.SUPPORTED && !FORCE_JDK;

    private SimdKernels() {
    }

    @Override
    protected int blockLength() {
        return SCALAR_DOUBLE_LANES ? super.blockLength() : BLOCK;
    }

    @Override
    protected int laneMultiple(boolean float32) {
        return float32 ? FL : DL;
    }

    @Override
    protected boolean pairBlock(int kind, double[] p, double[] q, int from, int to, int shift, double c,
                                double[] out) {
        if (SCALAR_DOUBLE_LANES) {
            return super.pairBlock(kind, p, q, from, to, shift, c, out);
        }
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            case JS -> jsBlock(p, q, from, to, shift, c, out);
            case HELLINGER -> hellingerBlock(p, q, from, to, shift, c, out);
            default -> super.pairBlock(kind, p, q, from, to, shift, c, out); // a kind not vectorised here
        };
    }

    @Override
    protected boolean pairBlock(int kind, float[] p, float[] q, int from, int to, int shift, double c,
                                double[] out) {
        if (SCALAR_DOUBLE_LANES && kind != CROSS) {
            return super.pairBlock(kind, p, q, from, to, shift, c, out);
        }
        return switch (kind) {
            case CROSS -> xLogYBlock(p, q, from, to, shift, out);
            case KL -> klBlock(p, q, from, to, shift, out);
            case JS -> jsBlock(p, q, from, to, shift, c, out);
            case HELLINGER -> hellingerBlock(p, q, from, to, shift, c, out);
            default -> super.pairBlock(kind, p, q, from, to, shift, c, out); // a kind not vectorised here
        };
    }

    // ------------------------------------------------------------------------------------------------ blocks
    // Each block method covers [from, to), a multiple of its lane count, and returns false if an element is negative.

    @Override
    protected boolean sumBlock(double[] a, int from, int to, double[] out) {
        if (SCALAR_DOUBLE_LANES) {
            return super.sumBlock(a, from, to, out);
        }
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            DoubleVector y = DoubleVector.fromArray(D, a, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, a, i);
            s0 = s0.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
        }
        out[OUT_A] = 0;
        DoubleVector s = s0.add(s1);
        double sum = 0;
        for (int j = 0; j < DL; j++) { // fixed order on every JIT tier, unlike reduceLanes(ADD)
            sum += s.lane(j);
        }
        out[OUT_P] = sum;
        return signs.reduceLanes(OR) >= 0 || noNegatives(a, from, to);
    }

    @Override
    protected boolean sumBlock(float[] a, int from, int to, double[] out) {
        if (SCALAR_DOUBLE_LANES) {
            return super.sumBlock(a, from, to, out);
        }
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            signs = signs.or(x.viewAsIntegralLanes());
        }
        out[OUT_A] = 0;
        DoubleVector s = s0.add(s1);
        double sum = 0;
        for (int j = 0; j < DL; j++) { // fixed order on every JIT tier, unlike reduceLanes(ADD)
            sum += s.lane(j);
        }
        out[OUT_P] = sum;
        return signs.reduceLanes(OR) >= 0 || noNegatives(a, from, to);
    }

    @Override
    protected boolean xLogXBlock(double[] p, int from, int to, double[] out) {
        if (SCALAR_DOUBLE_LANES) {
            return super.xLogXBlock(p, from, to, out);
        }
        if (OWN_DOUBLE) {
            return DoubleLog.loop(Terms.X_LOG_X, p, null, null, null, from, to, 0, 1.0, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, p, i + DL);
            s0 = s0.add(x);
            s1 = s1.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(y.mul(y.lanewise(LOG)), y.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            s0 = s0.add(x);
            signs = signs.or(x.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, from, to);
    }

    /** Float entropy: {@link FloatLog#loop} or the JDK's float LOG; terms in float, sums in double lanes. */
    @Override
    protected boolean xLogXBlock(float[] p, int from, int to, double[] out) {
        if (OWN_FLOAT) {
            return FloatLog.loop(Terms.X_LOG_X, p, null, from, to, 0, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, s0 = t0, s1 = t0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            signs = signs.or(x.viewAsIntegralLanes());
            FloatVector term = x.mul(x.lanewise(LOG), x.compare(GT, 0f)); // zero lanes keep x = 0
            s0 = s0.add((DoubleVector) x.convert(F2D, 0));
            s1 = s1.add((DoubleVector) x.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = finiteOrDouble(t0.add(t1).reduceLanes(ADD), Terms.X_LOG_X, p, null, from, to, 0);
        out[OUT_P] = s0.add(s1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, from, to);
    }

    private static boolean xLogYBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        if (OWN_DOUBLE) {
            return DoubleLog.loop(Terms.CROSS, p, q, null, null, from, to, shift, 1.0, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes()).or(x2.viewAsIntegralLanes()).or(y2.viewAsIntegralLanes());
            t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(y2.lanewise(LOG)), x2.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(y.lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean xLogYBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        if (OWN_FLOAT) {
            return FloatLog.loop(Terms.CROSS, p, q, from, to, shift, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        IntVector signs = IntVector.zero(I);
        FloatVector zero = FloatVector.zero(F);
        for (int i = from; i < to; i += FL) {
            FloatVector x = FloatVector.fromArray(F, p, i);
            FloatVector y = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            FloatVector term = zero.blend(x.mul(y.lanewise(LOG)), x.compare(GT, 0f));
            p0 = p0.add((DoubleVector) x.convert(F2D, 0));
            p1 = p1.add((DoubleVector) x.convert(F2D, 1));
            q0 = q0.add((DoubleVector) y.convert(F2D, 0));
            q1 = q1.add((DoubleVector) y.convert(F2D, 1));
            t0 = t0.add((DoubleVector) term.convert(F2D, 0));
            t1 = t1.add((DoubleVector) term.convert(F2D, 1));
        }
        out[OUT_A] = finiteOrDouble(t0.add(t1).reduceLanes(ADD), Terms.CROSS, p, q, from, to, shift);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean klBlock(double[] p, double[] q, int from, int to, int shift, double[] out) {
        if (OWN_DOUBLE) {
            return DoubleLog.loop(Terms.KL, p, q, null, null, from, to, shift, 1.0, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes()).or(x2.viewAsIntegralLanes()).or(y2.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean klBlock(float[] p, float[] q, int from, int to, int shift, double[] out) {
        if (OWN_DOUBLE) {
            return DoubleLog.loop(Terms.KL, null, null, p, q, from, to, shift, 1.0, out);
        }
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x);
            p1 = p1.add(x2);
            q0 = q0.add(y);
            q1 = q1.add(y2);
            t0 = t0.add(x.mul(x.div(y).lanewise(LOG)), x.compare(GT, 0.0));
            t1 = t1.add(x2.mul(x2.div(y2).lanewise(LOG)), x2.compare(GT, 0.0));
        }
        out[OUT_A] = t0.add(t1).reduceLanes(ADD);
        out[OUT_B] = 0;
        out[OUT_P] = p0.add(p1).reduceLanes(ADD);
        out[OUT_Q] = q0.add(q1).reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    /** JS through {@link DoubleLog#loop}: the p half, then the q half over the same block (in L1 by then). */
    private static boolean jsInTwoPasses(double[] p, double[] q, float[] pf, float[] qf, int from, int to, int shift,
                                  double c, double[] out) {
        boolean valid = DoubleLog.loop(Terms.JS, p, q, pf, qf, from, to, shift, c, out);
        double pHalf = out[OUT_A], sumP = out[OUT_P], sumQ = out[OUT_Q];
        DoubleLog.loop(DoubleLog.JS_Q, p, q, pf, qf, from, to, shift, c, out);
        out[OUT_B] = out[OUT_A];
        out[OUT_A] = pHalf;
        out[OUT_P] = sumP;
        out[OUT_Q] = sumQ;
        return valid;
    }

    // Hellinger terms (√p − c·√q)²: a square root is correctly rounded in a lane as in Math.sqrt, so each term is
    // the reference term to the bit; only the order of the additions differs (fixed: two accumulators, then the
    // lanes in order).

    private static boolean hellingerBlock(double[] p, double[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        LongVector signs = LongVector.zero(L);
        int i = from;
        for (; i <= to - 2 * DL; i += 2 * DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            DoubleVector x2 = DoubleVector.fromArray(D, p, i + DL);
            DoubleVector y2 = DoubleVector.fromArray(D, q, i + DL + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes()).or(x2.viewAsIntegralLanes()).or(y2.viewAsIntegralLanes());
            DoubleVector d = x.sqrt().sub(y.sqrt().mul(c));
            DoubleVector d2 = x2.sqrt().sub(y2.sqrt().mul(c));
            t0 = t0.add(d.mul(d));
            t1 = t1.add(d2.mul(d2));
        }
        if (i < to) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            DoubleVector d = x.sqrt().sub(y.sqrt().mul(c));
            t0 = t0.add(d.mul(d));
        }
        // the lanes in lane order (the same on every JIT tier, unlike reduceLanes(ADD)), written out here: a
        // helper taking the vector was not always inlined, and then boxed three vectors per block
        DoubleVector t = t0.add(t1), sp = p0.add(p1), sq = q0.add(q1);
        double terms = 0, sumP = 0, sumQ = 0;
        for (int j = 0; j < DL; j++) {
            terms += t.lane(j);
            sumP += sp.lane(j);
            sumQ += sq.lane(j);
        }
        out[OUT_A] = terms;
        out[OUT_B] = 0;
        out[OUT_P] = sumP;
        out[OUT_Q] = sumQ;
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean hellingerBlock(float[] p, float[] q, int from, int to, int shift, double c, double[] out) {
        DoubleVector t0 = DoubleVector.zero(D), t1 = t0, p0 = t0, p1 = t0, q0 = t0, q1 = t0;
        IntVector signs = IntVector.zero(I);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1);
            DoubleVector y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x);
            q0 = q0.add(y);
            p1 = p1.add(x2);
            q1 = q1.add(y2);
            DoubleVector d = x.sqrt().sub(y.sqrt().mul(c));
            DoubleVector d2 = x2.sqrt().sub(y2.sqrt().mul(c));
            t0 = t0.add(d.mul(d));
            t1 = t1.add(d2.mul(d2));
        }
        // the lanes in lane order (the same on every JIT tier, unlike reduceLanes(ADD)), written out here: a
        // helper taking the vector was not always inlined, and then boxed three vectors per block
        DoubleVector t = t0.add(t1), sp = p0.add(p1), sq = q0.add(q1);
        double terms = 0, sumP = 0, sumQ = 0;
        for (int j = 0; j < DL; j++) {
            terms += t.lane(j);
            sumP += sp.lane(j);
            sumQ += sq.lane(j);
        }
        out[OUT_A] = terms;
        out[OUT_B] = 0;
        out[OUT_P] = sumP;
        out[OUT_Q] = sumQ;
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean jsBlock(double[] p, double[] q, int from, int to, int shift, double c, double[] out) {
        if (OWN_DOUBLE) {
            return jsInTwoPasses(p, q, null, null, from, to, shift, c, out);
        }
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        LongVector signs = LongVector.zero(L);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += DL) {
            DoubleVector x = DoubleVector.fromArray(D, p, i);
            DoubleVector y = DoubleVector.fromArray(D, q, i + shift);
            p0 = p0.add(x);
            q0 = q0.add(y);
            signs = signs.or(x.viewAsIntegralLanes()).or(y.viewAsIntegralLanes());
            DoubleVector cy = y.mul(cv);
            DoubleVector scale = two.div(x.add(cy)); // 2/m, shared by both halves
            a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0));
            b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    private static boolean jsBlock(float[] p, float[] q, int from, int to, int shift, double c, double[] out) {
        if (OWN_DOUBLE) {
            return jsInTwoPasses(null, null, p, q, from, to, shift, c, out);
        }
        DoubleVector a0 = DoubleVector.zero(D), b0 = a0, p0 = a0, q0 = a0;
        IntVector signs = IntVector.zero(I);
        DoubleVector cv = DoubleVector.broadcast(D, c);
        DoubleVector two = DoubleVector.broadcast(D, 2.0);
        for (int i = from; i < to; i += FL) {
            FloatVector xf = FloatVector.fromArray(F, p, i);
            FloatVector yf = FloatVector.fromArray(F, q, i + shift);
            signs = signs.or(xf.viewAsIntegralLanes()).or(yf.viewAsIntegralLanes());
            DoubleVector x = (DoubleVector) xf.convert(F2D, 0), x2 = (DoubleVector) xf.convert(F2D, 1), y = (DoubleVector) yf.convert(F2D, 0), y2 = (DoubleVector) yf.convert(F2D, 1);
            p0 = p0.add(x).add(x2);
            q0 = q0.add(y).add(y2);
            DoubleVector cy = y.mul(cv), cy2 = y2.mul(cv);
            DoubleVector scale = two.div(x.add(cy)), scale2 = two.div(x2.add(cy2));
            a0 = a0.add(x.mul(x.mul(scale).lanewise(LOG)), x.compare(GT, 0.0))
                    .add(x2.mul(x2.mul(scale2).lanewise(LOG)), x2.compare(GT, 0.0));
            b0 = b0.add(y.mul(cy.mul(scale).lanewise(LOG)), y.compare(GT, 0.0))
                    .add(y2.mul(cy2.mul(scale2).lanewise(LOG)), y2.compare(GT, 0.0));
        }
        out[OUT_A] = a0.reduceLanes(ADD);
        out[OUT_B] = b0.reduceLanes(ADD);
        out[OUT_P] = p0.reduceLanes(ADD);
        out[OUT_Q] = q0.reduceLanes(ADD);
        return signs.reduceLanes(OR) >= 0 || noNegatives(p, q, from, to, shift);
    }

    // Validity without vector min: Java's lanewise MIN has Math.min's NaN and -0.0 rules, several instructions
    // per use on x86. NaN and infinities already show in the sums, so only negatives need catching: the
    // blocks OR the raw bits, and only when a sign bit shows up (a negative, or a valid -0.0) is the block
    // re-read exactly here.

    private static boolean noNegatives(double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(double[] p, double[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }

    /** The float-lane terms' sum, or, if a float term overflowed (see {@link FloatLog}), the block's double terms. */
    private static double finiteOrDouble(double terms, int kind, float[] p, float[] q, int from, int to, int shift) {
        return Math.abs(terms) < Double.POSITIVE_INFINITY ? terms : FloatLog.doubleTerms(kind, p, q, from, to, shift);
    }

    private static boolean noNegatives(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean noNegatives(float[] p, float[] q, int from, int to, int shift) {
        return noNegatives(p, from, to) && noNegatives(q, from + shift, to + shift);
    }

    // ------------------------------------------------------------------------------------------------------
    // Mutual information family: the label range, bitset intersection counts and Σ n·ln n vectorise; the count
    // scatters and dense codes are the SPI's reference defaults (a scatter with possible index conflicts does not
    // vectorise).
    // ------------------------------------------------------------------------------------------------------

    /** Integer lanes have no NaN or −0.0, so vector min/max are single instructions here. */
    @Override
    public long minMax(int[] a, int offset, int length) {
        return minMaxKeys(a, null, offset, length, 0);
    }

    /**
     * The keys in int lanes (bits XOR (sign-spread AND 0x7FFFFFFF)), then int min/max: single instructions,
     * where float MIN/MAX carry Math.min's NaN and −0.0 rules at several instructions each.
     */
    @Override
    public long minMaxKeys(float[] a, int offset, int length) {
        return minMaxKeys(null, a, offset, length, 0x7FFFFFFF);
    }

    /**
     * Min and max of bits XOR (sign-spread AND flip) over ints (ia, flip 0: the values themselves) or the bits of
     * floats (fa, flip 0x7FFFFFFF: their {@link org.shannon4j.spi.KernelMath#floatKey}s), packed.
     */
    private static long minMaxKeys(int[] ia, float[] fa, int offset, int length, int flip) {
        int il = I.length();
        int end = offset + length;
        int i = offset;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        if (length >= 2 * il) {
            IntVector lo = IntVector.broadcast(I, Integer.MAX_VALUE);
            IntVector hi = IntVector.broadcast(I, Integer.MIN_VALUE);
            for (int bound = offset + I.loopBound(length); i < bound; i += il) {
                IntVector bits = ia != null ? IntVector.fromArray(I, ia, i)
                        : FloatVector.fromArray(F, fa, i).reinterpretAsInts();
                IntVector key = bits.lanewise(XOR, bits.lanewise(ASHR, 31).lanewise(AND, flip));
                lo = lo.min(key);
                hi = hi.max(key);
            }
            min = lo.reduceLanes(MIN);
            max = hi.reduceLanes(MAX);
        }
        for (; i < end; i++) {
            int bits = ia != null ? ia[i] : Float.floatToRawIntBits(fa[i]);
            int key = bits ^ ((bits >> 31) & flip);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        return ((long) min << 32) | (max & 0xFFFFFFFFL);
    }

    /**
     * As {@link #minMaxKeys(float[], int, int)} for doubles: by double compares and blends (two vectors per
     * iteration), with the keys' two finer points settled after the loop, since without AVX-512 C2 has neither the
     * keys' 64-bit arithmetic shift nor a 64-bit min/max and builds each of several instructions
     * ({@code docs/performance-notes.md}). A compare ranks −0.0 and +0.0 equal, the keys rank −0.0 lower: a zero
     * minimum is −0.0 exactly when some value's sign bit is set (no value is negative then), which the OR of the
     * bits shows; a zero maximum is +0.0 exactly when some sign bit is clear, which the AND shows. A NaN or ±∞
     * makes the sum of v − v NaN, and then the keys are computed after all ({@link #minMaxByKeys}). Two double
     * lanes keep the keys: their masks box ({@link #TWO_DOUBLE_LANES}).
     */
    @Override
    public void minMaxKeys(double[] a, int offset, int length, long[] keys) {
        if (TWO_DOUBLE_LANES || length < 4 * DL || !minMaxOfFinite(a, offset, length, keys)) {
            minMaxByKeys(a, offset, length, keys);
        }
    }

    /** {@link #minMaxKeys(double[], int, int, long[])} if every value is finite: true, keys set; else false. */
    private static boolean minMaxOfFinite(double[] a, int offset, int length, long[] keys) {
        DoubleVector lo0 = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY);
        DoubleVector lo1 = lo0;
        DoubleVector hi0 = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        DoubleVector hi1 = hi0;
        DoubleVector nonFinite0 = DoubleVector.zero(D);
        DoubleVector nonFinite1 = nonFinite0;
        LongVector anyBits = LongVector.zero(L);
        LongVector allBits = LongVector.broadcast(L, -1L);
        int i = offset;
        for (int bound = offset + length - length % (2 * DL); i < bound; i += 2 * DL) {
            DoubleVector v0 = DoubleVector.fromArray(D, a, i);
            DoubleVector v1 = DoubleVector.fromArray(D, a, i + DL);
            lo0 = lo0.blend(v0, v0.compare(LT, lo0));
            lo1 = lo1.blend(v1, v1.compare(LT, lo1));
            hi0 = hi0.blend(v0, v0.compare(GT, hi0));
            hi1 = hi1.blend(v1, v1.compare(GT, hi1));
            nonFinite0 = nonFinite0.add(v0.sub(v0));
            nonFinite1 = nonFinite1.add(v1.sub(v1));
            LongVector b0 = v0.reinterpretAsLongs();
            LongVector b1 = v1.reinterpretAsLongs();
            anyBits = anyBits.or(b0).or(b1);
            allBits = allBits.and(b0).and(b1);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double nonFinite = 0;
        for (int j = 0; j < DL; j++) {
            lo = Math.min(lo, Math.min(lo0.lane(j), lo1.lane(j)));
            hi = Math.max(hi, Math.max(hi0.lane(j), hi1.lane(j)));
            nonFinite += nonFinite0.lane(j) + nonFinite1.lane(j);
        }
        long any = anyBits.reduceLanes(OR);
        long all = allBits.reduceLanes(AND);
        for (int end = offset + length; i < end; i++) {
            double v = a[i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            nonFinite += v - v;
            long bits = Double.doubleToRawLongBits(v);
            any |= bits;
            all &= bits;
        }
        if (nonFinite != 0) {
            return false; // NaN: a NaN or ±∞ was seen
        }
        if (lo == 0) {
            lo = any < 0 ? -0.0 : 0.0;
        }
        if (hi == 0) {
            hi = all < 0 ? -0.0 : 0.0;
        }
        keys[0] = org.shannon4j.spi.KernelMath.doubleKey(lo);
        keys[1] = org.shannon4j.spi.KernelMath.doubleKey(hi);
        return true;
    }

    /** {@link #minMaxKeys(double[], int, int, long[])} by the keys themselves in long lanes, for any values. */
    private static void minMaxByKeys(double[] a, int offset, int length, long[] keys) {
        int dl = D.length();
        int end = offset + length;
        int i = offset;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        if (length >= 2 * dl) {
            LongVector lo = LongVector.broadcast(L, Long.MAX_VALUE);
            LongVector hi = LongVector.broadcast(L, Long.MIN_VALUE);
            for (int bound = offset + D.loopBound(length); i < bound; i += dl) {
                LongVector bits = DoubleVector.fromArray(D, a, i).reinterpretAsLongs();
                LongVector key = bits.lanewise(XOR, bits.lanewise(ASHR, 63).lanewise(AND, 0x7FFFFFFFFFFFFFFFL));
                lo = lo.min(key);
                hi = hi.max(key);
            }
            min = lo.reduceLanes(MIN);
            max = hi.reduceLanes(MAX);
        }
        for (; i < end; i++) {
            long key = org.shannon4j.spi.KernelMath.doubleKey(a[i]);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        keys[0] = min;
        keys[1] = max;
    }

    /**
     * Σ n·ln n of int counts: blocks of {@link #BLOCK} counts widened to double lanes, vector LOG, zero lanes
     * masked out of the add (ln 0 = −∞); block sums go into a compensated total. Negative counts show in the
     * OR of the raw bits and make the result NaN.
     */
    @Override
    public double nLogN(int[] counts, int offset, int length) {
        if (!FORCE_JDK) {
            // The scalar loop (Math.log, whose stub is the same in every tier) keeps MI-family results the same
            // on every call; the vector loop below needs the JDK's LOG and runs only in the A/B mode.
            return super.nLogN(counts, offset, length);
        }
        int end = offset + length;
        double total = 0, compensation = 0;
        int signs = 0;
        int i = offset;
        int vecEnd = offset + length / IL_HALF * IL_HALF;
        while (i < vecEnd) {
            int to = Math.min(vecEnd, i + BLOCK);
            double block = nLogNBlock(counts, i, to);
            signs |= orBlock(counts, i, to);
            double t = total + block;
            compensation += org.shannon4j.spi.KernelMath.sumError(total, block, t);
            total = t;
            i = to;
        }
        double tail = 0;
        for (; i < end; i++) {
            int n = counts[i];
            signs |= n;
            tail += n > 1 ? n * Math.log(n) : 0.0;
        }
        return signs < 0 ? Double.NaN : total + compensation + tail;
    }

    /**
     * AND + BIT_COUNT over register tiles with 512-bit vectors, else each cell by carry-save adders; see
     * {@link SimdIntersections}.
     */
    @Override
    public void intersectionCounts(long[] x, int xOffset, int xSets, long[] z, int zOffset, int zSets, int words,
                                   long[] counts) {
        SimdIntersections.intersectionCounts(x, xOffset, xSets, z, zOffset, zSets, words, counts);
    }

    /** One byte compare per level and 64 rows, its mask the level's bitset word; see {@link SimdLevelSets}. */
    @Override
    public void levelSets(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset, int words) {
        SimdLevelSets.levelSets(codes, offset, length, sets, bits, bitsOffset, words);
    }

    /**
     * With the wide tiles (512-bit vectors): a selection at 100,000 rows × 1,000 columns counted a candidate's
     * table in about 15 µs from memory against 5 µs from L2. Narrower vectors are unmeasured here: false.
     */
    @Override
    public boolean bitsetsMemoryBound() {
        return SimdIntersections.WIDE_TILES;
    }

    /** VPCOMPRESSB per class and 64 rows with AVX-512 VBMI2, else the reference; see {@link SimdClassSplit}. */
    @Override
    public void splitByClass(byte[] codes, int offset, int length, long[] classMasks, int classes, int[] starts,
                             byte[] out) {
        if (SimdClassSplit.COMPRESS) {
            SimdClassSplit.splitByClass(codes, offset, length, classMasks, classes, starts, out);
        } else {
            super.splitByClass(codes, offset, length, classMasks, classes, starts, out);
        }
    }

    /** Four planes in one pass of AND / AND-NOT combinations, others plane by plane; see {@link SimdPlanes}. */
    @Override
    public void decodePlanes(long[] planes, int planesOffset, int planesSets, int outSets, int words, long[] out,
                             int outOffset) {
        SimdPlanes.decodePlanes(planes, planesOffset, planesSets, outSets, words, out, outOffset);
    }

    /** One unsigned compare and a bit test per plane and 64 rows (64 byte lanes); see {@link SimdLevelSets}. */
    @Override
    public void levelPlanes(byte[] codes, int offset, int length, int sets, long[] bits, int bitsOffset, int words) {
        if (!SimdLevelSets.levelPlanes(codes, offset, length, sets, bits, bitsOffset, words)) {
            super.levelPlanes(codes, offset, length, sets, bits, bitsOffset, words);
        }
    }

    /** See {@link SimdEqualWidthBins}; the reference with 2 double lanes (its masks, see TWO_DOUBLE_LANES). */
    @Override
    public void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, int[] codes) {
        if (TWO_DOUBLE_LANES) {
            super.equalWidthBins(a, offset, length, aEdges, bins, codes);
        } else {
            SimdEqualWidthBins.bins(a, offset, length, aEdges, bins, codes);
        }
    }

    /** See {@link SimdEqualWidthBins}; the reference with 2 double lanes (its masks, see TWO_DOUBLE_LANES). */
    @Override
    public void equalWidthBins(double[] a, int offset, int length, double[] aEdges, int bins, byte[] binCodes) {
        if (TWO_DOUBLE_LANES) {
            super.equalWidthBins(a, offset, length, aEdges, bins, binCodes);
        } else {
            SimdEqualWidthBins.bins(a, offset, length, aEdges, bins, binCodes);
        }
    }

    /** An in-place radix sort where the JDK's sort of doubles has no vectors (below 512 bits); see {@link RadixSort}. */
    @Override
    public void sort(double[] a, int from, int to) {
        if (RadixSort.PREFERRED) {
            RadixSort.sort(a, from, to);
        } else {
            super.sort(a, from, to);
        }
    }

    /** As the sort of doubles: {@link RadixSort} below 512 bits. */
    @Override
    public void sort(long[] a, int from, int to) {
        if (RadixSort.PREFERRED) {
            RadixSort.sort(a, from, to);
        } else {
            super.sort(a, from, to);
        }
    }

    /** Byte compares into byte accumulators; see {@link SimdCodeCounts}. */
    @Override
    public int countCodes(byte[] codes, int offset, int length, int bins, long[] table) {
        return SimdCodeCounts.count(codes, offset, length, bins, table);
    }

    /** Bins in double lanes, fused with the count; see {@link SimdBinPairs}. The reference with 2 double lanes. */
    @Override
    public int binPairs(float[] a, int aOffset, float[] b, int bOffset, int length, double[] aEdges,
                        double[] bEdges, int bins, int[] table) {
        if (TWO_DOUBLE_LANES) {
            return super.binPairs(a, aOffset, b, bOffset, length, aEdges, bEdges, bins, table);
        }
        return SimdBinPairs.binPairs(a, null, aOffset, b, null, bOffset, length, aEdges, bEdges, bins, table);
    }

    /** Bins in double lanes, fused with the count; see {@link SimdBinPairs}. The reference with 2 double lanes. */
    @Override
    public int binPairs(double[] a, int aOffset, double[] b, int bOffset, int length, double[] aEdges,
                        double[] bEdges, int bins, int[] table) {
        if (TWO_DOUBLE_LANES) {
            return super.binPairs(a, aOffset, b, bOffset, length, aEdges, bEdges, bins, table);
        }
        return SimdBinPairs.binPairs(null, a, aOffset, null, b, bOffset, length, aEdges, bEdges, bins, table);
    }

    /** Int lanes per double vector: the int species shrunk to the double lane count. */
    private static final VectorSpecies<Integer> IH = VectorSpecies.of(int.class, jdk.incubator.vector.VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int IL_HALF = IH.length();

    private static double nLogNBlock(int[] counts, int from, int to) {
        DoubleVector t0 = DoubleVector.zero(D);
        for (int i = from; i < to; i += IL_HALF) {
            DoubleVector x = (DoubleVector) IntVector.fromArray(IH, counts, i).convertShape(I2D, D, 0);
            t0 = t0.add(x.mul(x.lanewise(LOG)), x.compare(GT, 1.0));
        }
        return t0.reduceLanes(ADD);
    }

    private static int orBlock(int[] counts, int from, int to) {
        int or = 0;
        for (int i = from; i < to; i++) {
            or |= counts[i];
        }
        return or;
    }

    // ------------------------------------------------------------------------------------------------------
    // Losses (issue 4): softmax cross-entropy with class-index targets (no smoothing, no gradient) and the
    // binary losses in SimdLossKernels; every other loss and option is the SPI's reference default (the loops
    // of LossMath), and so are these with 2 double lanes, where their masks box (TWO_DOUBLE_LANES).
    // ------------------------------------------------------------------------------------------------------

    @Override
    public double softmaxCrossEntropy(double[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      double[] rowLosses, int rowOffset, double[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        if (smoothing == 0 && grad == null && !TWO_DOUBLE_LANES) {
            return SimdLossKernels.softmaxCrossEntropy(logits, null, offset, rows, classes, targets, targetOffset,
                    ignoreIndex, classWeights, rowLosses, null, rowOffset, aux);
        }
        return super.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double softmaxCrossEntropy(float[] logits, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] classWeights, double smoothing,
                                      float[] rowLosses, int rowOffset, float[] grad, int gradOffset,
                                      double gradScale, double[] aux) {
        if (smoothing == 0 && grad == null && !TWO_DOUBLE_LANES) {
            return SimdLossKernels.softmaxCrossEntropy(null, logits, offset, rows, classes, targets, targetOffset,
                    ignoreIndex, classWeights, null, rowLosses, rowOffset, aux);
        }
        return super.softmaxCrossEntropy(logits, offset, rows, classes, targets, targetOffset, ignoreIndex,
                classWeights, smoothing, rowLosses, rowOffset, grad, gradOffset, gradScale, aux);
    }

    @Override
    public double binaryCrossEntropy(double[] targets, int targetOffset, double[] probs, int probOffset,
                                     double[] weights, int weightOffset, int length, double eps, double[] losses,
                                     int lossOffset, double[] aux) {
        if (TWO_DOUBLE_LANES) {
            return super.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length,
                    eps, losses, lossOffset, aux);
        }
        return SimdLossKernels.binary(false, targets, null, targetOffset, probs, null, probOffset, weights, null,
                weightOffset, length, eps, losses, null, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropy(float[] targets, int targetOffset, float[] probs, int probOffset,
                                     float[] weights, int weightOffset, int length, double eps, float[] losses,
                                     int lossOffset, double[] aux) {
        if (TWO_DOUBLE_LANES) {
            return super.binaryCrossEntropy(targets, targetOffset, probs, probOffset, weights, weightOffset, length,
                    eps, losses, lossOffset, aux);
        }
        return SimdLossKernels.binary(false, null, targets, targetOffset, null, probs, probOffset, null, weights,
                weightOffset, length, eps, null, losses, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropyWithLogits(double[] targets, int targetOffset, double[] logits, int logitOffset,
                                               double[] weights, int weightOffset, int length, double posWeight,
                                               double[] losses, int lossOffset, double[] aux) {
        if (TWO_DOUBLE_LANES) {
            return super.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights,
                    weightOffset, length, posWeight, losses, lossOffset, aux);
        }
        return SimdLossKernels.binary(true, targets, null, targetOffset, logits, null, logitOffset, weights, null,
                weightOffset, length, posWeight, losses, null, lossOffset, aux);
    }

    @Override
    public double binaryCrossEntropyWithLogits(float[] targets, int targetOffset, float[] logits, int logitOffset,
                                               float[] weights, int weightOffset, int length, double posWeight,
                                               float[] losses, int lossOffset, double[] aux) {
        if (TWO_DOUBLE_LANES) {
            return super.binaryCrossEntropyWithLogits(targets, targetOffset, logits, logitOffset, weights,
                    weightOffset, length, posWeight, losses, lossOffset, aux);
        }
        return SimdLossKernels.binary(true, null, targets, targetOffset, null, logits, logitOffset, null, weights,
                weightOffset, length, posWeight, null, losses, lossOffset, aux);
    }

    // ------------------------------------------------------------------------------------------------------
    // Row measures (issue 15): blocks of whole rows through SimdRowKernels; kl_div is the
    // reference default.
    // ------------------------------------------------------------------------------------------------------

    @Override
    public double rowEntropy(double[] p, int offset, int rows, int classes, double scale, double[] out,
                             int outOffset) {
        return SimdRowKernels.entropy(p, null, offset, rows, classes, scale, out, outOffset);
    }

    @Override
    public double rowEntropy(float[] p, int offset, int rows, int classes, double scale, double[] out,
                             int outOffset) {
        return SimdRowKernels.entropy(null, p, offset, rows, classes, scale, out, outOffset);
    }

    @Override
    public double rowKlDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                                  double scale, double[] out, int outOffset) {
        return SimdRowKernels.divergence(false, p, null, pOffset, q, null, qOffset, rows, classes, scale, out,
                outOffset);
    }

    @Override
    public double rowKlDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                                  double scale, double[] out, int outOffset) {
        return SimdRowKernels.divergence(false, null, p, pOffset, null, q, qOffset, rows, classes, scale, out,
                outOffset);
    }

    @Override
    public double rowJsDivergence(double[] p, int pOffset, double[] q, int qOffset, int rows, int classes,
                                  double scale, double[] out, int outOffset) {
        return SimdRowKernels.divergence(true, p, null, pOffset, q, null, qOffset, rows, classes, scale, out,
                outOffset);
    }

    @Override
    public double rowJsDivergence(float[] p, int pOffset, float[] q, int qOffset, int rows, int classes,
                                  double scale, double[] out, int outOffset) {
        return SimdRowKernels.divergence(true, null, p, pOffset, null, q, qOffset, rows, classes, scale, out,
                outOffset);
    }
}
