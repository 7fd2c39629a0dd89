/*
 * Calls one FEAST selector (Brown, Pocock, Zhao, Lujan, JMLR 13, 2012) on a discrete data set and prints what
 * FEAST returns, so that generate_feast_selections.py can record it as a fixture. Compiled and linked against
 * FEAST's and MIToolbox's own sources by that script; nothing of FEAST is kept in this repository.
 *
 *   feast_driver DATA CRITERION K [BETA GAMMA]
 *
 * DATA (text, whitespace separated): "rows features", then each feature column (rows codes), then the target
 * column. Codes are non-negative integers; FEAST's uint API takes them as they are (state = code, levels =
 * max + 1), column-major (one pointer per feature), exactly as FEAST's FSAlgorithms.h declares.
 * CRITERION: MIM mRMR_D JMI CMIM DISR ICAP CondMI BetaGamma (BETA GAMMA then required).
 *
 * Output (stdout): "indices i0 i1 ..." (CondMI's -1 sentinel printed as -1) and "scores s0 s1 ..." (FEAST's
 * featureScores in bits, %.17g so that every double round-trips), then "cpu_seconds t" for the selector call
 * alone (clock(): CPU time of this single-threaded process).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "FEAST/FSAlgorithms.h"

static void die(const char *message, const char *detail) {
    fprintf(stderr, "feast_driver: %s%s\n", message, detail == NULL ? "" : detail);
    exit(2);
}

int main(int argc, char **argv) {
    FILE *in;
    unsigned long rows, features, i, j;
    uint k;
    uint *data, *target, **columns, *selected;
    int *selectedSigned;
    double *scores, beta = 0.0, gamma = 0.0;
    const char *criterion;
    clock_t start, end;

    if (argc != 4 && argc != 6) {
        die("usage: feast_driver DATA CRITERION K [BETA GAMMA]", NULL);
    }
    criterion = argv[2];
    k = (uint) strtoul(argv[3], NULL, 10);
    if (argc == 6) {
        beta = strtod(argv[4], NULL);
        gamma = strtod(argv[5], NULL);
    }
    in = fopen(argv[1], "r");
    if (in == NULL) {
        die("cannot open ", argv[1]);
    }
    if (fscanf(in, "%lu %lu", &rows, &features) != 2) {
        die("bad header in ", argv[1]);
    }
    if (k == 0 || k > features) {
        die("k must be in 1..features", NULL);
    }
    data = (uint *) calloc(rows * features, sizeof(uint));
    target = (uint *) calloc(rows, sizeof(uint));
    columns = (uint **) calloc(features, sizeof(uint *));
    selected = (uint *) calloc(k, sizeof(uint));
    selectedSigned = (int *) calloc(k, sizeof(int));
    scores = (double *) calloc(k, sizeof(double));
    if (data == NULL || target == NULL || columns == NULL || selected == NULL || selectedSigned == NULL
            || scores == NULL) {
        die("out of memory", NULL);
    }
    for (j = 0; j < features; j++) {
        columns[j] = data + j * rows;
        for (i = 0; i < rows; i++) {
            if (fscanf(in, "%u", &columns[j][i]) != 1) {
                die("short feature data in ", argv[1]);
            }
        }
    }
    for (i = 0; i < rows; i++) {
        if (fscanf(in, "%u", &target[i]) != 1) {
            die("short target data in ", argv[1]);
        }
    }
    fclose(in);

    start = clock();
    if (strcmp(criterion, "MIM") == 0) {
        MIM(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "mRMR_D") == 0) {
        mRMR_D(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "JMI") == 0) {
        JMI(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "CMIM") == 0) {
        CMIM(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "DISR") == 0) {
        DISR(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "ICAP") == 0) {
        ICAP(k, rows, features, columns, target, selected, scores);
    } else if (strcmp(criterion, "CondMI") == 0) {
        CondMI(k, rows, features, columns, target, selectedSigned, scores);
    } else if (strcmp(criterion, "BetaGamma") == 0) {
        if (argc != 6) {
            die("BetaGamma needs BETA GAMMA", NULL);
        }
        BetaGamma(k, rows, features, columns, target, selected, scores, beta, gamma);
    } else {
        die("unknown criterion ", criterion);
    }
    end = clock();

    printf("indices");
    for (i = 0; i < k; i++) {
        if (strcmp(criterion, "CondMI") == 0) {
            printf(" %d", selectedSigned[i]);
        } else {
            printf(" %u", selected[i]);
        }
    }
    printf("\nscores");
    for (i = 0; i < k; i++) {
        printf(" %.17g", scores[i]);
    }
    printf("\ncpu_seconds %.6f\n", (double) (end - start) / CLOCKS_PER_SEC);
    free(data);
    free(target);
    free(columns);
    free(selected);
    free(selectedSigned);
    free(scores);
    return 0;
}
