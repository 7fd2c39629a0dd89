package org.shannon4j.selection;

import java.util.Locale;

/**
 * A feature-selection criterion of the unifying framework of Brown, Pocock, Zhao and Luján (JMLR 13, 2012), with
 * the definitions and conventions of their FEAST toolbox. Every criterion selects first the feature of largest
 * relevance I(X;Y) (its score at step 1); at later steps, with S the features selected so far, X a candidate and
 * Y the target, the score is
 * <ul>
 *   <li>{@link #MIM}: I(X;Y);</li>
 *   <li>{@link #MRMR} (difference form, FEAST's mRMR_D): I(X;Y) − (1/|S|)·Σ_{s∈S} I(X;X_s);</li>
 *   <li>{@link #JMI}: Σ_{s∈S} I(X,X_s;Y);</li>
 *   <li>{@link #JMIM} (Bennasar et al. 2015; not in FEAST): min_{s∈S} I(X,X_s;Y);</li>
 *   <li>{@link #CMIM} (Fleuret 2004): min(I(X;Y), min_{s∈S} I(X;Y|X_s)), evaluated lazily as Fleuret and FEAST do
 *       (a partial minimum already below the best score is not refined); the selections are those of the full
 *       evaluation;</li>
 *   <li>{@link #DISR}: Σ_{s∈S} I(X,X_s;Y) / H(X,X_s,Y) (unitless);</li>
 *   <li>{@link #ICAP}: I(X;Y) + Σ_{s∈S} min(0, I(X;X_s|Y) − I(X;X_s));</li>
 *   <li>{@link #CIFE}: the β/γ criterion with β = γ = 1;</li>
 *   <li>{@link #COND_MI}: I(X;Y|X_S), X_S the joint variable of all selected features;</li>
 *   <li>{@link #betaGamma(double, double)}: I(X;Y) − Σ_{s∈S} (β·I(X;X_s) − γ·I(X;X_s|Y)) (MIFS is γ = 0,
 *       CondRed β = 0).</li>
 * </ul>
 * Immutable.
 *
 * @param method the criterion
 * @param beta β of the β/γ family (1 for CIFE, 0 for the other criteria)
 * @param gamma γ of the β/γ family (1 for CIFE, 0 for the other criteria)
 */
public record Criterion(Method method, double beta, double gamma) {

    /** The criteria; {@link #BETA_GAMMA} takes β and γ. */
    public enum Method {
        /** Mutual information maximisation. */
        MIM,
        /** Minimum redundancy maximum relevance, difference form. */
        MRMR,
        /** Joint mutual information. */
        JMI,
        /** Joint mutual information maximisation (min instead of sum). */
        JMIM,
        /** Conditional mutual information maximisation. */
        CMIM,
        /** Double input symmetrical relevance. */
        DISR,
        /** Interaction capping. */
        ICAP,
        /** Conditional mutual information given all selected features. */
        COND_MI,
        /** The β/γ family; CIFE is β = γ = 1. */
        BETA_GAMMA
    }

    /** MIM. */
    public static final Criterion MIM = new Criterion(Method.MIM, 0, 0);
    /** mRMR, difference form (FEAST's mRMR_D). */
    public static final Criterion MRMR = new Criterion(Method.MRMR, 0, 0);
    /** JMI. */
    public static final Criterion JMI = new Criterion(Method.JMI, 0, 0);
    /** JMIM. */
    public static final Criterion JMIM = new Criterion(Method.JMIM, 0, 0);
    /** CMIM. */
    public static final Criterion CMIM = new Criterion(Method.CMIM, 0, 0);
    /** DISR. */
    public static final Criterion DISR = new Criterion(Method.DISR, 0, 0);
    /** ICAP. */
    public static final Criterion ICAP = new Criterion(Method.ICAP, 0, 0);
    /** CIFE: β = γ = 1 (as FEAST). */
    public static final Criterion CIFE = new Criterion(Method.BETA_GAMMA, 1, 1);
    /** CondMI. */
    public static final Criterion COND_MI = new Criterion(Method.COND_MI, 0, 0);

    /**
     * Checks the parameters.
     *
     * @param method the criterion
     * @param beta β of the β/γ family (finite)
     * @param gamma γ of the β/γ family (finite)
     * @throws IllegalArgumentException if β or γ is not finite
     */
    public Criterion {
        if (method == null) {
            throw new NullPointerException("method must not be null");
        }
        if (!Double.isFinite(beta) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("beta = " + beta + ", gamma = " + gamma + ": both must be finite");
        }
    }

    /**
     * The β/γ criterion I(X;Y) − Σ_{s∈S} (β·I(X;X_s) − γ·I(X;X_s|Y)).
     *
     * @param beta weight of the redundancy terms
     * @param gamma weight of the conditional redundancy terms
     * @return the criterion
     */
    public static Criterion betaGamma(double beta, double gamma) {
        return new Criterion(Method.BETA_GAMMA, beta, gamma);
    }

    /**
     * MIFS (Battiti 1994): the β/γ criterion with γ = 0.
     *
     * @param beta weight of the redundancy terms
     * @return the criterion
     */
    public static Criterion mifs(double beta) {
        return betaGamma(beta, 0);
    }

    @Override
    public String toString() {
        return method == Method.BETA_GAMMA ? (beta == 1 && gamma == 1 ? "CIFE"
                : String.format(Locale.ROOT, "BETA_GAMMA(beta=%s, gamma=%s)", beta, gamma)) : method.name();
    }
}
