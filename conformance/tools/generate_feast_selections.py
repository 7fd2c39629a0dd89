#!/usr/bin/python3
# Reference feature selections from FEAST (Brown, Pocock, Zhao, Lujan, "Conditional Likelihood Maximisation: A
# Unifying Framework for Information Theoretic Feature Selection", JMLR 13, 2012), built here from its public
# source, for the selection module's conformance tests (issue 14). FEAST's code is never kept in this repository:
# this script exports it from local git mirrors into a temporary directory, compiles it with the committed
# driver conformance/tools/feast_driver.c, runs every criterion on every data set, and writes
#
#     conformance/src/main/resources/org/shannon4j/conformance/golden/feast_selections.tsv
#
# Rerun from the repository root (deterministic: fixed seeds; nothing is fetched from the network):
#
#     /usr/bin/python3 conformance/tools/generate_feast_selections.py \
#         [--feast /work/.mirror/Craigacp+FEAST/repo] [--mitoolbox /work/.mirror/Craigacp+MIToolbox/repo]
#
# (bare git mirrors of github.com/Craigacp/FEAST and github.com/Craigacp/MIToolbox; any clone works, HEAD is
# used). Needs gcc, git, tar, Debian python3-numpy and python3-sklearn (the real data sets ship inside sklearn).
#
# Besides FEAST's answer, every step is re-scored here independently (numpy, float64, natural formulas in bits)
# over all candidates given FEAST's own prefix; that checks this reading of FEAST's source and finds the steps
# where another candidate scores within TIE_BITS of FEAST's pick (exact ties: FEAST's strict '>' keeps the lowest
# index only when the tied scores round identically, e.g. identical columns; a relabelled copy may round
# differently) and the steps whose best score is within TIE_BITS of FEAST's thresholds (JMI/DISR keep feature 0
# unless some score is > 0; CondMI writes -1 unless some score is > 0), where FEAST's choice is decided by
# rounding. See the header the script writes for the column meanings.
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import sklearn
from sklearn import datasets as skd

OUT = "conformance/src/main/resources/org/shannon4j/conformance/golden/feast_selections.tsv"
DRIVER = "conformance/tools/feast_driver.c"
CFLAGS = ["-O2", "-std=c89", "-DCOMPILE_C"]
TIE_BITS = 1e-10
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


# ---------------------------------------------------------------------------------------------------------------
# Data sets: (name, description, columns (list of int arrays), target)

def equal_width(x, bins):
    """Exactly numpy's digitize over linspace(min, max, bins + 1)[1:-1]; a constant column is one level."""
    lo, hi = x.min(), x.max()
    if lo == hi:
        return np.zeros(len(x), dtype=np.int64)
    return np.digitize(x, np.linspace(lo, hi, bins + 1)[1:-1]).astype(np.int64)


def sklearn_set(name, loader, bins):
    bunch = loader()
    x = np.asarray(bunch.data, dtype=np.float64)
    cols = [equal_width(x[:, j], bins) for j in range(x.shape[1])]
    return (f"{name}-b{bins}",
            f"sklearn.datasets.load_{name}() (scikit-learn {sklearn.__version__}), every column equal-width "
            f"binned: np.digitize(x, np.linspace(min, max, {bins + 1})[1:-1]), constant column -> 0",
            cols, np.asarray(bunch.target, dtype=np.int64))


def synthetic_sets():
    sets = []

    rng = np.random.RandomState(1401)
    n = 400
    a, b = rng.randint(0, 2, n), rng.randint(0, 2, n)
    y = a ^ b
    weak = np.where(rng.rand(n) < 0.75, y, 1 - y)           # alone more informative than a or b
    cols = [rng.randint(0, 3, n), weak, a, rng.randint(0, 2, n), b, rng.randint(0, 4, n)]
    sets.append(("xor", "y = f2 XOR f4 (each alone ~uninformative); f1 = y flipped w.p. 1/4; f0, f3, f5 noise; "
                 "numpy RandomState(1401)", cols, y))

    rng = np.random.RandomState(1402)
    n = 300
    y = rng.randint(0, 3, n)
    base = np.where(rng.rand(n) < 0.8, y, rng.randint(0, 3, n))
    other = np.where(rng.rand(n) < 0.4, y, rng.randint(0, 3, n))
    relabel = np.array([2, 0, 1])[base]
    cols = [rng.randint(0, 3, n), base, base.copy(), other, relabel, rng.randint(0, 2, n), base.copy()]
    sets.append(("redundant", "f1 strongly informative; f2 and f6 identical copies of f1, f4 a relabelled copy "
                 "(codes permuted: the same MI, other rounding); f3 weaker and independent of f1's noise; f0, f5 "
                 "noise; numpy RandomState(1402)", cols, y))

    rng = np.random.RandomState(1403)
    n = 256
    y = rng.randint(0, 2, n)
    t = np.where(rng.rand(n) < 0.7, y, 1 - y)
    u = np.where(rng.rand(n) < 0.6, y, 1 - y)
    cols = [rng.randint(0, 2, n), u, t, u.copy(), t.copy(), rng.randint(0, 2, n), t.copy(), u.copy()]
    sets.append(("ties", "identical columns f2 = f4 = f6 and f1 = f3 = f7 (exact ties: the lowest index must win "
                 "each); f0, f5 noise; numpy RandomState(1403)", cols, y))

    rng = np.random.RandomState(1404)
    n = 120
    y = rng.randint(0, 3, n)
    cols = [np.zeros(n, dtype=np.int64), rng.randint(0, 2, n), y.copy(), np.full(n, 3, dtype=np.int64),
            np.where(rng.rand(n) < 0.5, y, rng.randint(0, 3, n))]
    sets.append(("degenerate", "f0 constant 0; f2 = target; f3 constant 3 (one level, code 3); f4 noisy target; "
                 "f1 noise; numpy RandomState(1404)", cols, y))

    # Full factorial of four bits, twice: y = f0 ^ f1 ^ f2 is independent of every single feature and of every
    # pair, so every MI and every pairwise JMI term is exactly 0 (FEAST's accidents); f3 is the fourth bit.
    grid = np.array([[(r >> 3) & 1, (r >> 2) & 1, (r >> 1) & 1, r & 1] for r in range(16)] * 2)
    cols = [grid[:, 0], grid[:, 1], grid[:, 2], grid[:, 3]]
    y = grid[:, 0] ^ grid[:, 1] ^ grid[:, 2]
    sets.append(("parity", "full factorial of bits f0..f3 (x2 rows), y = f0 ^ f1 ^ f2: every I(f;y) and every "
                 "I(f,g;y) is exactly 0, I(f2;y|f0,f1) = 1 bit", cols, y))

    rng = np.random.RandomState(1406)
    n, d = 500, 12
    levels = rng.randint(2, 7, d)
    cols = [rng.randint(0, levels[j], n) for j in range(d)]
    score = cols[1] * 2 + cols[4] - cols[7] + rng.randint(0, 3, n)
    y = np.digitize(score, np.percentile(score, [33, 66])).astype(np.int64)
    sets.append(("random", "12 features, levels 2..6 drawn at random; target = tertiles of 2 f1 + f4 - f7 + "
                 "noise; numpy RandomState(1406)", cols, y))
    return sets


def all_sets():
    sets = [
        sklearn_set("iris", skd.load_iris, 5),
        sklearn_set("iris", skd.load_iris, 10),
        sklearn_set("wine", skd.load_wine, 5),
        sklearn_set("breast_cancer", skd.load_breast_cancer, 10),
        sklearn_set("digits", skd.load_digits, 5),
    ]
    sets += synthetic_sets()
    return sets


def ks_for(d):
    if d <= 13:
        return sorted({1, min(3, d), d})
    if d <= 30:
        return [5, 15, d]
    return [10, 30]


# ---------------------------------------------------------------------------------------------------------------
# Independent re-scoring (bits)

def combine(a, b):
    """One code per distinct (a, b) pair, compacted to 0..m-1."""
    _, codes = np.unique(a.astype(np.int64) * (int(b.max()) + 1) + b, return_inverse=True)
    return codes.reshape(-1)


def entropy(*cols):
    code = cols[0]
    for c in cols[1:]:
        code = combine(code, c)
    counts = np.bincount(code)
    counts = counts[counts > 0]
    p = counts / counts.sum()
    return float(-(p * np.log2(p)).sum())


class Scorer:
    """Every criterion's candidate scores in bits, with the pair terms cached across criteria and k."""

    def __init__(self, cols, y):
        self.cols, self.y = cols, y
        self.h_y = entropy(y)
        self.rel = [entropy(c) + self.h_y - entropy(c, y) for c in cols]
        self.cache = {}

    def pair(self, p, j):
        key = (p, j)
        if key not in self.cache:
            s, x, y = self.cols[p], self.cols[j], self.y
            h_s, h_x, h_sx = entropy(s), entropy(x), entropy(s, x)
            h_sy, h_xy, h_sxy = entropy(s, y), entropy(x, y), entropy(s, x, y)
            self.cache[key] = {
                "mi_sx": h_s + h_x - h_sx,                      # I(S;X)
                "cmi_sx_y": h_sy + h_xy - h_sxy - self.h_y,     # I(S;X|Y)
                "cmi_xy_s": h_sx + h_sy - h_sxy - h_s,          # I(X;Y|S)
                "jmi": h_sx + self.h_y - h_sxy,                 # I(X,S;Y)
                "h_sxy": h_sxy,
            }
        return self.cache[key]

    def condition(self, prefix):
        key = ("z",) + tuple(prefix)
        if key not in self.cache:
            z = self.cols[prefix[0]]
            for p in prefix[1:]:
                z = combine(z, self.cols[p])
            self.cache[key] = (z, entropy(z), entropy(z, self.y))
        return self.cache[key]

    def scores(self, criterion, beta, gamma, prefix):
        """Every unselected candidate's score after the selected prefix."""
        out = {}
        for j in range(len(self.cols)):
            if j in prefix:
                continue
            rel = self.rel[j]
            terms = [self.pair(p, j) for p in prefix]
            if not prefix or criterion == "MIM":
                s = rel
            elif criterion == "mRMR_D":
                s = rel - sum(t["mi_sx"] for t in terms) / len(prefix)
            elif criterion == "JMI":
                s = sum(t["jmi"] for t in terms)
            elif criterion == "DISR":
                s = sum(t["jmi"] / t["h_sxy"] for t in terms)
            elif criterion == "CMIM":
                s = min([rel] + [t["cmi_xy_s"] for t in terms])
            elif criterion == "ICAP":
                s = rel + sum(min(0.0, t["cmi_sx_y"] - t["mi_sx"]) for t in terms)
            elif criterion == "CondMI":
                z, h_z, h_zy = self.condition(prefix)
                x = self.cols[j]
                s = entropy(x, z) + h_zy - entropy(x, z, self.y) - h_z
            elif criterion in ("BetaGamma", "CIFE"):
                s = rel - sum(beta * t["mi_sx"] - gamma * t["cmi_sx_y"] for t in terms)
            else:
                raise ValueError(criterion)
            out[j] = s
        return out


# FEAST's thresholds: JMI and DISR keep feature 0 (score 0) unless some candidate scores > 0; CondMI writes -1
# (score 0) unless some candidate scores > 0. The others always take their argmax.
THRESHOLDED = {"JMI", "DISR", "CondMI"}


def step_flags(scorer, criterion, beta, gamma, indices, scores):
    flags = []
    accident = None
    prefix = []
    for step, (idx, score) in enumerate(zip(indices, scores)):
        tokens = []
        if accident is not None:
            tokens.append("post")
        elif idx == -1:
            tokens.append("sentinel")
            accident = (step, "sentinel")
        elif idx in prefix:
            tokens.append("dup")
            accident = (step, "duplicate")
        if accident is None or accident[0] == step:
            cand = scorer.scores(criterion, beta, gamma, prefix)
            best = max(cand.values())
            best_idx = min(j for j, s in cand.items() if s == best)
            near = sorted(j for j, s in cand.items() if s >= best - TIE_BITS)
            if step > 0 and criterion in THRESHOLDED and abs(best) <= TIE_BITS:
                tokens.append("zero")
            if idx >= 0 and idx not in prefix:
                if abs(cand[idx] - score) > 1e-9 * (1 + abs(score)):
                    raise SystemExit(f"rescore disagrees with FEAST: {criterion} step {step} feature {idx}: "
                                     f"FEAST {score!r}, here {cand[idx]!r}")
                if cand[idx] < best - TIE_BITS:
                    raise SystemExit(f"FEAST's pick is not an argmax: {criterion} step {step}: FEAST {idx} "
                                     f"({score!r}), here {best_idx} ({best!r})")
                if len(near) > 1:
                    tokens.append("tie" if idx == near[0] else "rounding-tie")
            elif "dup" in tokens or "sentinel" in tokens:
                if best > TIE_BITS:
                    raise SystemExit(f"accident with a positive candidate: {criterion} step {step}: {best!r}")
        if idx >= 0 and idx not in prefix and accident is None:
            prefix.append(idx)
        flags.append("+".join(tokens) if tokens else "ok")
    return flags, accident


# ---------------------------------------------------------------------------------------------------------------

def git_head(repo):
    return subprocess.run(["git", "--git-dir", repo, "rev-parse", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()


def export(repo, dest):
    os.makedirs(dest)
    archive = subprocess.run(["git", "--git-dir", repo, "archive", "HEAD"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)


def build(feast, mitoolbox, work):
    export(feast, os.path.join(work, "FEAST"))
    export(mitoolbox, os.path.join(work, "MIToolbox"))
    sources = []
    for lib in ("MIToolbox", "FEAST"):
        src = os.path.join(work, lib, "src")
        sources += sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".c"))
    exe = os.path.join(work, "feast_driver")
    cmd = (["gcc"] + CFLAGS + ["-I" + os.path.join(work, "MIToolbox", "include"),
                               "-I" + os.path.join(work, "FEAST", "include"), "-o", exe, DRIVER] + sources + ["-lm"])
    subprocess.run(cmd, check=True)
    return exe


def encode(col):
    if col.min() < 0 or col.max() >= len(DIGITS):
        raise ValueError("codes must be in 0..35")
    return "".join(DIGITS[v] for v in col)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feast", default="/work/.mirror/Craigacp+FEAST/repo")
    parser.add_argument("--mitoolbox", default="/work/.mirror/Craigacp+MIToolbox/repo")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()

    feast_commit, mit_commit = git_head(args.feast), git_head(args.mitoolbox)
    gcc = subprocess.run(["gcc", "--version"], check=True, capture_output=True, text=True).stdout.splitlines()[0]
    sets = all_sets()
    work = tempfile.mkdtemp(prefix="feast-")
    try:
        exe = build(args.feast, args.mitoolbox, work)
        data_lines, case_lines = [], []
        counts = {}
        for name, desc, cols, y in sets:
            cols = [np.asarray(c, dtype=np.int64) for c in cols]
            y = np.asarray(y, dtype=np.int64)
            n, d = len(y), len(cols)
            scorer = Scorer(cols, y)
            data_lines.append("\t".join(["data", name, str(n), str(d), desc, encode(y)] + [encode(c) for c in cols]))
            path = os.path.join(work, name + ".txt")
            with open(path, "w") as f:
                f.write(f"{n} {d}\n")
                for c in cols:
                    f.write(" ".join(map(str, c)) + "\n")
                f.write(" ".join(map(str, y)) + "\n")
            runs = [("MIM", None), ("mRMR_D", None), ("JMI", None), ("CMIM", None), ("DISR", None), ("ICAP", None),
                    ("CIFE", (1.0, 1.0)), ("CondMI", None), ("BetaGamma", (1.0, 0.0)), ("BetaGamma", (0.5, 0.5)),
                    ("BetaGamma", (0.2, 0.7))]
            for criterion, params in runs:
                for k in ks_for(d):
                    argv = [exe, path, "BetaGamma" if criterion == "CIFE" else criterion, str(k)]
                    beta, gamma = params if params else (None, None)
                    if params:
                        argv += [repr(beta), repr(gamma)]
                    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout.splitlines()
                    fields = {line.split()[0]: line.split()[1:] for line in out}
                    indices = [int(v) for v in fields["indices"]]
                    scores_text = fields["scores"]
                    scores = [float(v) for v in scores_text]
                    seconds = float(fields["cpu_seconds"][0])
                    flags, accident = step_flags(scorer, criterion, beta, gamma, indices, scores)
                    case_lines.append("\t".join([
                        "case", name, criterion, str(k),
                        repr(beta) if params else "-", repr(gamma) if params else "-",
                        ",".join(map(str, indices)), ",".join(scores_text),
                        accident[1] if accident else "none", str(accident[0]) if accident else "-",
                        ",".join(flags)]))
                    counts[(name, criterion)] = counts.get((name, criterion), 0) + 1
                    print(f"{name}\t{criterion}\t{params}\tk={k}\t{indices}\t{accident}\t{seconds:.4f} s",
                          file=sys.stderr)
    finally:
        shutil.rmtree(work)

    header = f"""\
# FEAST reference selections for the selection module (issue 14). Generated by
#     /usr/bin/python3 conformance/tools/generate_feast_selections.py
# from FEAST {feast_commit} and MIToolbox {mit_commit} (github.com/Craigacp/FEAST, github.com/Craigacp/MIToolbox),
# built with {gcc}, flags {' '.join(CFLAGS)}, by the driver conformance/tools/feast_driver.c (FEAST's uint API,
# column-major, codes used as states as given). numpy {np.__version__}, scikit-learn {sklearn.__version__}.
#
# data <name> <rows> <features> <description> <target> <feature 0> <feature 1> ...
#     each column is a string of one character per row, the code in base 36 ('0'-'9', 'a'-'z' = 10-35)
# case <data> <criterion> <k> <beta> <gamma> <indices> <scores> <accident> <accident_step> <step_flags>
#     criterion: MIM mRMR_D JMI CMIM DISR ICAP CIFE CondMI BetaGamma. CIFE is FEAST's BetaGamma(1, 1), as FEAST's
#       own wrappers call it; BetaGamma rows give beta and gamma ('-' for the others). FEAST has no JMIM.
#     indices: FEAST's outputFeatures, 0-based, in selection order (-1 is CondMI's sentinel).
#     scores: FEAST's featureScores, in bits (MIToolbox divides by log 2), %.17g. Step 0 is I(X;Y) for every
#       criterion. CMIM's is min(I(X;Y), min over selected S of I(X;Y|S)) (lazily evaluated; the winner's is
#       complete). DISR's is the sum of I(X,S;Y)/H(X,S,Y). ICAP adds only the negative (I(S;X|Y) - I(S;X)).
#       BetaGamma: I(X;Y) - sum over S of (beta I(S;X) - gamma I(S;X|Y)). mRMR_D divides the redundancy by |S|.
#     accident: none | duplicate (JMI/DISR: nothing scored > 0, FEAST returned its default feature 0 although it
#       was already selected; score 0) | sentinel (CondMI: nothing scored > 0, FEAST wrote -1; score 0).
#       accident_step: the 0-based step of the first accident ('-' if none). FEAST keeps going after it; those
#       steps are FEAST's bookkeeping, not a selection.
#     step_flags: one per step, '+'-joined tokens: ok | dup | sentinel | post (after the first accident) |
#       tie (another candidate scores within {TIE_BITS:g} bits of the pick, FEAST took the lowest index) |
#       rounding-tie (the same, but FEAST took a higher index: its rounding decided) | zero (JMI/DISR/CondMI: the
#       best score is within {TIE_BITS:g} bits of 0, FEAST's '> 0' threshold is decided by rounding).
#       Found by re-scoring every candidate independently (numpy float64, bits) after FEAST's own prefix; that
#       re-scoring also agreed with every FEAST score to 1e-9.
"""
    with open(args.out, "w") as f:
        f.write(header)
        for line in data_lines + case_lines:
            f.write(line + "\n")
    print("cases per (data set, criterion):", file=sys.stderr)
    for key, value in sorted(counts.items()):
        print(f"  {key[0]}\t{key[1]}\t{value}", file=sys.stderr)


if __name__ == "__main__":
    main()
