"""2-D fixed/moving image pairs for generate_mattes.sh (stdin format of itk_mattes/itk_mattes.cxx).

Deterministic (seeded numpy); values written with 17 significant digits so ITK and the Java test read the same
doubles. Run with /usr/bin/python3 (Debian's numpy).
"""
import numpy as np

rng = np.random.default_rng(20260616)


def smooth(w, h, phase=0.0):
    y, x = np.mgrid[0:h, 0:w].astype(float)
    return 100 * np.sin(x / 5.0 + phase) * np.cos(y / 7.0) + 0.5 * x + 30


def shifted(img, dx, dy):
    return np.roll(np.roll(img, dy, axis=0), dx, axis=1)


def cases():
    sizes = [(16, 12), (33, 20), (48, 40), (64, 64)]
    bins_list = [16, 32, 50, 64]
    for k, (w, h) in enumerate(sizes):
        bins = bins_list[k]
        other = bins_list[(k + 2) % 4]
        u = rng.uniform(-3, 7, (h, w))
        yield f"random-uniform-{w}x{h}", bins, u, rng.uniform(0, 1, (h, w))
        g = rng.normal(0, 1, (h, w))
        yield f"random-correlated-{w}x{h}", other, g, 2.5 * g + rng.normal(0, 0.7, (h, w)) - 4
        s = smooth(w, h)
        yield f"smooth-{w}x{h}", bins, s, smooth(w, h, 0.4) + rng.normal(0, 2, (h, w))
        yield f"shifted-copy-{w}x{h}", other, s, shifted(s, 3, 1)
        c = np.full((h, w), 100.0)
        cm = c.copy()
        idx = rng.choice(w * h, size=max(3, w * h // 40), replace=False)
        cm.flat[idx] = 100 + rng.choice([-0.5, 1.0, 2.0], size=idx.size)
        c.flat[idx[: idx.size // 2]] = 100.25
        yield f"constant-ish-{w}x{h}", bins, c, cm
        i = rng.integers(0, 256, (h, w)).astype(float)
        yield f"integer-{w}x{h}", other, i, np.clip(i + rng.integers(-20, 21, (h, w)), 0, 255)
        yield f"integer-smooth-{w}x{h}", bins, np.round(s), np.round(shifted(s, -2, 2) * 0.5)
    # the same image: every moving bin's Parzen window is centred on the fixed bin
    s = smooth(40, 30)
    for b in (16, 32, 50, 64):
        yield f"identical-40x30-b{b}", b, s, s.copy()


def main():
    out = []
    for name, bins, f, m in cases():
        h, w = f.shape
        out.append(f"{name} {w} {h} {bins}")
        out.append(" ".join(repr(float(v)) for v in f.ravel()))
        out.append(" ".join(repr(float(v)) for v in m.ravel()))
    print("\n".join(out))


if __name__ == "__main__":
    main()
