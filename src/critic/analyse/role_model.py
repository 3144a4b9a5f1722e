"""The shipped role model: P(director) and P(lead actor) for a person, from context features.

Two logistic regressions over the sparse features of `role_features.py`, trained by
training/train_role_model.py on credit headers of the development reviews and shipped as
resources/role-model.json (feature names, one weight per feature and job, the bias, and
the decision thresholds chosen by cross-validation). It is read with the standard
library only: a dot product over a dict.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

MODEL_FILE = "role-model.json"
JOBS = ("director", "actor")


@dataclass(frozen=True)
class RoleModel:
    weights: dict[str, dict[str, float]]  # job -> feature -> weight
    thresholds: dict[str, float]  # job -> probability needed to credit the job
    version: str

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """job -> probability that this person holds it in the film under review."""
        out = {}
        for job, w in self.weights.items():
            z = sum(w.get(f, 0.0) * v for f, v in features.items())
            out[job] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out


def model_from_json(data: dict[str, Any]) -> RoleModel:
    names: list[str] = data["features"]
    weights = {
        job: {f: w for f, w in zip(names, data["weights"][job], strict=True) if w} for job in JOBS
    }
    return RoleModel(weights, dict(data["thresholds"]), str(data["version"]))


@lru_cache(maxsize=1)
def shipped_role_model() -> RoleModel | None:
    """The bundled model, or None when the resource is missing (rules only then)."""
    ref = resources.files("critic.resources").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    return model_from_json(json.loads(ref.read_text(encoding="utf-8")))
