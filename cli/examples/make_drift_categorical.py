#!/usr/bin/python3
"""Writes cli/examples/drift_categorical_reference.csv and drift_categorical_current.csv, the drift command's
categorical example (README).

400 reference and 400 current rows of made-up sign-up data, numpy's seeded generator: 'plan' (text) shifts from
free towards pro in the current window, 'device' (text) does not, 'country' (text) gains a category the reference
never saw ('BR') and has a few empty cells, 'support_tickets' (integers 0..4) is categorical under Evidently's rule
(integers with at most 10 distinct values) and numeric under NannyML's, 'session_min' (decimals) is numeric.
Run from anywhere:
    /usr/bin/python3 cli/examples/make_drift_categorical.py
"""
import csv
import os

import numpy as np

rng = np.random.default_rng(20261217)
here = os.path.dirname(os.path.abspath(__file__))


def write(name, n, plan_p, countries, country_p, tickets_lam, session_mu):
    plan = rng.choice(["free", "pro", "team"], n, p=plan_p)
    device = rng.choice(["android", "ios", "web"], n, p=[0.45, 0.35, 0.2])
    country = rng.choice(countries, n, p=country_p).astype(object)
    country[rng.random(n) < 0.02] = ""  # an empty cell: missing, dropped by both tools
    tickets = np.minimum(rng.poisson(tickets_lam, n), 4)
    session = np.round(rng.gamma(2.0, session_mu / 2.0, n), 1)
    with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["plan", "device", "country", "support_tickets", "session_min"])
        for row in zip(plan, device, country, tickets, session):
            w.writerow([row[0], row[1], row[2], int(row[3]), repr(float(row[4]))])
    print("written:", os.path.join(here, name))


write("drift_categorical_reference.csv", 400, [0.6, 0.3, 0.1], ["DE", "FR", "US"], [0.3, 0.2, 0.5], 0.8, 12.0)
write("drift_categorical_current.csv", 400, [0.45, 0.42, 0.13], ["DE", "FR", "US", "BR"], [0.28, 0.2, 0.42, 0.1],
      0.9, 12.5)
