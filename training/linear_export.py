"""Weights of a fitted scikit-learn logistic regression in the shipped model format.

critic.analyse.linear_model reads one weight per named feature with the intercept folded
into the "bias" feature (every example carries bias = 1.0), rounded to keep the JSON small.
"""

from __future__ import annotations

from typing import Any


def shipped_weights(clf: Any, names: list[str]) -> list[float]:
    """One weight per name in `names`, the intercept added to the "bias" feature's weight."""
    weights = [round(float(w), 4) for w in clf.coef_[0]]
    bias = names.index("bias")
    weights[bias] = round(weights[bias] + float(clf.intercept_[0]), 4)
    return weights
