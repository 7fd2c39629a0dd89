package org.shannon4j.drift;

import org.shannon4j.spi.NumpySums;

/**
 * The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n, as scipy 1.10 computes its
 * survival function ({@code stats.kstwo.sf(x, n)}: {@code _ksstats._kolmogn} with {@code cdf=False}, and the C
 * function {@code smirnov} of {@code scipy/special/cephes/kolmogorov.c} it calls). {@code ks_2samp} uses it in its
 * asymptotic mode with n = round(n₁n₂/(n₁ + n₂)). Each branch keeps scipy's order of operations; the double-double
 * arithmetic is that of scipy's {@code dd_real} (Dekker products, as scipy is built without FMA). Where scipy calls
 * numpy's SIMD {@code exp}/{@code log}/{@code power} ufuncs or BLAS ({@code matmul}, {@code convolve}) its last bit
 * depends on the CPU and the BLAS; {@link StrictMath} stands in for all of them (see {@code KolmogorovSmirnov}).
 */
final class KolmogorovDistribution {

    private static final double MINLOG = -7.451332191019412076235E2; // cephes: log(2**-1075)
    private static final int SMIRNOV_MAX_COMPUTE_N = 1_000_000;
    private static final int SM_UPPER_MAX_TERMS = 3;
    private static final int SM_UPPERSUM_MIN_N = 10;
    private static final int MAX_EXPONENT = 960;
    private static final double M_LN2 = 0.693147180559945309417232121458176568;
    private static final double DBL_EPSILON = 0x1p-52;

    private static final int E128 = 128;
    private static final double EP128 = 0x1p128;
    private static final double EM128 = 0x1p-128;
    private static final double SQRT2PI = StrictMath.sqrt(2 * Math.PI);
    private static final double LOG_2PI = StrictMath.log(2 * Math.PI);
    private static final double MIN_LOG = -708;
    private static final double SQRT3 = StrictMath.sqrt(3);
    private static final double PI_SQUARED = Math.PI * Math.PI;
    private static final double PI_FOUR = StrictMath.pow(Math.PI, 4);
    private static final double PI_SIX = StrictMath.pow(Math.PI, 6);
    private static final double[] STIRLING_COEFFS = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** {@code kstwo.sf(x, n)}: rv_continuous's support checks (1 at or below 0.5/n, 0 at or above 1), then _kolmogn. */
    static double kstwoSf(double x, int n) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0.5 / n) {
            return 1.0;
        }
        if (!(x < 1.0)) {
            return 0.0;
        }
        return kolmognSf(n, x);
    }

    /** {@code _kolmogn(n, x, cdf=False)}. */
    static double kolmognSf(int n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) { // Ruben-Gambino
            if (t <= 0.5) {
                return 1.0;
            }
            double prob;
            if (n <= 140) {
                double inv = 1.0 / n;
                double f = 2 * t - 1;
                prob = 1.0;
                for (int i = 1; i <= n; i++) {
                    prob *= i * inv * f; // np.prod(arange(1, n+1) * (1/n) * (2t-1)), reduced left to right
                }
            } else {
                prob = StrictMath.exp(logNFactorialDivNPowN(n) + n * StrictMath.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) { // Ruben-Gambino
            return clip(2 * StrictMath.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nxsquared = t * x;
        if (n <= 140) {
            if (nxsquared <= 0.754693) {
                return clip(1.0 - clip(dmtw(n, x)));
            }
            if (nxsquared <= 4) {
                return clip(1.0 - clip(pomeranz(n, x)));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nxsquared >= 370.0) {
            return 0.0;
        }
        if (nxsquared >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        double cdf;
        if (n <= 100000 && n * StrictMath.pow(x, 1.5) <= 1.4) {
            cdf = clip(dmtw(n, x));
        } else {
            cdf = pelzGood(n, x);
        }
        return clip(1.0 - cdf);
    }

    private static double clip(double p) {
        return p < 0 ? 0.0 : p > 1 ? 1.0 : p; // np.clip keeps NaN
    }

    /** log(n!/n^n) by Stirling, n·log n removed up front. */
    private static double logNFactorialDivNPowN(int n) {
        double rn = 1.0 / n;
        double u = rn / n;
        double poly = 0;
        for (double c : STIRLING_COEFFS) {
            poly = poly * u + c; // np.polyval: Horner
        }
        return StrictMath.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /** {@code _kolmogn_DMTW}: the CDF by the Durbin matrix (Marsaglia–Tsang–Wang), scaled powers of H. */
    static double dmtw(int n, double d) {
        if (d >= 1.0) {
            return 1.0;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] hm = new double[m * m];
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - StrictMath.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = StrictMath.pow(Math.max(2 * h - 1.0, 0), m) - 2 * StrictMath.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r * m + i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r * m] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[(m - 1) * m + c] = v[m - 1 - c];
        }
        double[] pw = new double[m * m];
        for (int i = 0; i < m; i++) {
            pw[i * m + i] = 1.0;
        }
        int nn = n;
        int expnt = 0;
        int hexpnt = 0;
        while (nn > 0) {
            if (nn % 2 != 0) {
                pw = matmul(pw, hm, m);
                expnt += hexpnt;
            }
            hm = matmul(hm, hm, m);
            hexpnt *= 2;
            if (Math.abs(hm[(k - 1) * m + (k - 1)]) > EP128) {
                for (int i = 0; i < hm.length; i++) {
                    hm[i] /= EP128;
                }
                hexpnt += E128;
            }
            nn /= 2;
        }
        double p = pw[(k - 1) * m + (k - 1)];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < EM128) {
                p *= EP128;
                expnt -= E128;
            }
        }
        if (expnt != 0) {
            p = Math.scalb(p, expnt);
        }
        return p;
    }

    /** C = A·B in reference-BLAS order (scipy's np.matmul goes to the machine's BLAS). */
    private static double[] matmul(double[] a, double[] b, int m) {
        double[] c = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double t = a[i * m + l];
                for (int j = 0; j < m; j++) {
                    c[i * m + j] += t * b[l * m + j];
                }
            }
        }
        return c;
    }

    /** {@code _pomeranz_compute_j1j2}. */
    private static int[] pomeranzJ1J2(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** {@code _kolmogn_Pomeranz}: the CDF by Pomeranz's recursion. */
    static double pomeranz(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = 1.0 * (t - ll);
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        int expnt = 0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int[] jj = pomeranzJ1J2(0, n, ll, ceilf, roundf);
        int j1 = jj[0];
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] tmp = v0;
            v0 = v1;
            v1 = tmp;
            int ts = v0s;
            v0s = v1s;
            v1s = ts;
            java.util.Arrays.fill(v1, 0.0);
            jj = pomeranzJ1J2(i, n, ll, ceilf, roundf);
            j1 = jj[0];
            int j2 = jj[1];
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 != 0 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                // np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]), entries conv_start .. + conv_len
                int off = k1 - v0s;
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < convLen; c++) {
                    int idx = convStart + c; // conv[idx] = sum_{a+b=idx} u[a]*pw[b]
                    double s = 0;
                    int aLo = Math.max(0, idx - (ln2 - 1));
                    int aHi = Math.min(idx, ln2 - 1);
                    for (int a = aLo; a <= aHi; a++) {
                        int ia = off + a;
                        double u = ia >= 0 && ia < npwrs ? v0[ia] : 0.0;
                        s += u * pwrs[idx - a];
                    }
                    v1[c] = s;
                }
                for (double e : v1) {
                    max = Math.max(max, e);
                }
                if (0 < max && max < EM128) {
                    for (int c = 0; c < npwrs; c++) {
                        v1[c] *= EP128;
                    }
                    expnt -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                expnt += E128;
            }
            ans *= m;
        }
        if (expnt != 0) {
            ans = Math.scalb(ans, expnt);
        }
        return ans;
    }

    /** {@code _kolmogn_PelzGood}: the Pelz–Good approximation of the CDF (not clipped, as in scipy). */
    static double pelzGood(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = StrictMath.sqrt(n) * x;
        double zsquared = z * z;
        double zthree = StrictMath.pow(z, 3);
        double zfour = StrictMath.pow(z, 4);
        double zsix = StrictMath.pow(z, 6);
        double qlog = -PI_SQUARED / 8 / zsquared;
        if (qlog < MIN_LOG) {
            return 0.0;
        }
        double q = StrictMath.exp(qlog);
        double k1a = -zsquared;
        double k1b = PI_SQUARED / 4;
        double k2a = 6 * zsix + 2 * zfour;
        double k2b = (2 * zfour - 5 * zsquared) * PI_SQUARED / 4;
        double k2c = PI_FOUR * (1 - 2 * zsquared) / 16;
        double k3d = PI_SIX * (5 - 30 * zsquared) / 64;
        double k3c = PI_FOUR * (-60 * zsquared + 212 * zfour) / 16;
        double k3b = PI_SQUARED * (135 * zfour - 96 * zsix) / 4;
        double k3a = -30 * zsix - 90 * StrictMath.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            long mm = 2L * kk - 1;
            double msquared = mm * mm;
            double mfour = (double) (mm * mm * mm * mm);
            double msix = (double) (mm * mm * mm * mm * mm * mm);
            double qpower = StrictMath.pow(q, 8 * kk);
            double c0 = 1.0;
            double c1 = k1a + k1b * msquared;
            double c2 = k2a + k2b * msquared + k2c * mfour;
            double c3 = k3a + k3b * msquared + k3c * mfour + k3d * msix;
            k[0] = k[0] * qpower + c0;
            k[1] = k[1] * qpower + c1;
            k[2] = k[2] * qpower + c2;
            k[3] = k[3] * qpower + c3;
        }
        double[] div = {z, 6 * zfour, 72 * StrictMath.pow(z, 7), 6480 * StrictMath.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] *= q;
            k[i] *= SQRT2PI;
            k[i] /= div[i];
        }
        double q2 = StrictMath.exp(-PI_SQUARED / 2 / zsquared);
        double sqrt3z = SQRT3 * z;
        double[] t2 = new double[maxk];
        double[] t3 = new double[maxk];
        for (int i = 0; i < maxk; i++) {
            long ks = maxk - i;
            long ksquared = ks * ks;
            double kspi = Math.PI * ks;
            double qpw = StrictMath.pow(q2, (double) ksquared);
            t2[i] = ksquared * qpw;
            t3[i] = (sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpw;
        }
        double k2extra = NumpySums.pairwiseSum(t2, 0, t2.length);
        k2extra *= PI_SQUARED * SQRT2PI / (-36 * zthree);
        k[2] += k2extra;
        double k3extra = NumpySums.pairwiseSum(t3, 0, t3.length);
        k3extra *= PI_SQUARED * SQRT2PI / (216 * zsix);
        k[3] += k3extra;
        double dn = n * 1.0;
        k[1] /= StrictMath.pow(dn, 0.5);
        k[2] /= dn; // pow(n, 1.0) and pow(n, 0.0) are exact
        k[3] /= StrictMath.pow(dn, 1.5);
        double sum = 0;
        for (double e : k) {
            sum += e; // Python's sum(): left to right from 0
        }
        return sum;
    }

    // ---- cephes kolmogorov.c: smirnov(n, x), the one-sided survival function ----

    /** cephes {@code smirnov(n, d)}: Pr(D⁺_n ≥ d). */
    static double smirnov(int n, double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // modNX: floor(n x) and the remainder, exactly
        Dd nxD = Dd.mulDD(n, x);
        Dd nxfloorD = nxD.floor();
        Dd alphaD = nxD.sub(nxfloorD);
        double alpha = alphaD.hi;
        int nxfl = (int) nxfloorD.hi;
        if (alpha == 1) {
            nxfl += 1;
            alpha = 0;
        }
        double nx = nxD.hi;
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        int n1mxceil = n - nxfl;
        if (alpha == 0) {
            n1mxfl -= 1;
            n1mxceil += 1;
        }
        if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
            double t = pow2(1, x, n - 1);
            double cdf = x * t;
            return 1 - cdf;
        }
        if (-2 * n * x * x < MINLOG) {
            return 0;
        }
        if (nxfl >= n - 1) {
            return pow2(1, -x, n);
        }
        if (n > SMIRNOV_MAX_COMPUTE_N) {
            double b = 6.0 * n * x + 1;
            double logp = -(b * b) / 18.0 / n; // pow(b, 2): correctly rounded square
            if (logp < -M_LN2) {
                return StrictMath.exp(logp);
            }
            double cdf = -StrictMath.expm1(logp);
            return 1 - cdf;
        }
        int nUpperTerms = n - n1mxceil + 1;
        boolean useUpperSum = nUpperTerms <= 1 && x < 0.5;
        useUpperSum = useUpperSum || (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS
                && x <= 0.5 / StrictMath.sqrt(n));
        int start = 0;
        int step = 1;
        int nTerms = n1mxfl + 1;
        int vmid = n / 2;
        Dd[] c = {Dd.ONE};
        int[] cexpt = {0};
        Dd aj;
        if (useUpperSum) {
            start = n;
            step = -1;
            nTerms = n - n1mxceil + 1;
            aj = pow4(1, x, 1, 0, n - 1);
        } else {
            Dd t2 = pow4(1, -x, 1, 0, n);
            aj = t2.div(x);
        }
        Dd ajSum = Dd.ZERO.add(aj);
        updateBinomial(c, cexpt, n, 0);
        for (int j = 1; j < nTerms; j++) {
            int v = start + j * step;
            aj = computeAv(n, x, v, c[0], cexpt[0]);
            if (Double.isFinite(aj.hi) && aj.hi != 0.0) {
                ajSum = ajSum.add(aj);
            }
            if (aj.hi != 0.0) {
                if (4.0 * (nTerms - j) * Math.abs(aj.hi) < DBL_EPSILON * ajSum.hi && j != nTerms - 1) {
                    break;
                }
            } else if (j > vmid) {
                break;
            }
            updateBinomial(c, cexpt, n, j);
        }
        double prob = Dd.mulDDd(x, ajSum).hi;
        double sf = step < 0 ? 1 - prob : prob;
        return sf < 0 ? 0 : Math.min(sf, 1);
    }

    private static void updateBinomial(Dd[] cman, int[] cexpt, int n, int j) {
        Dd rat = Dd.divDd(n - j, j + 1.0);
        Dd man2 = cman[0].mul(rat);
        int[] e = new int[1];
        man2 = man2.frexp(e);
        cexpt[0] += e[0];
        cman[0] = man2;
    }

    /** A_v(n, x) = C(n, v)·(1 − x − v/n)^(n−v)·(x + v/n)^(v−1). */
    private static Dd computeAv(int n, double x, int v, Dd cman, int cexpt) {
        int[] t2E = new int[1];
        int[] t1E = new int[1];
        Dd t2x = Dd.divDd(n - v, n).sub(x);
        Dd t2 = pow2Scaled(t2x, n - v, t2E);
        Dd t1x = Dd.divDd(v, n).add(x);
        Dd t1 = pow2Scaled(t1x, v - 1, t1E);
        Dd ans = t1.mul(t2).mul(cman);
        return ans.ldexp(cexpt + t1E[0] + t2E[0]);
    }

    private static Dd powD(Dd a, int m) {
        if (m <= 0) {
            if (m == 0) {
                return Dd.ONE;
            }
            return Dd.ONE.div(powD(a, -m));
        }
        if (a.hi == 0.0) {
            return Dd.ZERO;
        }
        double ans = StrictMath.pow(a.hi, m);
        double r = a.lo / a.hi;
        double adj = m * r;
        if (Math.abs(adj) > 1e-8) {
            if (Math.abs(adj) < 1e-4) {
                adj += (m * r) * ((m - 1) / 2.0 * r);
            } else {
                adj = StrictMath.expm1(m * StrictMath.log1p(r));
            }
        }
        return Dd.addDd(ans, ans * adj);
    }

    private static double pow2(double a, double b, int m) {
        return powD(Dd.addDd(a, b), m).hi;
    }

    private static double nextPowerOf2(double x) {
        double q = Math.scalb(x, 1 - 53);
        double l = Math.abs(q + x);
        if (l == 0) {
            l = Math.abs(x);
        } else {
            int lint = (int) l;
            if (lint == l) {
                l = lint;
            }
        }
        return l;
    }

    private static Dd pow2Scaled(Dd a, int m, int[] pExponent) {
        int maxExpt = MAX_EXPONENT;
        if (m <= 0) {
            if (m == 0) {
                pExponent[0] = 0;
                return Dd.ONE;
            }
            int[] e1 = new int[1];
            int[] e2 = new int[1];
            Dd ans = pow2Scaled(a, -m, e1);
            ans = Dd.ONE.div(ans).frexp(e2);
            pExponent[0] = -e1[0] + e2[0];
            return ans;
        }
        int[] ye = new int[1];
        Dd y = a.frexp(ye);
        if (m == 1) {
            pExponent[0] = ye[0];
            return y;
        }
        if (m * (y.hi - 1) / y.hi < -MAX_EXPONENT * M_LN2) {
            double lg2y = StrictMath.log(y.hi) / M_LN2;
            double lgAns = m * lg2y;
            if (lgAns <= -MAX_EXPONENT) {
                maxExpt = (int) (nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
            }
        }
        if (m <= maxExpt) {
            Dd ans1 = powD(y, m);
            int[] ae = new int[1];
            Dd ans = ans1.frexp(ae);
            pExponent[0] = ae[0] + m * ye[0];
            return ans;
        }
        int q = m / maxExpt;
        int r = m % maxExpt;
        int[] y2rE = new int[1];
        int[] y2mE = new int[1];
        int[] y2mqE = new int[1];
        Dd y2r = pow2Scaled(y, r, y2rE);
        Dd y2m = pow2Scaled(y, maxExpt, y2mE);
        Dd y2mq = pow2Scaled(y2m, q, y2mqE);
        int[] ae = new int[1];
        Dd ans = y2r.mul(y2mq).frexp(ae);
        int e2 = y2mqE[0] + y2mE[0] * q;
        pExponent[0] = ae[0] + e2 + y2rE[0] + m * ye[0];
        return ans;
    }

    private static Dd pow4(double a, double b, double c, double d, int m) {
        if (m <= 0) {
            if (m == 0) {
                return Dd.ONE;
            }
            return pow4(c, d, a, b, -m);
        }
        Dd aa = Dd.addDd(a, b);
        Dd cc = Dd.addDd(c, d);
        if (aa.hi == 0.0) {
            return cc.hi == 0.0 ? new Dd(Double.NaN, Double.NaN) : Dd.ZERO;
        }
        if (cc.hi == 0.0) {
            return aa.hi < 0.0 ? new Dd(Double.NEGATIVE_INFINITY, 0) : new Dd(Double.POSITIVE_INFINITY, 0);
        }
        return powD(aa.div(cc), m);
    }

    /** scipy's {@code dd_real} double-double, operation for operation (no FMA: Dekker's split). */
    record Dd(double hi, double lo) {
        static final Dd ZERO = new Dd(0.0, 0.0);
        static final Dd ONE = new Dd(1.0, 0.0);
        private static final double SPLITTER = 134217729.0;
        private static final double SPLIT_THRESH = 6.69692879491417e+299;

        private static double[] twoSum(double a, double b) {
            double s = a + b;
            double c = s - a;
            double d = b - c;
            double e = s - c;
            return new double[] {s, (a - e) + d};
        }

        private static double[] twoDiff(double a, double b) {
            double s = a - b;
            double c = s - a;
            double d = b + c;
            double e = s - c;
            return new double[] {s, (a - e) - d};
        }

        private static double[] quickTwoSum(double a, double b) {
            double s = a + b;
            double c = s - a;
            return new double[] {s, b - c};
        }

        private static double[] split(double a) {
            if (a > SPLIT_THRESH || a < -SPLIT_THRESH) {
                a *= 3.7252902984619140625e-09;
                double temp = SPLITTER * a;
                double hi = temp - (temp - a);
                double lo = a - hi;
                return new double[] {hi * 268435456.0, lo * 268435456.0};
            }
            double temp = SPLITTER * a;
            double hi = temp - (temp - a);
            return new double[] {hi, a - hi};
        }

        private static double[] twoProd(double a, double b) {
            double p = a * b;
            double[] as = split(a);
            double[] bs = split(b);
            double c = as[0] * bs[0] - p;
            double d = c + as[0] * bs[1] + as[1] * bs[0];
            return new double[] {p, d + as[1] * bs[1]};
        }

        static Dd addDd(double a, double b) {
            double[] s = twoSum(a, b);
            return new Dd(s[0], s[1]);
        }

        static Dd mulDD(double a, double b) {
            double[] p = twoProd(a, b);
            return new Dd(p[0], p[1]);
        }

        static Dd divDd(double a, double b) {
            return new Dd(a, 0.0).div(new Dd(b, 0.0));
        }

        /** dd_mul_d_dd. */
        static Dd mulDDd(double a, Dd b) {
            double[] p1 = twoProd(a, b.hi);
            double[] p2 = twoProd(a, b.lo);
            double[] s = quickTwoSum(p1[0], p2[1] + p2[0] + p1[1]);
            return new Dd(s[0], s[1]);
        }

        /** dd_ieee_add. */
        Dd add(Dd b) {
            double[] s = twoSum(hi, b.hi);
            double[] t = twoSum(lo, b.lo);
            double s2 = s[1] + t[0];
            double[] u = quickTwoSum(s[0], s2);
            s2 = u[1] + t[1];
            double[] w = quickTwoSum(u[0], s2);
            return new Dd(w[0], w[1]);
        }

        Dd sub(Dd b) {
            return add(new Dd(-b.hi, -b.lo));
        }

        /** dd_add_dd_d. */
        Dd add(double b) {
            double[] s = twoSum(hi, b);
            double s2 = s[1] + lo;
            double[] u = quickTwoSum(s[0], s2);
            return new Dd(u[0], u[1]);
        }

        /** dd_sub_dd_d. */
        Dd sub(double b) {
            return add(-b);
        }

        /** dd_mul. */
        Dd mul(Dd b) {
            double[] p = twoProd(hi, b.hi);
            double p2 = p[1] + (hi * b.lo + lo * b.hi);
            double[] s = quickTwoSum(p[0], p2);
            return new Dd(s[0], s[1]);
        }

        /** dd_mul_dd_d. */
        Dd mul(double b) {
            double[] p1 = twoProd(hi, b);
            double[] p2 = twoProd(lo, b);
            double[] s = quickTwoSum(p1[0], p2[1] + p2[0] + p1[1]);
            return new Dd(s[0], s[1]);
        }

        /** dd_accurate_div. */
        Dd div(Dd b) {
            double q1 = hi / b.hi;
            Dd r = sub(b.mul(q1));
            double q2 = r.hi / b.hi;
            r = r.sub(b.mul(q2));
            double q3 = r.hi / b.hi;
            double[] s = quickTwoSum(q1, q2);
            return new Dd(s[0], s[1]).add(q3);
        }

        Dd div(double b) {
            return div(new Dd(b, 0.0));
        }

        Dd floor() {
            double h = Math.floor(hi);
            double l = 0.0;
            if (h == hi) {
                l = Math.floor(lo);
                double[] s = quickTwoSum(h, l);
                h = s[0];
                l = s[1];
            }
            return new Dd(h, l);
        }

        Dd ldexp(int e) {
            return new Dd(ldexpD(hi, e), ldexpD(lo, e));
        }

        /** dd_frexp: 0.5 ≤ |b| < 1 (or |b| = 1 with b·lo &lt; 0). */
        Dd frexp(int[] expt) {
            int exponent = frexpExponent(hi);
            double man = ldexpD(hi, -exponent);
            double b1 = ldexpD(lo, -exponent);
            if (Math.abs(man) == 0.5 && man * b1 < 0) {
                man *= 2;
                b1 *= 2;
                exponent -= 1;
            }
            expt[0] = exponent;
            return new Dd(man, b1);
        }

        private static int frexpExponent(double x) {
            if (x == 0.0 || !Double.isFinite(x)) {
                return 0;
            }
            int e = Math.getExponent(x);
            if (e == Double.MIN_EXPONENT - 1) { // subnormal
                return Math.getExponent(x * 0x1p54) - 54 + 1;
            }
            return e + 1;
        }

        /** C's ldexp: one correctly rounded scaling. */
        private static double ldexpD(double x, int e) {
            if (e > 2200) {
                e = 2200;
            } else if (e < -2200) {
                e = -2200;
            }
            return Math.scalb(x, e);
        }
    }
}
