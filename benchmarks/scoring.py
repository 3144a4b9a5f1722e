"""Scoring benchmark: accuracy, calibration and speed of the review scorer, as one table.

    .venv/bin/python benchmarks/scoring.py            # full run, ~15 min on 2 cores
    .venv/bin/python benchmarks/scoring.py --quick    # subsets, ~4 min

Shipped-model rows score with the package's runtime scorer (critic.analyse.scoring). Rows that
need the model retrained with data held out (unseen critic, polarity folds) call the training
pipeline (training/train_scorer.py) with that restriction. Data: ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "training"))

import train_scorer as ts  # noqa: E402

CRITICS = ("James Berardinelli", "Steve Rhodes")
TARGETS = {
    "imdb": ">= 94%", "spearman": ">= 0.80", "binary": ">= 88%", "mae": "-",
    "polarity": "-", "rt": ">= 87%", "tomato": "<= 7", "verdict": ">= 92%",
    "critic_speed": ">= 20/s", "snippet_speed": ">= 300/s", "memory": "-",
}  # fmt: skip


def _shipped_scores(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    from critic.analyse.scoring import load_default_scorer

    scores = load_default_scorer().score(list(texts))
    return np.array([s.score for s in scores]), np.array([s.fresh for s in scores])


def imdb_row(examples: list[ts.Example], quick: bool) -> list[tuple[str, str, str]]:
    test = [d for d in examples if d.corpus == "imdb-test"]
    if quick:
        test = random.Random(ts.SEED).sample(test, 2000)
    _, fresh = _shipped_scores([d.text for d in test])
    accuracy = (fresh == np.array([d.label == 1 for d in test])).mean()
    return [(f"IMDb test accuracy ({len(test):,} reviews)", f"{accuracy:.1%}", TARGETS["imdb"])]


def unseen_critic_rows(
    matrix: ts.SentenceMatrix, examples: list[ts.Example]
) -> list[tuple[str, str, str]]:
    """Retrain with one dev critic only (and none of the other's RT snippets); test on the other."""
    rows = []
    shipped = ts.shipped_training_set(examples)
    for train_critic, test_critic in (CRITICS, CRITICS[::-1]):
        train = [
            d for d in shipped
            if d.critic != test_critic and (d.corpus != "critics" or d.critic == train_critic)
        ]  # fmt: skip
        test = [d for d in examples if d.corpus == "critics" and d.critic == test_critic]
        model, columns = ts.train_calibrated(matrix, train, ts.Config())
        score, fresh, _ = ts.predict(matrix, test, model, columns)
        rating = np.array([d.rating for d in test])
        known = np.array([d.label is not None for d in test])
        label = np.array([d.label == 1 for d in test])
        name = f"{test_critic} (trained on {train_critic.split()[-1]})"
        rows += [
            (f"{name}: Spearman", f"{spearmanr(score, rating)[0]:.3f}", TARGETS["spearman"]),
            (f"{name}: binary accuracy ({known.sum()} of {len(test)})",
             f"{(fresh[known] == label[known]).mean():.1%}", TARGETS["binary"]),
            (f"{name}: MAE (points)", f"{np.abs(score - rating).mean():.1f}", TARGETS["mae"]),
        ]  # fmt: skip
    return rows


def polarity_row(
    matrix: ts.SentenceMatrix, examples: list[ts.Example], folds: Sequence[int]
) -> list[tuple[str, str, str]]:
    """Train the fresh model with 9 polarity folds added, test on the 10th (logit >= 0).

    The dev critics are left out of these runs: polarity v2.0 comes from the same newsgroup
    and shares reviews with them, which would leak test texts into training.
    """
    shipped = [d for d in ts.shipped_training_set(examples) if d.corpus != "critics"]
    polarity = [d for d in examples if d.corpus == "polarity"]
    config = ts.Config()
    config = replace(config, corpus_weight={**config.corpus_weight, "polarity": 4.0})
    correct = total = 0
    for fold in folds:
        test = [d for d in polarity if d.group == str(fold)]
        model, columns = ts.fit(matrix, shipped + [d for d in polarity if d.group != str(fold)],
                                config)  # fmt: skip
        logit, _ = ts.raw_outputs(matrix, test, model, columns)
        correct += int(((logit >= 0) == np.array([d.label == 1 for d in test])).sum())
        total += len(test)
    name = f"Polarity v2.0 accuracy ({len(folds)}-fold CV, {total} reviews)"
    return [(name, f"{correct / total:.1%}", TARGETS["polarity"])]


def rt_rows(examples: list[ts.Example]) -> list[tuple[str, str, str]]:
    held = ts.rt_holdout_films(int(d.group) for d in examples if d.corpus == "rt")
    test = [d for d in examples if d.corpus == "rt" and int(d.group) in held]
    _, fresh = _shipped_scores([d.text for d in test])
    label = np.array([d.label == 1 for d in test])
    by_film: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(test):
        by_film[d.group].append(i)
    films = [ix for ix in by_film.values() if len(ix) >= 10]
    true_meter = np.array([label[ix].mean() * 100 for ix in films])
    model_meter = np.array([fresh[ix].mean() * 100 for ix in films])
    same = ((true_meter >= 60) == (model_meter >= 60)).mean()
    return [
        (f"RT snippets accuracy ({len(test):,} of {len(held)} held-out films)",
         f"{(fresh == label).mean():.1%}", TARGETS["rt"]),
        (f"Tomatometer MAE ({len(films)} films with >= 10 reviews)",
         f"{np.abs(true_meter - model_meter).mean():.1f}", TARGETS["tomato"]),
        ("Tomatometer verdict agreement (>= 60% fresh)", f"{same:.1%}", TARGETS["verdict"]),
    ]  # fmt: skip


_SPEED_CHILD = r"""
import json, sys, time
from critic.analyse.scoring import load_default_scorer
with open(sys.argv[1], encoding="utf-8") as handle:
    texts = json.load(handle)
scorer = load_default_scorer()
scorer.score(texts[:5])  # start-up excluded
started = time.perf_counter()
scorer.score(texts)
elapsed = time.perf_counter() - started
# VmHWM, not getrusage's maxrss: Linux carries maxrss over from the forking parent
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"rate": len(texts) / elapsed, "maxrss_mb": peak / 1024}))
"""


def _speed(texts: list[str], processes: int) -> tuple[float, float]:
    """Reviews per second over `processes` scorer processes, and the largest one's peak RSS.

    Each process is a fresh interpreter, so its peak memory is the scorer's, not this
    benchmark's (which holds the training matrices).
    """
    with tempfile.TemporaryDirectory() as scratch:
        children = []
        for i in range(processes):
            path = Path(scratch) / f"share-{i}.json"
            path.write_text(json.dumps(texts[i::processes]), encoding="utf-8")
            children.append(
                subprocess.Popen(
                    [sys.executable, "-c", _SPEED_CHILD, str(path)],
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
        results = [json.loads(child.communicate()[0]) for child in children]
    return sum(r["rate"] for r in results), max(r["maxrss_mb"] for r in results)


def speed_rows(examples: list[ts.Example], quick: bool) -> list[tuple[str, str, str]]:
    critics = [d.text for d in examples if d.corpus == "critics"]
    snippets = [d.text for d in examples if d.corpus == "rt"]
    if quick:
        critics, snippets = critics[:400], snippets[:3000]
    else:
        snippets = snippets[:10000]
    rows = []
    memory = 0.0
    for processes in (1, 2):
        rate, rss = _speed(critics, processes)
        memory = max(memory, rss)
        rows.append((f"Throughput, critic-length reviews ({processes} proc.)", f"{rate:.0f}/s",
                     TARGETS["critic_speed"]))  # fmt: skip
        rate, rss = _speed(snippets, processes)
        memory = max(memory, rss)
        rows.append((f"Throughput, snippets ({processes} proc.)", f"{rate:.0f}/s",
                     TARGETS["snippet_speed"]))  # fmt: skip
    rows.append(("Peak memory of one scorer process (VmHWM)", f"{memory:.0f} MB",
                 TARGETS["memory"]))  # fmt: skip
    return rows


def _need(matrix: ts.SentenceMatrix | None) -> ts.SentenceMatrix:
    assert matrix is not None
    return matrix


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Review scorer benchmark (prints Markdown).")
    parser.add_argument("--quick", action="store_true", help="subsets: a few minutes")
    parser.add_argument(
        "--parts",
        default="speed,rt,imdb,critics,polarity",
        help="comma-separated subset of the rows to measure",
    )
    args = parser.parse_args(argv)
    if not ts.SHARED.exists():
        sys.exit(f"no data at {ts.SHARED}")
    started = time.time()
    examples = ts.load_examples()
    wanted = args.parts.split(",")
    # the sentence matrix (~1 min to load) only serves the rows that retrain
    needs_matrix = bool({"critics", "polarity"} & set(wanted))
    matrix = ts.build_sentence_matrix(examples) if needs_matrix else None
    rows: list[tuple[str, str, str]] = []
    parts = {
        "speed": lambda: speed_rows(examples, args.quick),
        "rt": lambda: rt_rows(examples),
        "imdb": lambda: imdb_row(examples, args.quick),
        "critics": lambda: unseen_critic_rows(_need(matrix), examples),
        "polarity": lambda: polarity_row(
            _need(matrix), examples, [0, 1] if args.quick else list(range(10))
        ),
    }
    for name in wanted:
        new = parts[name]()
        for row in new:  # as they come, on stderr, so a late failure loses nothing
            print(" | ".join(row), file=sys.stderr, flush=True)
        rows += new
    from critic.analyse.scoring import SCORER_ID, SCORER_VERSION

    print(f"\n### Scoring benchmark: {SCORER_ID} {SCORER_VERSION}"
          f"{' (--quick)' if args.quick else ''}\n")  # fmt: skip
    print("| measure | value | target |")
    print("| --- | ---: | ---: |")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    print(f"\n(benchmark ran {time.time() - started:.0f}s)")


if __name__ == "__main__":
    main()
