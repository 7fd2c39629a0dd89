#!/usr/bin/env bash
# Regenerates continuous/src/test/resources/org/shannon4j/continuous/r_knn.txt.gz (Debian r-cran-fnn, r-cran-parmigene).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RES="$HERE/../src/test/resources/org/shannon4j/continuous"
Rscript "$HERE/generate_r_knn.R" "$RES/r_knn.txt"
gzip -9nf "$RES/r_knn.txt"
