/*
 * Times FEAST's selectors (Brown, Pocock, Zhao, Lujan, JMLR 13, 2012) on the feature-selection benchmark's data,
 * for the report's "Feature selection" section. Built by bench/tools/feast_bench.sh against FEAST's and
 * MIToolbox's own sources (gcc -O3 -march=native); nothing of FEAST is kept in this repository.
 *
 *   feast_bench DATA K CRITERION...        CRITERION: JMI mRMR_D CMIM MIM DISR ICAP
 *
 * DATA is the file org.shannon4j.bench.SelectionData writes: the magic "S4JSEL01", rows, features and levels as
 * little-endian 64-bit integers, the feature columns' bytes (column-major), then the target, one byte per row.
 * The codes are widened once to the uint columns FEAST's uint API takes (state = code), outside the timed region;
 * that API is FEAST's fastest (its double API re-normalises every column inside each call).
 *
 * Output (stdout, tab-separated): the header "criterion cpu_seconds wall_seconds selected", then one line per
 * CRITERION: FEAST's name, the CPU seconds of the selector call alone (getrusage, user + system: FEAST is
 * single-threaded), its wall-clock seconds, and the selected 0-based column indices separated by spaces.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "FEAST/FSAlgorithms.h"

static void die(const char *message, const char *detail) {
    fprintf(stderr, "feast_bench: %s%s\n", message, detail == NULL ? "" : detail);
    exit(2);
}

static unsigned long long le64(const unsigned char *b) {
    unsigned long long v = 0;
    int i;
    for (i = 7; i >= 0; i--) {
        v = (v << 8) | b[i];
    }
    return v;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

static double wall_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    FILE *in;
    unsigned char header[32], *bytes;
    unsigned long long rows, features, j, i;
    uint k, *data, *target, **columns, *selected;
    double *scores, cpu0, cpu1, wall0, wall1;
    int a;

    if (argc < 4) {
        die("usage: feast_bench DATA K CRITERION... (JMI mRMR_D CMIM MIM DISR ICAP)", NULL);
    }
    k = (uint) strtoul(argv[2], NULL, 10);
    in = fopen(argv[1], "rb");
    if (in == NULL) {
        die("cannot open ", argv[1]);
    }
    if (fread(header, 1, sizeof header, in) != sizeof header || memcmp(header, "S4JSEL01", 8) != 0) {
        die("not a SelectionData file (no S4JSEL01 header): ", argv[1]);
    }
    rows = le64(header + 8);
    features = le64(header + 16);
    if (rows == 0 || rows > 0xFFFFFFFFu || features == 0 || features > 0xFFFFFFFFu) {
        die("bad shape in ", argv[1]);
    }
    if (k == 0 || k > features) {
        die("K must be in 1..features", NULL);
    }
    data = (uint *) malloc(rows * features * sizeof(uint));
    target = (uint *) malloc(rows * sizeof(uint));
    columns = (uint **) malloc(features * sizeof(uint *));
    selected = (uint *) malloc(k * sizeof(uint));
    scores = (double *) malloc(k * sizeof(double));
    bytes = (unsigned char *) malloc(rows);
    if (data == NULL || target == NULL || columns == NULL || selected == NULL || scores == NULL || bytes == NULL) {
        die("out of memory", NULL);
    }
    for (j = 0; j <= features; j++) {
        uint *dest = j < features ? data + j * rows : target;
        if (fread(bytes, 1, rows, in) != rows) {
            die("short data in ", argv[1]);
        }
        for (i = 0; i < rows; i++) {
            dest[i] = bytes[i];
        }
        if (j < features) {
            columns[j] = dest;
        }
    }
    fclose(in);
    free(bytes);

    printf("criterion\tcpu_seconds\twall_seconds\tselected\n");
    for (a = 3; a < argc; a++) {
        const char *c = argv[a];
        cpu0 = cpu_seconds();
        wall0 = wall_seconds();
        if (strcmp(c, "JMI") == 0) {
            JMI(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else if (strcmp(c, "mRMR_D") == 0) {
            mRMR_D(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else if (strcmp(c, "CMIM") == 0) {
            CMIM(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else if (strcmp(c, "MIM") == 0) {
            MIM(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else if (strcmp(c, "DISR") == 0) {
            DISR(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else if (strcmp(c, "ICAP") == 0) {
            ICAP(k, (uint) rows, (uint) features, columns, target, selected, scores);
        } else {
            die("unknown criterion ", c);
        }
        cpu1 = cpu_seconds();
        wall1 = wall_seconds();
        printf("%s\t%.6f\t%.6f\t", c, cpu1 - cpu0, wall1 - wall0);
        for (i = 0; i < k; i++) {
            printf(i == 0 ? "%u" : " %u", selected[i]);
        }
        printf("\n");
        fflush(stdout);
    }
    free(data);
    free(target);
    free(columns);
    free(selected);
    free(scores);
    return 0;
}
