package org.shannon4j.conformance;

/**
 * Reference values of the distribution measures in nats, computed in double-double from the exact input
 * values (float inputs are widened exactly), for the normalised vectors p/Σp and q/Σq. Error ~1e-30
 * relative per term, so the comparisons in the suites measure the backends, not the reference.
 *
 * <p>Each method also reports, through {@link Value#magnitude()}, Σ|termᵢ| of the normalised terms: the
 * scale against which an absolute error bound is stated for measures whose terms cancel (KL, JS).
 */
public final class ExactReference {

    /** A reference value and the sum of the absolute values of its terms (both in nats). */
    public record Value(double value, double magnitude) {
    }

    private ExactReference() {
    }

    static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static DoubleDouble sum(double[] a, int off, int len) {
        DoubleDouble s = DoubleDouble.ZERO;
        for (int i = off; i < off + len; i++) {
            s = s.add(a[i]);
        }
        return s;
    }

    /** −Σ p'ln p' with p' = p/Σp. */
    public static Value entropy(double[] p, int off, int len) {
        DoubleDouble s = sum(p, off, len);
        DoubleDouble lnS = s.log();
        DoubleDouble h = DoubleDouble.ZERO;
        for (int i = off; i < off + len; i++) {
            if (p[i] > 0) {
                DoubleDouble pi = DoubleDouble.of(p[i]).divide(s);
                h = h.subtract(pi.multiply(DoubleDouble.of(p[i]).log().subtract(lnS)));
            }
        }
        return new Value(h.doubleValue(), Math.abs(h.doubleValue()));
    }

    /** −Σ p'ln q'; +∞ when some p &gt; 0 has q = 0. */
    public static Value crossEntropy(double[] p, int pOff, double[] q, int qOff, int len) {
        DoubleDouble sp = sum(p, pOff, len);
        DoubleDouble lnSq = sum(q, qOff, len).log();
        DoubleDouble h = DoubleDouble.ZERO;
        double magnitude = 0;
        for (int i = 0; i < len; i++) {
            double pi = p[pOff + i];
            double qi = q[qOff + i];
            if (pi > 0) {
                if (qi == 0) {
                    return new Value(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
                }
                DoubleDouble term = DoubleDouble.of(pi).divide(sp).multiply(DoubleDouble.of(qi).log().subtract(lnSq));
                h = h.subtract(term);
                magnitude += Math.abs(term.doubleValue());
            }
        }
        return new Value(h.doubleValue(), magnitude);
    }

    /** Σ p'·ln(p'/q'); +∞ when some p &gt; 0 has q = 0. */
    public static Value klDivergence(double[] p, int pOff, double[] q, int qOff, int len) {
        DoubleDouble sp = sum(p, pOff, len);
        DoubleDouble lnRatio = sum(q, qOff, len).log().subtract(sp.log()); // ln(Sq/Sp)
        DoubleDouble kl = DoubleDouble.ZERO;
        double magnitude = 0;
        for (int i = 0; i < len; i++) {
            double pi = p[pOff + i];
            double qi = q[qOff + i];
            if (pi > 0) {
                if (qi == 0) {
                    return new Value(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
                }
                DoubleDouble logRatio = DoubleDouble.of(pi).log().subtract(DoubleDouble.of(qi).log()).add(lnRatio);
                DoubleDouble term = DoubleDouble.of(pi).divide(sp).multiply(logRatio);
                kl = kl.add(term);
                magnitude += Math.abs(term.doubleValue());
            }
        }
        return new Value(kl.doubleValue(), magnitude);
    }

    /** ½ Σ p'·ln(p'/m) + ½ Σ q'·ln(q'/m), m = (p' + q')/2. */
    public static Value jsDivergence(double[] p, int pOff, double[] q, int qOff, int len) {
        DoubleDouble sp = sum(p, pOff, len);
        DoubleDouble sq = sum(q, qOff, len);
        DoubleDouble js = DoubleDouble.ZERO;
        double magnitude = 0;
        for (int i = 0; i < len; i++) {
            DoubleDouble pi = DoubleDouble.of(p[pOff + i]).divide(sp);
            DoubleDouble qi = DoubleDouble.of(q[qOff + i]).divide(sq);
            DoubleDouble m = pi.add(qi).multiply(0.5);
            if (pi.hi() > 0) {
                DoubleDouble term = pi.multiply(pi.log().subtract(m.log())).multiply(0.5);
                js = js.add(term);
                magnitude += Math.abs(term.doubleValue());
            }
            if (qi.hi() > 0) {
                DoubleDouble term = qi.multiply(qi.log().subtract(m.log())).multiply(0.5);
                js = js.add(term);
                magnitude += Math.abs(term.doubleValue());
            }
        }
        return new Value(js.doubleValue(), magnitude);
    }

    /**
     * ½ Σ (√p' − √q')², the squared Hellinger distance; its magnitude is the value itself (one-signed terms).
     */
    public static Value squaredHellinger(double[] p, int pOff, double[] q, int qOff, int len) {
        DoubleDouble sp = sum(p, pOff, len);
        DoubleDouble sq = sum(q, qOff, len);
        DoubleDouble h = DoubleDouble.ZERO;
        for (int i = 0; i < len; i++) {
            DoubleDouble d = DoubleDouble.of(p[pOff + i]).divide(sp).sqrt()
                    .subtract(DoubleDouble.of(q[qOff + i]).divide(sq).sqrt());
            h = h.add(d.multiply(d));
        }
        double v = h.multiply(0.5).doubleValue();
        return new Value(v, v);
    }

    public static Value squaredHellinger(float[] p, int pOff, float[] q, int qOff, int len) {
        return squaredHellinger(widen(p), pOff, widen(q), qOff, len);
    }

    public static Value entropy(float[] p, int off, int len) {
        return entropy(widen(p), off, len);
    }

    public static Value crossEntropy(float[] p, int pOff, float[] q, int qOff, int len) {
        return crossEntropy(widen(p), pOff, widen(q), qOff, len);
    }

    public static Value klDivergence(float[] p, int pOff, float[] q, int qOff, int len) {
        return klDivergence(widen(p), pOff, widen(q), qOff, len);
    }

    public static Value jsDivergence(float[] p, int pOff, float[] q, int qOff, int len) {
        return jsDivergence(widen(p), pOff, widen(q), qOff, len);
    }
}
