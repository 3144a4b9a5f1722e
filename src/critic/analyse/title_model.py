"""The shipped title model: P(this candidate is the film under review), from its features.

A logistic regression over the sparse features of `title_features.py`, trained by
training/train_title_model.py on critics' and IMDb users' reviews whose film is known, shipped as
resources/title-model.json (see linear_model.py for the format). Its output "film" is the
probability; its thresholds ("film_caps" for critics who write titles in CAPS, "film_quotes"
for those who quote them, "film_plain" for the rest; the same ending in "_users" for user
reviews, DocumentMeta.writer) are the probabilities below which a review is left without a
film. A second output, "rank", learned from pairs of candidates of
one review, has no probability of its own: for title-case and quoting critics it picks the
candidate (films.identify_film_from), and "film" says how sure that pick is.
"""

from __future__ import annotations

from functools import lru_cache

from critic.analyse.linear_model import LinearModel, load_shipped

MODEL_FILE = "title-model.json"


@lru_cache(maxsize=1)
def shipped_title_model() -> LinearModel | None:
    """The bundled model, or None when the resource is missing (hand scores only then)."""
    return load_shipped(MODEL_FILE)
