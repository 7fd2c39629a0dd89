package org.shannon4j.internal;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;
import static org.shannon4j.spi.Kernels.JS_Q_TERMS;
import static org.shannon4j.spi.Kernels.SUM_P;
import static org.shannon4j.spi.Kernels.SUM_Q;
import static org.shannon4j.spi.Terms.CROSS;
import static org.shannon4j.spi.Terms.JS;
import static org.shannon4j.spi.Terms.SUM;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.shannon4j.spi.Kernels;
import org.shannon4j.spi.Parallelism;
import org.shannon4j.spi.Terms;

/**
 * One kernel pass of a measure over its input, whatever the input is: {@code double[]}, {@code float[]} or a
 * {@link MemorySegment} read with a {@link ValueLayout.OfDouble}/{@link ValueLayout.OfFloat} (the
 * {@code layout} argument is null for arrays), on the calling thread or cut into chunks run in parallel (see
 * {@link Parallelism}). The measures in {@link Measures} call only this, so their formulas are written once
 * for every kind of input. Results and aux contents follow the {@link Kernels} contract.
 */
public final class Passes {


    /** A thread that is never started: a segment accessible by it is accessible by any thread. */
    private static final Thread PROBE = Thread.ofPlatform().unstarted(() -> { });

    private Passes() {
    }

    /** Whether the input is read as float. */
    public static boolean float32(Object p, ValueLayout layout) {
        return layout != null ? layout instanceof ValueLayout.OfFloat : p instanceof float[];
    }

    /** The {@code kind} pass over {@code p} (and {@code q} for the pair kinds), split into chunks if {@code par} says so. */
    public static double run(Kernels k, Parallelism par, int kind, Object p, long pOffset, Object q, long qOffset,
                      long length, ValueLayout layout, double c, double[] aux) {
        if (par.splits(length)) {
            return chunked(k, par, kind, p, pOffset, q, qOffset, length, layout, c, aux);
        }
        return direct(k, kind, p, pOffset, q, qOffset, length, layout, c, aux);
    }

    /** One kernel call on the calling thread. */
    public static double direct(Kernels k, int kind, Object p, long pOffset, Object q, long qOffset, long length,
                         ValueLayout layout, double c, double[] aux) {
        if (layout != null) {
            MemorySegment ps = (MemorySegment) p;
            MemorySegment qs = (MemorySegment) q;
            return switch (kind) {
                case SUM -> k.sum(ps, layout, pOffset, length, aux);
                case Terms.X_LOG_X -> k.xLogX(ps, layout, pOffset, length, aux);
                default -> Terms.pair(k, kind, ps, pOffset, qs, qOffset, length, layout, c, aux);
            };
        }
        int po = (int) pOffset;
        int qo = (int) qOffset;
        int n = (int) length;
        if (p instanceof double[] pd) {
            double[] qd = (double[]) q;
            return switch (kind) {
                case SUM -> k.sum(pd, po, n, aux);
                case Terms.X_LOG_X -> k.xLogX(pd, po, n, aux);
                default -> Terms.pair(k, kind, pd, po, qd, qo, n, c, aux);
            };
        }
        float[] pf = (float[]) p;
        float[] qf = (float[]) q;
        return switch (kind) {
            case SUM -> k.sum(pf, po, n, aux);
            case Terms.X_LOG_X -> k.xLogX(pf, po, n, aux);
            default -> Terms.pair(k, kind, pf, po, qf, qo, n, c, aux);
        };
    }

    private static boolean shareable(Object input) {
        return !(input instanceof MemorySegment s) || s.isAccessibleBy(PROBE);
    }

    /**
     * Cuts the input into chunks run by {@link Parallelism#forEachPart} (the calling thread and up to
     * {@code threads − 1} executor tasks), then adds the chunk results in chunk order with compensated
     * summation. Segments of a confined arena are read by the calling thread alone, with the same chunks.
     */
    private static double chunked(Kernels k, Parallelism par, int kind, Object p, long pOffset, Object q,
                                  long qOffset, long length, ValueLayout layout, double c, double[] aux) {
        long chunk = par.chunkLength(length);
        long chunks = Math.ceilDiv(length, chunk);
        if (chunks > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("input of " + length + " elements has too many chunks");
        }
        int helpers = shareable(p) && shareable(q) ? par.threads() - 1 : 0;
        double[] results = new double[4 * (int) chunks]; // per chunk: result, Σp, Σq, JS q half
        par.forEachPart((int) chunks, helpers, () -> new double[Kernels.AUX_LENGTH], (chunkAux, i) -> {
            long from = i * chunk;
            long n = Math.min(chunk, length - from);
            double r = direct(k, kind, p, pOffset + from, q, qOffset + from, n, layout, c, chunkAux);
            results[4 * i] = r;
            results[4 * i + 1] = chunkAux[SUM_P];
            results[4 * i + 2] = chunkAux[SUM_Q];
            results[4 * i + 3] = chunkAux[JS_Q_TERMS];
        });
        return combine(kind, results, (int) chunks, aux);
    }

    /** Adds the chunk results in chunk order, as a kernel would: NaN if any chunk saw invalid input. */
    private static double combine(int kind, double[] results, int chunks, double[] aux) {
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        boolean pair = kind >= CROSS;
        for (int i = 0; i < chunks; i++) {
            double r = results[4 * i];
            if (Double.isNaN(r)) {
                aux[SUM_P] = Double.NaN;
                return Double.NaN;
            }
            double t = a + r;
            aC += sumError(a, r, t);
            a = t;
            double x = results[4 * i + 1];
            t = sp + x;
            spC += sumError(sp, x, t);
            sp = t;
            if (pair) {
                x = results[4 * i + 2];
                t = sq + x;
                sqC += sumError(sq, x, t);
                sq = t;
            }
            if (kind == JS) {
                x = results[4 * i + 3];
                t = b + x;
                bC += sumError(b, x, t);
                b = t;
            }
        }
        double sumP = compensated(sp, spC);
        double sumQ = compensated(sq, sqC);
        aux[SUM_P] = sumP;
        if (pair) {
            aux[SUM_Q] = sumQ;
            aux[JS_Q_TERMS] = compensated(b, bC);
        }
        if (!(sumP < Double.POSITIVE_INFINITY) || !(sumQ < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        return kind == SUM ? sumP : compensated(a, aC);
    }
}
