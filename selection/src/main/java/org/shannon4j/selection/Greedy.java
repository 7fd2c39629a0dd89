package org.shannon4j.selection;

import org.shannon4j.dependence.Dependence;
import org.shannon4j.dependence.PlugInSums;
import org.shannon4j.spi.Kernels;

/**
 * One forward greedy selection, in nats. Every candidate's terms at a step depend only on its own table with the
 * newest selected feature, so the {@link StepTables} count them (over the context's threads, or on a cluster)
 * into per-candidate slots;
 * the accumulators, scores and the argmax (lowest index of a tie) are then updated in index order on the calling
 * thread, so the result does not depend on the thread count.
 */
final class Greedy {

    private final Dependence nats;
    private final Kernels kernels;
    private final DiscreteColumns columns;
    private final StepTables counts;
    private final int[] y;
    private final int ly;
    private final Criterion criterion;
    private final int k;
    private final long n;
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

    Greedy(Dependence nats, Kernels kernels, StepTables counts, DiscreteColumns columns, int[] y, int ly,
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
        this.n = counts.n;
        this.features = counts.features;
        this.zero = 1e-13 * (1 + Math.log(n));
        this.selected = new int[k];
        this.scores = new double[k];
        this.relevance = new double[features];
        this.chosen = new boolean[features];
        this.acc = new double[features];
        this.candidate = new double[features];
        this.termA = new double[features];
        this.termB = new double[features];
    }

    /** Rejects a selection whose largest (candidate, selected, target) table could not be counted densely. */
    static void checkTableSize(int max, int ly, Criterion criterion, int k) {
        // every criterion counts a (candidate, target) table: a code of 1.5e9 overflowed its int size
        long pairCells = (long) max * ly;
        if (pairCells > FeatureSelection.MAX_TABLE_CELLS) {
            throw new IllegalArgumentException("a column has " + max + " levels and the target " + ly + ": the dense "
                    + "(candidate, target) table of " + pairCells + " cells is above the limit of "
                    + FeatureSelection.MAX_TABLE_CELLS + " (codes are dense level numbers 0..levels-1; renumber "
                    + "sparse codes)");
        }
        Criterion.Method m = criterion.method();
        if (k == 1 || m == Criterion.Method.MIM || m == Criterion.Method.COND_MI) {
            return;
        }
        long cells = (long) max * max * ly;
        if (cells > FeatureSelection.MAX_TABLE_CELLS) {
            throw new IllegalArgumentException("a column has " + max + " levels and the target " + ly + ": the dense "
                    + "(candidate, selected, target) table of " + cells + " cells is above the limit of "
                    + FeatureSelection.MAX_TABLE_CELLS + " (" + criterion + "; codes are dense level numbers "
                    + "0..levels-1: renumber sparse or offset codes, or use MIM or CondMI)");
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
            case CMIM -> cmim();
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
            StepTables.Given z = counts.given(s);
            counts.forEachCandidate(chosen, z, this::pairTerms);
            int selectedSoFar = size;
            for (int j = 0; j < features; j++) {
                if (!chosen[j]) {
                    double a = snap(termA[j]);
                    switch (m) {
                        case JMI -> candidate[j] = acc[j] += a;
                        case JMIM -> candidate[j] = acc[j] = Math.min(acc[j], a);
                        case DISR -> candidate[j] = acc[j] += a / termB[j];
                        case MRMR -> {
                            acc[j] += a;
                            candidate[j] = relevance[j] - acc[j] / selectedSoFar;
                        }
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
                            if (!Double.isFinite(candidate[j])) {
                                // only a finite β and γ are checked up front: their products with the terms can
                                // still overflow, and ±∞ (or ∞ − ∞) scores would leave the argmax to index order
                                throw new ArithmeticException(criterion + ": feature " + j + "'s score at step "
                                        + (size + 1) + " is " + candidate[j] + " (β·I(X;X_s) − γ·I(X;X_s|Y) beyond "
                                        + "the double range): use smaller β and γ");
                            }
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
     * DISR that and H(X_jX_sY); mRMR I(X_j;X_s); ICAP and the β/γ family I(X_j;X_s) and I(X_j;X_s|Y). Runs on
     * the context's threads; each writes only its candidate's slots.
     */
    private void pairTerms(int j, long[] t, int lj, StepTables.Given z, long[] ab) {
        Criterion.Method m = criterion.method();
        int ls = z.levels / ly;
        double n = counts.n;
        double tPair = counts.tPair(t, lj, ls, ab);
        if (m == Criterion.Method.MRMR) {
            termA[j] = PlugInSums.mutualInformation(n, tPair, counts.tLevels(j), counts.tLevels(z.feature));
            return;
        }
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

    // ------------------------------------------------------------------------------------------ CMIM

    /**
     * Fleuret's lazy CMIM as FEAST runs it: a candidate's partial score min(I(X;Y), I(X;Y|X_s) for the first
     * selected s) is refined with the next selected feature only while it is above the best score of the step,
     * which cannot change the argmax (a partial minimum is an upper bound of the full one).
     */
    private void cmim() {
        int[] lastUsed = new int[features];
        double[] partial = relevance.clone();
        StepTables.Given[] given = new StepTables.Given[k];
        // Tables counted elsewhere come a step at a time: each selected feature's I(X_j;Y|X_s) for every
        // remaining candidate, kept per rank; the lazy loop then reads the same values it would have counted.
        double[][] batch = counts.countsOneAtATime() ? null : new double[k][];
        while (size < k) {
            if (batch != null && batch[size - 1] == null) {
                counts.forEachCandidate(chosen, counts.given(selected[size - 1]), conditionalOnSelected);
                batch[size - 1] = termA.clone();
            }
            int best = -1;
            double score = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < features; j++) {
                if (chosen[j]) {
                    continue;
                }
                while (partial[j] > score + tie() && lastUsed[j] < size) {
                    int rank = lastUsed[j];
                    double term;
                    if (batch != null) {
                        term = batch[rank][j];
                    } else {
                        if (given[rank] == null) {
                            given[rank] = counts.given(selected[rank]);
                        }
                        counts.one(j, given[rank], conditionalOnSelected);
                        term = termA[j];
                    }
                    partial[j] = Math.min(partial[j], snap(term));
                    lastUsed[j]++;
                }
                if (best < 0 || partial[j] > score + tie()) {
                    best = j;
                    score = partial[j];
                }
            }
            candidate[best] = score;
            take(best);
        }
    }

    private final StepTables.Terms conditionalOnSelected = this::conditionalOnSelected;

    /** I(X_j;Y|X_s) into termA[j], from the table with Z = (s, target). */
    private void conditionalOnSelected(int j, long[] t, int lj, StepTables.Given z, long[] ab) {
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
        int[] x = new int[columns.rows()];
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
                kernels.densePairCodes(x, 0, z, 0, x.length, z);
            }
        }
    }
}
