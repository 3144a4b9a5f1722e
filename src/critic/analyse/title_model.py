"""The shipped title model: P(this candidate is the film under review), from its features.

A logistic regression over the sparse features of `title_features.py`, trained by
training/train_title_model.py on critics' and IMDb users' reviews whose film is known, shipped as
resources/title-model.json (see linear_model.py for the format). Its output "film" is the
probability; its thresholds ("film_caps" for critics who write titles in CAPS, "film_quotes"
for those who quote them, "film_plain" for the rest; the same ending in "_users" for user
reviews, DocumentMeta.writer) are the probabilities below which a review is left without a
film. A second output, "rank", learned from pairs of candidates of
one review, has no probability of its own: mixed with "film" in the share the trainer chose
for each writing style ("rank_mix"), it picks the candidate (films.identify_film_from), and
"film" says how sure that pick is.
"""

from __future__ import annotations

from functools import lru_cache

from critic.analyse.linear_model import LinearModel, load_shipped

MODEL_FILE = "title-model.json"
# how models without a "rank_mix" picked: the probability for CAPS writers (the ranking
# let a film named three times as another one beat the one reviewed), else the ranking
_OLD_MIX = {"caps": 1.0}


@lru_cache(maxsize=1)
def shipped_title_model() -> LinearModel | None:
    """The bundled model, or None when the resource is missing (hand scores only then)."""
    return load_shipped(MODEL_FILE)


def pick_score(model: LinearModel, scores: dict[str, float], style: str) -> float:
    """What ranks one candidate against the others of its review: the probability output's
    score (log-odds) and the ranking output's, mixed in the style's share."""
    if "rank" not in model.weights:
        return scores["film"]
    mix = model.mix.get(style, _OLD_MIX.get(style, 0.0))
    return mix * scores["film"] + (1 - mix) * scores["rank"]
