/**
 * Mutual information and entropy of continuous and mixed variables by k-nearest-neighbour estimators (issue 16),
 * a family bound to the handle's context.
 */
package org.shannon4j.continuous;
