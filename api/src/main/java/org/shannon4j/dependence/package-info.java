/**
 * The dependence family: how much one discrete variable tells about another. Entropy of labels and counts
 * (plug-in and the bias-corrected {@link org.shannon4j.dependence.Estimator}s), mutual information and its
 * relatives (joint and conditional entropy, conditional MI, variation of information, normalised, adjusted and
 * expected MI) and tests of independence ({@link org.shannon4j.dependence.IndependenceTest}), from paired label
 * arrays, row-major contingency tables, joint pmfs or the count tables of {@link org.shannon4j.counts}.
 *
 * <p>The entry type is {@link org.shannon4j.dependence.Dependence}, bound to one immutable
 * {@link org.shannon4j.spi.Context} (backend kernels, unit, normalisation policy, threads):
 * {@code Shannon.get().dependence()} or {@code Dependence.of(context)}.
 *
 * <p>Convention: X is the first argument. Two-variable measures read X then Y (then Z, the condition), so
 * {@code conditionalEntropy(x, y)} is H(X | Y) and {@code conditionalMutualInformation(x, y, z)} is
 * I(X; Y | Z); for a contingency table or joint pmf X is the rows and Y the columns, and for a count table X is
 * its first variable.
 *
 * <p>The package-private classes hold the family's arithmetic: {@code MutualInformationMeasures} (every measure
 * from the four sums N, Σ n·ln n of the cells, the rows and the columns), {@code CountEstimators},
 * {@code ExpectedMutualInformation}, {@code IndependenceTests} and {@code SpecialFunctions}; {@code CountTable},
 * {@code ParallelCount} and {@code LabelChecks} count and check the inputs. A new measure of this family is one
 * static method in its measures class plus its overloads in {@code Dependence}; no other file.
 */
package org.shannon4j.dependence;
