/**
 * Image-registration similarity measures (issue 16): histogram mutual information, normalised MI and the entropy
 * correlation coefficient of two intensity arrays, and Parzen-window MI with cubic B-spline kernels.
 */
package org.shannon4j.continuous.registration;
