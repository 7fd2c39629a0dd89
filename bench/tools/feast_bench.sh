#!/usr/bin/env bash
# Builds FEAST and MIToolbox (github.com/Craigacp/FEAST, github.com/Craigacp/MIToolbox) from source with
# gcc -O3 -march=native together with bench/tools/feast_bench.c, then times FEAST's selectors on a
# SelectionData file (see feast_bench.c for its format and for the output). FEAST's code is never kept in this
# repository: it is exported into a temporary build directory, removed afterwards.
#
#   bench/tools/feast_bench.sh DATA K CRITERION...      e.g. bench/tools/feast_bench.sh sel.bin 50 JMI mRMR_D CMIM
#
# Sources: FEAST_SRC and MITOOLBOX_SRC, each a source tree (with src/ and include/) or a git directory (bare or
# not; HEAD is exported). Unset: a clone in bench/target/feast-src/ from an earlier run, else the local mirrors
# /work/.mirror/Craigacp+FEAST/repo and /work/.mirror/Craigacp+MIToolbox/repo (as
# conformance/tools/generate_feast_selections.py), else a fresh 'git clone --depth 1' from GitHub into
# bench/target/feast-src/. CC (default gcc) and FEAST_CFLAGS (default -O3 -march=native) override the compiler.
#
# Exit status 3, with the last stderr line "feast_bench: unavailable: REASON", when FEAST cannot be built here
# (no compiler, no source); the report then says why FEAST was not timed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

unavailable() {
  echo "feast_bench: unavailable: $*" >&2
  exit 3
}

[ $# -ge 3 ] || { echo "usage: $0 DATA K CRITERION... (JMI mRMR_D CMIM MIM DISR ICAP)" >&2; exit 2; }
cc=${CC:-gcc}
command -v "$cc" >/dev/null 2>&1 || unavailable "no C compiler ($cc not found; set CC)"
command -v git >/dev/null 2>&1 || unavailable "git not found (needed to export FEAST's source)"

# $1: name (FEAST, MIToolbox); $2: the env var's value; prints a source tree or git directory, or nothing.
locate() {
  local name=$1 given=$2
  if [ -n "$given" ]; then
    echo "$given"
    return
  fi
  local cache=$root/bench/target/feast-src/$name
  if [ -d "$cache/.git" ]; then
    echo "$cache"
  elif [ -d "/work/.mirror/Craigacp+$name/repo" ]; then
    echo "/work/.mirror/Craigacp+$name/repo"
  elif mkdir -p "$(dirname "$cache")" && git clone -q --depth 1 "https://github.com/Craigacp/$name.git" "$cache" >&2; then
    echo "$cache"
  fi
}

# $1: source tree or git directory; $2: destination; exports (git) or copies (tree) src/ and include/.
export_source() {
  local from=$1 to=$2
  mkdir -p "$to"
  if [ -d "$from/src" ] && [ -d "$from/include" ]; then
    cp -R "$from/src" "$from/include" "$to/"
  elif git --git-dir="$from" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    git --git-dir="$from" archive HEAD | tar -x -C "$to"
  elif git --git-dir="$from/.git" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    git --git-dir="$from/.git" archive HEAD | tar -x -C "$to"
  else
    return 1
  fi
}

feast=$(locate FEAST "${FEAST_SRC:-}")
mitoolbox=$(locate MIToolbox "${MITOOLBOX_SRC:-}")
[ -n "$feast" ] || unavailable "no FEAST source (set FEAST_SRC to a checkout of github.com/Craigacp/FEAST; cloning failed)"
[ -n "$mitoolbox" ] || unavailable "no MIToolbox source (set MITOOLBOX_SRC to a checkout of github.com/Craigacp/MIToolbox; cloning failed)"

build=$(mktemp -d "${TMPDIR:-/tmp}/feast-bench.XXXXXX")
trap 'rm -rf "$build"' EXIT
export_source "$feast" "$build/FEAST" || unavailable "FEAST_SRC=$feast is neither a source tree nor a git directory"
export_source "$mitoolbox" "$build/MIToolbox" || unavailable "MITOOLBOX_SRC=$mitoolbox is neither a source tree nor a git directory"

read -r -a cflags <<< "${FEAST_CFLAGS:--O3 -march=native}"
sources=("$build"/MIToolbox/src/*.c "$build"/FEAST/src/*.c)
"$cc" "${cflags[@]}" -DCOMPILE_C -I"$build/MIToolbox/include" -I"$build/FEAST/include" \
    -o "$build/feast_bench" "$here/feast_bench.c" "${sources[@]}" -lm \
  || unavailable "$cc could not build FEAST from $feast and $mitoolbox"
echo "feast_bench: FEAST $(git -C "$feast" rev-parse --short HEAD 2>/dev/null || echo "(tree $feast)"), MIToolbox $(git -C "$mitoolbox" rev-parse --short HEAD 2>/dev/null || echo "(tree $mitoolbox)"), $("$cc" --version | head -1) ${cflags[*]}" >&2
"$build/feast_bench" "$@"
