#!/usr/bin/python3
"""Writes cli/examples/iris.csv from the iris data bundled with scikit-learn (Debian's python3-sklearn).

Fisher's iris (150 flowers, four measurements in cm, the species). Run from anywhere:
    /usr/bin/python3 cli/examples/make_iris.py
"""
import csv
import os

from sklearn.datasets import load_iris

iris = load_iris()
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "iris.csv")
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
    for row, target in zip(iris.data, iris.target):
        w.writerow([repr(float(v)) for v in row] + [iris.target_names[target]])
print("written:", out)
