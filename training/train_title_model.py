"""Train the title model (src/critic/resources/title-model.json) on reviews of known films.

Two populations. Critics: a dev review's true title is known where benchmarks/extraction.py
knows it: Rhodes' closing "TITLE runs 1:58." line, or the one catalog film whose director
and a lead match a Berardinelli credit header. Header and that line are cut off, as the
benchmark does; reviews whose title no longer appears in the prose are dropped. Both critics
write titles in CAPS, so every review is used three times: as written, with each CAPS title
rewritten in title case ("THE BUTCHER BOY" -> "The Butcher Boy"), and in quotation marks
('"The Butcher Boy"'); the copies share a cross-validation group.

Users: the IMDb train reviews (Maas et al. 2011) of the IMDb 5000 catalog's films, all of
them, named in the prose or not: thousands of writers who write titles as they please and
often never name their film, which teaches the model when to abstain. Each is read as
written and "blind" (its film left out of the shipped title gazetteer, which holds every
IMDb 5000 film and few of the films users review); a film's reviews share a group. The IMDb
test split (other films) is what benchmarks/extraction.py --imdb test measures.

Every candidate title films.py finds becomes one example (features from title_features.py,
label "is the true title"). The reviews of the two dev samples the README reports as unseen
(benchmarks/extraction.py's BENCHMARK_SAMPLES) are left out. Regularisation is chosen by
5-fold cross-validation grouped as above; then the users' texts' sample weight (they
outnumber the critics' 2.5 to 1): the one of USER_WEIGHTS giving the best mean of the two
populations' right shares out of fold (of those within a fifth of a point of the best, the
one giving the users' texts the most). The abstain thresholds, one per writing style and
per population (critics: "film_caps", ...; users: "film_caps_users", ...; a review says which
it is by DocumentMeta.writer), each maximise that population's right answers minus wrong ones
(a wrong film merges reviews of two films), taking the lowest threshold within one point of
the best (closer is fold noise, and an unassigned review costs its user work too); the
critics' no lower than CRITICS_MIN_THRESHOLD.

A second output, "rank", is a logistic regression on pairs of one review's candidates (the
true title's features minus another's): it picks the film for critics who write titles in
title case or quotation marks, while "film" says how sure the pick is; its C is chosen by
cross-validated accuracy too.

Usage: python training/train_title_model.py [--out src/critic/resources/title-model.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import (  # noqa: E402
    BENCHMARK_SAMPLES,
    SHARED,
    gazetteers_without,
    load_catalog,
    load_imdb_reviews,
    prepare,
    quoted_copy,
    title_case_copy,
    title_in_prose,
    without_benchmark_samples,
)
from linear_export import shipped_weights  # noqa: E402

from critic.analyse.credits import crew_people, find_candidates  # noqa: E402
from critic.analyse.credits_header import parse_header  # noqa: E402
from critic.analyse.films import (  # noqa: E402
    film_candidate_features,
    film_candidates,
    title_key,
)
from critic.analyse.nlp import entities_many  # noqa: E402
from critic.records import DocumentMeta  # noqa: E402

VERSIONS = ("caps", "plain", "quoted", "imdb", "imdb_blind")
POPULATIONS = {"critics": ("caps", "plain", "quoted"), "users": ("imdb", "imdb_blind")}
MIN_COUNT = 3  # a feature seen in fewer training candidates is dropped
USER_WEIGHTS = (0.1, 0.3, 1.0)  # the users' texts' sample weights tried
# The critics' training reviews all name their film (only those have a truth to learn), so
# out of fold abstaining never pays there and the rule below may choose 0: a text that
# names no film (a capsule, a festival note, a test's three lines) would then be given its
# likeliest phrase, as often a person's name ("Ivo Brandt", "Mr. Zorvath") as anything.
# The lowest step above 0 keeps that out; out of fold it costs critics nothing (0.05 had
# the best right-minus-wrong in every style in 0.16's retrain).
CRITICS_MIN_THRESHOLD = 0.05
# how the outputs picked before the mix was chosen (C's and users' weight are chosen so):
# the probability for CAPS writers, the ranking for the others
FIRST_MIX = {"caps": 1.0, "plain": 0.0, "quotes": 0.0}
MIXES = (0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0)  # the probability output's share tried
MIX_TOLERANCE = 0.005  # half a point of the two populations' summed right shares
# a fifth of a point of the two populations' mean right share: the users' weights 0.1 and 0.3
# tie within it in every retrain since extraction 0.11, and which won flipped with unrelated
# changes; of the tied, the one the users' texts gain most from is taken
WEIGHT_TOLERANCE = 0.002
VERSION = "5"  # 3: a ranking output picks the film; 4: trained on IMDb user reviews too;
# 5: thresholds of their own for critics and for users, users' texts weighted


Scored = tuple[str, list[tuple[str, dict[str, float], float]]]


def _candidates(texts: list[tuple[str, str | None]]) -> list[Scored]:
    """Per (text, film title the gazetteer is to forget or None): how it writes titles (caps /
    quotes / plain, as films.film_candidates tells), and (title key, features, hand score)
    of each candidate."""
    out = []
    docs = [t for t, _ in texts]
    for (text, blind), ents in zip(texts, entities_many(docs), strict=True):
        # this worker's copy of the gazetteer, less the film a "blind" copy must not know
        with gazetteers_without([blind] if blind else [], []):
            header = parse_header(text)
            # the people extract.py passes: names in a crew slot ("X's film") are not titles
            persons = [e.text for e in ents if e.label == "PERSON"]
            crew = crew_people(text, find_candidates(text), persons)
            cands, style = film_candidates(text, DocumentMeta(), ents, header, crew, wide=True)
            feats = film_candidate_features(text, cands, ents, style)
        scored = [(title_key(c.title), f, c.score) for c, f in zip(cands, feats, strict=True)]
        out.append((style, scored))
    return out


def collect(
    items: list[dict[str, Any]], imdb: list[dict[str, Any]], processes: int
) -> list[dict[str, Any]]:
    """One entry per (review, version): the truth key and its candidates.

    A dev review gives three versions (CAPS as written, title case, quoted) and is its own
    cross-validation group. An IMDb user review gives two: as written, and "blind", read
    with its film left out of the title gazetteer (every IMDb film is in it, as most films
    users review are not); its group is its film, so no fold sees another review of it."""
    texts: list[tuple[str, str, str, str | None, str]] = [
        (f"dev:{gid}", version, text, None, title_key(item["truth"]["title"]))
        for gid, item in enumerate(items)
        for version, text in (
            ("caps", item["text"]),
            ("plain", title_case_copy(item["text"])),
            ("quoted", quoted_copy(item["text"])),
        )
    ]
    for item in imdb:
        key = title_key(item["truth"]["title"])
        texts.append((f"imdb:{key}", "imdb", item["text"], None, key))
        texts.append((f"imdb:{key}", "imdb_blind", item["text"], item["truth"]["title"], key))
    chunks = [texts[i : i + 32] for i in range(0, len(texts), 32)]
    with mp.get_context("fork").Pool(processes) as pool:
        results = [
            r
            for chunk in pool.map(_candidates, [[(t, b) for _, _, t, b, _ in c] for c in chunks])
            for r in chunk
        ]
    return [
        {"group": gid, "version": version, "truth": truth, "style": style, "candidates": cands}
        for (gid, version, _, _, truth), (style, cands) in zip(texts, results, strict=True)
    ]


def near_best(scores: dict[float, float], tolerance: float) -> list[float]:
    """The keys whose score is within `tolerance` of the best: a tie, out of fold, that the
    caller breaks by a rule of its own rather than by fold noise."""
    best = max(scores.values())
    return [k for k, v in scores.items() if v >= best - tolerance]


def decide(
    texts: list[dict[str, Any]],
    scores: list[np.ndarray],
    threshold: float,
    ranks: list[np.ndarray] | None = None,
) -> dict[str, float]:
    """Right / wrong / none shares when each text takes its best-ranked candidate (by
    `ranks`, else by `scores`) and abstains where that one's score is below `threshold`."""
    right = wrong = 0
    for i, (text, s) in enumerate(zip(texts, scores, strict=True)):
        if len(s) == 0:
            continue
        pick = int((ranks[i] if ranks is not None else s).argmax())
        if s[pick] < threshold:
            continue
        best = text["candidates"][pick][0]
        right += best == text["truth"]
        wrong += best != text["truth"]
    n = max(1, len(texts))
    return {"right": right / n, "wrong": wrong / n, "none": (n - right - wrong) / n}


def logit(p: np.ndarray) -> np.ndarray:
    """A probability's log-odds: the probability output's raw score."""
    q = np.clip(p, 1e-9, 1 - 1e-9)
    return np.log(q / (1 - q))


def write_misses(
    path: Path, texts: list[dict[str, Any]], probs: list[np.ndarray], ranks: list[np.ndarray]
) -> None:
    """The critics' texts whose out-of-fold pick (at no abstention) is not their film, as JSON
    Lines: group ("dev:N", N the training review's index), version, truth, and the five
    best-ranked candidates with their probability, for diagnosis."""
    with path.open("w", encoding="utf-8") as fh:
        for text, p, r in zip(texts, probs, ranks, strict=True):
            if text["version"] not in POPULATIONS["critics"] or len(p) == 0:
                continue
            order = np.argsort(-r)
            keys = [text["candidates"][i][0] for i in order]
            if keys[0] == text["truth"]:
                continue
            row = {
                "group": text["group"],
                "version": text["version"],
                "style": text["style"],
                "truth": text["truth"],
                "truth_rank": keys.index(text["truth"]) + 1 if text["truth"] in keys else None,
                "top": [[keys[j], round(float(p[i]), 3)] for j, i in enumerate(order[:5])],
            }
            fh.write(json.dumps(row) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src/critic/resources/title-model.json")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument(
        "--dev-seed",
        type=int,
        help="also leave out the development sample of training reviews this seed draws "
        "(benchmarks/extraction.py --dev-seed N then measures it, misses and all)",
    )
    ap.add_argument("--cache", type=Path, help="keep the extracted candidates here (pickle)")
    ap.add_argument(
        "--misses",
        type=Path,
        help="write the critics' texts whose out-of-fold pick is not their film (JSON Lines)",
    )
    args = ap.parse_args()

    with gzip.open(SHARED / "data" / "critics" / "dev.jsonl.gz", "rt") as fh:
        # less the reported samples and, with --dev-seed, the development sample measured
        rows = without_benchmark_samples([json.loads(line) for line in fh], args.dev_seed)
    items = [
        i
        for i in prepare(rows, load_catalog())
        if i["truth"]["title"] and title_in_prose(i["truth"]["title"], i["text"])
    ]
    # IMDb user reviews of the catalog's films, named in the prose or not: many writers,
    # and reviews that never name their film teach the model when to abstain
    imdb = load_imdb_reviews("train")
    named = sum(title_in_prose(i["truth"]["title"], i["text"]) for i in imdb)
    print(
        f"{len(items)} dev reviews with a known title in the prose; {len(imdb)} IMDb train "
        f"reviews ({named} name their film as the catalog writes it)"
    )
    if args.cache and args.cache.exists():
        texts = pickle.loads(args.cache.read_bytes())
    else:
        texts = collect(items, imdb, args.processes)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(texts))
    examples = [
        (t_i, f, key == t["truth"]) for t_i, t in enumerate(texts) for key, f, _ in t["candidates"]
    ]
    for version in VERSIONS:
        subset = [t for t in texts if t["version"] == version]
        found = sum(any(k == t["truth"] for k, _, _ in t["candidates"]) for t in subset)
        print(f"{version}: truth among the candidates in {found}/{len(subset)}")

    counts: dict[str, int] = {}
    for _, f, _ in examples:
        for name in f:
            counts[name] = counts.get(name, 0) + 1
    keep = {name for name, c in counts.items() if c >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in f.items() if k in keep} for _, f, _ in examples])
    y = np.array([label for _, _, label in examples])
    groups = np.array([texts[t_i]["group"] for t_i, _, _ in examples])
    owner = np.array([t_i for t_i, _, _ in examples])
    folds = list(GroupKFold(5).split(X, groups=groups))

    # each text's example rows, found once (a text may have none)
    rows_of = [np.where(owner == t_i)[0] for t_i in range(len(texts))]

    def per_text(p: np.ndarray) -> list[np.ndarray]:
        return [p[rows] for rows in rows_of]

    hand = per_text(np.array([score for t in texts for _, _, score in t["candidates"]]))
    is_user = np.array([texts[t_i]["version"] in POPULATIONS["users"] for t_i in owner])

    def weights_for(user_weight: float) -> np.ndarray:
        return np.where(is_user, user_weight, 1.0)

    def oof_probs(c: float, user_weight: float) -> list[np.ndarray]:
        p = np.zeros(len(y))
        w = weights_for(user_weight)
        for tr, te in folds:
            clf = LogisticRegression(C=c, max_iter=5000).fit(X[tr], y[tr], sample_weight=w[tr])
            p[te] = clf.predict_proba(X[te])[:, 1]
        return per_text(p)

    best: tuple[float, float, list[np.ndarray]] | None = None
    for c in (0.3, 1.0, 3.0, 10.0):
        scores = oof_probs(c, 1.0)
        acc = decide(texts, scores, 0.0)["right"]
        print(f"  C={c}: cross-validated accuracy {100 * acc:.1f}%")
        if best is None or acc > best[0]:
            best = (acc, c, scores)
    assert best is not None
    _, chosen_c, oof = best

    # The ranking model: which candidate beats which, learned from pairs (the true title's
    # features minus another candidate's, no intercept). Picking the best of a review's
    # candidates is what it is for; the probability model above still says how sure the
    # pick is (the abstain thresholds, the confidence). It picks for critics who write
    # titles in title case or quotation marks (many look-alike candidates); for CAPS
    # writers the probability model still picks: there the ranker let a film named three
    # times as another one ("Like NORTH HARBOR, ...") beat the one the review is about.
    def pairs(text_ids: np.ndarray, user_weight: float) -> tuple[Any, np.ndarray, np.ndarray]:
        a, b = [], []
        for t_i in text_ids:
            rows = rows_of[t_i]
            pos = [r for r in rows if y[r]]
            a += [pos[0]] * sum(1 for r in rows if not y[r]) if pos else []
            b += [r for r in rows if not y[r]] if pos else []
        diff = X[a] - X[b]
        w = weights_for(user_weight)[a]
        return (
            sp.vstack([diff, -diff]).tocsr(),
            np.r_[np.ones(len(a)), np.zeros(len(a))],
            np.r_[w, w],
        )

    text_groups = np.array([t["group"] for t in texts])
    text_folds = list(GroupKFold(5).split(np.zeros(len(texts)), groups=text_groups))

    def oof_rankings(c: float, user_weight: float) -> list[np.ndarray]:
        """The ranking output's raw scores, out of fold, per text."""
        r = np.zeros(len(y))
        for tr, te in text_folds:
            d, labels, w = pairs(tr, user_weight)
            ranker = LogisticRegression(C=c, max_iter=5000, fit_intercept=False)
            ranker.fit(d, labels, sample_weight=w)
            rows = np.isin(owner, te)
            r[rows] = ranker.decision_function(X[rows])
        return per_text(r)

    def mixed(
        probs: list[np.ndarray], raw: list[np.ndarray], mix: dict[str, float]
    ) -> list[np.ndarray]:
        """What picks a text's film: per writing style, mix * the probability output's score
        (its log-odds) + (1 - mix) * the ranking output's (as films.py does)."""
        return [
            mix[t["style"]] * logit(p) + (1 - mix[t["style"]]) * r
            for t, p, r in zip(texts, probs, raw, strict=True)
        ]

    best_rank: tuple[float, float, list[np.ndarray]] | None = None
    for c in (0.3, 1.0):
        raw = oof_rankings(c, 1.0)
        acc = decide(texts, oof, 0.0, mixed(oof, raw, FIRST_MIX))["right"]
        print(f"  ranking C={c}: cross-validated accuracy {100 * acc:.1f}%")
        if best_rank is None or acc > best_rank[0]:
            best_rank = (acc, c, raw)
    assert best_rank is not None
    _, rank_c, oof_raw_1 = best_rank

    # The users' texts outnumber the critics' 2.5 to 1 and would have the model serve them;
    # their weight is the one that gives the best mean of the two populations' right shares
    # (each population's texts, at no abstention), out of fold at the C's chosen above; of
    # those within WEIGHT_TOLERANCE of it, the one with the users' best share.
    def population_right(probs: list[np.ndarray], ranks: list[np.ndarray]) -> list[float]:
        out = []
        for versions in POPULATIONS.values():
            idx = [i for i, t in enumerate(texts) if t["version"] in versions]
            got = decide(
                [texts[i] for i in idx], [probs[i] for i in idx], 0.0, [ranks[i] for i in idx]
            )
            out.append(got["right"])
        return out

    tried: dict[float, tuple[float, float, list[np.ndarray], list[np.ndarray]]] = {}
    for user_weight in USER_WEIGHTS:
        if user_weight == 1.0:
            probs, raw = oof, oof_raw_1
        else:
            probs = oof_probs(chosen_c, user_weight)
            raw = oof_rankings(rank_c, user_weight)
        rights = population_right(probs, mixed(probs, raw, FIRST_MIX))
        mean = sum(rights) / len(rights)
        print(
            f"  users' weight {user_weight}: right, critics {100 * rights[0]:.1f}%, users "
            f"{100 * rights[1]:.1f}%, mean {100 * mean:.1f}%"
        )
        tried[user_weight] = (mean, rights[1], probs, raw)
    tied = near_best({w: t[0] for w, t in tried.items()}, WEIGHT_TOLERANCE)
    user_weight = max(tied, key=lambda w: tried[w][1])
    _, _, oof, oof_raw = tried[user_weight]

    # Which output picks, per writing style: the ranking output learned what beats what
    # among look-alike candidates, the probability output how likely each is alone; out of
    # fold neither is best everywhere. Per style, the mix (1: the probability alone, 0: the
    # ranking alone) by the sum of the two populations' right shares at no abstention: of
    # those within MIX_TOLERANCE of the best (closer is fold noise: retrains flipped CAPS
    # between 0.5 and 0.0 on a tenth of a point), the one nearest FIRST_MIX.
    print("\n| style | mix | critics right | users right |\n| --- | --- | --- | --- |")
    rank_mix: dict[str, float] = {}
    for style in ("caps", "plain", "quotes"):
        sums: dict[float, float] = {}
        for mix in MIXES:
            scores = mixed(oof, oof_raw, {**FIRST_MIX, style: mix})
            rights = []
            for versions in POPULATIONS.values():
                idx = [
                    i
                    for i, t in enumerate(texts)
                    if t["version"] in versions and t["style"] == style
                ]
                got = decide(
                    [texts[i] for i in idx], [oof[i] for i in idx], 0.0, [scores[i] for i in idx]
                )
                rights.append(got["right"])
            print(f"| {style} | {mix} | {100 * rights[0]:.1f}% | {100 * rights[1]:.1f}% |")
            sums[mix] = sum(rights)
        near = near_best(sums, MIX_TOLERANCE)
        rank_mix[style] = min(near, key=lambda m: abs(m - FIRST_MIX[style]))
    oof_ranks = mixed(oof, oof_raw, rank_mix)

    # One abstain threshold per writing style (a CAPS title is much surer evidence) and per
    # population: critics' reviews (the dev copies, which name their film) and user reviews
    # (IMDb, which mostly do not) want different ones, and a library knows which it holds
    # (DocumentMeta.writer). Each population's threshold maximises its own right-minus-wrong
    # share; the critics' are the plain keys ("film_caps"), the users' end in "_users".
    print("\n| scorer | population | threshold | texts | right | wrong | gain |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    styles = {"film_caps": "caps", "film_plain": "plain", "film_quotes": "quotes"}
    thresholds: dict[str, float] = {}
    for name, scores, ranked, grid in (
        ("hand", hand, None, (0.35,)),
        ("model", oof, oof_ranks, (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)),
    ):
        for population, versions in POPULATIONS.items():
            for style, written in styles.items():
                idx = [
                    i
                    for i, x in enumerate(texts)
                    if x["style"] == written and x["version"] in versions
                ]
                gains = []
                for t in grid:
                    r = decide(
                        [texts[i] for i in idx],
                        [scores[i] for i in idx],
                        t,
                        [ranked[i] for i in idx] if ranked is not None else None,
                    )
                    gain = r["right"] - r["wrong"]
                    gains.append((gain, t))
                    print(
                        f"| {name} | {population} | {t} | {style} ({len(idx)}) | "
                        f"{100 * r['right']:.1f}% | {100 * r['wrong']:.1f}% | {100 * gain:.1f} |"
                    )
                if name == "model":
                    # abstaining costs the user work too: the lowest threshold within one
                    # point of the best gain (closer than that is fold noise)
                    top = max(g for g, _ in gains)
                    key = style if population == "critics" else f"{style}_users"
                    thresholds[key] = min(t for g, t in gains if g >= top - 0.01)
                    if population == "critics":
                        thresholds[key] = max(thresholds[key], CRITICS_MIN_THRESHOLD)
    for version in VERSIONS:
        idx = [i for i, x in enumerate(texts) if x["version"] == version]
        sub = [texts[i] for i in idx]
        p = decide(sub, [oof[i] for i in idx], 0.0)
        r = decide(sub, [oof[i] for i in idx], 0.0, [oof_ranks[i] for i in idx])
        # at the shipped thresholds, each text at its population's for the style it was
        # read as
        shipped = {"right": 0.0, "wrong": 0.0}
        suffix = "" if version in POPULATIONS["critics"] else "_users"
        for style, written in styles.items():
            part = [i for i in idx if texts[i]["style"] == written]
            got = decide(
                [texts[i] for i in part],
                [oof[i] for i in part],
                thresholds[style + suffix],
                [oof_ranks[i] for i in part],
            )
            for k in shipped:
                shipped[k] += got[k] * len(part) / max(1, len(idx))
        h = decide(sub, [hand[i] for i in idx], 0.35)
        print(
            f"{version} copies, right at no abstention: ranked {100 * r['right']:.1f}%, "
            f"probability alone {100 * p['right']:.1f}%, hand {100 * h['right']:.1f}%; at "
            f"the shipped thresholds: {100 * shipped['right']:.1f}% right, "
            f"{100 * shipped['wrong']:.1f}% wrong"
        )
    print(
        f"\nchosen: C={chosen_c}, ranking C={rank_c}, users' weight {user_weight}, "
        f"mix {rank_mix}, thresholds {thresholds}"
    )
    if args.misses:
        write_misses(args.misses, texts, oof, oof_ranks)

    clf = LogisticRegression(C=chosen_c, max_iter=5000).fit(
        X, y, sample_weight=weights_for(user_weight)
    )
    d, labels, w = pairs(np.arange(len(texts)), user_weight)
    ranker = LogisticRegression(C=rank_c, max_iter=5000, fit_intercept=False)
    ranker.fit(d, labels, sample_weight=w)
    names = list(vec.get_feature_names_out())
    weights = shipped_weights(clf, names)
    rank_weights = [round(float(w), 4) for w in ranker.coef_[0]]
    out = {
        "version": VERSION,
        "features": names,
        "weights": {"film": weights, "rank": rank_weights},
        "thresholds": thresholds,
        "rank_mix": rank_mix,
        "trained_on": {
            "reviews": len(items),
            "imdb_train_reviews": len(imdb),
            "examples": len(examples),
            "C": chosen_c,
            "rank_C": rank_c,
            "users_weight": user_weight,
            "excluded_benchmark_samples": [
                {"seed": seed, "exclude_seeds": list(exclude)}
                for seed, exclude in BENCHMARK_SAMPLES
            ],
        },
    }
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(names)} features)")


if __name__ == "__main__":
    main()
