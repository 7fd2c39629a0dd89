#!/usr/bin/env bash
# bench-selection.sh — JMI (k = 20) with SparkSelection on local[2] over 1M rows x 200 columns, next to MLlib's
# UnivariateFeatureSelector (chi2) and the in-process selector on the same rows; prints one table (a few minutes).
#
#   spark/tools/bench-selection.sh                         the issue's case
#   spark/tools/bench-selection.sh --rows 200000 --features 50 --informative 10 --redundant 5
#   MASTER='local[4]' DRIVER_MEMORY=12g spark/tools/bench-selection.sh
#
# Runs org.shannon4j.spark.bench.SelectionVsMllib from the spark module's examples jar through bin/spark-submit
# (which builds the jar when needed). Single wall-clock runs after one warm-up: on a shared machine, indications.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# The project version is the first <version> of the module's pom (its parent's); bin/spark-submit builds the jar.
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/spark/pom.xml" | head -1)
jar="$root/spark/target/shannon4j-spark-$version-examples.jar"
exec "$root/bin/spark-submit" --master "${MASTER:-local[2]}" --driver-memory "${DRIVER_MEMORY:-6g}" \
  --class org.shannon4j.spark.bench.SelectionVsMllib "$jar" "$@" 2> >(grep -v ' INFO ' >&2)
