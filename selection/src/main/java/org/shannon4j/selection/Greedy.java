package org.shannon4j.selection;

import org.shannon4j.dependence.Dependence;
import org.shannon4j.spi.Kernels;

/**
 * One forward greedy selection, in nats. Every candidate's score at a step depends only on its own accumulator
 * and the newest selected feature, so the candidate loop ({@link #evaluate}) may later be split over threads; the
 * argmax over the scores is separate and takes the lowest index of an exact tie.
 */
final class Greedy {

    private final Dependence nats;
    private final Kernels kernels;
    private final DiscreteColumns columns;
    private final int[] y;
    private final int ly;
    private final Criterion criterion;
    private final int k;
    private final int n;
    private final int features;
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
    /** codes(s)·ly + y of the newest selected feature s. */
    private int[] combined;

    Greedy(Dependence nats, Kernels kernels, DiscreteColumns columns, int[] y, int ly, Criterion criterion, int k) {
        this.nats = nats;
        this.kernels = kernels;
        this.columns = columns;
        this.y = y;
        this.ly = ly;
        this.criterion = criterion;
        this.k = k;
        this.n = y.length;
        this.features = columns.columns();
        this.zero = 1e-13 * (1 + Math.log(n));
        this.selected = new int[k];
        this.scores = new double[k];
        this.relevance = new double[features];
        this.chosen = new boolean[features];
        this.acc = new double[features];
        this.candidate = new double[features];
        checkTableSize();
    }

    private void checkTableSize() {
        Criterion.Method m = criterion.method();
        if (k == 1 || m == Criterion.Method.MIM || m == Criterion.Method.COND_MI) {
            return;
        }
        int max = 0;
        for (int c = 0; c < features; c++) {
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
            relevance[j] = snap(nats.mutualInformation(columns.codes(j), y));
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
        combined = new int[n];
        boolean stopsAtZero = m == Criterion.Method.JMI || m == Criterion.Method.DISR;
        while (size < k) {
            int s = selected[size - 1];
            int[] codes = columns.codes(s);
            for (int r = 0; r < n; r++) {
                combined[r] = codes[r] * ly + y[r];
            }
            for (int j = 0; j < features; j++) {
                if (!chosen[j]) {
                    evaluate(j, s);
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
     * Adds candidate j's terms with the newest selected feature s to its accumulator and sets its score, from one
     * count of the (j, s, target) table, laid out [j][s][target].
     */
    private void evaluate(int j, int s) {
        int lj = columns.levels(j);
        int ls = columns.levels(s);
        int[] table = new int[lj * ls * ly];
        kernels.countPairs(columns.codes(j), 0, 0, combined, 0, 0, ls * ly, n, table);
        int selectedSoFar = size;
        switch (criterion.method()) {
            case JMI -> candidate[j] = acc[j] += snap(nats.mutualInformation(table, lj * ls, ly));
            case JMIM -> candidate[j] = acc[j] = Math.min(acc[j], snap(nats.mutualInformation(table, lj * ls, ly)));
            case DISR -> candidate[j] = acc[j] += snap(nats.mutualInformation(table, lj * ls, ly))
                    / nats.jointEntropy(table, lj * ls, ly);
            case MRMR -> {
                acc[j] += pairMi(table, lj, ls);
                candidate[j] = relevance[j] - acc[j] / selectedSoFar;
            }
            case ICAP -> {
                double interaction = snap(nats.conditionalMutualInformation(table, lj, ls, ly)) - pairMi(table, lj, ls);
                if (interaction < 0) {
                    acc[j] += interaction;
                }
                candidate[j] = acc[j];
            }
            case BETA_GAMMA -> {
                acc[j] += criterion.beta() * pairMi(table, lj, ls)
                        - criterion.gamma() * snap(nats.conditionalMutualInformation(table, lj, ls, ly));
                candidate[j] = relevance[j] - acc[j];
            }
            default -> throw new AssertionError(criterion);
        }
    }

    /** I(X_j;X_s) from the [j][s][target] table summed over the target. */
    private double pairMi(int[] table, int lj, int ls) {
        int[] pair = new int[lj * ls];
        for (int cell = 0, t = 0; cell < pair.length; cell++) {
            int sum = 0;
            for (int c = 0; c < ly; c++) {
                sum += table[t++];
            }
            pair[cell] = sum;
        }
        return snap(nats.mutualInformation(pair, lj, ls));
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
        combined = new int[n];
        int combinedFor = -1;
        while (size < k) {
            int best = -1;
            double score = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < features; j++) {
                if (chosen[j]) {
                    continue;
                }
                while (partial[j] > score + tie() && lastUsed[j] < size) {
                    int s = selected[lastUsed[j]];
                    if (combinedFor != s) {
                        int[] codes = columns.codes(s);
                        int ls = columns.levels(s);
                        for (int r = 0; r < n; r++) {
                            combined[r] = y[r] * ls + codes[r];
                        }
                        combinedFor = s;
                    }
                    partial[j] = Math.min(partial[j], conditionalOnSelected(j, s));
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

    /** I(X_j;Y|X_s) from the [j][target][s] table of {@link #combined} = y·ls + codes(s). */
    private double conditionalOnSelected(int j, int s) {
        int lj = columns.levels(j);
        int ls = columns.levels(s);
        int[] table = new int[lj * ly * ls];
        kernels.countPairs(columns.codes(j), 0, 0, combined, 0, 0, ly * ls, n, table);
        return snap(nats.conditionalMutualInformation(table, lj, ly, ls));
    }

    // ------------------------------------------------------------------------------------------ CondMI

    /** I(X;Y|X_S) with X_S the joint variable of all selected features, as dense codes of their tuples. */
    private void condMi() {
        int[] z = columns.column(selected[0]);
        while (size < k) {
            for (int j = 0; j < features; j++) {
                if (!chosen[j]) {
                    candidate[j] = snap(nats.conditionalMutualInformation(columns.codes(j), y, z));
                }
            }
            int best = argmax();
            if (!(candidate[best] > 0)) {
                stop = StopReason.NO_POSITIVE_SCORE;
                return;
            }
            take(best);
            if (size < k) {
                kernels.densePairCodes(columns.codes(best), 0, z, 0, n, z);
            }
        }
    }
}
