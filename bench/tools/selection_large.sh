#!/usr/bin/env bash
# Issue 14's large-scale case, not part of any test or report run: a k = 50 JMI selection over 1,000,000 rows ×
# 2,000 byte-code features (2 GB, wrapped without a copy by DiscreteColumns.wrap) on 2 threads, printing the time
# of every step as it goes and the total. The heap holds the 2 GB of codes plus the engine's level bitsets (about
# 2.5 GB at 10 levels) and the data generator's working set: SELECTION_HEAP (default 12g) sets -Xmx.
#
#   bench/tools/selection_large.sh                      # = selectbench --shape 1000000x2000 --criteria jmi --threads 2
#   bench/tools/selection_large.sh --backends scalar,simd --feast   # any selectbench option is passed on
#
# Builds cli/target/shannon4j-cli.jar through bin/shannon4j when it is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bin/select-jdk
bin/shannon4j help >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx"${SELECTION_HEAP:-12g}" --add-modules=jdk.incubator.vector \
  -cp cli/target/shannon4j-cli.jar org.shannon4j.bench.BenchCommands \
  selectbench --shape 1000000x2000 --criteria jmi --threads 2 --k 50 --progress "$@"
