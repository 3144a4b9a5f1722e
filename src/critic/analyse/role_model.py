"""The shipped role model: P(director) and P(lead actor) for a person, from context features.

Two logistic regressions over the sparse features of `role_features.py`, trained by
training/train_role_model.py on credit headers of the development reviews and shipped as
resources/role-model.json (see linear_model.py for the format).
"""

from __future__ import annotations

from functools import lru_cache

from critic.analyse.linear_model import LinearModel, load_shipped, model_from_json

MODEL_FILE = "role-model.json"
RoleModel = LinearModel

__all__ = ["MODEL_FILE", "RoleModel", "model_from_json", "shipped_role_model"]


@lru_cache(maxsize=1)
def shipped_role_model() -> RoleModel | None:
    """The bundled model, or None when the resource is missing (rules only then)."""
    return load_shipped(MODEL_FILE)
