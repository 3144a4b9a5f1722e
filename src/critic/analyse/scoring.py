"""The review scorer: text -> 0-100 score on the critic's scale, fresh/rotten, evidence.

The shipped scorer (`critic.linear-ngram`) is a linear model over word 1-2 grams, trained by
training/train_scorer.py; docs/scoring.md describes it and its measured accuracy. It runs on
numpy and the standard library only, so scoring needs neither torch nor scikit-learn.

How one review is scored:
1. the text is split into sentences; each sentence's n-grams are counted on their own;
2. a small subjectivity model (opinion vs plot) gives each sentence a weight, and the
   closing sentences, where critics put their verdict, get extra weight;
3. the weighted counts form one tf-idf vector; a logistic fresh model and a ridge rating
   model read it, and a calibrated map turns both into the score and the verdict;
4. the model is linear, so each sentence's share of the result is exact: the sentences that
   weighed most in the verdict's direction are returned as evidence.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

from critic.analyse.scoring_features import sentence_counts
from critic.analyse.sentences import split_sentences
from critic.records import Evidence, Score, Span

SCORER_ID = "critic.linear-ngram"
SCORER_VERSION = "1.0.0"
WEIGHTS_FILE = "scorer-linear-ngram.npz"
VOCABULARY_FILE = "scorer-linear-ngram-vocab.txt.gz"

MAX_EVIDENCE = 4
MIN_EVIDENCE = 2
# a third or fourth sentence is evidence only if it weighed at least this share of the first
EVIDENCE_SHARE = 0.5


class Scorer(Protocol):
    """Anything that scores review texts; the pipeline accepts any implementation."""

    id: str
    version: str

    def score(self, texts: Sequence[str]) -> list[Score]: ...


@dataclass(frozen=True)
class LinearNgramWeights:
    """The shipped model as arrays (see training/train_scorer.py for how each is made)."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    subjectivity: np.ndarray  # per feature, then the bias
    fresh: np.ndarray  # per feature, then the bias
    rating: np.ndarray  # per feature, then the bias
    subjectivity_weight: float
    closing_weight: float
    closing_from: float
    combine: np.ndarray  # latent z = combine . (fresh logit, raw rating, 1)
    score_x: np.ndarray  # isotonic map z -> score, as interpolation knots
    score_y: np.ndarray
    threshold: float  # z >= threshold -> fresh
    platt: np.ndarray  # P(fresh) = sigmoid(platt[0] * (z - threshold) + platt[1])


def load_weights(directory: str | None = None) -> LinearNgramWeights:
    """Read the weights shipped in critic/resources (or in `directory`)."""
    if directory is None:
        root = resources.files("critic") / "resources"
        weights_bytes = (root / WEIGHTS_FILE).read_bytes()
        vocab_bytes = (root / VOCABULARY_FILE).read_bytes()
    else:
        from pathlib import Path

        weights_bytes = (Path(directory) / WEIGHTS_FILE).read_bytes()
        vocab_bytes = (Path(directory) / VOCABULARY_FILE).read_bytes()
    import io

    with np.load(io.BytesIO(weights_bytes)) as arrays:
        a = {name: arrays[name].astype(np.float64) for name in arrays.files}
    terms = gzip.decompress(vocab_bytes).decode("utf-8").split("\n")
    if len(terms) != len(a["idf"]):
        raise ValueError(f"scorer vocabulary has {len(terms)} terms, weights {len(a['idf'])}")
    return LinearNgramWeights(
        vocabulary={term: i for i, term in enumerate(terms)},
        idf=a["idf"],
        subjectivity=a["subjectivity"],
        fresh=a["fresh"],
        rating=a["rating"],
        subjectivity_weight=float(a["sentence_weights"][0]),
        closing_weight=float(a["sentence_weights"][1]),
        closing_from=float(a["sentence_weights"][2]),
        combine=a["combine"],
        score_x=a["score_x"],
        score_y=a["score_y"],
        threshold=float(a["threshold"][0]),
        platt=a["platt"],
    )


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


class LinearNgramScorer:
    """Scores reviews with the shipped linear n-gram model."""

    id = SCORER_ID
    version = SCORER_VERSION

    def __init__(self, weights: LinearNgramWeights) -> None:
        self.w = weights
        # the latent z is linear in the document vector, so one vector reads it directly
        self._z_weights = (
            weights.combine[0] * weights.fresh[:-1] + weights.combine[1] * weights.rating[:-1]
        )
        self._z_bias = float(
            weights.combine[0] * weights.fresh[-1]
            + weights.combine[1] * weights.rating[-1]
            + weights.combine[2]
        )

    def score(self, texts: Sequence[str]) -> list[Score]:
        return [self.score_one(text) for text in texts]

    def score_one(self, text: str) -> Score:
        w = self.w
        spans = split_sentences(text) or [Span(0, len(text))]
        per_sentence = sentence_counts((text[s.start : s.end] for s in spans), w.vocabulary)
        sizes = [len(c) for c in per_sentence]
        if sum(sizes) == 0:
            return self._result(self._z_bias, [], [], text)
        owner = np.repeat(np.arange(len(spans)), sizes)
        index = np.fromiter((i for c in per_sentence for i in c), np.int64, sum(sizes))
        count = np.fromiter((n for c in per_sentence for n in c.values()), np.float64, sum(sizes))

        # sentence weights: opinion over plot, and the closing sentences
        v = np.log1p(count) * w.idf[index]
        norms = np.sqrt(np.bincount(owner, v * v, minlength=len(spans)))
        norms[norms == 0] = 1.0
        dots = np.bincount(owner, v * w.subjectivity[index], minlength=len(spans)) / norms
        subjective = 1.0 / (1.0 + np.exp(-(dots + w.subjectivity[-1])))
        last = max(len(spans) - 1, 1)
        closing = (np.arange(len(spans)) / last) >= w.closing_from
        weight = 1.0 + w.subjectivity_weight * subjective + w.closing_weight * closing

        # one document vector from the weighted counts
        weighted = weight[owner] * count
        features, inverse = np.unique(index, return_inverse=True)
        total = np.bincount(inverse, weighted)
        x = np.log1p(total) * w.idf[features]
        x /= float(np.sqrt(x @ x)) or 1.0
        z = float(x @ self._z_weights[features]) + self._z_bias

        # each sentence's exact share of z: its part of every feature's weighted count
        share = weighted / total[inverse] * (x * self._z_weights[features])[inverse]
        contribution = np.bincount(owner, share, minlength=len(spans))
        return self._result(z, spans, list(contribution * (0.5 + subjective)), text,
                            list(contribution))  # fmt: skip

    def _result(
        self,
        z: float,
        spans: list[Span],
        rank: list[float],
        text: str,
        contribution: list[float] | None = None,
    ) -> Score:
        w = self.w
        score = float(np.clip(np.interp(z, w.score_x, w.score_y), 0.0, 100.0))
        fresh = z >= w.threshold
        p_fresh = _sigmoid(w.platt[0] * (z - w.threshold) + w.platt[1])
        evidence = _evidence(spans, rank, contribution or [], text, fresh)
        return Score(
            score=round(score, 1),
            fresh=fresh,
            confidence=round(p_fresh if fresh else 1.0 - p_fresh, 3),
            source="model",
            scorer_id=self.id,
            scorer_version=self.version,
            model_score=round(score, 1),
            evidence=evidence,
        )


def _evidence(
    spans: list[Span], rank: list[float], contribution: list[float], text: str, fresh: bool
) -> list[Evidence]:
    """The sentences that pushed hardest toward the verdict, opinion favoured over plot.

    `rank` is each sentence's contribution scaled up by how subjective it reads, so a plot
    sentence full of loaded words ("brutal", "monster") yields to the critic's own judgement.
    """
    sign = 1.0 if fresh else -1.0
    order = sorted(range(len(spans)), key=lambda i: -sign * rank[i])
    chosen = [i for i in order if sign * rank[i] > 0][:MAX_EVIDENCE]
    if chosen:
        top = sign * rank[chosen[0]]
        chosen = chosen[:MIN_EVIDENCE] + [
            i for i in chosen[MIN_EVIDENCE:] if sign * rank[i] >= EVIDENCE_SHARE * top
        ]
    return [
        Evidence(
            text=text[spans[i].start : spans[i].end],
            start=spans[i].start,
            end=spans[i].end,
            polarity=round(float(contribution[i]), 2),
        )
        for i in chosen
    ]


@lru_cache(maxsize=1)
def load_default_scorer() -> Scorer:
    """The shipped scorer, loaded once per process (the weights take ~1 s to read)."""
    return LinearNgramScorer(load_weights())
