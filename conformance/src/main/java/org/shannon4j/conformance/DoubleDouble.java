package org.shannon4j.conformance;

/**
 * Double-double arithmetic (about 106 bits, relative error ~1e-32): enough to make a reference whose own
 * error is negligible next to the 1e-13 bounds the backends are held to. Immutable; tests only.
 */
public record DoubleDouble(double hi, double lo) {

    public static final DoubleDouble ZERO = new DoubleDouble(0, 0);
    /** ln 2 to double-double precision. */
    public static final DoubleDouble LN2 = new DoubleDouble(0.6931471805599453, 2.3190468138462996e-17);

    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0);
    }

    private static DoubleDouble quickTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    public DoubleDouble add(DoubleDouble y) {
        double s = hi + y.hi;
        double bb = s - hi;
        double e = (hi - (s - bb)) + (y.hi - bb);
        e += lo + y.lo;
        return quickTwoSum(s, e);
    }

    public DoubleDouble add(double y) {
        return add(of(y));
    }

    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    public DoubleDouble subtract(DoubleDouble y) {
        return add(y.negate());
    }

    public DoubleDouble multiply(DoubleDouble y) {
        double p = hi * y.hi;
        double e = Math.fma(hi, y.hi, -p);
        e += hi * y.lo + lo * y.hi;
        return quickTwoSum(p, e);
    }

    public DoubleDouble multiply(double y) {
        return multiply(of(y));
    }

    public DoubleDouble divide(DoubleDouble y) {
        double q1 = hi / y.hi;
        DoubleDouble r = subtract(y.multiply(q1));
        double q2 = r.hi / y.hi;
        r = r.subtract(y.multiply(q2));
        double q3 = r.hi / y.hi;
        return quickTwoSum(q1, q2).add(of(q3));
    }

    public DoubleDouble divide(double y) {
        return divide(of(y));
    }

    /** Scales by 2^k exactly. */
    public DoubleDouble scalb(int k) {
        return new DoubleDouble(Math.scalb(hi, k), Math.scalb(lo, k));
    }

    /**
     * Natural log of a positive value: x = m·2^e with m in [1/√2, √2), ln m = 2·atanh(z), z = (m−1)/(m+1),
     * |z| ≤ 0.172, summed until the terms fall below 1e-34 of the result.
     */
    public DoubleDouble log() {
        if (!(hi > 0)) {
            throw new IllegalArgumentException("log of " + hi);
        }
        DoubleDouble x = this;
        int e = 0;
        if (x.hi < Double.MIN_NORMAL) {
            x = x.scalb(110);
            e -= 110;
        }
        int exponent = Math.getExponent(x.hi);
        x = x.scalb(-exponent);
        e += exponent;
        if (x.hi > Math.sqrt(2)) {
            x = x.scalb(-1);
            e += 1;
        }
        DoubleDouble z = x.subtract(of(1)).divide(x.add(of(1)));
        DoubleDouble z2 = z.multiply(z);
        DoubleDouble term = z;
        DoubleDouble sum = z;
        for (int k = 3; k < 200; k += 2) {
            term = term.multiply(z2);
            DoubleDouble t = term.divide(k);
            sum = sum.add(t);
            if (Math.abs(t.hi) <= 1e-34 * Math.abs(sum.hi)) {
                break;
            }
        }
        return sum.multiply(2).add(LN2.multiply(e));
    }

    /** Square root of a value ≥ 0: one Newton step from the double root, about 1e-32 relative. */
    public DoubleDouble sqrt() {
        if (hi == 0) {
            return ZERO;
        }
        if (!(hi > 0)) {
            throw new IllegalArgumentException("sqrt of " + hi);
        }
        DoubleDouble x = this;
        int e = 0;
        if (x.hi < 0x1p-900) {
            x = x.scalb(1000);
            e = -500;
        }
        double s = Math.sqrt(x.hi);
        DoubleDouble root = of(s);
        return root.add(x.subtract(root.multiply(root)).divide(2 * s)).scalb(e);
    }

    public double doubleValue() {
        return hi + lo;
    }
}
