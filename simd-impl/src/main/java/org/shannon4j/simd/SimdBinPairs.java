package org.shannon4j.simd;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.F2I;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.concurrent.atomic.AtomicReferenceArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.shannon4j.spi.KernelMath;

/**
 * The fused bin + joint-histogram kernel ({@link org.shannon4j.spi.CountingKernels#binPairs}) in double lanes.
 *
 * <p>Bins are the reference's, bit for bit, without a gather: the candidate ⌊(v − e₀)·scale⌋ (clamped as the
 * reference clamps it) is settled by comparing v with its two edges, and those edges are recomputed in the lanes
 * as numpy's {@code linspace} computes them, k·step + e₀ (a multiply and an add, two roundings: the Vector API
 * never fuses them). That is only the reference when the caller's edges are exactly those numbers, so each call
 * first checks them and otherwise runs the reference. The last edge is e_bins itself, and "v &gt; e_bins" is
 * "v ≥ nextUp(e_bins)". NaN has candidate 0 and fails both comparisons: bin −1, outside, as in the reference.
 *
 * <p>The vector pass writes cell indices of a block into a small int buffer, and a scalar loop adds the ones.
 * Repeated cells (flat image regions) make each increment wait for the previous store to the same cell; past a
 * prefix counted directly into the caller's table, cells go to {@link #WAYS} interleaved sub-tables (voxel lane
 * j to slot j mod 4 of its cell), merged into the table at the end: equal neighbours then hit different slots.
 * The prefix keeps the sub-table sweep (merge and clear) rare when the caller restarts the kernel after each
 * out-of-range pair. Buffers and sub-tables are kept between calls, so a call allocates nothing in steady state.
 *
 * <p>Float values take float lanes instead (twice as many per vector) when the ranges allow (see
 * {@link #floatParams}): an arithmetic bin that is exact away from the boundaries, and for the few lanes near one
 * the value compared with that edge's float threshold (a gather). There one table beats the sub-tables (they
 * spill out of L2), and a vector whose pairs all fall in one cell is added at once instead.
 */
final class SimdBinPairs {

    private static final VectorSpecies<Double> D = Species.D;
    private static final int DL = D.length();
    /** Float and int lanes as many as double lanes (half the bits). */
    private static final VectorSpecies<Float> FH =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> IH =
            VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Pairs per vector pass (then the scalar increments). */
    private static final int BLOCK = 512;
    /** Interleaved sub-tables past the prefix. */
    private static final int WAYS = 4;
    /** The sub-table slot of each lane, and the zero pattern of the direct prefix. */
    private static final double[] SLOTS = new double[DL];
    private static final double[] NO_SLOTS = new double[DL];
    /**
     * 2<sup>52</sup>: adding it rounds a double below 2<sup>51</sup> in magnitude to an integer (vector D2I, with
     * Java's NaN and overflow rules, costs several instructions), and a non-negative integer below 2<sup>32</sup>
     * plus it has that integer as its low 32 bits.
     */
    private static final double MAGIC = 0x1p52;

    private static final VectorSpecies<Float> F = Species.F;
    private static final int FL = F.length();
    /**
     * 1.5·2<sup>23</sup>: adding it rounds a float of magnitude below 2<sup>22</sup> to the nearest integer n, and
     * the sum's bits are {@link #FMAGIC_BITS} + n.
     */
    private static final float FMAGIC = 0x1.8p23f;
    private static final int FMAGIC_BITS = Float.floatToRawIntBits(FMAGIC);
    /** Largest bins of the float path: n_a·bins + n_b + 1.5·2<sup>23</sup> stays below 2<sup>24</sup>, exact. */
    private static final int FLOAT_MAX_BINS = 2048;
    /** Largest error bound δ of the float path: a lane within δ of a boundary takes the gather. */
    private static final double FLOAT_MAX_DELTA = 0x1p-10;

    static {
        for (int j = 0; j < DL; j++) {
            SLOTS[j] = j % WAYS;
        }
    }

    private SimdBinPairs() {
    }

    /** The kernel for float (fa) or double (da) values; the other array is null. */
    static int binPairs(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int length,
                        double[] aEdges, double[] bEdges, int bins, int[] table) {
        if (length < 8 * bins || !linspace(aEdges, bins) || !linspace(bEdges, bins)) {
            return scalar(fa, da, aOffset, fb, db, bOffset, 0, length, aEdges, bEdges, bins, table, 1);
        }
        Scratch scratch = take();
        try {
            return fa != null && floatParams(aEdges, bEdges, bins, scratch.params)
                    ? floatRun(fa, aOffset, fb, bOffset, length, aEdges, bEdges, bins, table, scratch)
                    : doubleRun(fa, da, aOffset, fb, db, bOffset, length, aEdges, bEdges, bins, table, scratch);
        } finally {
            give(scratch);
        }
    }

    /** The double-lane path: a prefix counted into table directly, the rest into interleaved sub-tables. */
    private static int doubleRun(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset,
                                 int length, double[] aEdges, double[] bEdges, int bins, int[] table,
                                 Scratch scratch) {
        int cells = bins * bins;
        int prefix = (int) Math.min(length, 4L * WAYS * cells);
        long[] buffer = scratch.buffer;
        int done = run(fa, da, aOffset, fb, db, bOffset, 0, prefix, aEdges, bEdges, bins, table, 1, NO_SLOTS,
                buffer);
        if (done < prefix || prefix == length) {
            return done;
        }
        int[] sub = scratch.sub(WAYS * cells);
        done = run(fa, da, aOffset, fb, db, bOffset, prefix, length, aEdges, bEdges, bins, sub, WAYS, SLOTS, buffer);
        // merged and cleared in one sweep, so a kept sub-table is all zeros for the next call
        for (int c = 0, s = 0; c < cells; c++, s += WAYS) {
            table[c] += (sub[s] + sub[s + 1]) + (sub[s + 2] + sub[s + 3]);
            sub[s] = 0;
            sub[s + 1] = 0;
            sub[s + 2] = 0;
            sub[s + 3] = 0;
        }
        scratch.dirty = false;
        return done;
    }

    /** Sub-tables up to this many ints (4 MB: 256 × 256 bins and more) are kept between calls; larger ones are not. */
    private static final int KEPT_SUB = 1 << 20;

    /**
     * One call's buffers, kept between calls (see {@link #FREE}) so that the kernel allocates nothing in steady
     * state.
     */
    private static final class Scratch {
        final long[] buffer = new long[BLOCK];
        final int[] cells = new int[BLOCK];
        final int[] index = new int[FL];
        final int[] fill = new int[1];
        final float[] params = new float[5];
        float[] aFloor = new float[0];
        float[] bFloor = new float[0];
        private int[] sub = new int[0];

        /** Set while a kept sub-table is in use: a call that threw (bad arguments) left counts in it. */
        boolean dirty;

        /** A zeroed sub-table of at least size ints. */
        int[] sub(int size) {
            if (dirty) {
                java.util.Arrays.fill(sub, 0);
            }
            dirty = true;
            if (sub.length >= size) {
                return sub;
            }
            int[] fresh = new int[size];
            if (size <= KEPT_SUB) {
                sub = fresh;
            }
            return fresh;
        }

        float[] floor(float[] kept, int size) {
            return kept.length >= size ? kept : new float[size];
        }
    }

    /**
     * Scratch sets not in use, in slots that any thread may take from and give back to: a thread-local would be
     * lost with each task of a pool that clears its workers' thread-locals (the common pool does) and with each
     * virtual thread. A set taken is owned by its call alone; when every slot is empty a fresh set is made, when
     * every slot is full a returned set is dropped. Two slots per processor (at most 16) bound what is kept.
     */
    private static final AtomicReferenceArray<Scratch> FREE =
            new AtomicReferenceArray<>(Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));

    private static Scratch take() {
        for (int i = 0; i < FREE.length(); i++) {
            Scratch s = FREE.getAndSet(i, null);
            if (s != null) {
                return s;
            }
        }
        return new Scratch();
    }

    private static void give(Scratch s) {
        for (int i = 0; i < FREE.length(); i++) {
            if (FREE.compareAndSet(i, null, s)) {
                return;
            }
        }
    }

    /**
     * The float path's constants {a's scale, a's shift, b's scale, b's shift, the limit ½ − δ on |t − n|} into p,
     * or false when its error bound δ is too large to pay (ranges far from 0 for their width: most vectors would
     * gather), its float scale is not a normal float, or the cells overflow the float cell index.
     *
     * <p>Why a lane with |t − n| &lt; 0.5 − δ is in bin n. Let T(x) = (x − e₀)·S with S = bins/(e_bins − e₀) in
     * exact arithmetic, so the reference's bin of v is the k with T(e_k) ≤ T(v) &lt; T(e_{k+1}) (T is increasing,
     * the last bin is closed). The lane computes t = fl(v·s + h) in one float rounding (fma) with s = (float) S and
     * h = (float) (−e₀·S − ½), and n = t rounded to an integer, so t − n is the distance of t to n. With
     * R ≥ |v·S| and |e₀·S|, u = 2<sup>−24</sup>: |s − S| ≤ (u + 3·2<sup>−53</sup>)·S, |h − (−e₀·S − ½)| ≤
     * u·(R + ½) plus a few double roundings, and the fma rounds once more, so |t − (T(v) − ½)| ≤ u·(3R + 1) plus
     * terms ~2<sup>−53</sup>·R. The edges are linspace's (checked): e_k = fl(fl(k·step) + e₀) with step
     * = fl(fl(e_bins − e₀)/bins), four double roundings, so |T(e_k) − k| ≤ 2<sup>−53</sup>·(3·bins + R). δ =
     * u·(8R + 2·bins + 4) covers both with room. Then |t − n| &lt; ½ − δ gives n + (T(e_n) − n) &lt; T(v) &lt; n + 1 +
     * (T(e_{n+1}) − n − 1), i.e. e_n ≤ v &lt; e_{n+1}. R comes from |v| ≤ max(|e₀|, |e_bins|) (one float ulp more):
     * a value beyond e_bins has t ≥ the t of the first float past e_bins (fl and the fma are monotone in v), which
     * is above bins − ½ − δ, so its n is ≥ bins or |t − n| ≥ ½ − δ; alike below e₀. NaN fails every comparison.
     *
     * <p>A lane with |t − n| ≥ ½ − δ has T(v) within 2δ &lt; ½ of the integer k = n or n + 1 (the one t + ½ is near),
     * so T(e_{k−1}) &lt; T(v) &lt; T(e_{k+1}) and v ≥ e_k alone decides between bins k − 1 and k; for a float v that
     * is v ≥ the least float ≥ e_k ({@link #floatEdges}), gathered at k clamped to [0, bins] (a far value has a far k,
     * and the clamped edge still puts it outside).
     */
    private static boolean floatParams(double[] aEdges, double[] bEdges, int bins, float[] p) {
        if (bins > FLOAT_MAX_BINS) {
            return false;
        }
        double delta = Math.max(floatAxis(aEdges, bins, p, 0), floatAxis(bEdges, bins, p, 2));
        if (!(delta <= FLOAT_MAX_DELTA)) {
            return false;
        }
        p[4] = Math.nextDown((float) (0.5 - delta));
        return true;
    }

    /** Scale and shift of one axis into p[at], p[at + 1]; its δ, or NaN when the float scale is not normal. */
    private static double floatAxis(double[] edges, int bins, float[] p, int at) {
        double min = edges[0];
        double scale = bins / (edges[bins] - min);
        float s = (float) scale;
        float h = (float) (-(min * scale) - 0.5);
        if (!(s >= Float.MIN_NORMAL && s <= Float.MAX_VALUE && Math.abs(h) <= Float.MAX_VALUE)) {
            return Double.NaN;
        }
        p[at] = s;
        p[at + 1] = h;
        double r = Math.max(Math.abs(min), Math.abs(edges[bins])) * scale * (1 + 0x1p-20);
        return (8 * r + 2 * bins + 4) * 0x1p-24;
    }

    /**
     * Whether edges[k] = k·step + edges[0] for every k &lt; bins, step = (edges[bins] − edges[0])/bins, and the
     * candidate's scale and shift are finite (not so for a range of a few subnormals: the reference then).
     */
    private static boolean linspace(double[] edges, int bins) {
        double min = edges[0];
        double step = (edges[bins] - min) / bins;
        double scale = bins / (edges[bins] - min);
        boolean same = step > 0 && Double.isFinite(scale) && Double.isFinite(min * scale);
        for (int k = 0; k < bins; k++) {
            same &= edges[k] == k * step + min;
        }
        return same;
    }

    /** Pairs [from, to) into target (cell·ways + slot); the position of the first pair outside, or to. */
    private static int run(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int from,
                           int to, double[] aEdges, double[] bEdges, int bins, int[] target, int ways,
                           double[] slots, long[] buffer) {
        int i = from;
        while (i < to) {
            int n = Math.min(BLOCK, to - i) / DL * DL;
            int inside = n == 0 ? 0 : block(fa, da, aOffset + i, fb, db, bOffset + i, n, aEdges, bEdges, bins, ways,
                    slots, buffer);
            for (int j = 0; j < inside; j++) {
                target[(int) buffer[j]]++;
            }
            i += inside;
            if (inside < n || n == 0) {
                // a lane outside, or the tail: the reference settles which pair (and counts those before it)
                int end = n == 0 ? to : i + DL;
                int p = scalar(fa, da, aOffset, fb, db, bOffset, i, end, aEdges, bEdges, bins, target, ways);
                if (p < end) {
                    return p;
                }
                i = end;
            }
        }
        return to;
    }

    /**
     * One vector pass over n pairs (a multiple of the lanes): cell·ways + slot of each into buffer, up to the
     * first group of lanes with a pair outside; returns the pairs written.
     */
    private static int block(float[] fa, double[] da, int aStart, float[] fb, double[] db, int bStart, int n,
                             double[] aEdges, double[] bEdges, int bins, int ways, double[] slots, long[] buffer) {
        double aMin = aEdges[0];
        double aScale = bins / (aEdges[bins] - aMin);
        double aShift = -(aMin * aScale) - 0.5;
        double aStep = (aEdges[bins] - aMin) / bins;
        double aLast = Math.nextUp(aEdges[bins]);
        double bMin = bEdges[0];
        double bScale = bins / (bEdges[bins] - bMin);
        double bShift = -(bMin * bScale) - 0.5;
        double bStep = (bEdges[bins] - bMin) / bins;
        double bLast = Math.nextUp(bEdges[bins]);
        double top = bins;
        DoubleVector last = DoubleVector.broadcast(D, bins - 1);
        DoubleVector slot = DoubleVector.fromArray(D, slots, 0).add(MAGIC);
        for (int j = 0; j < n; j += DL) {
            DoubleVector u = fa != null
                    ? (DoubleVector) FloatVector.fromArray(FH, fa, aStart + j).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, da, aStart + j);
            DoubleVector v = fb != null
                    ? (DoubleVector) FloatVector.fromArray(FH, fb, bStart + j).convertShape(F2D, D, 0)
                    : DoubleVector.fromArray(D, db, bStart + j);

            DoubleVector c = u.fma(aScale, aShift).add(MAGIC).sub(MAGIC);
            c = c.blend(last, c.compare(GT, top - 1));
            DoubleVector c1 = c.add(1.0);
            DoubleVector lo = c.mul(aStep).add(aMin);
            DoubleVector hi = c1.mul(aStep).add(aMin).blend(aLast, c1.compare(EQ, top));
            DoubleVector x = c.add(1.0, u.compare(GE, hi)).sub(1.0, u.compare(GE, lo).not());

            DoubleVector d = v.fma(bScale, bShift).add(MAGIC).sub(MAGIC);
            d = d.blend(last, d.compare(GT, top - 1));
            DoubleVector d1 = d.add(1.0);
            DoubleVector blo = d.mul(bStep).add(bMin);
            DoubleVector bhi = d1.mul(bStep).add(bMin).blend(bLast, d1.compare(EQ, top));
            DoubleVector y = d.add(1.0, v.compare(GE, bhi)).sub(1.0, v.compare(GE, blo).not());

            VectorMask<Double> inside = x.compare(GE, 0.0).and(x.compare(LT, top))
                    .and(y.compare(GE, 0.0)).and(y.compare(LT, top));
            if (!inside.allTrue()) {
                return j;
            }
            x.mul(top).add(y).mul(ways).add(slot).reinterpretAsLongs().intoArray(buffer, j);
        }
        return n;
    }

    /**
     * Float pairs [0, length) into table through the float lanes; the position of the first pair outside, or
     * length. A group of lanes with one outside goes to the reference, which finds the pair.
     */
    private static int floatRun(float[] fa, int aOffset, float[] fb, int bOffset, int length, double[] aEdges,
                                double[] bEdges, int bins, int[] table, Scratch scratch) {
        float[] fp = scratch.params;
        float[] aFloor = floatEdges(aEdges, bins, scratch.aFloor = scratch.floor(scratch.aFloor, bins + 1));
        float[] bFloor = floatEdges(bEdges, bins, scratch.bFloor = scratch.floor(scratch.bFloor, bins + 1));
        int[] buffer = scratch.cells;
        int[] index = scratch.index;
        int[] fill = scratch.fill;
        int i = 0;
        while (i < length) {
            int n = Math.min(BLOCK, length - i) / FL * FL;
            if (n == 0) {
                return scalar(fa, null, aOffset, fb, null, bOffset, i, length, aEdges, bEdges, bins, table, 1);
            }
            int inside = floatBlock(fa, aOffset + i, fb, bOffset + i, n, fp, bins, aFloor, bFloor, index, table,
                    buffer, fill);
            for (int j = 0, o = fill[0]; j < o; j++) {
                table[buffer[j]]++;
            }
            i += inside;
            if (inside < n) {
                int end = i + FL;
                int p = scalar(fa, null, aOffset, fb, null, bOffset, i, end, aEdges, bEdges, bins, table, 1);
                if (p < end) {
                    return p;
                }
                i = end;
            }
        }
        return length;
    }

    /**
     * One float-lane pass over n pairs (a multiple of the float lanes), up to the first group of lanes with a pair
     * outside; returns the pairs done. Cells of a group all in one cell (flat regions) are added here at once,
     * the others written to buffer (their number into fill[0]) for the caller's scalar increments: a run of one
     * cell would make each increment wait for the previous store.
     */
    private static int floatBlock(float[] fa, int aStart, float[] fb, int bStart, int n, float[] fp, int bins,
                                  float[] aFloor, float[] bFloor, int[] index, int[] table, int[] buffer,
                                  int[] fill) {
        float aScale = fp[0];
        float aShift = fp[1];
        float bScale = fp[2];
        float bShift = fp[3];
        float limit = fp[4];
        float top = bins - 1;
        float end = bins;
        FloatVector rows = FloatVector.broadcast(F, bins);
        int o = 0;
        for (int j = 0; j < n; j += FL) {
            FloatVector u = FloatVector.fromArray(F, fa, aStart + j);
            FloatVector t = u.fma(aScale, aShift);
            FloatVector c = t.add(FMAGIC).sub(FMAGIC);
            FloatVector r = t.sub(c);
            VectorMask<Float> nearA = r.abs().compare(GE, limit);
            FloatVector v = FloatVector.fromArray(F, fb, bStart + j);
            FloatVector w = v.fma(bScale, bShift);
            FloatVector d = w.add(FMAGIC).sub(FMAGIC);
            FloatVector q = w.sub(d);
            VectorMask<Float> nearB = q.abs().compare(GE, limit);
            if (nearA.or(nearB).anyTrue()) {
                // near boundary k (t + ½ ≈ k): bin k − 1, or k when v ≥ edge k (the least float ≥ it, gathered)
                FloatVector k = c.add(1f, r.compare(GT, 0f)).max(0f).min(end);
                ((IntVector) k.convert(F2I, 0)).intoArray(index, 0);
                FloatVector g = FloatVector.fromArray(F, aFloor, 0, index, 0);
                c = c.blend(k.sub(1f).add(1f, u.compare(GE, g)), nearA);
                FloatVector l = d.add(1f, q.compare(GT, 0f)).max(0f).min(end);
                ((IntVector) l.convert(F2I, 0)).intoArray(index, 0);
                FloatVector h = FloatVector.fromArray(F, bFloor, 0, index, 0);
                d = d.blend(l.sub(1f).add(1f, v.compare(GE, h)), nearB);
            }
            VectorMask<Float> ok = c.compare(GE, 0f).and(c.compare(LE, top))
                    .and(d.compare(GE, 0f)).and(d.compare(LE, top));
            if (!ok.allTrue()) {
                fill[0] = o;
                return j;
            }
            // c·bins + d + 1.5·2^23 < 2^24 is exact, and its bits are the cell + FMAGIC_BITS
            IntVector cell = ((IntVector) c.fma(rows, d.add(FMAGIC)).reinterpretAsInts()).sub(FMAGIC_BITS);
            int first = cell.lane(0);
            if (cell.compare(EQ, first).allTrue()) {
                table[first] += FL;
            } else {
                cell.intoArray(buffer, o);
                o += FL;
            }
        }
        fill[0] = o;
        return n;
    }

    /**
     * The float threshold of each edge: float v ≥ edges[k] exactly when v ≥ floor[k], the least float ≥ edges[k];
     * floor[bins] is the least float &gt; edges[bins] (the last bin is closed).
     */
    private static float[] floatEdges(double[] edges, int bins, float[] floor) {
        for (int k = 0; k < bins; k++) {
            float f = (float) edges[k];
            floor[k] = f < edges[k] ? Math.nextUp(f) : f;
        }
        float f = (float) edges[bins];
        floor[bins] = f <= edges[bins] ? Math.nextUp(f) : f;
        return floor;
    }

    /** The reference loop on pairs [from, to) into target (cell·ways); the first pair outside, or to. */
    private static int scalar(float[] fa, double[] da, int aOffset, float[] fb, double[] db, int bOffset, int from,
                              int to, double[] aEdges, double[] bEdges, int bins, int[] target, int ways) {
        double aScale = bins / (aEdges[bins] - aEdges[0]);
        double bScale = bins / (bEdges[bins] - bEdges[0]);
        for (int i = from; i < to; i++) {
            int x = KernelMath.histogramBin(fa != null ? fa[aOffset + i] : da[aOffset + i], aEdges, bins, aScale);
            int y = KernelMath.histogramBin(fb != null ? fb[bOffset + i] : db[bOffset + i], bEdges, bins, bScale);
            if ((x | y) < 0 || x >= bins || y >= bins) {
                return i;
            }
            target[(x * bins + y) * ways]++;
        }
        return to;
    }
}
