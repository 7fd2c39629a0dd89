package org.shannon4j.dependence;

import org.shannon4j.internal.Entropies;
import org.shannon4j.spi.Kernels;

/**
 * Entropy and mutual-information estimators from counts (see {@link Estimator} for the formulas), in nats.
 * The shrinkage and Dirichlet estimators smooth every cell to α + β·n (α, β from the estimator); empty cells
 * are not stored, they are counted: K − m cells of probability α. NSB integrates over the Dirichlet concentration
 * (see {@link Estimator#NSB}) with the polygamma and log-rising-factorial forms of {@link SpecialFunctions}.
 */
final class CountEstimators {

    private CountEstimators() {
    }

    /** Validates a count vector and returns N; names the first negative count, rejects all-zero and overflow. */
    static long total(String name, Object counts) {
        if (counts == null) {
            throw new NullPointerException(name + " must not be null");
        }
        int length = counts instanceof long[] l ? l.length : ((int[]) counts).length;
        if (length == 0) {
            throw new IllegalArgumentException(name + " is empty: an entropy needs at least one cell");
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            long v = at(counts, i);
            if (v < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + v + ": counts must be >= 0");
            }
            try {
                n = Math.addExact(n, v);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the sum of " + name + " exceeds Long.MAX_VALUE");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + " is all zeros: an entropy needs at least one observation");
        }
        return n;
    }

    static long at(Object counts, int i) {
        return counts instanceof long[] l ? l[i] : ((int[]) counts)[i];
    }

    /** Ĥ of {@code counts[0..length)} with K = {@code cells} cells (cells ≥ length) and N = n. */
    static double entropy(Kernels k, Object counts, int length, double cells, long n, Estimator estimator) {
        double nd = n;
        switch (estimator) {
            case PLUG_IN, MILLER_MADOW -> {
                double t = counts instanceof long[] l ? k.nLogN(l, 0, length) : k.nLogN((int[]) counts, 0, length);
                double h = Entropies.fromSums(nd, t);
                if (estimator == Estimator.MILLER_MADOW) {
                    h += (nonZero(counts, length) - 1) / (2 * nd);
                }
                return h;
            }
            case NSB -> {
                return nsb(counts, length, cells, n);
            }
            case CHAO_SHEN -> {
                long f1 = 0;
                for (int i = 0; i < length; i++) {
                    f1 += at(counts, i) == 1 ? 1 : 0;
                }
                if (f1 == n) {
                    f1 = n - 1;
                }
                double coverage = 1 - f1 / nd;
                double h = 0;
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        double pa = coverage * c / nd;
                        double la = -Math.expm1(nd * Math.log1p(-pa)); // 1 − (1 − pa)^N
                        h -= pa * Math.log(pa) / la;
                    }
                }
                return Math.max(0.0, h);
            }
            default -> {
                double[] ab = smoothing(counts, length, cells, n, estimator);
                double h = -(cells - nonZero(counts, length)) * xLogX(ab[0]);
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        h -= xLogX(ab[0] + ab[1] * c);
                    }
                }
                return Math.max(0.0, h);
            }
        }
    }

    private static double xLogX(double p) {
        return p > 0 ? p * Math.log(p) : 0.0;
    }

    static long nonZero(Object counts, int length) {
        long m = 0;
        for (int i = 0; i < length; i++) {
            m += at(counts, i) != 0 ? 1 : 0;
        }
        return m;
    }

    /** {α, β}: the smoothed probability of a cell with count c is α + β·c (shrinkage or Dirichlet). */
    static double[] smoothing(Object counts, int length, double cells, long n, Estimator estimator) {
        double nd = n;
        if (estimator == Estimator.JAMES_STEIN) {
            double target = 1 / cells;
            double lambda;
            if (n <= 1) {
                lambda = 1;
            } else {
                double sumU2 = 0;
                double msp = 0;
                long m = 0;
                for (int i = 0; i < length; i++) {
                    long c = at(counts, i);
                    if (c > 0) {
                        double u = c / nd;
                        sumU2 += u * u;
                        msp += (target - u) * (target - u);
                        m++;
                    }
                }
                msp += (cells - m) * target * target;
                lambda = msp == 0 ? 1 : Math.min(1, Math.max(0, (1 - sumU2) / ((nd - 1) * msp)));
            }
            return new double[] {lambda * target, (1 - lambda) / nd};
        }
        double a = estimator.pseudocount(nd, cells);
        double denominator = nd + cells * a;
        return new double[] {a / denominator, 1 / denominator};
    }

    /** Estimated I(X;Y) in nats from a count table (see {@link Estimator} for how each estimator does it). */
    static double mutualInformation(Kernels k, CountTable t, Estimator estimator) {
        switch (estimator) {
            case PLUG_IN:
                return MutualInformationMeasures.mutualInformation(k, t);
            case MILLER_MADOW, CHAO_SHEN, NSB: {
                double hx = entropy(k, t.rows, t.rowLength, t.rowCells, t.n, estimator);
                double hy = entropy(k, t.cols, t.colLength, t.colCells, t.n, estimator);
                Object joint = t.intJoint != null ? t.intJoint : t.longJoint;
                double hxy = entropy(k, joint, t.jointLength, (double) t.rowCells * t.colCells, t.n, estimator);
                return hx + hy - hxy;
            }
            default: {
                Object joint = t.intJoint != null ? t.intJoint : t.longJoint;
                double r = t.rowCells;
                double c = t.colCells;
                double cells = r * c;
                double[] ab = smoothing(joint, t.jointLength, cells, t.n, estimator);
                double alpha = ab[0];
                double beta = ab[1];
                double sum = (cells - nonZero(joint, t.jointLength)) * xLogX(alpha);
                for (int i = 0; i < t.jointLength; i++) {
                    long v = t.joint(i);
                    if (v > 0) {
                        sum += xLogX(alpha + beta * v);
                    }
                }
                // marginals of the smoothed joint: c·α + β·aᵢ per row (empty rows: c·α), r·α + β·bⱼ per column
                long nonEmptyRows = 0;
                for (int i = 0; i < t.rowLength; i++) {
                    if (t.rows[i] > 0) {
                        sum -= xLogX(c * alpha + beta * t.rows[i]);
                        nonEmptyRows++;
                    }
                }
                sum -= (r - nonEmptyRows) * xLogX(c * alpha);
                long nonEmptyCols = 0;
                for (int j = 0; j < t.colLength; j++) {
                    if (t.cols[j] > 0) {
                        sum -= xLogX(r * alpha + beta * t.cols[j]);
                        nonEmptyCols++;
                    }
                }
                sum -= (c - nonEmptyCols) * xLogX(r * alpha);
                return Math.max(0.0, sum);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ NSB

    /** The largest total N the NSB integration is defined for (see {@link #nsb}). */
    static final long MAX_NSB_TOTAL = 1L << 52;

    /** The NSB posterior mean of H in nats for {@code counts[0..length)} over K = {@code cells} cells; see {@link Estimator#NSB}. */
    static double nsb(Object counts, int length, double cells, long n) {
        if (n > MAX_NSB_TOTAL) {
            // The log-evidence carries an absolute rounding of about 1e-16·N: of order 1 from here on, where the
            // integrand (and so the estimate) came out NaN or meaningless.
            throw new IllegalArgumentException("counts sum to N = " + n + ": NSB supports N <= 2^52 (its "
                    + "log-evidence loses all precision beyond); use MILLER_MADOW or PLUG_IN, which it approaches "
                    + "as N/K grows");
        }
        if (cells < 2) {
            return 0.0; // one cell: H = 0 under every prior
        }
        long[] sorted = new long[length];
        int m = 0;
        for (int i = 0; i < length; i++) {
            long c = at(counts, i);
            if (c > 0) {
                sorted[m++] = c;
            }
        }
        java.util.Arrays.sort(sorted, 0, m);
        int distinct = 0;
        for (int i = 0; i < m; i++) {
            distinct += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        long[] values = new long[distinct];
        double[] multiplicity = new double[distinct];
        for (int i = 0, d = -1; i < m; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++d] = sorted[i];
            }
            multiplicity[d]++;
        }
        return new Nsb(values, multiplicity, m, cells, n).posteriorMean();
    }

    /**
     * The NSB integral over t = ln β (see {@link Estimator#NSB} for the method and its error bound). The log
     * weight ℓ(t) = ln ρ(n|β) + ln(dξ/dβ) + t drops the constant −N·ln K of ln ρ, and the integrals are
     * carried relative to the weight at the mode: den = ∫ e^(ℓ − ℓ*) dt, num = ∫ e^(ℓ − ℓ*)·(⟨H⟩_β − H*) dt.
     */
    private static final class Nsb {

        /** Gauss–Kronrod 15-point abscissae (QUADPACK qk15; odd indices and 0 are the 7-point Gauss nodes). */
        private static final double[] XK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
                0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
                0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
                0.207784955007898467600689403773245, 0.0};
        private static final double[] WK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
                0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
                0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
                0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
        private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
                0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
        /** Coarse cells whose end weights are both below e^−CUTOFF of the mode are left out. */
        private static final double CUTOFF = 80;
        /** The integration error target for the posterior mean, in nats relative to 1 + H*. */
        private static final double TOLERANCE = 1e-14;
        /** At most this many panels; reached only if rounding noise in the integrand stops convergence. */
        private static final int MAX_PANELS = 4000;
        /**
         * Splits that leave a panel's error where it was (its halves' errors at 99% of it or more: QUADPACK's
         * round-off test) before the refinement stops: the error estimate is then the integrand's rounding noise,
         * which no split removes (at N = 10⁷ the panels went on to MAX_PANELS, 100 s for a Zipf histogram).
         */
        private static final int ROUND_OFF_SPLITS = 8;

        private final long[] values;
        private final double[] multiplicity;
        private final double occupied;
        private final double k;
        private final long n;
        private double logWeightAtMode;
        private double entropyAtMode;
        /** Set by {@link #evaluate}: e^(ℓ − ℓ*) and ⟨H⟩_β − H* at the last node. */
        private double weight;
        private double centred;

        Nsb(long[] values, double[] multiplicity, int occupied, double k, long n) {
            this.values = values;
            this.multiplicity = multiplicity;
            this.occupied = occupied;
            this.k = k;
            this.n = n;
        }

        /** ℓ(t) = Σ_i ln[Γ(nᵢ+β)/Γ(β)/β^nᵢ] − ln[Γ(N+Kβ)/Γ(Kβ)/(Kβ)^N] + ln(dξ/dβ) + t, β = e^t. */
        double logWeight(double t) {
            double beta = Math.exp(t);
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += multiplicity[i] * SpecialFunctions.logRisingExcess(beta, values[i]);
            }
            sum -= SpecialFunctions.logRisingExcess(k * beta, n);
            return sum + Math.log(SpecialFunctions.priorEntropySlope(k, beta)) + t;
        }

        /**
         * ⟨H⟩_β = ψ(A+1) − Σ_i (nᵢ+β)/A·ψ(nᵢ+β+1), A = N + Kβ, written as the sum of the non-negative terms
         * (nᵢ+β)/A·[ψ(A+1) − ψ(nᵢ+β+1)] with each difference formed from A + 1 − (nᵢ+β+1) = (N − nᵢ) + (K−1)β.
         */
        double entropyGiven(double beta) {
            double a = n + k * beta;
            double spread = (k - 1) * beta;
            double h = (k - occupied) * (beta / a) * SpecialFunctions.digammaDifference(beta + 1, n + spread);
            for (int i = 0; i < values.length; i++) {
                long c = values[i];
                h += multiplicity[i] * ((c + beta) / a)
                        * SpecialFunctions.digammaDifference(c + beta + 1, (double) (n - c) + spread);
            }
            return h;
        }

        private void evaluate(double t) {
            weight = Math.exp(logWeight(t) - logWeightAtMode);
            centred = entropyGiven(Math.exp(t)) - entropyAtMode;
        }

        double posteriorMean() {
            double tLo = Math.log(0x1p-60 / k) - Math.log(n + 1.0);
            double tHi = Math.log(0x1p60) + 2 * Math.log(Math.max(n, 4.0));
            int steps = (int) Math.ceil(tHi - tLo);
            double step = (tHi - tLo) / steps;
            double[] grid = new double[steps + 1];
            int best = 0;
            for (int i = 0; i <= steps; i++) {
                grid[i] = logWeight(tLo + i * step);
                if (grid[i] > grid[best]) {
                    best = i;
                }
            }
            // golden-section search for the mode inside the two cells around the best grid point
            double lo = tLo + Math.max(0, best - 1) * step;
            double hi = tLo + Math.min(steps, best + 1) * step;
            double g = 0.5 * (Math.sqrt(5) - 1);
            double x1 = hi - g * (hi - lo);
            double x2 = lo + g * (hi - lo);
            double f1 = logWeight(x1);
            double f2 = logWeight(x2);
            for (int it = 0; it < 48; it++) {
                if (f1 >= f2) {
                    hi = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = hi - g * (hi - lo);
                    f1 = logWeight(x1);
                } else {
                    lo = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = lo + g * (hi - lo);
                    f2 = logWeight(x2);
                }
            }
            double mode = f1 >= f2 ? x1 : x2;
            logWeightAtMode = Math.max(Math.max(f1, f2), grid[best]);
            if (grid[best] > Math.max(f1, f2)) {
                mode = tLo + best * step;
            }
            entropyAtMode = entropyGiven(Math.exp(mode));

            // panels: the coarse cells that matter, the two around the mode graded towards it
            double floor = logWeightAtMode - CUTOFF;
            java.util.List<double[]> panels = new java.util.ArrayList<>();
            double den = 0;
            double num = 0;
            for (int i = 0; i < steps; i++) {
                double a = tLo + i * step;
                double b = i + 1 == steps ? tHi : tLo + (i + 1) * step;
                boolean holdsMode = mode >= a && mode <= b;
                if (!holdsMode && Math.max(grid[i], grid[i + 1]) < floor) {
                    continue;
                }
                if (holdsMode) {
                    double left = a;
                    for (int j = 0; j <= 12; j++) {
                        double edge = mode - (mode - a) * Math.scalb(1.0, -12 + j);
                        if (edge > left) {
                            panels.add(panel(left, edge));
                            left = edge;
                        }
                    }
                    if (mode > left) {
                        panels.add(panel(left, mode));
                    }
                    double right = mode;
                    for (int j = 12; j >= 0; j--) {
                        double edge = mode + (b - mode) * Math.scalb(1.0, -j);
                        if (edge > right) {
                            panels.add(panel(right, Math.min(edge, b)));
                            right = edge;
                        }
                    }
                } else {
                    panels.add(panel(a, b));
                }
            }
            // tails beyond the grid, where ℓ is linear in t to within 2⁻⁵⁰: slope m on the left, −1 on the right
            if (grid[0] >= floor) {
                evaluate(tLo);
                den += weight / occupied;
                num += weight * centred / occupied;
            }
            if (grid[steps] >= floor) {
                evaluate(tHi);
                den += weight;
                num += weight * centred;
            }
            // global adaptive refinement: split the panel with the largest error until the total is below tol
            double tolerance = TOLERANCE * (1 + entropyAtMode);
            int roundOff = 0;
            while (true) {
                double totalDen = den;
                double totalNum = num;
                for (double[] p : panels) {
                    totalDen += p[2];
                    totalNum += p[3];
                }
                double offset = Math.abs(totalNum / totalDen);
                double error = 0;
                int worst = 0;
                double worstError = -1;
                for (int i = 0; i < panels.size(); i++) {
                    double[] p = panels.get(i);
                    double e = p[5] + offset * p[4];
                    error += e;
                    if (e > worstError) {
                        worstError = e;
                        worst = i;
                    }
                }
                if (error <= tolerance * totalDen || panels.size() >= MAX_PANELS || roundOff >= ROUND_OFF_SPLITS) {
                    return Math.max(0.0, entropyAtMode + totalNum / totalDen);
                }
                double[] p = panels.get(worst);
                double middle = 0.5 * (p[0] + p[1]);
                double[] left = panel(p[0], middle);
                double[] right = panel(middle, p[1]);
                if (left[5] + offset * left[4] + right[5] + offset * right[4] >= 0.99 * worstError) {
                    roundOff++;
                }
                panels.set(worst, left);
                panels.add(right);
            }
        }

        /** {a, b, ∫weight, ∫weight·centred, |K15 − G7| of each} over [a, b]. */
        private double[] panel(double a, double b) {
            double centre = 0.5 * (a + b);
            double half = 0.5 * (b - a);
            double kDen = 0;
            double kNum = 0;
            double gDen = 0;
            double gNum = 0;
            for (int j = 0; j < 8; j++) {
                int nodes = j == 7 ? 1 : 2;
                for (int side = 0; side < nodes; side++) {
                    evaluate(side == 0 ? centre - half * XK[j] : centre + half * XK[j]);
                    kDen += WK[j] * weight;
                    kNum += WK[j] * weight * centred;
                    if ((j & 1) == 1) {
                        gDen += WG[j >> 1] * weight;
                        gNum += WG[j >> 1] * weight * centred;
                    }
                }
            }
            return new double[] {a, b, kDen * half, kNum * half, Math.abs(kDen - gDen) * half,
                    Math.abs(kNum - gNum) * half};
        }
    }
}
