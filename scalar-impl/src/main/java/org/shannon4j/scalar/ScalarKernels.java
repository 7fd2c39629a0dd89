package org.shannon4j.scalar;

import static org.shannon4j.spi.KernelMath.compensated;
import static org.shannon4j.spi.KernelMath.sumError;

import org.shannon4j.spi.KernelMath;
import org.shannon4j.spi.Kernels;

/**
 * Plain-Java kernels. Each loop runs over blocks of {@value #BLOCK} elements with four independent
 * accumulators (so the adds pipeline and each partial sum holds at most 64 terms), and adds the block partials
 * into a compensated (Neumaier) total: the summation error stays at a few ulp for any length, and the order of
 * operations is fixed, so results are bit-for-bit reproducible.
 *
 * <p>Validity is fused: {@code valid} folds {@code x >= 0} over all elements (false for NaN and negatives),
 * and an infinite element makes its sum infinite; either way the kernel returns NaN.
 */
final class ScalarKernels implements Kernels {

    static final int BLOCK = 256;

    @Override
    public double sum(double[] a, int offset, int length, double[] aux) {
        double total = 0;
        double compensation = 0;
        boolean valid = true;
        int end = offset + length;
        for (int start = offset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = start;
            for (; i + 3 < blockEnd; i += 4) {
                double a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
            }
            for (; i < blockEnd; i++) {
                s0 += a[i];
                valid &= a[i] >= 0;
            }
            double block = (s0 + s1) + (s2 + s3);
            double t = total + block;
            compensation += sumError(total, block, t);
            total = t;
        }
        total = compensated(total, compensation);
        aux[SUM_P] = total;
        return valid && total < Double.POSITIVE_INFINITY ? total : Double.NaN;
    }

    @Override
    public double sum(float[] a, int offset, int length, double[] aux) {
        double total = 0;
        double compensation = 0;
        boolean valid = true;
        int end = offset + length;
        for (int start = offset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = start;
            for (; i + 3 < blockEnd; i += 4) {
                double a0 = a[i], a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3];
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
            }
            for (; i < blockEnd; i++) {
                s0 += a[i];
                valid &= a[i] >= 0;
            }
            double block = (s0 + s1) + (s2 + s3);
            double t = total + block;
            compensation += sumError(total, block, t);
            total = t;
        }
        total = compensated(total, compensation);
        aux[SUM_P] = total;
        return valid && total < Double.POSITIVE_INFINITY ? total : Double.NaN;
    }

    @Override
    public double xLogX(double[] p, int offset, int length, double[] aux) {
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        boolean valid = true;
        int end = offset + length;
        for (int start = offset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double t0 = 0, t1 = 0, t2 = 0, t3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = start;
            for (; i + 3 < blockEnd; i += 4) {
                double a0 = p[i], a1 = p[i + 1], a2 = p[i + 2], a3 = p[i + 3];
                t0 += KernelMath.xLogX(a0);
                t1 += KernelMath.xLogX(a1);
                t2 += KernelMath.xLogX(a2);
                t3 += KernelMath.xLogX(a3);
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
            }
            for (; i < blockEnd; i++) {
                t0 += KernelMath.xLogX(p[i]);
                s0 += p[i];
                valid &= p[i] >= 0;
            }
            double bt = (t0 + t1) + (t2 + t3);
            double bs = (s0 + s1) + (s2 + s3);
            double nt = terms + bt;
            termsC += sumError(terms, bt, nt);
            terms = nt;
            double ns = sum + bs;
            sumC += sumError(sum, bs, ns);
            sum = ns;
        }
        sum = compensated(sum, sumC);
        aux[SUM_P] = sum;
        return valid && sum < Double.POSITIVE_INFINITY ? compensated(terms, termsC) : Double.NaN;
    }

    @Override
    public double xLogX(float[] p, int offset, int length, double[] aux) {
        double terms = 0, termsC = 0, sum = 0, sumC = 0;
        boolean valid = true;
        int end = offset + length;
        for (int start = offset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double t0 = 0, t1 = 0, t2 = 0, t3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = start;
            for (; i + 3 < blockEnd; i += 4) {
                double a0 = p[i], a1 = p[i + 1], a2 = p[i + 2], a3 = p[i + 3];
                t0 += KernelMath.xLogX(a0);
                t1 += KernelMath.xLogX(a1);
                t2 += KernelMath.xLogX(a2);
                t3 += KernelMath.xLogX(a3);
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                valid &= a0 >= 0 & a1 >= 0 & a2 >= 0 & a3 >= 0;
            }
            for (; i < blockEnd; i++) {
                t0 += KernelMath.xLogX(p[i]);
                s0 += p[i];
                valid &= p[i] >= 0;
            }
            double bt = (t0 + t1) + (t2 + t3);
            double bs = (s0 + s1) + (s2 + s3);
            double nt = terms + bt;
            termsC += sumError(terms, bt, nt);
            terms = nt;
            double ns = sum + bs;
            sumC += sumError(sum, bs, ns);
            sum = ns;
        }
        sum = compensated(sum, sumC);
        aux[SUM_P] = sum;
        return valid && sum < Double.POSITIVE_INFINITY ? compensated(terms, termsC) : Double.NaN;
    }

    // Two-input kernels share one loop per input type; the term is picked by an int that is constant for the
    // whole call, which the JIT unswitches, and the log dominates the cost anyway.
    private static final int CROSS = 0;
    private static final int KL = 1;
    private static final int JS = 2;

    @Override
    public double xLogY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pairs(CROSS, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public double xLogY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pairs(CROSS, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public double xLogXOverY(double[] p, int pOffset, double[] q, int qOffset, int length, double[] aux) {
        return pairs(KL, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public double xLogXOverY(float[] p, int pOffset, float[] q, int qOffset, int length, double[] aux) {
        return pairs(KL, p, pOffset, q, qOffset, length, 1.0, aux);
    }

    @Override
    public double jensenShannonTerms(double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pairs(JS, p, pOffset, q, qOffset, length, c, aux);
    }

    @Override
    public double jensenShannonTerms(float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                     double[] aux) {
        return pairs(JS, p, pOffset, q, qOffset, length, c, aux);
    }

    private static double termA(int kind, double p, double q, double c) {
        return switch (kind) {
            case CROSS -> KernelMath.xLogY(p, q);
            case KL -> KernelMath.xLogXOverY(p, q);
            default -> KernelMath.jensenShannonP(p, q, c);
        };
    }

    private static double termB(int kind, double p, double q, double c) {
        return kind == JS ? KernelMath.jensenShannonQ(p, q, c) : 0.0;
    }

    private static double pairs(int kind, double[] p, int pOffset, double[] q, int qOffset, int length, double c,
                                double[] aux) {
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        boolean valid = true;
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        for (int start = pOffset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double a0 = 0, a1 = 0, b0 = 0, b1 = 0, p0 = 0, p1 = 0, q0 = 0, q1 = 0;
            int i = start;
            for (; i + 1 < blockEnd; i += 2) {
                double x0 = p[i], x1 = p[i + 1], y0 = q[i + shift], y1 = q[i + 1 + shift];
                a0 += termA(kind, x0, y0, c);
                a1 += termA(kind, x1, y1, c);
                b0 += termB(kind, x0, y0, c);
                b1 += termB(kind, x1, y1, c);
                p0 += x0;
                p1 += x1;
                q0 += y0;
                q1 += y1;
                valid &= x0 >= 0 & x1 >= 0 & y0 >= 0 & y1 >= 0;
            }
            for (; i < blockEnd; i++) {
                double x = p[i], y = q[i + shift];
                a0 += termA(kind, x, y, c);
                b0 += termB(kind, x, y, c);
                p0 += x;
                q0 += y;
                valid &= x >= 0 & y >= 0;
            }
            double ba = a0 + a1, bb = b0 + b1, bp = p0 + p1, bq = q0 + q1;
            double t = a + ba;
            aC += sumError(a, ba, t);
            a = t;
            t = b + bb;
            bC += sumError(b, bb, t);
            b = t;
            t = sp + bp;
            spC += sumError(sp, bp, t);
            sp = t;
            t = sq + bq;
            sqC += sumError(sq, bq, t);
            sq = t;
        }
        return finishPairs(valid, compensated(a, aC), compensated(b, bC), compensated(sp, spC), compensated(sq, sqC), aux);
    }

    private static double pairs(int kind, float[] p, int pOffset, float[] q, int qOffset, int length, double c,
                                double[] aux) {
        double a = 0, aC = 0, b = 0, bC = 0, sp = 0, spC = 0, sq = 0, sqC = 0;
        boolean valid = true;
        int shift = qOffset - pOffset;
        int end = pOffset + length;
        for (int start = pOffset; start < end; start += BLOCK) {
            int blockEnd = Math.min(end, start + BLOCK);
            double a0 = 0, a1 = 0, b0 = 0, b1 = 0, p0 = 0, p1 = 0, q0 = 0, q1 = 0;
            int i = start;
            for (; i + 1 < blockEnd; i += 2) {
                double x0 = p[i], x1 = p[i + 1], y0 = q[i + shift], y1 = q[i + 1 + shift];
                a0 += termA(kind, x0, y0, c);
                a1 += termA(kind, x1, y1, c);
                b0 += termB(kind, x0, y0, c);
                b1 += termB(kind, x1, y1, c);
                p0 += x0;
                p1 += x1;
                q0 += y0;
                q1 += y1;
                valid &= x0 >= 0 & x1 >= 0 & y0 >= 0 & y1 >= 0;
            }
            for (; i < blockEnd; i++) {
                double x = p[i], y = q[i + shift];
                a0 += termA(kind, x, y, c);
                b0 += termB(kind, x, y, c);
                p0 += x;
                q0 += y;
                valid &= x >= 0 & y >= 0;
            }
            double ba = a0 + a1, bb = b0 + b1, bp = p0 + p1, bq = q0 + q1;
            double t = a + ba;
            aC += sumError(a, ba, t);
            a = t;
            t = b + bb;
            bC += sumError(b, bb, t);
            b = t;
            t = sp + bp;
            spC += sumError(sp, bp, t);
            sp = t;
            t = sq + bq;
            sqC += sumError(sq, bq, t);
            sq = t;
        }
        return finishPairs(valid, compensated(a, aC), compensated(b, bC), compensated(sp, spC), compensated(sq, sqC), aux);
    }

    private static double finishPairs(boolean valid, double a, double b, double sp, double sq, double[] aux) {
        aux[SUM_P] = sp;
        aux[SUM_Q] = sq;
        aux[JS_Q_TERMS] = b;
        return valid && sp < Double.POSITIVE_INFINITY && sq < Double.POSITIVE_INFINITY ? a : Double.NaN;
    }
}
