#!/usr/bin/env bash
# Regenerates continuous/src/test/resources/org/shannon4j/continuous/jidt_{ksg,mixed}.txt.gz from JIDT compiled from source.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${JIDT_BUILD:-/tmp/jidt-build}
[ -d "$OUT/classes" ] || "$HERE/build_jidt.sh" "${JIDT_GIT_DIR:-/work/.mirror/jlizier+jidt/repo}" "$OUT"
RES="$HERE/../src/test/resources/org/shannon4j/continuous"
java -cp "$OUT/classes" "$HERE/GenerateJidtKsg.java" "$RES/jidt_ksg.txt.gz"
java -cp "$OUT/classes" "$HERE/GenerateJidtMixed.java" "$RES/jidt_mixed.txt.gz"
echo "JIDT $(cat "$OUT/COMMIT") -> $RES/jidt_ksg.txt.gz, $RES/jidt_mixed.txt.gz"
