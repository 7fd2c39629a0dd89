package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static org.shannon4j.simd.LaneMath.E10;
import static org.shannon4j.simd.LaneMath.E11;
import static org.shannon4j.simd.LaneMath.E12;
import static org.shannon4j.simd.LaneMath.E13;
import static org.shannon4j.simd.LaneMath.E2;
import static org.shannon4j.simd.LaneMath.E3;
import static org.shannon4j.simd.LaneMath.E4;
import static org.shannon4j.simd.LaneMath.E5;
import static org.shannon4j.simd.LaneMath.E6;
import static org.shannon4j.simd.LaneMath.E7;
import static org.shannon4j.simd.LaneMath.E8;
import static org.shannon4j.simd.LaneMath.E9;
import static org.shannon4j.simd.LaneMath.EXP_RANGE;
import static org.shannon4j.simd.LaneMath.INV_LN2;
import static org.shannon4j.simd.LaneMath.LG1;
import static org.shannon4j.simd.LaneMath.LG2;
import static org.shannon4j.simd.LaneMath.LG3;
import static org.shannon4j.simd.LaneMath.LG4;
import static org.shannon4j.simd.LaneMath.LG5;
import static org.shannon4j.simd.LaneMath.LG6;
import static org.shannon4j.simd.LaneMath.LG7;
import static org.shannon4j.simd.LaneMath.LN2_HI;
import static org.shannon4j.simd.LaneMath.LN2_LO;
import static org.shannon4j.simd.LaneMath.SHIFT;
import static org.shannon4j.simd.LaneMath.SHIFT_BITS;
import static org.shannon4j.simd.LaneMath.SQRT_HALF_BITS;
import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.LossMath;

/**
 * Vector loops of the softmax cross-entropy with class-index targets (the hot case: no label smoothing, no
 * gradient; weights and the ignore index are handled) and of the binary cross-entropies (from probabilities and
 * from logits, with per-element weights and outputs). Everything else — smoothing, gradients, probability
 * targets, log loss — runs the reference loops of {@link LossMath}.
 *
 * <p><b>Same bits on every JIT tier.</b> The exponentials and logs are {@link LaneMath}'s expressions (IEEE
 * operations only) and every sum has a fixed order (vector accumulators stored and added lane by lane, first to
 * last), so a result does not change when the interpreter's Vector-API fallback gives way to C1 or C2 code
 * ({@code LossDeterminismTest}). The expressions are written out inside each loop rather than called: a method
 * of ours that takes or returns a vector boxes when C2 does not inline it, and array-to-array calls between the
 * loop's passes cost the extra passes and, next to these loops, went past C2's inlining budget and boxed (10–100×
 * slower, megabytes per call). LaneMath keeps the same expressions, array to array, as the specification that
 * LaneMathTest measures against StrictMath.
 *
 * <p><b>Shift by the target logit.</b> −ln softmax(z)_y = ln Σ_c exp(z_c − z_y) = log1p(S) with
 * S = Σ_{c ≠ y} exp(z_c − z_y): one pass, no row maximum, and as exact as the max-shifted form — S is a sum of
 * positive terms each within an ulp, and log1p keeps a small loss exact when the target dominates. The only
 * failure is overflow, exp(z_c − z_y) = ∞ when another logit exceeds the target's by more than 709: then S (or
 * a NaN from −∞ − (−∞), NaN and ±∞ logits) is not finite, and that block (or row) is recomputed by the
 * max-shifted reference loop of {@link LossMath}, which also decides validity. So the fast path only has to prove
 * "S finite for every contributing row".
 *
 * <p>Two shapes, in double for float input too:
 * <ul>
 *   <li><b>Few classes</b> (≤ {@value #SMALL_CLASSES}): per-row vectors would waste lanes and spend their
 *       time in horizontal reductions. A block of {@value #BLOCK_ROWS} rows is shifted by each row's target
 *       logit into scratch (float widened), its exponentials are one flat vector pass over that, each row's sum
 *       is scalar (left to right, four rows interleaved), and the log1p and the loss are lane-wise over the rows'
 *       sums. (Each lane holding one row, read by gathers, did the same arithmetic with a gather per element.) The
 *       block is the unit the reference recomputes; leftover rows (fewer than a block) go to
 *       {@link LossMath}.</li>
 *   <li><b>Many classes</b>: per row (float rows widened into a scratch row first), one vector exp-sum loop
 *       over the classes before and one after the target's vector, the target's own vector in scalar code.</li>
 * </ul>
 */
final class SimdLossKernels {

    private static final VectorSpecies<Double> D = Species.D;
    private static final int DL = D.length();

    /** Up to this many classes, rows go lane-wise, read by gathers. */
    static final int SMALL_CLASSES = 32;
    /** Rows per block (the unit of the fast path's checks and of the reference's recomputation). */
    static final int BLOCK_ROWS = 64;
    /** Elements per block of the binary losses. */
    static final int BINARY_BLOCK = 1024;

    private static final double INF = Double.POSITIVE_INFINITY;

    /** Per-thread scratch, see {@link Scratch}. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread blocks (plain arrays: no vector is ever stored here). */
    private static final class Scratch {
        /** Per block row: z_y, w[y] (−1: not contributing), y (−1: none), the weighted loss. */
        final double[] zy = new double[BLOCK_ROWS];
        final double[] wy = new double[BLOCK_ROWS];
        final double[] y = new double[BLOCK_ROWS];
        final double[] losses = new double[BLOCK_ROWS];
        /** A block's logits shifted by their row's target logit, their exponentials, and the rows' sums. */
        final double[] shifted = new double[BLOCK_ROWS * SMALL_CLASSES];
        final double[] exps = new double[BLOCK_ROWS * SMALL_CLASSES];
        final double[] rowSums = new double[BLOCK_ROWS];
        /** A block of BCE terms (binaryBlock), written to a float output after the block's loop. */
        final double[] terms = new double[BINARY_BLOCK];
        /** A float block's targets, second arguments and weights widened to double (binaryBlock). */
        final double[] wideY = new double[BINARY_BLOCK];
        final double[] wideS = new double[BINARY_BLOCK];
        final double[] wideW = new double[BINARY_BLOCK];
        /** Vector accumulators stored for their fixed-order lane sums, {@link #LANES} vectors. */
        final double[] lanes = new double[LANES * DL];
        /** A float row widened (many classes). */
        double[] row = new double[256];

        double[] row(int n) {
            if (row.length < n) {
                row = new double[Math.max(n, 2 * row.length)];
            }
            return row;
        }
    }

    /** Slots of Scratch.lanes, each DL long. */
    private static final int LANES = 9;
    private static final int L_SUM = 0;
    private static final int L_W = 1;
    private static final int L_COUNT = 2;
    private static final int L_CHECK = 3;
    /** BCE's two logs (binaryBlock). */
    private static final int L_LOG0 = 4;
    private static final int L_LOG1 = 5;
    /** binaryBlock's log arguments. */
    private static final int L_A0 = 6;
    private static final int L_A1 = 7;
    /** Ones, binaryBlock's weights when there are none. */
    private static final int L_ONES = 8;

    private SimdLossKernels() {
    }

    /** Σ lanes[slot·DL .. slot·DL + DL), first lane to last: the fixed order of every vector reduction here. */
    private static double laneSum(double[] lanes, int slot) {
        double s = 0;
        for (int j = slot * DL, end = j + DL; j < end; j++) {
            s += lanes[j];
        }
        return s;
    }

    // ------------------------------------------------------------------------------------- softmax

    static double softmaxCrossEntropy(double[] zd, float[] zf, int offset, int rows, int classes, int[] targets,
                                      int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                      int rowOffset, double[] aux) {
        double sum = 0, sumC = 0, wSum = 0, count = 0;
        boolean valid = true;
        int done = 0;
        Scratch sc = SCRATCH.get();
        if (classes <= SMALL_CLASSES) {
            double[] lanes = sc.lanes;
            for (; done + BLOCK_ROWS <= rows; done += BLOCK_ROWS) {
                int base = offset + done * classes;
                boolean targetsOk = zd != null
                        ? targets(zd, base, classes, targets, targetOffset + done, ignoreIndex, w, sc)
                        : targets(zf, base, classes, targets, targetOffset + done, ignoreIndex, w, sc);
                if (targetsOk) {
                    blockLanes(zd, zf, base, classes, sc.zy, sc.wy, sc.y, sc, sc.losses, lanes);
                }
                double l, bw, bc;
                if (targetsOk && laneSum(lanes, L_CHECK) < INF) {
                    l = laneSum(lanes, L_SUM);
                    bw = laneSum(lanes, L_W);
                    bc = laneSum(lanes, L_COUNT);
                    if (outD != null) {
                        System.arraycopy(sc.losses, 0, outD, rowOffset + done, BLOCK_ROWS);
                    } else if (outF != null) {
                        for (int j = 0; j < BLOCK_ROWS; j++) {
                            outF[rowOffset + done + j] = (float) sc.losses[j];
                        }
                    }
                } else {
                    // Overflow of the target shift, a non-finite logit or a bad target: the reference decides.
                    l = reference(zd, zf, offset, done, BLOCK_ROWS, classes, targets, targetOffset, ignoreIndex, w,
                            outD, outF, rowOffset, aux);
                    bw = aux[Kernels.LOSS_WEIGHT_SUM];
                    bc = aux[Kernels.LOSS_COUNT];
                }
                valid &= l == l;
                double u = sum + l;
                sumC += sumError(sum, l, u);
                sum = u;
                wSum += bw;
                count += bc;
            }
        } else {
            for (; done < rows; done++) {
                int y = targets[targetOffset + done];
                if (y == ignoreIndex || y < 0 || y >= classes) {
                    valid &= y == ignoreIndex;
                    if (outD != null) {
                        outD[rowOffset + done] = 0;
                    } else if (outF != null) {
                        outF[rowOffset + done] = 0;
                    }
                    continue;
                }
                int base = offset + done * classes;
                double[] z = zd;
                if (zd == null) {
                    z = sc.row(classes);
                    for (int c = 0; c < classes; c++) {
                        z[c] = zf[base + c];
                    }
                    base = 0;
                }
                double shifted = targetShiftedSum(z, base, classes, y, sc.lanes);
                double wyv = w == null ? 1.0 : w[y];
                double loss;
                if (shifted < INF) {
                    loss = wyv > 0 ? wyv * Math.log1p(shifted) : 0.0;
                    if (outD != null) {
                        outD[rowOffset + done] = loss;
                    } else if (outF != null) {
                        outF[rowOffset + done] = (float) loss;
                    }
                } else {
                    loss = reference(zd, zf, offset, done, 1, classes, targets, targetOffset, ignoreIndex, w, outD,
                            outF, rowOffset, aux);
                    valid &= loss == loss;
                }
                double u = sum + loss;
                sumC += sumError(sum, loss, u);
                sum = u;
                wSum += wyv;
                count++;
            }
        }
        if (done < rows) {
            double l = reference(zd, zf, offset, done, rows - done, classes, targets, targetOffset, ignoreIndex, w,
                    outD, outF, rowOffset, aux);
            valid &= l == l;
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
            wSum += aux[Kernels.LOSS_WEIGHT_SUM];
            count += aux[Kernels.LOSS_COUNT];
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = wSum;
        aux[Kernels.LOSS_COUNT] = count;
        return valid ? compensated(sum, sumC) : Double.NaN;
    }

    /** The reference loop on rows [r0, r0 + n); writes weight sum and count to aux. */
    private static double reference(double[] zd, float[] zf, int offset, int r0, int n, int classes, int[] targets,
                                    int targetOffset, int ignoreIndex, double[] w, double[] outD, float[] outF,
                                    int rowOffset, double[] aux) {
        return zd != null
                ? LossMath.softmaxCrossEntropy(zd, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                ignoreIndex, w, 0.0, outD, rowOffset + r0, null, 0, 1.0, aux)
                : LossMath.softmaxCrossEntropy(zf, offset + r0 * classes, n, classes, targets, targetOffset + r0,
                ignoreIndex, w, 0.0, outF, rowOffset + r0, null, 0, 1.0, aux);
    }

    // ------------------------------------------------------------------------------------- few classes

    /**
     * Reads z_y, w[y] (−1 for ignored rows, whose lanes are masked out later) and y of BLOCK_ROWS rows into the
     * scratch. Returns false if a target is out of range or a target logit is +∞ (the shift would hide it: every
     * other term would be 0).
     */
    private static boolean targets(double[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                   double[] w, Scratch sc) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            ok &= target(z[rb + Math.clamp(targets[tOff + j], 0, classes - 1)], targets[tOff + j], classes,
                    ignoreIndex, w, sc, j);
        }
        return ok;
    }

    private static boolean targets(float[] z, int base, int classes, int[] targets, int tOff, int ignoreIndex,
                                   double[] w, Scratch sc) {
        boolean ok = true;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes;
            ok &= target(z[rb + Math.clamp(targets[tOff + j], 0, classes - 1)], targets[tOff + j], classes,
                    ignoreIndex, w, sc, j);
        }
        return ok;
    }

    /** Row j's z_y, w[y] and y into the scratch (zyv is z at the clamped target); false if the row is bad. */
    private static boolean target(double zyv, int y, int classes, int ignoreIndex, double[] w, Scratch sc, int j) {
        if (y >= 0 && y < classes && y != ignoreIndex) {
            sc.zy[j] = zyv;
            sc.wy[j] = w == null ? 1.0 : w[y];
            sc.y[j] = y;
            return zyv < INF;
        }
        sc.zy[j] = 0;
        sc.wy[j] = -1;
        sc.y[j] = -1;
        return y == ignoreIndex;
    }

    /**
     * One block of BLOCK_ROWS rows (see the class comment): S = Σ_{c ≠ y} exp(z_c − z_y), loss = w[y]·log1p(S).
     * Writes the weighted row losses to {@code losses} and, per lane (row j in lane j mod DL), the block's loss
     * sum, weight sum, count and Σ S over the contributing rows (not finite if any S is not) to {@code lanes}. The
     * target's own class enters as −∞, giving 0, or as NaN when its logit is −∞, so that the block still goes to
     * the reference. The exp and log1p
     * are LaneMath's expressions written out here (the class comment says why): an argument above 708 or NaN
     * gives +∞, so the block goes to the reference; one below −708 gives 0 (e^−708 ≈ 3e-308: the loss moves by
     * less than 1e-305 absolutely, and only a loss that small at all).
     */
    private static void blockLanes(double[] zd, float[] zf, int base, int classes, double[] zy, double[] wy,
                                   double[] ys, Scratch sc, double[] losses, double[] lanes) {
        // the shifted logits of the block, the target's own at −∞ (NaN if its logit is −∞, so that the block goes
        // to the reference), row after row: then one flat exp pass and the row sums, no gathers
        double[] xs = sc.shifted, es = sc.exps, sums = sc.rowSums;
        for (int j = 0; j < BLOCK_ROWS; j++) {
            int rb = base + j * classes, o = j * classes;
            double shift = zy[j];
            if (zd != null) {
                for (int c = 0; c < classes; c++) {
                    xs[o + c] = zd[rb + c] - shift;
                }
            } else {
                for (int c = 0; c < classes; c++) {
                    xs[o + c] = zf[rb + c] - shift;
                }
            }
            int y = (int) ys[j];
            if (y >= 0) {
                xs[o + y] = xs[o + y] == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
        }
        expBlock(xs, BLOCK_ROWS * classes, es);
        SimdRowKernels.rowSums(es, null, 0, BLOCK_ROWS, classes, sums); // left to right, four rows at a time
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector sum = zero, wsum = zero, cnt = zero, check = zero;
        for (int j = 0; j < BLOCK_ROWS; j += DL) {
            DoubleVector s = DoubleVector.fromArray(D, sums, j);
            // log1p(S), LaneMath.log1p; a contributing lane's u = 1 + S is in [1, ∞) (∞ only if S is not finite,
            // and then the check below discards the block)
            DoubleVector u = s.add(one);
            LongVector b = u.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
            DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
            DoubleVector kf = k.add(SHIFT_BITS).viewAsFloatingLanes().sub(SHIFT), hf = f.mul(f).mul(0.5);
            DoubleVector sf = f.div(f.add(2.0)), z = sf.mul(sf), z2 = z.mul(z);
            DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3)).fma(z2, z.fma(LG2, LG1))
                    .mul(z);
            DoubleVector l1p = kf.mul(LN2_HI).sub(hf.sub(sf.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f))
                    .add(s.sub(u.sub(one)).div(u));
            DoubleVector wv = DoubleVector.fromArray(D, wy, j);
            VectorMask<Double> active = wv.compare(GE, 0.0);
            DoubleVector loss = zero.blend(l1p.mul(wv), wv.compare(GT, 0.0));
            loss.intoArray(losses, j);
            sum = sum.add(loss);
            wsum = wsum.add(wv, active);
            cnt = cnt.add(one, active);
            check = check.add(s, active);
        }
        sum.intoArray(lanes, L_SUM * DL);
        wsum.intoArray(lanes, L_W * DL);
        cnt.intoArray(lanes, L_COUNT * DL);
        check.intoArray(lanes, L_CHECK * DL);
    }

    /**
     * out[i] = e^x[i] for i in [0, n), n a multiple of DL: LaneMath.exp's expression, with an argument below −708
     * giving 0 and one above 708 or NaN giving +∞ (see {@link #blockLanes}).
     */
    private static void expBlock(double[] x, int n, double[] out) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector mHi = DoubleVector.broadcast(D, -LN2_HI);
        DoubleVector mLo = DoubleVector.broadcast(D, -LN2_LO);
        for (int i = 0; i < n; i += DL) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            DoubleVector kd = v.fma(INV_LN2, SHIFT), nd = kd.sub(SHIFT);
            DoubleVector r = nd.fma(mLo, nd.fma(mHi, v)), r2 = r.mul(r);
            DoubleVector q = r.fma(E13, E12).fma(r2, r.fma(E11, E10)).fma(r2, r.fma(E9, E8))
                    .fma(r2, r.fma(E7, E6)).fma(r2, r.fma(E5, E4)).fma(r2, r.fma(E3, E2));
            ((DoubleVector) r2.fma(q, r).add(one).viewAsIntegralLanes()
                    .add(kd.viewAsIntegralLanes().sub(SHIFT_BITS).lanewise(LSHL, 52)).viewAsFloatingLanes())
                    .blend(0.0, v.compare(LT, -EXP_RANGE))
                    .blend(INF, v.compare(LE, EXP_RANGE).not())
                    .intoArray(out, i);
        }
    }

    // ------------------------------------------------------------------------------------- many classes

    /**
     * Σ_{c ≠ y} exp(z_c − z_y) over the row: one vector loop before and one after the target's vector, which is
     * scalar; +∞ if a shifted logit in the vector loops is above 708 or NaN, so that the caller runs the
     * reference, and 0 for one below −708, as in {@link #blockLanes}.
     */
    private static double targetShiftedSum(double[] z, int base, int classes, int y, double[] lanes) {
        double zy = z[base + y];
        if (!(zy < INF)) {
            return INF;
        }
        int yFrom = y / DL * DL;
        int yTo = Math.min(classes, yFrom + DL);
        double s = expSum(z, base, 0, yFrom, zy, lanes) + expSum(z, base, yTo, classes, zy, lanes);
        for (int c = yFrom; c < yTo; c++) {
            if (c != y) {
                s += Math.exp(z[base + c] - zy);
            }
        }
        return s;
    }

    /** Σ exp(z_c − shift) for c in [from, to): vector loop (LaneMath.exp written out), scalar tail. */
    private static double expSum(double[] z, int base, int from, int to, double shift, double[] lanes) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector mHi = DoubleVector.broadcast(D, -LN2_HI);
        DoubleVector mLo = DoubleVector.broadcast(D, -LN2_LO);
        DoubleVector acc = DoubleVector.zero(D);
        int c = from;
        for (; c <= to - DL; c += DL) {
            DoubleVector x = DoubleVector.fromArray(D, z, base + c).sub(shift);
            DoubleVector kd = x.fma(INV_LN2, SHIFT), nd = kd.sub(SHIFT);
            DoubleVector r = nd.fma(mLo, nd.fma(mHi, x)), r2 = r.mul(r);
            DoubleVector q = r.fma(E13, E12).fma(r2, r.fma(E11, E10)).fma(r2, r.fma(E9, E8))
                    .fma(r2, r.fma(E7, E6)).fma(r2, r.fma(E5, E4)).fma(r2, r.fma(E3, E2));
            acc = acc.add(((DoubleVector) r2.fma(q, r).add(one).viewAsIntegralLanes()
                    .add(kd.viewAsIntegralLanes().sub(SHIFT_BITS).lanewise(LSHL, 52)).viewAsFloatingLanes())
                    .blend(0.0, x.compare(LT, -EXP_RANGE)).blend(INF, x.compare(LE, EXP_RANGE).not()));
        }
        acc.intoArray(lanes, 0);
        double s = laneSum(lanes, 0);
        for (; c < to; c++) {
            s += Math.exp(z[base + c] - shift);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ binary losses
    // Blocks of BINARY_BLOCK elements, one vector loop each (double, or float widened to double lanes): the
    // weighted terms go to the output if there is one and into a vector accumulator, summed lane by lane after
    // the block and added into a compensated total. Invalid lanes (target outside [0, 1], a bad probability,
    // a NaN logit, a weight that is negative, NaN or ∞) and lanes the polynomials do not cover (a subnormal
    // probability, a logit beyond ±708) are counted, not branched on; a block with an invalid lane returns NaN
    // (the caller's re-scan names it), a block with an uncovered lane is redone by the scalar terms of LossMath,
    // as is the tail of fewer than a vector. Terms with a zero factor are masked out (0·ln 0 and 0·∞ never reach
    // a sum).

    /**
     * Binary cross-entropy from probabilities ({@code logits == false}: second = p, clipped to [eps, 1 − eps]
     * when eps &gt; 0) or from logits (second = x, weight {@code c} = posWeight on the positive term), double
     * ({@code yd, sd, wd, outD}) or float ({@code yf, sf, wf, outF}) input, weights optional. Writes Σ weights
     * and n to aux. NaN if an element or weight is invalid.
     */
    static double binary(boolean logits, double[] yd, float[] yf, int yo, double[] sd, float[] sf, int so,
                         double[] wd, float[] wf, int wo, int n, double c, double[] outD, float[] outF, int oo,
                         double[] aux) {
        double[] lanes = SCRATCH.get().lanes;
        double sum = 0, sumC = 0, wSum = 0;
        int vecEnd = n / DL * DL;
        for (int from = 0; from < vecEnd; from += BINARY_BLOCK) {
            int to = Math.min(vecEnd, from + BINARY_BLOCK);
            binaryBlock(logits, yd, yf, yo, sd, sf, so, wd, wf, wo, from, to, c, outD, outF, oo, lanes);
            if (laneSum(lanes, L_CHECK) > 0) {
                return Double.NaN;
            }
            double b, bw;
            if (laneSum(lanes, L_COUNT) > 0) {
                b = scalarTerms(logits, yd, yf, yo, sd, sf, so, wd, wf, wo, from, to, c, outD, outF, oo, lanes);
                bw = lanes[0];
            } else {
                b = laneSum(lanes, L_SUM);
                bw = wd != null || wf != null ? laneSum(lanes, L_W) : to - from;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
            wSum += bw;
        }
        if (vecEnd < n) {
            double b = scalarTerms(logits, yd, yf, yo, sd, sf, so, wd, wf, wo, vecEnd, n, c, outD, outF, oo, lanes);
            if (b != b) {
                return Double.NaN;
            }
            double u = sum + b;
            sumC += sumError(sum, b, u);
            sum = u;
            wSum += lanes[0];
        }
        aux[Kernels.LOSS_WEIGHT_SUM] = wSum;
        aux[Kernels.LOSS_COUNT] = n;
        return compensated(sum, sumC);
    }

    /**
     * LossMath's terms of [from, to), weighted, into the output if any; returns their compensated sum (NaN if an
     * element or weight is invalid) and writes their weight sum to {@code lanes[0]}.
     */
    private static double scalarTerms(boolean logits, double[] yd, float[] yf, int yo, double[] sd, float[] sf,
                                      int so, double[] wd, float[] wf, int wo, int from, int to, double c,
                                      double[] outD, float[] outF, int oo, double[] lanes) {
        boolean wide = yf != null;
        boolean weighted = wd != null || wf != null;
        double sum = 0, sumC = 0, wSum = 0;
        for (int i = from; i < to; i++) {
            double yy = wide ? yf[yo + i] : yd[yo + i];
            double xx = wide ? sf[so + i] : sd[so + i];
            double ww = !weighted ? 1.0 : wide ? wf[wo + i] : wd[wo + i];
            if (!(yy >= 0 && yy <= 1 && (logits ? xx == xx : xx >= 0 && xx <= 1) && ww >= 0 && ww < INF)) {
                return Double.NaN;
            }
            double l = logits ? LossMath.bceLogitsTerm(yy, xx, c) : LossMath.bceTerm(yy, xx, c);
            l = ww > 0 ? ww * l : 0.0;
            if (outD != null) {
                outD[oo + i] = l;
            } else if (outF != null) {
                outF[oo + i] = (float) l;
            }
            double u = sum + l;
            sumC += sumError(sum, l, u);
            sum = u;
            wSum += ww;
        }
        lanes[0] = wSum;
        return compensated(sum, sumC);
    }

    /**
     * One block [from, to) (a whole number of vectors) of BCE from probabilities ({@code logits == false}: c is
     * the clipping eps) or from logits (c is posWeight): weighted terms to the output and, per lane, their sum
     * (L_SUM), the weight sum (L_W), uncovered lanes (L_COUNT) and invalid lanes (L_CHECK) to {@code lanes}.
     * <ul>
     *   <li>Probabilities: −y·ln p − (1 − y)·log1p(−p), ln p and ln u with u = 1 − p being LaneMath.log written
     *       out, log1p(−p) = ln u + (−p − (u − 1))/u; p = 0 and u = 0 give −∞ by a blend; uncovered:
     *       0 &lt; p &lt; MIN_NORMAL after clipping.</li>
     *   <li>Logits: posWeight·y·softplus(−x) + (1 − y)·softplus(x) with softplus(±x) = max(±x, 0) +
     *       log1p(e^−|x|), LaneMath's exp and log1p written out (1 + e^−|x| is in [1, 2]); uncovered: |x| &gt; 708.</li>
     * </ul>
     */
    private static void binaryBlock(boolean logits, double[] yd, float[] yf, int yo, double[] sd, float[] sf, int so,
                                    double[] wd, float[] wf, int wo, int from, int to, double c, double[] outD,
                                    float[] outF, int oo, double[] lanes) {
        // No vector of the loops flows into a branch or out of one: input type and weights choose arrays, not
        // vectors, and each loss has its own loop. The terms go to the double output or to the block scratch,
        // whose float output is written after the loop: with the float conversion in a branch of the loop, C2
        // boxed every term (12 bytes per element, every call) once calls with and without outputs had run (JFR
        // allocation samples). Routing chosen vectors through scratch slots did not help: C2 forwards a store in
        // one branch to the load after it, which is the same merge.
        // A float block is widened to double scratch first, so the loops read double arrays only.
        Scratch sc = SCRATCH.get();
        double[] terms = sc.terms;
        if (yf != null) {
            widen(yf, yo + from, sc.wideY, to - from);
            widen(sf, so + from, sc.wideS, to - from);
            if (wf != null) {
                widen(wf, wo + from, sc.wideW, to - from);
            }
            yd = sc.wideY;
            sd = sc.wideS;
            wd = wf != null ? sc.wideW : null;
            yo = -from;
            so = -from;
            wo = -from;
        }
        if (logits) {
            logitBlock(yd, yo, sd, so, wd, wo, from, to, c, outD, oo, terms, lanes);
        } else {
            probabilityBlock(yd, yo, sd, so, wd, wo, from, to, c, outD, oo, terms, lanes);
        }
        if (outF != null) {
            for (int i = from; i < to; i++) {
                outF[oo + i] = (float) terms[i - from];
            }
        }
    }

    private static void widen(float[] a, int offset, double[] to, int length) {
        for (int i = 0; i < length; i++) {
            to[i] = a[offset + i];
        }
    }

    /** binaryBlock from probabilities: c is the clipping eps (0: none). */
    private static void probabilityBlock(double[] yd, int yo, double[] sd, int so, double[] wd, int wo, int from,
                                         int to, double c, double[] outD, int oo, double[] terms, double[] lanes) {
        boolean weighted = wd != null;
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector lo = DoubleVector.broadcast(D, c);
        DoubleVector hi = DoubleVector.broadcast(D, 1 - c);
        DoubleVector s = zero, ws = zero, edge = zero, bad = zero; // counts, not masks: a loop-carried mask boxes
        one.intoArray(lanes, L_ONES * DL);
        for (int i = from; i < to; i += DL) {
            DoubleVector yv = DoubleVector.fromArray(D, yd, yo + i);
            DoubleVector v = DoubleVector.fromArray(D, sd, so + i);
            bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(LE, 1.0))
                    .and(v.compare(GE, 0.0)).and(v.compare(LE, 1.0)).not());
            // clipped to [eps, 1 − eps]; with eps = 0 only invalid lanes change, and they are counted above
            DoubleVector p = v.blend(lo, v.compare(LT, lo)).blend(hi, v.compare(GT, hi));
            edge = edge.add(one, p.compare(GT, 0.0).and(p.compare(LT, Double.MIN_NORMAL)));
            // ln p and ln u, u = 1 − p, then log1p(−p) = ln u + (−p − (u − 1))/u
            DoubleVector u = one.sub(p);
            p.intoArray(lanes, L_A0 * DL);
            u.intoArray(lanes, L_A1 * DL);
            logSlots(lanes, 2);
            DoubleVector la = DoubleVector.fromArray(D, lanes, L_LOG0 * DL).blend(-INF, p.compare(EQ, 0.0));
            DoubleVector lb = DoubleVector.fromArray(D, lanes, L_LOG1 * DL).add(p.neg().sub(u.sub(one)).div(u))
                    .blend(-INF, u.compare(EQ, 0.0));
            DoubleVector raw = zero.sub(yv.mul(la), yv.compare(GT, 0.0)).sub(one.sub(yv).mul(lb), yv.compare(LT, 1.0));
            // the weight from a slot of ones when there are none: w = 1 leaves the term's bits as they are
            DoubleVector w = DoubleVector.fromArray(D, weighted ? wd : lanes, weighted ? wo + i : L_ONES * DL);
            bad = bad.add(one, w.compare(GE, 0.0).and(w.compare(LT, INF)).not());
            ws = ws.add(w);
            DoubleVector term = zero.blend(raw.mul(w), w.compare(GT, 0.0));
            term.intoArray(outD != null ? outD : terms, outD != null ? oo + i : i - from);
            s = s.add(term);
        }
        s.intoArray(lanes, L_SUM * DL);
        ws.intoArray(lanes, L_W * DL);
        edge.intoArray(lanes, L_COUNT * DL);
        bad.intoArray(lanes, L_CHECK * DL);
    }

    /** binaryBlock from logits: c is posWeight, the factor of the positive term. */
    private static void logitBlock(double[] yd, int yo, double[] sd, int so, double[] wd, int wo, int from, int to,
                                   double c, double[] outD, int oo, double[] terms, double[] lanes) {
        boolean weighted = wd != null;
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        DoubleVector posWeight = DoubleVector.broadcast(D, c);
        DoubleVector mHi = DoubleVector.broadcast(D, -LN2_HI);
        DoubleVector mLo = DoubleVector.broadcast(D, -LN2_LO);
        DoubleVector s = zero, ws = zero, edge = zero, bad = zero; // counts, not masks: a loop-carried mask boxes
        one.intoArray(lanes, L_ONES * DL);
        for (int i = from; i < to; i += DL) {
            DoubleVector yv = DoubleVector.fromArray(D, yd, yo + i);
            DoubleVector v = DoubleVector.fromArray(D, sd, so + i);
            bad = bad.add(one, yv.compare(GE, 0.0).and(yv.compare(LE, 1.0)).and(v.compare(EQ, v)).not());
            // t = e^−|x| (LaneMath.exp), then log1p(t) = ln(1 + t) + (t − ((1 + t) − 1))/(1 + t)
            DoubleVector x = v.abs().neg();
            edge = edge.add(one, x.compare(LT, -EXP_RANGE));
            DoubleVector kd = x.fma(INV_LN2, SHIFT), nd = kd.sub(SHIFT);
            DoubleVector r = nd.fma(mLo, nd.fma(mHi, x)), r2 = r.mul(r);
            DoubleVector q = r.fma(E13, E12).fma(r2, r.fma(E11, E10)).fma(r2, r.fma(E9, E8))
                    .fma(r2, r.fma(E7, E6)).fma(r2, r.fma(E5, E4)).fma(r2, r.fma(E3, E2));
            DoubleVector t = (DoubleVector) r2.fma(q, r).add(one).viewAsIntegralLanes()
                    .add(kd.viewAsIntegralLanes().sub(SHIFT_BITS).lanewise(LSHL, 52)).viewAsFloatingLanes();
            DoubleVector a0 = t.add(one);
            a0.intoArray(lanes, L_A0 * DL);
            logSlots(lanes, 1);
            DoubleVector l = DoubleVector.fromArray(D, lanes, L_LOG0 * DL).add(t.sub(a0.sub(one)).div(a0));
            VectorMask<Double> pos = v.compare(GT, 0.0);
            DoubleVector py = posWeight.mul(yv);
            DoubleVector raw = zero.add(py.mul(l.sub(v, pos.not())), py.compare(GT, 0.0))  // softplus(−x)
                    .add(one.sub(yv).mul(l.add(v, pos)), yv.compare(LT, 1.0));            // softplus(x)
            DoubleVector w = DoubleVector.fromArray(D, weighted ? wd : lanes, weighted ? wo + i : L_ONES * DL);
            bad = bad.add(one, w.compare(GE, 0.0).and(w.compare(LT, INF)).not());
            ws = ws.add(w);
            DoubleVector term = zero.blend(raw.mul(w), w.compare(GT, 0.0));
            term.intoArray(outD != null ? outD : terms, outD != null ? oo + i : i - from);
            s = s.add(term);
        }
        s.intoArray(lanes, L_SUM * DL);
        ws.intoArray(lanes, L_W * DL);
        edge.intoArray(lanes, L_COUNT * DL);
        bad.intoArray(lanes, L_CHECK * DL);
    }

    /**
     * LaneMath's log of the slots L_A0 + h of lanes[] into L_LOG0 + h, h &lt; count: a method of its own so that
     * binaryBlock's vector loop has no inner loop. C2 compiled that loop on stack replacement entering at the inner
     * loop, and the outer loop's vectors, taken from the interpreter's frame there, stayed boxed: 12 bytes per
     * element on every call once every BCE variant (double and float, weights, outputs, logits) had run. No vector
     * crosses this method's boundary.
     */
    private static void logSlots(double[] lanes, int count) {
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int h = 0; h < count; h++) {
            DoubleVector a = DoubleVector.fromArray(D, lanes, (L_A0 + h) * DL);
            LongVector b = a.viewAsIntegralLanes(), k = b.sub(SQRT_HALF_BITS).lanewise(ASHR, 52);
            DoubleVector f = ((DoubleVector) b.sub(k.lanewise(LSHL, 52)).viewAsFloatingLanes()).sub(one);
            DoubleVector kf = k.add(SHIFT_BITS).viewAsFloatingLanes().sub(SHIFT), hf = f.mul(f).mul(0.5);
            DoubleVector sf2 = f.div(f.add(2.0)), z = sf2.mul(sf2), z2 = z.mul(z);
            DoubleVector rr = z2.mul(LG7).add(z.fma(LG6, LG5)).fma(z2, z.fma(LG4, LG3))
                    .fma(z2, z.fma(LG2, LG1)).mul(z);
            kf.mul(LN2_HI).sub(hf.sub(sf2.fma(hf.add(rr), kf.mul(LN2_LO))).sub(f))
                    .intoArray(lanes, (L_LOG0 + h) * DL);
        }
    }
}
