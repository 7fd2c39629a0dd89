package org.shannon4j.conformance.property;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.shannon4j.Shannon;

/** The distribution measures (HELLINGER is the squared Hellinger distance, unitless), each reachable through every public overload (entropy ignores q). */
enum DistMeasure {
    ENTROPY, CROSS_ENTROPY, KL, JS, JS_DISTANCE, HELLINGER;

    boolean twoArguments() {
        return this != ENTROPY;
    }

    double whole(Shannon s, double[] p, double[] q) {
        return switch (this) {
            case ENTROPY -> s.entropy(p);
            case CROSS_ENTROPY -> s.crossEntropy(p, q);
            case KL -> s.klDivergence(p, q);
            case JS -> s.jsDivergence(p, q);
            case JS_DISTANCE -> s.jsDistance(p, q);
            case HELLINGER -> s.squaredHellingerDistance(p, q);
        };
    }

    double whole(Shannon s, float[] p, float[] q) {
        return switch (this) {
            case ENTROPY -> s.entropy(p);
            case CROSS_ENTROPY -> s.crossEntropy(p, q);
            case KL -> s.klDivergence(p, q);
            case JS -> s.jsDivergence(p, q);
            case JS_DISTANCE -> s.jsDistance(p, q);
            case HELLINGER -> s.squaredHellingerDistance(p, q);
        };
    }

    double range(Shannon s, double[] p, int po, double[] q, int qo, int n) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, po, n);
            case CROSS_ENTROPY -> s.crossEntropy(p, po, q, qo, n);
            case KL -> s.klDivergence(p, po, q, qo, n);
            case JS -> s.jsDivergence(p, po, q, qo, n);
            case JS_DISTANCE -> s.jsDistance(p, po, q, qo, n);
            case HELLINGER -> s.squaredHellingerDistance(p, po, q, qo, n);
        };
    }

    double range(Shannon s, float[] p, int po, float[] q, int qo, int n) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, po, n);
            case CROSS_ENTROPY -> s.crossEntropy(p, po, q, qo, n);
            case KL -> s.klDivergence(p, po, q, qo, n);
            case JS -> s.jsDivergence(p, po, q, qo, n);
            case JS_DISTANCE -> s.jsDistance(p, po, q, qo, n);
            case HELLINGER -> s.squaredHellingerDistance(p, po, q, qo, n);
        };
    }

    double whole(Shannon s, MemorySegment p, MemorySegment q, ValueLayout.OfDouble l) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, l);
            case CROSS_ENTROPY -> s.crossEntropy(p, q, l);
            case KL -> s.klDivergence(p, q, l);
            case JS -> s.jsDivergence(p, q, l);
            case JS_DISTANCE -> s.jsDistance(p, q, l);
            case HELLINGER -> s.squaredHellingerDistance(p, q, l);
        };
    }

    double whole(Shannon s, MemorySegment p, MemorySegment q, ValueLayout.OfFloat l) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, l);
            case CROSS_ENTROPY -> s.crossEntropy(p, q, l);
            case KL -> s.klDivergence(p, q, l);
            case JS -> s.jsDivergence(p, q, l);
            case JS_DISTANCE -> s.jsDistance(p, q, l);
            case HELLINGER -> s.squaredHellingerDistance(p, q, l);
        };
    }

    double range(Shannon s, MemorySegment p, long po, MemorySegment q, long qo, long n, ValueLayout.OfDouble l) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, po, n, l);
            case CROSS_ENTROPY -> s.crossEntropy(p, po, q, qo, n, l);
            case KL -> s.klDivergence(p, po, q, qo, n, l);
            case JS -> s.jsDivergence(p, po, q, qo, n, l);
            case JS_DISTANCE -> s.jsDistance(p, po, q, qo, n, l);
            case HELLINGER -> s.squaredHellingerDistance(p, po, q, qo, n, l);
        };
    }

    double range(Shannon s, MemorySegment p, long po, MemorySegment q, long qo, long n, ValueLayout.OfFloat l) {
        return switch (this) {
            case ENTROPY -> s.entropy(p, po, n, l);
            case CROSS_ENTROPY -> s.crossEntropy(p, po, q, qo, n, l);
            case KL -> s.klDivergence(p, po, q, qo, n, l);
            case JS -> s.jsDivergence(p, po, q, qo, n, l);
            case JS_DISTANCE -> s.jsDistance(p, po, q, qo, n, l);
            case HELLINGER -> s.squaredHellingerDistance(p, po, q, qo, n, l);
        };
    }
}
