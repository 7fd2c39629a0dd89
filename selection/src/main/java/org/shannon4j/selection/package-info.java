/**
 * Information-theoretic feature selection: forward greedy selection of k discrete features for a discrete target
 * by the criteria of Brown, Pocock, Zhao and Luján's unifying framework ("Conditional Likelihood Maximisation: A
 * Unifying Framework for Information Theoretic Feature Selection", JMLR 13, 2012) — MIM, mRMR, JMI, JMIM, CMIM,
 * DISR, ICAP, CIFE, CondMI and the β/γ family — with the definitions, tie rule (lowest index) and summation order
 * of their FEAST toolbox, minus its accidents (see {@link org.shannon4j.selection.FeatureSelection}).
 *
 * <p>{@link org.shannon4j.selection.FeatureSelection} is the entry type, built from a handle's
 * {@link org.shannon4j.spi.Context} like the other families; {@link org.shannon4j.selection.DiscreteColumns} holds
 * the input codes, {@link org.shannon4j.selection.Discretizer} makes them from continuous columns (equal width as
 * numpy, equal frequency, given edges), {@link org.shannon4j.selection.Criterion} names the criterion and
 * {@link org.shannon4j.selection.Selection} is the result. The information terms come from
 * {@link org.shannon4j.dependence.Dependence} over count tables made by the backend's counting kernels.
 */
package org.shannon4j.selection;
