#!/usr/bin/env bash
# Compiles JIDT (https://github.com/jlizier/jidt) from its public source so that the fixture generators can run its
# KSG, conditional KSG and Kozachenko–Leonenko calculators. Nothing of JIDT is vendored: the classes go to $OUT.
# Usage: build_jidt.sh [git-dir of a JIDT clone] [output dir]
set -euo pipefail
GIT_DIR=${1:-/work/.mirror/jlizier+jidt/repo}
OUT=${2:-/tmp/jidt-build}
rm -rf "$OUT" && mkdir -p "$OUT/src" "$OUT/classes"
git --git-dir="$GIT_DIR" archive HEAD java/source | tar -x -C "$OUT/src"
git --git-dir="$GIT_DIR" rev-parse HEAD > "$OUT/COMMIT"
find "$OUT/src/java/source" -name '*.java' > "$OUT/sources.txt"
javac -nowarn -encoding UTF-8 -d "$OUT/classes" @"$OUT/sources.txt" 2> "$OUT/javac.log" || { tail -20 "$OUT/javac.log"; exit 1; }
echo "JIDT $(cat "$OUT/COMMIT") compiled to $OUT/classes"
