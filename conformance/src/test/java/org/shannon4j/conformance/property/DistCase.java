package org.shannon4j.conformance.property;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.shannon4j.InfoUnit;
import org.shannon4j.Normalization;
import org.shannon4j.Shannon;

/**
 * One generated call of a distribution measure: the vectors p and q (as the measure reads them, float or double),
 * how they are passed (whole array, offset range in a larger array with invalid garbage around it, whole memory
 * segment, segment range; segment layouts aligned or not, native or big-endian), the policy and the unit.
 *
 * <p>The vectors are built from a few shrinkable choices (length, a seed, a shape, 0..3 planted special values
 * per vector, whether to renormalise after planting), so that jqwik shrinks to the shortest vector with the
 * fewest plants, and prints the arrays in full with the raw bits of every special value.
 */
final class DistCase {

    enum Form { ARRAY, OFFSET, SEGMENT, SEGMENT_RANGE }

    /** A special value from the pool placed at lane {@code lane mod n}. */
    record Plant(int lane, int value) {
    }

    record Shape(boolean float32, Form form, int layout, Normalization policy, InfoUnit unit, int pOff, int qOff) {
    }

    record Content(int n, long seed, int kind, List<Plant> pPlants, List<Plant> qPlants, boolean renormalise) {
    }

    final Shape shape;
    final Content content;
    /** The entries as read (float entries widened exactly), for the oracle and the reference. */
    final double[] p;
    final double[] q;
    final double[] pd;
    final double[] qd;
    final float[] pf;
    final float[] qf;

    private DistCase(Shape shape, Content content) {
        this.shape = shape;
        this.content = content;
        double[] rp = vector(content.n, content.seed, content.kind, content.pPlants, content.renormalise,
                shape.float32);
        double[] rq = vector(content.n, content.seed ^ 0x9E3779B97F4A7C15L, content.kind, content.qPlants,
                content.renormalise, shape.float32);
        if (shape.float32) {
            pf = toFloat(rp);
            qf = toFloat(rq);
            pd = null;
            qd = null;
        } else {
            pd = rp;
            qd = rq;
            pf = null;
            qf = null;
        }
        p = rp;
        q = rq;
    }

    // --------------------------------------------------------------------------------------------- generation

    static Arbitrary<DistCase> arbitrary() {
        // Lengths: every tail of every species up to 5×16 lanes and beyond (~100), a few empty, and some ~3000
        // for the multi-block paths; nothing hard-codes the lane count.
        Arbitrary<Integer> n = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(12, Arbitraries.integers().between(1, 100)),
                Tuple.of(1, Arbitraries.integers().between(2980, 3100)));
        Arbitrary<List<Plant>> plants = plants();
        Arbitrary<Shape> shape = Combinators.combine(Arbitraries.of(false, true), Arbitraries.of(Form.values()),
                Arbitraries.integers().between(0, 3), Arbitraries.of(Normalization.values()),
                Arbitraries.of(InfoUnit.values()), Arbitraries.integers().between(0, 17),
                Arbitraries.integers().between(0, 17)).as(Shape::new);
        Arbitrary<Content> content = Combinators.combine(n, Arbitraries.longs(), Arbitraries.integers().between(0, 5),
                plants, plants, Arbitraries.of(true, false)).as(Content::new);
        return Combinators.combine(shape, content).as(DistCase::new);
    }

    /** 0..3 special values at random lanes. */
    static Arbitrary<List<Plant>> plants() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, Values.DOUBLE_POOL.length - 1)).as(Plant::new).list().ofMaxSize(3);
    }

    /**
     * Shape 0: uniform; 1: uniform random weights; 2: Dirichlet-like skew (u⁸, a tenth zeros); 3: tiny and
     * subnormal entries among ordinary ones; 4: unnormalised (scaled by 10^-6..10^6, 1e-310 or 2^-1070: valid under
     * NORMALIZE);
     * 5: one entry near 1, the rest 1e-12. Shapes 0..3 and 5 are normalised, so valid under REQUIRE.
     */
    static double[] vector(int n, long seed, int kind, List<Plant> plants, boolean renormalise, boolean float32) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            w[i] = switch (kind) {
                case 0 -> 1.0;
                case 1, 4 -> u + 1e-3;
                case 2 -> rnd.nextInt(10) == 0 ? 0.0 : Math.pow(u, 8);
                case 3 -> rnd.nextInt(4) == 0 ? u * 1e-310 : u;
                default -> i == 0 ? 1.0 : 1e-12;
            };
        }
        w = normalised(w, float32);
        if (kind == 4) {
            // counts-like and tiny scales, down to vectors of subnormals (whose sums are subnormal too)
            int e = rnd.nextInt(-6, 7);
            int tiny = rnd.nextInt(6);
            double scale = tiny == 0 ? 0x1p-1070 : tiny == 1 ? 1e-310 : Math.pow(10, e);
            for (int i = 0; i < n; i++) {
                w[i] = round(w[i] * scale, float32);
            }
        }
        if (n == 0) {
            return w;
        }
        for (Plant pl : plants) {
            w[pl.lane % n] = float32 ? Values.FLOAT_POOL[pl.value % Values.FLOAT_POOL.length]
                    : Values.DOUBLE_POOL[pl.value];
        }
        if (renormalise && !plants.isEmpty()) {
            w = normalised(w, float32);
        }
        return w;
    }

    /** w / Σw rounded to the input type, when that is possible (finite, ≥ 0, positive finite sum); else w. */
    private static double[] normalised(double[] w, boolean float32) {
        double s = 0;
        for (double x : w) {
            if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                return w;
            }
            s += x;
        }
        if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
            return w;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = round(w[i] / s, float32);
        }
        return out;
    }

    private static double round(double x, boolean float32) {
        return float32 ? (double) (float) x : x;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    int n() {
        return content.n;
    }

    // --------------------------------------------------------------------------------------------- calls

    /** The measure on this case, on handle {@code s} (with the case's policy and unit), p and q swapped if asked. */
    double call(Shannon s, DistMeasure m, boolean swap) {
        Shannon h = s.withNormalization(shape.policy).withUnit(shape.unit);
        int n = content.n;
        int aOff = swap ? shape.qOff : shape.pOff;
        int bOff = swap ? shape.pOff : shape.qOff;
        if (shape.float32) {
            float[] a = swap ? qf : pf;
            float[] b = swap ? pf : qf;
            return switch (shape.form) {
                case ARRAY -> m.whole(h, a, b);
                case OFFSET -> m.range(h, embed(a, aOff), aOff, embed(b, bOff), bOff, n);
                case SEGMENT, SEGMENT_RANGE -> segment(h, m, swap ? q : p, aOff, swap ? p : q, bOff);
            };
        }
        double[] a = swap ? qd : pd;
        double[] b = swap ? pd : qd;
        return switch (shape.form) {
            case ARRAY -> m.whole(h, a, b);
            case OFFSET -> m.range(h, embed(a, aOff), aOff, embed(b, bOff), bOff, n);
            case SEGMENT, SEGMENT_RANGE -> segment(h, m, a, aOff, b, bOff);
        };
    }

    /** The offset at which a message names index i of the first (swap: second) argument. */
    int reportedIndex(int i, boolean first) {
        if (shape.form == Form.ARRAY || shape.form == Form.SEGMENT) {
            return i;
        }
        return i + (first ? shape.pOff : shape.qOff);
    }

    private double segment(Shannon h, DistMeasure m, double[] a, int aOff, double[] b, int bOff) {
        boolean whole = shape.form == Form.SEGMENT;
        boolean unaligned = (shape.layout & 1) != 0;
        ByteOrder order = (shape.layout & 2) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
        int n = content.n;
        if (shape.float32) {
            ValueLayout.OfFloat l = (unaligned ? ValueLayout.JAVA_FLOAT_UNALIGNED : ValueLayout.JAVA_FLOAT).withOrder(order);
            MemorySegment sa = segmentOf(a, whole ? 0 : aOff, l, unaligned);
            MemorySegment sb = segmentOf(b, whole ? 0 : bOff, l, unaligned);
            return whole ? m.whole(h, sa, sb, l) : m.range(h, sa, aOff, sb, bOff, n, l);
        }
        ValueLayout.OfDouble l = (unaligned ? ValueLayout.JAVA_DOUBLE_UNALIGNED : ValueLayout.JAVA_DOUBLE).withOrder(order);
        MemorySegment sa = segmentOf(a, whole ? 0 : aOff, l, unaligned);
        MemorySegment sb = segmentOf(b, whole ? 0 : bOff, l, unaligned);
        return whole ? m.whole(h, sa, sb, l) : m.range(h, sa, aOff, sb, bOff, n, l);
    }

    /**
     * A segment of {@code off + n} (+3 garbage when off > 0) elements of the layout's type, unaligned ones one byte
     * off an 8-byte boundary; the garbage is NaN (double) or -1 (float), both invalid.
     */
    private static MemorySegment segmentOf(double[] a, int off, ValueLayout l, boolean unaligned) {
        int extra = off > 0 ? 3 : 0;
        long count = off + a.length + extra;
        long size = l.byteSize();
        MemorySegment seg = Arena.ofAuto().allocate(count * size + 8, 8).asSlice(unaligned ? 1 : 0, count * size);
        for (long i = 0; i < count; i++) {
            long k = i - off;
            boolean inside = k >= 0 && k < a.length;
            if (l instanceof ValueLayout.OfDouble d) {
                seg.setAtIndex(d, i, inside ? a[(int) k] : Double.NaN);
            } else {
                seg.setAtIndex((ValueLayout.OfFloat) l, i, inside ? (float) a[(int) k] : -1f);
            }
        }
        return seg;
    }

    private static double[] embed(double[] a, int off) {
        double[] out = new double[off + a.length + 3];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(a, 0, out, off, a.length);
        return out;
    }

    private static float[] embed(float[] a, int off) {
        float[] out = new float[off + a.length + 3];
        Arrays.fill(out, -1f);
        System.arraycopy(a, 0, out, off, a.length);
        return out;
    }

    @Override
    public String toString() {
        Shape s = shape;
        String where = switch (s.form) {
            case ARRAY -> "arrays";
            case OFFSET -> "offsets p@" + s.pOff + " q@" + s.qOff;
            case SEGMENT, SEGMENT_RANGE -> (s.form == Form.SEGMENT ? "whole segments" : "segment ranges p@" + s.pOff
                    + " q@" + s.qOff) + ((s.layout & 1) != 0 ? " unaligned" : " aligned")
                    + ((s.layout & 2) != 0 ? " big-endian" : " native-order");
        };
        return "n=" + content.n + " " + (s.float32 ? "float" : "double") + " " + where + " " + s.policy + " " + s.unit
                + "\n  p = " + (s.float32 ? Values.show(pf) : Values.show(pd))
                + "\n  q = " + (s.float32 ? Values.show(qf) : Values.show(qd))
                + "\n  (shape " + content.kind + ", seed " + content.seed + ", plants p " + content.pPlants + " q "
                + content.qPlants + ", renormalised " + content.renormalise + ")";
    }
}
