#!/usr/bin/python3
"""Writes cli/examples/drift_reference.csv and drift_current.csv, the drift command's example (README).

300 reference and 300 current rows of made-up monitoring data, numpy's seeded generator, values rounded to
2 decimals: 'latency_ms' (log-normal) shifts upwards in the current window, 'temperature' (normal) does not,
'items' (an integer count with many values) shifts a little, 'region' is text (a categorical column). Run from anywhere:
    /usr/bin/python3 cli/examples/make_drift.py
"""
import csv
import os

import numpy as np

rng = np.random.default_rng(20261206)
here = os.path.dirname(os.path.abspath(__file__))
regions = ["north", "south", "east", "west"]


def write(name, n, latency_mu, items_lam):
    latency = np.round(rng.lognormal(latency_mu, 0.4, n), 2)
    temperature = np.round(rng.normal(21.0, 2.5, n), 2)
    items = rng.poisson(items_lam, n)
    region = rng.choice(regions, n)
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["latency_ms", "temperature", "items", "region"])
        for row in zip(latency, temperature, items, region):
            w.writerow([repr(float(row[0])), repr(float(row[1])), int(row[2]), row[3]])
    print("written:", os.path.join(here, name))


write("drift_reference.csv", 300, 3.0, 30)
write("drift_current.csv", 300, 3.3, 32)
