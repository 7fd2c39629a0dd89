package org.shannon4j.conformance.property;

import java.util.Locale;

/**
 * The special values every generator plants and their readable form: a special value prints with its raw
 * bits (−0.0 and 0.0, or two NaNs, look alike otherwise), an ordinary one as Java prints it.
 */
final class Values {

    private Values() {
    }

    /** Each special double; always all of them, whatever the length of the input. */
    static final double[] DOUBLE_POOL = {
        0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL / 2, Double.MIN_NORMAL, Float.MIN_VALUE, Float.MIN_NORMAL,
        Math.nextDown(1.0), 1.0, Double.MAX_VALUE / 4, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -0.25, -Double.MIN_VALUE, -1.0, 1e-300, 0.5,
    };

    /** The float counterparts (float subnormals, float maximum). */
    static final float[] FLOAT_POOL = {
        0.0f, -0.0f, Float.MIN_VALUE, Float.MIN_NORMAL / 2, Float.MIN_NORMAL, Math.nextDown(1.0f), 1.0f,
        Float.MAX_VALUE / 4, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.25f,
        -Float.MIN_VALUE, -1.0f, 1e-30f, 0.5f,
    };

    static boolean special(double x) {
        return !(x >= Double.MIN_NORMAL && x < 1e300) || Double.doubleToRawLongBits(x) == 0x3fefffffffffffffL;
    }

    static boolean special(float x) {
        return !(x >= Float.MIN_NORMAL && x < 1e37f);
    }

    static String show(double x) {
        return special(x) ? x + "[0x" + Long.toHexString(Double.doubleToRawLongBits(x)) + "]" : Double.toString(x);
    }

    static String show(float x) {
        return special(x) ? x + "f[0x" + Integer.toHexString(Float.floatToRawIntBits(x)) + "]" : x + "f";
    }

    static String show(double[] a) {
        if (a == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("double[").append(a.length).append("] {");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(show(a[i]));
        }
        return b.append('}').toString();
    }

    static String show(float[] a) {
        if (a == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("float[").append(a.length).append("] {");
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ", ").append(show(a[i]));
        }
        return b.append('}').toString();
    }

    static String hex(double x) {
        return String.format(Locale.ROOT, "%a", x);
    }
}
