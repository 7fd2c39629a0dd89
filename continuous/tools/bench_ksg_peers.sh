#!/usr/bin/env bash
# Times KSG 1-D x 1-D, k = 3, on KsgBenchmark's data (a bivariate Gaussian, rho = 0.5, drawn from splitmix64 with a
# fixed seed; continuous/tools/time_sklearn_ksg.py and TimeJidtKsg.java regenerate the same doubles): scikit-learn's
# mutual_info_regression(n_neighbors=3, random_state=0) (best of 3 wall times, which include its scaling and the
# noise it adds), JIDT's KSG1 on 1 and 2 threads (best of 5 calls, its defaults: normalised, 1e-8 noise; JIDT
# compiled from source by build_jidt.sh into $JIDT_BUILD, default /tmp/jidt-build), then JMH's KsgBenchmark for
# every size and 1 and 2 threads (ms per call).
#
#   continuous/tools/bench_ksg_peers.sh [SIZE...]      default: 100000 1000000
#
# The scikit-learn run at 1e6 takes a few minutes (four calls of ~40 s), JIDT's about ten. SKIP_SKLEARN=1,
# SKIP_JIDT=1 or SKIP_JMH=1 leave one side out; JMH_ARGS replaces the JMH run options (default -f 1 -wi 3 -i 5
# -w 1s -r 1s). On a shared machine the numbers are noisy: run it more than once and compare the best runs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

if [ "${SKIP_SKLEARN:-0}" != 1 ]; then
  echo "== scikit-learn mutual_info_regression (wall time, s)"
  /usr/bin/python3 "$here/time_sklearn_ksg.py" "${sizes[@]}"
fi
if [ "${SKIP_JIDT:-0}" != 1 ]; then
  echo "== JIDT KSG1 (wall time, s)"
  # shellcheck source=/dev/null
  source "$root/bin/select-jdk"
  jidt=${JIDT_BUILD:-/tmp/jidt-build}
  [ -d "$jidt/classes" ] || "$here/build_jidt.sh" "${JIDT_GIT_DIR:-/work/.mirror/jlizier+jidt/repo}" "$jidt"
  "$root/bin/shannon4j" jmh -l > /dev/null # builds the CLI jar (KsgBenchmark's data) if it is missing or stale
  for n in "${sizes[@]}"; do
    for threads in 1 2; do
      "$JAVA_HOME/bin/java" -cp "$jidt/classes:$root/cli/target/shannon4j-cli.jar" "$here/TimeJidtKsg.java" "$n" \
        "$threads"
    done
  done
fi
if [ "${SKIP_JMH:-0}" != 1 ]; then
  echo "== shannon4j KsgBenchmark (JMH, ms per call)"
  joined=$(IFS=,; echo "${sizes[*]}")
  # shellcheck disable=SC2086
  "$root/bin/shannon4j" jmh KsgBenchmark -p size="$joined" -p threads=1,2 ${JMH_ARGS:--f 1 -wi 3 -i 5 -w 1s -r 1s}
fi
