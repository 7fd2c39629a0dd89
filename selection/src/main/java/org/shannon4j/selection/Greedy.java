package org.shannon4j.selection;

import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.Kernels;

/**
 * One forward greedy selection, in nats. Every candidate's terms at a step depend only on its own table with the
 * newest selected feature, so {@link PairCounts} counts them over the context's threads into per-candidate slots;
 * the accumulators, scores and the argmax (lowest index of a tie) are then updated in index order on the calling
 * thread, so the result does not depend on the thread count.
 */
final class Greedy {

    private final Dependence nats;
    private final Kernels kernels;
    private final DiscreteColumns columns;
    private final PairCounts counts;
    private final int[] y;
    private final int ly;
    private final Criterion criterion;
    private final int k;
    private final int n;
    private final int features;
    private final SelectionProgress progress;
    /**
     * An information term at or below this (nats) is a rounding residue of zero (~1e-13 relative to ln N, the scale
     * of the sums it is a difference of) and counts as 0: a feature determined by the selected ones then ties at
     * exactly 0 and the lowest index wins, instead of the largest residue.
     */
    private final double zero;

    final int[] selected;
    final double[] scores;
    final double[] relevance;
    int size;
    StopReason stop = StopReason.K_REACHED;

    private final boolean[] chosen;
    /** Per-candidate running term of the pairwise criteria (sum, min, or ICAP's running score). */
    private final double[] acc;
    /** This step's score of each unselected candidate. */
    private final double[] candidate;
    /** This step's information terms of each candidate (which ones: {@link #pairTerms}). */
    private final double[] termA;
    private final double[] termB;

    Greedy(Dependence nats, Kernels kernels, PairCounts counts, DiscreteColumns columns, int[] y, int ly,
           Criterion criterion, int k, SelectionProgress progress) {
        this.nats = nats;
        this.kernels = kernels;
        this.counts = counts;
        this.columns = columns;
        this.y = y;
        this.ly = ly;
        this.criterion = criterion;
        this.k = k;
        this.progress = progress;
        this.n = y.length;
        this.features = columns.columns();
        this.zero = 1e-13 * (1 + Math.log(n));
        this.selected = new int[k];
        this.scores = new double[k];
        this.relevance = new double[features];
        this.chosen = new boolean[features];
        this.acc = new double[features];
        this.candidate = new double[features];
        this.termA = new double[features];
        this.termB = new double[features];
        checkTableSize(columns, ly, criterion, k);
    }

    /** Rejects a selection whose largest (candidate, selected, target) table could not be counted densely. */
    static void checkTableSize(DiscreteColumns columns, int ly, Criterion criterion, int k) {
        Criterion.Method m = criterion.method();
        if (k == 1 || m == Criterion.Method.MIM || m == Criterion.Method.COND_MI) {
            return;
        }
        int max = 0;
        for (int c = 0; c < columns.columns(); c++) {
            max = Math.max(max, columns.levels(c));
        }
        long cells = (long) max * max * ly;
        if (cells > FeatureSelection.MAX_TABLE_CELLS) {
            throw new IllegalArgumentException("a column has " + max + " levels and the target " + ly + ": the dense "
                    + "(candidate, selected, target) table of " + cells + " cells is above the limit of "
                    + FeatureSelection.MAX_TABLE_CELLS + " (" + criterion + ")");
        }
    }

    void run() {
        for (int j = 0; j < features; j++) {
            relevance[j] = snap(PlugInSums.mutualInformation(n, counts.tWithTarget(j), counts.tLevels(j),
                    counts.tTarget));
        }
        System.arraycopy(relevance, 0, candidate, 0, features);
        take(argmax());
        switch (criterion.method()) {
            case MIM -> {
                while (size < k) {
                    take(argmax());
                }
            }
            case CMIM, MRMR -> lazy();
            case COND_MI -> condMi();
            default -> pairwise();
        }
    }

    private void take(int j) {
        chosen[j] = true;
        scores[size] = candidate[j];
        selected[size++] = j;
        progress.selected(size, k, j, candidate[j]);
    }

    /**
     * The unselected feature of largest candidate score. The lowest index wins a tie, and scores within
     * {@link #tie()} of each other are a tie: candidates that are equal in exact arithmetic (a copy of a feature,
     * a relabelled copy, a constant column next to a feature that determines the target) get scores that differ
     * in the last bits, depending on where their non-empty cells fall in the count table; FEAST gets equal bits
     * for them and takes the lowest index.
     */
    private int argmax() {
        int best = -1;
        double score = Double.NEGATIVE_INFINITY;
        double tie = tie();
        for (int j = 0; j < features; j++) {
            if (!chosen[j] && (best < 0 || candidate[j] > score + tie)) {
                best = j;
                score = candidate[j];
            }
        }
        return best;
    }

    /** Scores closer than this are tied: the residue scale of one term times the number of terms in a score. */
    private double tie() {
        return zero * (1 + size);
    }

    private double snap(double information) {
        return information <= zero ? 0.0 : information;
    }

    // ------------------------------------------------------------------------------------------ pairwise criteria

    private void pairwise() {
        Criterion.Method m = criterion.method();
        for (int j = 0; j < features; j++) {
            acc[j] = switch (m) {
                case JMIM -> Double.POSITIVE_INFINITY;
                case ICAP -> relevance[j];
                default -> 0.0;
            };
        }
        boolean stopsAtZero = m == Criterion.Method.JMI || m == Criterion.Method.DISR;
        while (size < k) {
            int s = selected[size - 1];
            PairCounts.Given z = counts.given(s);
            counts.forEachCandidate(chosen, z, this::pairTerms);
            for (int j = 0; j < features; j++) {
                if (!chosen[j]) {
                    double a = snap(termA[j]);
                    switch (m) {
                        case JMI -> candidate[j] = acc[j] += a;
                        case JMIM -> candidate[j] = acc[j] = Math.min(acc[j], a);
                        case DISR -> candidate[j] = acc[j] += a / termB[j];
                        case ICAP -> {
                            double interaction = snap(termB[j]) - a;
                            if (interaction < 0) {
                                acc[j] += interaction;
                            }
                            candidate[j] = acc[j];
                        }
                        case BETA_GAMMA -> {
                            acc[j] += criterion.beta() * a - criterion.gamma() * snap(termB[j]);
                            candidate[j] = relevance[j] - acc[j];
                        }
                        default -> throw new AssertionError(criterion);
                    }
                }
            }
            int best = argmax();
            if (stopsAtZero && !(candidate[best] > 0)) {
                stop = StopReason.NO_POSITIVE_SCORE;
                return;
            }
            take(best);
        }
    }

    /**
     * This step's terms of candidate j from its table with Z, in termA[j] and termB[j]: JMI, JMIM I(X_jX_s;Y);
     * DISR that and H(X_jX_sY); ICAP and the β/γ family I(X_j;X_s) and I(X_j;X_s|Y). Runs on
     * the context's threads; each writes only its candidate's slots.
     */
    private void pairTerms(int j, long[] t, int lj, PairCounts.Given z, long[] ab) {
        Criterion.Method m = criterion.method();
        int ls = z.levels / ly;
        double n = counts.n;
        double tPair = counts.tPair(t, lj, ls, ab);
        double tJoint = counts.nLogN(t, lj * z.levels);
        switch (m) {
            case JMI, JMIM -> termA[j] = PlugInSums.mutualInformation(n, tJoint, tPair, counts.tTarget);
            case DISR -> {
                termA[j] = PlugInSums.mutualInformation(n, tJoint, tPair, counts.tTarget);
                termB[j] = PlugInSums.entropy(n, tJoint);
            }
            default -> {
                termA[j] = PlugInSums.mutualInformation(n, tPair, counts.tLevels(j), counts.tLevels(z.feature));
                termB[j] = PlugInSums.conditionalMutualInformation(n, tJoint, counts.tTarget, counts.tWithTarget(j),
                        z.t);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ lazy criteria

    /**
     * CMIM and mRMR, evaluated lazily: each candidate keeps the terms of the first lastUsed[j] selected features,
     * and its bound — CMIM's partial minimum min(I(X;Y), I(X;Y|X_s) over those s), mRMR's
     * I(X;Y) − (Σ of those I(X;X_s))/|S| (the missing terms are ≥ 0) — is never below its full score. The
     * step runs FEAST's argmax chain in index order, refining a candidate with the next selected feature only
     * while its bound is above the best score so far (Fleuret's lazy CMIM, as FEAST runs it); a candidate that
     * becomes the best is refined in full, so the selection and every score are those of the full evaluation,
     * bit for bit (mRMR's terms are added in selection order either way). Refining a candidate beyond what the
     * chain needs changes nothing (its bound stays an upper bound, its full score the same), so with more than
     * one thread the candidates of highest bound are first refined in full in parallel, where the chain is most
     * likely to need them.
     */
    private void lazy() {
        boolean cmim = criterion.method() == Criterion.Method.CMIM;
        int[] lastUsed = new int[features];
        if (cmim) {
            System.arraycopy(relevance, 0, acc, 0, features);
        }
        PairCounts.Given[] given = new PairCounts.Given[k];
        int threads = counts.threads();
        Integer[] order = threads > 1 ? new Integer[features] : null;
        while (size < k) {
            given[size - 1] = counts.given(selected[size - 1]);
            if (threads > 1) {
                refineTop(cmim, lastUsed, given, order, PREFETCH_PER_THREAD * threads);
            }
            int best = -1;
            double score = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < features; j++) {
                if (chosen[j]) {
                    continue;
                }
                while (bound(cmim, j) > score + tie() && lastUsed[j] < size) {
                    refine(cmim, j, lastUsed, given, counts.callerScratch());
                }
                double b = bound(cmim, j);
                if (best < 0 || b > score + tie()) {
                    best = j;
                    score = b;
                }
            }
            candidate[best] = score;
            take(best);
        }
    }

    /** Candidates refined in full in parallel per thread and step, before the chain. */
    private static final int PREFETCH_PER_THREAD = 8;

    /** The candidate's upper bound (its score once refined in full): see {@link #lazy()}. */
    private double bound(boolean cmim, int j) {
        return cmim ? acc[j] : relevance[j] - acc[j] / size;
    }

    /** Adds candidate j's term with the next selected feature it lacks. */
    private void refine(boolean cmim, int j, int[] lastUsed, PairCounts.Given[] given, PairCounts.Scratch scratch) {
        int rank = lastUsed[j];
        counts.one(j, given[rank], cmim ? conditionalOnSelected : redundancy, scratch);
        double term = snap(termA[j]);
        acc[j] = cmim ? Math.min(acc[j], term) : acc[j] + term;
        lastUsed[j]++;
    }

    /** Refines in full, over the context's threads, the {@code count} unselected candidates of highest bound. */
    private void refineTop(boolean cmim, int[] lastUsed, PairCounts.Given[] given, Integer[] order, int count) {
        int m = 0;
        for (int j = 0; j < features; j++) {
            if (!chosen[j] && lastUsed[j] < size) {
                order[m++] = j;
            }
        }
        java.util.Arrays.sort(order, 0, m, (a, b) -> {
            int c = Double.compare(bound(cmim, b), bound(cmim, a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int n = Math.min(m, count);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        counts.forEach(top, (j, scratch) -> {
            while (lastUsed[j] < size) {
                refine(cmim, j, lastUsed, given, scratch);
            }
        });
    }

    private final PairCounts.Terms redundancy = this::redundancy;

    /** I(X_j;X_s) into termA[j], from the table with Z = (s, target) summed over the target. */
    private void redundancy(int j, long[] t, int lj, PairCounts.Given z, long[] ab) {
        termA[j] = PlugInSums.mutualInformation(counts.n, counts.tPair(t, lj, z.levels / ly, ab), counts.tLevels(j),
                counts.tLevels(z.feature));
    }

    private final PairCounts.Terms conditionalOnSelected = this::conditionalOnSelected;

    /** I(X_j;Y|X_s) into termA[j], from the table with Z = (s, target). */
    private void conditionalOnSelected(int j, long[] t, int lj, PairCounts.Given z, long[] ab) {
        int ls = z.levels / ly;
        double tJoint = counts.nLogN(t, lj * z.levels);
        double tPair = counts.tPair(t, lj, ls, ab);
        termA[j] = PlugInSums.conditionalMutualInformation(counts.n, tJoint, counts.tLevels(z.feature), tPair, z.t);
    }

    // ------------------------------------------------------------------------------------------ CondMI

    /**
     * I(X;Y|X_S) with X_S the joint variable of all selected features, as dense codes of their tuples: up to n
     * levels, so counted by the label path of {@link Dependence} (hashed when sparse), not by {@link PairCounts}.
     */
    private void condMi() {
        int[] z = columns.column(selected[0]);
        int[] x = new int[n];
        while (size < k) {
            for (int j = 0; j < features; j++) {
                if (!chosen[j]) {
                    columns.codes(j, x);
                    candidate[j] = snap(nats.conditionalMutualInformation(x, y, z));
                }
            }
            int best = argmax();
            if (!(candidate[best] > 0)) {
                stop = StopReason.NO_POSITIVE_SCORE;
                return;
            }
            take(best);
            if (size < k) {
                columns.codes(best, x);
                kernels.densePairCodes(x, 0, z, 0, n, z);
            }
        }
    }
}
