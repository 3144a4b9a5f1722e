"""Train the shipped CPU review scorer (critic.linear-ngram) from ../shared/data.

    .venv/bin/python training/train_scorer.py            # writes src/critic/resources/scorer-*

Steps (all seeded, deterministic):
1. load every corpus as `Example`s, split into sentences exactly as the runtime does, and
   cache one sentence x n-gram count matrix over all of them (.train/, reused between runs);
2. `fit(examples, config)` picks the vocabulary from the training rows only, trains a
   sentence subjectivity model, builds subjectivity- and position-weighted document vectors,
   and fits a logistic fresh/rotten model and a ridge rating model on them;
3. calibration maps are fit on out-of-fold predictions for full-length critic reviews;
4. the weights go to the package as float16 arrays plus a gzip vocabulary.

The benchmark (benchmarks/scoring.py) imports this module and calls `fit` with rows held out.
scikit-learn and scipy are used here only; the runtime scorer needs numpy alone.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression, Ridge

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from critic.analyse.scoring_features import NGRAM_MAX, ngrams, strip_markup, tokenize  # noqa: E402
from critic.analyse.sentences import split_sentences  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
CACHE = REPO / ".train"
RESOURCES = REPO / "src" / "critic" / "resources"
SEED = 13
RT_HOLDOUT_SHARE = 0.15


@dataclass
class Example:
    """One training or test text. `label` 1 fresh / 0 rotten / None; `rating` 0-100 or None."""

    corpus: str  # imdb-train, imdb-test, critics, polarity, rt, sst2, rt-polarity, subjectivity
    text: str
    label: int | None
    rating: float | None = None
    group: str = ""  # film id (rt), critic name (critics), fold (polarity)
    critic: str = ""
    index: int = -1  # row in the cached sentence matrix


# --------------------------------------------------------------------------- corpora


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")
# B = 75 on the critic's scale, one third of a letter step apart (Metacritic's convention)
_LETTERS = {
    "A+": 100.0, "A": 100.0, "A-": 91.0, "B+": 83.0, "B": 75.0, "B-": 67.0, "C+": 58.0,
    "C": 50.0, "C-": 42.0, "D+": 33.0, "D": 25.0, "D-": 17.0, "F+": 8.0, "F": 0.0, "F-": 0.0,
}  # fmt: skip


def parse_rt_grade(grade: str | None) -> float | None:
    """'3/4' -> 75, 'B+' -> 83; bare numbers ('7') have no scale and give None."""
    if not grade:
        return None
    grade = grade.strip().upper()
    if grade in _LETTERS:
        return _LETTERS[grade]
    match = _FRACTION.match(grade)
    if match:
        value, scale = float(match.group(1)), float(match.group(2))
        if scale in (4, 5, 10, 100) and 0 <= value <= scale:
            return 100.0 * value / scale
    return None


def rt_holdout_films(films: Iterable[int]) -> set[int]:
    """The seeded ~15% of RT films whose snippets are never trained on."""
    ordered = sorted(set(films))
    random.Random(SEED).shuffle(ordered)
    return set(ordered[: round(len(ordered) * RT_HOLDOUT_SHARE)])


def load_examples(shared: Path = SHARED) -> list[Example]:
    """Every corpus the scorer trains or is measured on, in a fixed order."""
    out: list[Example] = []
    for split in ("train", "test"):
        for row in _jsonl(shared / "imdb" / f"{split}.jsonl.gz"):
            rating = float(row["rating"])
            out.append(Example(f"imdb-{split}", strip_markup(row["text"]),
                               int(row["label"] == "pos"), (rating - 1) / 9 * 100))  # fmt: skip
    for row in _jsonl(shared / "critics" / "dev.jsonl.gz"):
        rating = float(row["rating"])
        label = 1 if rating >= 0.6 else 0 if rating <= 0.4 else None
        out.append(Example("critics", row["text"], label, rating * 100, critic=row["critic"]))
    for row in _jsonl(shared / "critics" / "polarity.jsonl.gz"):
        out.append(Example("polarity", row["text"], int(row["label"] == "pos"),
                           group=str(row["fold"])))  # fmt: skip
    for row in _jsonl(shared / "rt" / "reviews.jsonl.gz"):
        out.append(Example("rt", row["text"], int(bool(row["fresh"])), parse_rt_grade(row["grade"]),
                           group=str(row["film_id"]), critic=row["critic"] or ""))  # fmt: skip
    for row in _jsonl(shared / "sentences" / "sst2_train.jsonl.gz"):
        out.append(Example("sst2", row["text"], int(row["label"] == "pos")))
    for row in _jsonl(shared / "sentences" / "rt_polarity_subjectivity.jsonl.gz"):
        if row["source"] == "rt_polarity":
            out.append(Example("rt-polarity", row["text"], int(row["label"] == "pos")))
        else:
            out.append(Example("subjectivity", row["text"], int(row["label"] == "subjective")))
    for i, example in enumerate(out):
        example.index = i
    return out


# --------------------------------------------------------------------------- sentence cache

# sentence-level sets are one sentence (or phrase) a row; splitting them would only differ
# from how they were labelled
_ONE_SENTENCE = {"sst2", "rt-polarity", "subjectivity"}


def _split(args: tuple[str, str]) -> list[tuple[str, float]]:
    """Sentences of one text with their relative position (0 first .. 1 last)."""
    corpus, text = args
    if corpus in _ONE_SENTENCE:
        return [(text, 1.0)]
    spans = split_sentences(text)
    if not spans:
        return [(text, 1.0)]
    last = max(len(spans) - 1, 1)
    return [(text[s.start : s.end], i / last) for i, s in enumerate(spans)]


@dataclass
class SentenceMatrix:
    """All sentences of all examples as n-gram counts over a pool of every n-gram seen."""

    counts: sp.csr_matrix  # sentences x pool terms
    doc_start: np.ndarray  # example i owns rows doc_start[i]:doc_start[i+1]
    position: np.ndarray  # per sentence, 0 first .. 1 last of its text
    terms: list[str]


def build_sentence_matrix(examples: Sequence[Example], workers: int = 2) -> SentenceMatrix:
    digest = hashlib.sha256()
    for ex in examples:
        digest.update(ex.text.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()[:16]
    path = CACHE / f"sentences-{key}-n{NGRAM_MAX}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            cached: SentenceMatrix = pickle.load(handle)
        return cached
    started = time.time()
    with Pool(workers) as pool:
        split = pool.map(_split, [(ex.corpus, ex.text) for ex in examples], chunksize=256)
    print(f"split sentences: {time.time() - started:.0f}s", file=sys.stderr)
    pool_index: dict[str, int] = {}
    indptr, indices, values, positions, doc_start = [0], [], [], [], [0]
    for sentences in split:
        for sentence, position in sentences:
            counts = Counter(ngrams(tokenize(sentence)))
            for gram, n in counts.items():
                indices.append(pool_index.setdefault(gram, len(pool_index)))
                values.append(n)
            indptr.append(len(indices))
            positions.append(position)
        doc_start.append(len(indptr) - 1)
    matrix = sp.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
        shape=(len(indptr) - 1, len(pool_index)),
    )
    terms = [""] * len(pool_index)
    for gram, i in pool_index.items():
        terms[i] = gram
    result = SentenceMatrix(matrix, np.asarray(doc_start), np.asarray(positions, np.float32), terms)
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"sentence matrix {matrix.shape}: {time.time() - started:.0f}s", file=sys.stderr)
    return result


# --------------------------------------------------------------------------- model


@dataclass
class Config:
    """Everything that shapes a trained scorer; the defaults are what ships."""

    max_features: int = 200_000
    min_df: int = 3
    subjectivity_weight: float = 3.0  # sentence weight = 1 + this * P(subjective) ...
    closing_weight: float = 1.0  # ... + this for the closing sentences (verdicts come last)
    closing_from: float = 0.8  # relative position where "closing" starts
    c_fresh: float = 2.0
    alpha_rating: float = 1.0
    # total sample weight per corpus, as a share of its row count
    corpus_weight: dict[str, float] = field(
        default_factory=lambda: {
            "imdb-train": 1.0, "critics": 8.0, "rt": 1.0, "sst2": 0.5, "rt-polarity": 1.0,
        }
    )  # fmt: skip
    calibration_folds: int = 2


@dataclass
class Model:
    """A trained scorer: what the runtime needs, as plain arrays."""

    terms: list[str]
    idf: np.ndarray
    subjectivity: np.ndarray  # weights; the last entry is the bias
    fresh: np.ndarray
    rating: np.ndarray
    config: Config
    # calibration, filled by `calibrate`
    score_x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    score_y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    combine: np.ndarray = field(default_factory=lambda: np.array([0.0, 1.0, 0.0]))  # P, R, 1
    platt: np.ndarray = field(default_factory=lambda: np.array([1.0, 0.0]))
    threshold: float = 0.5


def _doc_sentence_rows(matrix: SentenceMatrix, docs: Sequence[Example]) -> tuple[np.ndarray, ...]:
    """Sentence rows of `docs` and, for each, which doc (0..len(docs)-1) it belongs to."""
    starts = matrix.doc_start[[d.index for d in docs]]
    ends = matrix.doc_start[[d.index + 1 for d in docs]]
    lengths = ends - starts
    owner = np.repeat(np.arange(len(docs)), lengths)
    rows = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends, strict=True)])
    return rows, owner


def _normalize_rows(x: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


def _sentence_vectors(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    x = counts.copy()
    x.data = np.log1p(x.data)
    return _normalize_rows(sp.csr_matrix(x @ sp.diags(idf)))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def doc_vectors(
    matrix: SentenceMatrix, docs: Sequence[Example], model: Model, columns: np.ndarray
) -> sp.csr_matrix:
    """Document vectors exactly as the runtime builds them (see critic.analyse.scoring)."""
    rows, owner = _doc_sentence_rows(matrix, docs)
    counts = sp.csr_matrix(matrix.counts[rows][:, columns])
    subj = _sigmoid(_sentence_vectors(counts, model.idf) @ model.subjectivity[:-1]
                    + model.subjectivity[-1])  # fmt: skip
    cfg = model.config
    weight = 1.0 + cfg.subjectivity_weight * subj
    weight = weight + cfg.closing_weight * (matrix.position[rows] >= cfg.closing_from)
    combine = sp.csr_matrix((weight, (owner, np.arange(len(rows)))), shape=(len(docs), len(rows)))
    summed = sp.csr_matrix(combine @ counts)
    summed.data = np.log1p(summed.data)
    return _normalize_rows(sp.csr_matrix(summed @ sp.diags(model.idf)))


def _weights(docs: Sequence[Example], config: Config) -> np.ndarray:
    return np.array([config.corpus_weight.get(d.corpus, 0.0) for d in docs])


def fit(matrix: SentenceMatrix, train: Sequence[Example], config: Config) -> tuple[Model, Any]:
    """Train a scorer on `train` only (vocabulary, idf, all three models). No calibration."""
    started = time.time()
    rows, owner = _doc_sentence_rows(matrix, train)
    present = sp.csr_matrix(
        (np.ones(len(rows)), (owner, np.arange(len(rows)))), shape=(len(train), len(rows))
    ) @ (matrix.counts[rows] > 0)
    df = np.asarray((present > 0).sum(axis=0)).ravel()
    candidates = np.flatnonzero(df >= config.min_df)
    # most frequent first; ties broken by pool order, which is deterministic
    order = candidates[np.argsort(-df[candidates], kind="stable")]
    columns = np.sort(order[: config.max_features])
    idf = np.log((1 + len(train)) / (1 + df[columns])) + 1.0
    terms = [matrix.terms[i] for i in columns]
    model = Model(terms, idf, np.zeros(len(columns) + 1), np.zeros(len(columns) + 1),
                  np.zeros(len(columns) + 1), config)  # fmt: skip

    subj_docs = [d for d in train if d.corpus == "subjectivity"]
    s_rows, _ = _doc_sentence_rows(matrix, subj_docs)
    xs = _sentence_vectors(sp.csr_matrix(matrix.counts[s_rows][:, columns]), idf)
    clf = LogisticRegression(C=4.0, max_iter=2000, random_state=SEED)
    clf.fit(xs, [d.label for d in subj_docs])
    model.subjectivity = np.append(clf.coef_.ravel(), clf.intercept_[0])

    labelled = [d for d in train if d.label is not None and d.corpus in config.corpus_weight]
    x = doc_vectors(matrix, labelled, model, columns)
    clf = LogisticRegression(C=config.c_fresh, max_iter=3000, solver="liblinear", random_state=SEED)
    clf.fit(x, [d.label for d in labelled], sample_weight=_weights(labelled, config))
    model.fresh = np.append(clf.coef_.ravel(), clf.intercept_[0])

    rated = [d for d in train if d.rating is not None and d.corpus in config.corpus_weight]
    x = doc_vectors(matrix, rated, model, columns)
    reg = Ridge(alpha=config.alpha_rating, solver="sparse_cg")
    reg.fit(x, [d.rating for d in rated], sample_weight=_weights(rated, config))
    model.rating = np.append(reg.coef_.ravel(), reg.intercept_)
    print(f"fit {len(train)} rows, {len(columns)} features: {time.time() - started:.0f}s",
          file=sys.stderr)  # fmt: skip
    return model, columns


def raw_outputs(
    matrix: SentenceMatrix, docs: Sequence[Example], model: Model, columns: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Fresh logit and raw rating for `docs` (before calibration)."""
    x = doc_vectors(matrix, docs, model, columns)
    return x @ model.fresh[:-1] + model.fresh[-1], x @ model.rating[:-1] + model.rating[-1]


def calibrate(model: Model, fresh_logit: np.ndarray, raw_rating: np.ndarray,
              rating: np.ndarray, label: np.ndarray) -> None:  # fmt: skip
    """Fit the maps from raw outputs to the critic's scale, on held-out predictions.

    One latent z = a*logit + b*raw_rating + c (least squares on the ratings) drives both the
    score (isotonic z -> rating) and the verdict (z >= threshold), so a review's score and
    fresh/rotten never contradict each other more than the threshold's rounding. The
    threshold makes the share called fresh equal the share that is; confidence is a Platt
    fit of the verdict on z.
    """
    design = np.column_stack([fresh_logit, raw_rating, np.ones_like(raw_rating)])
    model.combine = np.linalg.lstsq(design, rating, rcond=None)[0]
    z = design @ model.combine
    iso = IsotonicRegression(y_min=0.0, y_max=100.0, out_of_bounds="clip").fit(z, rating)
    model.score_x, model.score_y = iso.X_thresholds_, iso.y_thresholds_
    known = ~np.isnan(label)
    model.threshold = float(np.quantile(z[known], 1.0 - label[known].mean()))
    platt = LogisticRegression(C=100.0).fit((z[known] - model.threshold)[:, None], label[known])
    model.platt = np.array([platt.coef_[0, 0], platt.intercept_[0]])


def train_calibrated(matrix: SentenceMatrix, train: Sequence[Example],
                     config: Config) -> tuple[Model, np.ndarray]:  # fmt: skip
    """`fit` on all of `train`, calibrated on out-of-fold predictions for its critic reviews."""
    critics = [d for d in train if d.corpus == "critics"]
    rest = [d for d in train if d.corpus != "critics"]
    order = list(range(len(critics)))
    random.Random(SEED).shuffle(order)
    fold_of = {critics[i].index: k % config.calibration_folds for k, i in enumerate(order)}
    logit = np.zeros(len(critics))
    raw = np.zeros(len(critics))
    for fold in range(config.calibration_folds):
        held = [i for i, d in enumerate(critics) if fold_of[d.index] == fold]
        kept = [d for d in critics if fold_of[d.index] != fold]
        model, columns = fit(matrix, rest + kept, config)
        logit[held], raw[held] = raw_outputs(matrix, [critics[i] for i in held], model, columns)
    model, columns = fit(matrix, train, config)
    labels = np.array([np.nan if d.label is None else d.label for d in critics], dtype=float)
    calibrate(model, logit, raw, np.array([d.rating for d in critics]), labels)
    return model, columns


def predict(matrix: SentenceMatrix, docs: Sequence[Example], model: Model,
            columns: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """Calibrated (score 0-100, fresh, P(fresh)) for `docs`, as the runtime computes them."""
    logit, raw = raw_outputs(matrix, docs, model, columns)
    z = np.column_stack([logit, raw, np.ones_like(raw)]) @ model.combine
    score = np.interp(z, model.score_x, model.score_y)
    p = _sigmoid(model.platt[0] * (z - model.threshold) + model.platt[1])
    return score, z >= model.threshold, p


def save(model: Model, directory: Path = RESOURCES) -> list[Path]:
    """Write the weights (float16, npz) and the vocabulary (gzip text) for the runtime."""
    from critic.analyse.scoring import VOCABULARY_FILE, WEIGHTS_FILE

    cfg = model.config
    weights = directory / WEIGHTS_FILE
    with weights.open("wb") as handle:
        np.savez_compressed(
            handle,
            idf=model.idf.astype(np.float16),
            subjectivity=model.subjectivity.astype(np.float16),
            fresh=model.fresh.astype(np.float16),
            rating=model.rating.astype(np.float16),
            sentence_weights=np.array(
                [cfg.subjectivity_weight, cfg.closing_weight, cfg.closing_from]
            ),
            combine=model.combine,
            score_x=model.score_x,
            score_y=model.score_y,
            threshold=np.array([model.threshold]),
            platt=model.platt,
        )
    vocabulary = directory / VOCABULARY_FILE
    # mtime=0 keeps the file byte-identical between identical runs
    vocabulary.write_bytes(gzip.compress("\n".join(model.terms).encode("utf-8"), mtime=0))
    return [weights, vocabulary]


def shipped_training_set(examples: Sequence[Example]) -> list[Example]:
    """What the shipped model learns from: everything but test sets and held-out RT films."""
    held = rt_holdout_films(int(d.group) for d in examples if d.corpus == "rt")
    return [
        d for d in examples
        if d.corpus in ("imdb-train", "critics", "sst2", "rt-polarity", "subjectivity")
        or (d.corpus == "rt" and int(d.group) not in held)
    ]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="where the weights go")
    args = parser.parse_args(argv)
    started = time.time()
    examples = load_examples(args.shared)
    matrix = build_sentence_matrix(examples)
    model, _ = train_calibrated(matrix, shipped_training_set(examples), Config())
    for path in save(model, args.out):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"trained in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
