#!/usr/bin/env bash
# Fixtures for MattesGoldenTest: ITK 5.2's own MattesMutualInformationImageToImageMetricv4 (Debian
# libinsighttoolkit5-dev) on the image pairs of mattes_images.py. Builds itk_mattes/ with CMake in a temporary
# directory (about a minute), writes continuous/src/test/resources/org/shannon4j/continuous/registration/mattes.tsv.gz.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/test/resources/org/shannon4j/continuous/registration/mattes.tsv.gz"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
cmake -S "$here/itk_mattes" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" >/dev/null
/usr/bin/python3 "$here/mattes_images.py" | "$build/itk_mattes" | gzip -9n > "$out"
echo "wrote $out ($(zcat "$out" | grep -c $'\t') cases)"
