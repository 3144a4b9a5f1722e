"""Small shipped linear models, read with the standard library only.

The role model and the title model are logistic regressions over sparse named features,
trained by scripts in training/ and shipped as JSON: the feature names, one weight list
per output (the bias folded into the "bias" feature), the decision thresholds chosen by
cross-validation, and a version. Scoring is a dot product over a dict.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, dict[str, float]]  # output -> feature -> weight
    thresholds: dict[str, float]  # output -> probability needed to act on it
    version: str
    # the title model's "rank_mix": writing style -> the probability output's share in
    # what picks a review's film (title_model.pick_score)
    mix: dict[str, float] = field(default_factory=dict)

    def scores(self, features: dict[str, float]) -> dict[str, float]:
        """output -> raw score (the dot product), for one example's features: what a
        ranking output (no probability of its own) is compared by."""
        return {
            name: sum(w.get(f, 0.0) * v for f, v in features.items())
            for name, w in self.weights.items()
        }

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """output -> probability, for one example's features."""
        return {name: sigmoid(z) for name, z in self.scores(features).items()}


def sigmoid(z: float) -> float:
    """A logistic output's probability from its score."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_from_json(data: dict[str, Any]) -> LinearModel:
    names: list[str] = data["features"]
    weights = {
        output: {f: w for f, w in zip(names, values, strict=True) if w}
        for output, values in data["weights"].items()
    }
    return LinearModel(
        weights, dict(data["thresholds"]), str(data["version"]), dict(data.get("rank_mix", {}))
    )


def load_shipped(file_name: str) -> LinearModel | None:
    """A bundled model from critic.resources, or None when the file is not shipped."""
    ref = resources.files("critic.resources").joinpath(file_name)
    if not ref.is_file():
        return None
    return model_from_json(json.loads(ref.read_text(encoding="utf-8")))
