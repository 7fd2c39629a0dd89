package org.shannon4j.spi;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The default {@link DistributionKernels} segment methods: copy the segment range block by block into per-thread arrays
 * (the copy lands in L1 and the memory traffic is that of reading the segment directly) and run the backend's
 * own array kernel on each block, adding block results into compensated (Neumaier) totals exactly as
 * {@link BlockedKernels} adds its inner blocks. The copy honours the layout's byte order. A block that comes
 * back NaN (invalid input) ends the walk: the caller re-scans to name the element.
 */
final class SegmentWalk {

    /** Elements per copied block: 16 kB of doubles per operand, so a pair's two blocks stay in L1. */
    static final int BLOCK = 2048;

    /** Per-thread copies of one block of each operand, in both element types. */
    private static final class Scratch {
        final double[] p = new double[BLOCK];
        final double[] q = new double[BLOCK];
        final float[] pf = new float[BLOCK];
        final float[] qf = new float[BLOCK];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private SegmentWalk() {
    }

    /** Kind {@link Terms#SUM} or {@link Terms#X_LOG_X} over one segment range. */
    static double single(DistributionKernels k, int kind, MemorySegment p, ValueLayout layout, long offset,
                         long count, double[] aux) {
        Scratch scratch = SCRATCH.get();
        boolean isFloat = layout instanceof ValueLayout.OfFloat;
        long size = layout.byteSize();
        boolean xLogX = kind == Terms.X_LOG_X;
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        for (long done = 0; done < count; done += BLOCK) {
            int n = (int) Math.min(BLOCK, count - done);
            long at = (offset + done) * size;
            double r;
            if (isFloat) {
                MemorySegment.copy(p, layout, at, scratch.pf, 0, n);
                r = xLogX ? k.xLogX(scratch.pf, 0, n, aux) : k.sum(scratch.pf, 0, n, aux);
            } else {
                MemorySegment.copy(p, layout, at, scratch.p, 0, n);
                r = xLogX ? k.xLogX(scratch.p, 0, n, aux) : k.sum(scratch.p, 0, n, aux);
            }
            if (Double.isNaN(r)) {
                aux[DistributionKernels.SUM_P] = Double.NaN;
                return Double.NaN;
            }
            double b = aux[DistributionKernels.SUM_P];
            double t = terms + r;
            termsC += sumError(terms, r, t);
            terms = t;
            t = sum + b;
            sumC += sumError(sum, b, t);
            sum = t;
        }
        double s = compensated(sum, sumC);
        aux[DistributionKernels.SUM_P] = s;
        if (!(s < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        return xLogX ? compensated(terms, termsC) : s;
    }

    /** A pair kind ({@link Terms#CROSS} and above) over two segment ranges. */
    static double pair(DistributionKernels k, int kind, MemorySegment p, long pOffset, MemorySegment q, long qOffset,
                       long count, ValueLayout layout, double c, double[] aux) {
        Scratch scratch = SCRATCH.get();
        boolean isFloat = layout instanceof ValueLayout.OfFloat;
        long size = layout.byteSize();
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        for (long done = 0; done < count; done += BLOCK) {
            int n = (int) Math.min(BLOCK, count - done);
            long pAt = (pOffset + done) * size;
            long qAt = (qOffset + done) * size;
            double r;
            if (isFloat) {
                MemorySegment.copy(p, layout, pAt, scratch.pf, 0, n);
                MemorySegment.copy(q, layout, qAt, scratch.qf, 0, n);
                r = Terms.pair(k, kind, scratch.pf, 0, scratch.qf, 0, n, c, aux);
            } else {
                MemorySegment.copy(p, layout, pAt, scratch.p, 0, n);
                MemorySegment.copy(q, layout, qAt, scratch.q, 0, n);
                r = Terms.pair(k, kind, scratch.p, 0, scratch.q, 0, n, c, aux);
            }
            if (Double.isNaN(r)) {
                aux[DistributionKernels.SUM_P] = Double.NaN;
                return Double.NaN;
            }
            double rb = kind == Terms.JS ? aux[DistributionKernels.JS_Q_TERMS] : 0.0;
            double rp = aux[DistributionKernels.SUM_P];
            double rq = aux[DistributionKernels.SUM_Q];
            double t = a + r;
            aC += sumError(a, r, t);
            a = t;
            t = b + rb;
            bC += sumError(b, rb, t);
            b = t;
            t = sp + rp;
            spC += sumError(sp, rp, t);
            sp = t;
            t = sq + rq;
            sqC += sumError(sq, rq, t);
            sq = t;
        }
        double sumP = compensated(sp, spC);
        double sumQ = compensated(sq, sqC);
        aux[DistributionKernels.SUM_P] = sumP;
        aux[DistributionKernels.SUM_Q] = sumQ;
        aux[DistributionKernels.JS_Q_TERMS] = compensated(b, bC);
        return sumP < Double.POSITIVE_INFINITY && sumQ < Double.POSITIVE_INFINITY ? compensated(a, aC) : Double.NaN;
    }
}
