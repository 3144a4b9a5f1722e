"""Train the role model (src/critic/resources/role-model.json) on credit headers.

Berardinelli's reviews in ../shared/data/critics/dev.jsonl.gz open with a header naming
the director and the leads. The header is cut off (as benchmarks/extraction.py does), the
extraction rules run on the prose, and every person they find becomes one example:
features from role_features.py, labels "is a header director" / "is in the header cast".

With `--catalog-directors`, Rhodes' reviews join the director model too: they have no
header, but their closing "TITLE runs 1:58." line names the film, and where exactly one
catalog film has that title and one of its catalog leads is named in the prose, the
catalog's director is the label. A second critic's way of crediting a director in
passing is what the header-only model never saw. Those reviews train only the director
model (three catalog leads are no cast list) and are left out of the thresholds and the
cross-validated figures, which stay on the header reviews.

The reviews of the two samples the README reports as unseen (benchmarks/extraction.py's
BENCHMARK_SAMPLES: --seed 13, and --seed 202 after removing the samples of 13 and 101) are
left out, so both stay unseen measurements. Regularisation and thresholds are chosen by
5-fold cross-validation grouped by review (a review's people never straddle folds).

Usage: python training/train_role_model.py [--out src/critic/resources/role-model.json]
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
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import (  # noqa: E402
    BENCHMARK_SAMPLES,
    SHARED,
    load_catalog,
    load_imdb_reviews,
    prepare,
    same_person,
    surname_in,
    title_case_copy,
    without_benchmark_samples,
)
from linear_export import shipped_weights  # noqa: E402

from critic.analyse.extract import first_names_alone, role_feature_rows  # noqa: E402
from critic.analyse.films import title_key  # noqa: E402

MIN_COUNT = 3  # a feature seen in fewer training people is dropped
PRECISION_COST = 0.03  # precision a threshold may give up for recall


def catalog_director_items(
    items: list[dict[str, Any]], catalog: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Headerless reviews of a known title whose one catalog film has a lead in the prose,
    labelled with that film's director (and no cast: `catalog` marks them)."""
    by_key: dict[str, list[dict[str, Any]]] = {}
    for film in catalog:
        by_key.setdefault(title_key(film["title"]), []).append(film)
    out = []
    for item in items:
        truth = item["truth"]
        if truth["directors"] or not truth["title"]:
            continue
        films = [
            f
            for f in by_key.get(title_key(truth["title"]), [])
            if f["director"] and any(surname_in(a, item["text"]) for a in f["actors"])
        ]
        directors = {f["director"] for f in films}
        if len(directors) == 1:
            truth = {**truth, "directors": [directors.pop()], "cast": []}
            out.append({**item, "truth": truth, "catalog": True})
    return out


def _features(texts: list[str]) -> list[dict[str, dict[str, float]]]:
    return list(role_feature_rows((t, None) for t in texts))


def collect(items: list[dict[str, Any]], processes: int) -> list[dict[str, Any]]:
    chunks = [items[i : i + 32] for i in range(0, len(items), 32)]
    with mp.get_context("fork").Pool(processes) as pool:
        feats = [
            f
            for chunk in pool.map(_features, [[i["text"] for i in c] for c in chunks])
            for f in chunk
        ]
    examples = []
    for gid, (item, people) in enumerate(zip(items, feats, strict=True)):
        truth = item["truth"]
        item["named_directors"] = [d for d in truth["directors"] if surname_in(d, item["text"])]
        item["named_cast"] = [c for c in truth["cast"] if surname_in(c, item["text"])]
        for name, f in people.items():
            examples.append(
                {
                    "group": gid,
                    "review": item["id"],
                    "name": name,
                    "features": f,
                    "director": any(same_person(d, name) for d in truth["directors"]),
                    "actor": any(same_person(c, name) for c in truth["cast"]),
                }
            )
    return examples


def end_to_end(
    items: list[dict[str, Any]],
    ex: list[dict[str, Any]],
    p_dir: np.ndarray,
    p_act: np.ndarray,
    t_dir: float,
    t_fallback: float,
    t_act: float,
    t_actor_dir: float = 2.0,
    misses: list[dict[str, Any]] | None = None,
    t_rule: float = 2.0,
) -> dict[str, float]:
    """The benchmark's director and cast measures, with the model's choices added; each
    review whose named director is missed is appended to `misses` when given."""
    by_group: dict[int, list[int]] = {}
    for i, e in enumerate(ex):
        by_group.setdefault(e["group"], []).append(i)
    d_ok = d_n = d_pred = d_true = c_ok = c_n = a_pred = a_true = 0
    for gid, item in enumerate(items):
        idx = by_group.get(gid, [])
        # as extract.py does, a first name alone beside its full name is never the director
        alone = first_names_alone(ex[i]["name"] for i in idx)
        eligible = [i for i in idx if ex[i]["name"] not in alone]
        if t_dir > 1:  # the rules alone
            directors = {i for i in idx if "rule=director" in ex[i]["features"]}
        else:  # as extract.py decides (_model_directors, _fallback_director)

            def has(i: int, rule: str) -> bool:
                return rule in ex[i]["features"]

            # anyone likely enough; a director the rules credited at a bar of its own
            directors = {
                i
                for i in eligible
                if p_dir[i] >= t_dir or (has(i, "rule=director") and p_dir[i] >= t_rule)
            }

            # else the likeliest passing its bar: the rules' actors (actor-directors) at a
            # bar of their own, everyone else (an actor also credited director too) at one
            def bar(i: int) -> float:
                acts = has(i, "rule=actor") and not has(i, "rule=director")
                return t_actor_dir if acts else t_fallback

            passing = [i for i in eligible if p_dir[i] >= bar(i)]
            if not directors and passing:
                directors.add(max(passing, key=lambda i: p_dir[i]))
        actors = {
            i
            for i in idx
            if "rule=actor" in ex[i]["features"]
            or (not any(k.startswith("rule=") for k in ex[i]["features"]) and p_act[i] >= t_act)
        }
        names = [ex[i]["name"] for i in directors]
        if item["named_directors"]:
            d_n += 1
            hit = any(same_person(d, g) for d in item["named_directors"] for g in names)
            d_ok += hit
            if not hit and misses is not None:
                misses.append(
                    {
                        "review": item["id"],
                        "named": item["named_directors"],
                        "chosen": names,
                        "people": {
                            ex[i]["name"]: [
                                round(float(p_dir[i]), 3),
                                sorted(k for k in ex[i]["features"] if k.startswith("rule=")),
                            ]
                            for i in idx
                        },
                    }
                )
        d_pred += len(directors)
        d_true += sum(ex[i]["director"] for i in directors)
        anames = [ex[i]["name"] for i in actors]
        c_n += len(item["named_cast"])
        c_ok += sum(any(same_person(c, a) for a in anames) for c in item["named_cast"])
        a_pred += len(actors)
        a_true += sum(ex[i]["actor"] for i in actors)
    return {
        "director": d_ok / max(1, d_n),
        "director_precision": d_true / max(1, d_pred),
        "cast_recall": c_ok / max(1, c_n),
        "cast_precision": a_true / max(1, a_pred),
    }


def cv_probabilities(X: Any, y: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, float]:
    """Out-of-fold probabilities at the C with the best cross-validated log loss."""
    folds = list(GroupKFold(5).split(X, groups=groups))
    best: tuple[float, np.ndarray, float] | None = None
    for c in (0.03, 0.1, 0.3, 1.0):
        p = np.zeros(len(y))
        for tr, te in folds:
            clf = LogisticRegression(C=c, max_iter=3000).fit(X[tr], y[tr])
            p[te] = clf.predict_proba(X[te])[:, 1]
        loss = float(-np.mean(np.log(np.where(y, p, 1 - p).clip(1e-9))))
        print(f"  C={c}: cross-validated log loss {loss:.4f}")
        if best is None or loss < best[0]:
            best = (loss, p, c)
    assert best is not None
    return best[1], best[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src/critic/resources/role-model.json")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument(
        "--dev-seed",
        type=int,
        help="also leave out the development sample of training reviews this seed draws "
        "(benchmarks/extraction.py --dev-seed N then measures it, misses and all)",
    )
    ap.add_argument("--cache", type=Path, help="keep the extracted examples here (pickle)")
    ap.add_argument(
        "--title-case-copies",
        action="store_true",
        help="also read every review with its CAPS titles in title case",
    )
    ap.add_argument(
        "--imdb-directors",
        action="store_true",
        help="also train the director model on IMDb train user reviews (catalog director)",
    )
    ap.add_argument(
        "--catalog-directors",
        action="store_true",
        help="also train the director model on headerless reviews of known films",
    )
    ap.add_argument(
        "--misses",
        type=Path,
        help="write the training reviews whose named director is missed out of fold "
        "(JSON Lines: review id, the directors named, who was chosen, every person's "
        "probability and rules), for diagnosis; with --title-case-copies",
    )
    args = ap.parse_args()

    with gzip.open(SHARED / "data" / "critics" / "dev.jsonl.gz", "rt") as fh:
        rows = [json.loads(line) for line in fh]
    # less the reported samples and, with --dev-seed, the development sample measured
    rows = without_benchmark_samples(rows, args.dev_seed)
    catalog = load_catalog()
    prepared = prepare(rows, catalog)
    items = [i for i in prepared if i["truth"]["directors"]]
    n_header = len(items)
    print(f"{n_header} training reviews with a header director")
    if args.catalog_directors:
        extra = catalog_director_items(prepared, catalog)
        items += extra
        print(f"{len(extra)} headerless reviews with a catalog director")
    if args.title_case_copies:
        # both critics write titles in CAPS; most write them in title case, which moves
        # where the film sits around each name: each review is also read that way (a
        # review's two copies share a fold, see "review" in collect)
        def copies(part: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return part + [{**i, "text": title_case_copy(i["text"])} for i in part]

        items = copies(items[:n_header]) + copies(items[n_header:])
        n_header *= 2
        print(f"with title-case copies: {len(items)} reviews")
    if args.imdb_directors:
        # users credit directors their own way ("Bigelow does an okay job", "filmed by
        # Brooks"); read as written only: their CAPS are shouting, not titles to rewrite
        users = [{**i, "catalog": True} for i in load_imdb_reviews("train")]
        items += users
        print(f"{len(users)} IMDb train user reviews with the catalog's director")
    if args.cache and args.cache.exists():
        items, examples = pickle.loads(args.cache.read_bytes())
    else:
        examples = collect(items, args.processes)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((items, examples)))
    print(f"{len(examples)} people")

    counts: dict[str, int] = {}
    for e in examples:
        for f in e["features"]:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, c in counts.items() if c >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{f: v for f, v in e["features"].items() if f in keep} for e in examples])
    groups = np.array([e["group"] for e in examples])
    review_ids = {r: n for n, r in enumerate(dict.fromkeys(e["review"] for e in examples))}
    folds_by = np.array([review_ids[e["review"]] for e in examples])
    out: dict[str, Any] = {"features": list(vec.get_feature_names_out()), "weights": {}}
    probs: dict[str, np.ndarray] = {}
    chosen_c: dict[str, float] = {}
    # catalog-labelled reviews have no cast list: the actor model learns from headers only
    has_cast = groups < n_header
    labels = {job: np.array([e[job] for e in examples]) for job in ("director", "actor")}
    for job, y in labels.items():
        print(job)
        rows_used = np.ones(len(examples), bool) if job == "director" else has_cast
        probs[job] = np.zeros(len(examples))
        probs[job][rows_used], chosen_c[job] = cv_probabilities(
            X[rows_used], y[rows_used], folds_by[rows_used]
        )
        clf = LogisticRegression(C=chosen_c[job], max_iter=3000).fit(X[rows_used], y[rows_used])
        out["weights"][job] = shipped_weights(clf, out["features"])
    n_extra = len(items) - n_header
    if n_extra:
        only_extra = [
            {**it, "named_directors": [], "named_cast": []} if i < n_header else it
            for i, it in enumerate(items)
        ]
        # both figures at one fixed decision rule (the thresholds are chosen further down)
        m = end_to_end(
            only_extra, examples, probs["director"], probs["actor"], 0.3, 0.05, 2.0, 0.05
        )
        print(f"director on the catalog-labelled reviews, out of fold: {m['director']:.3f}")
        # across critics: learn from the header reviews only, read the other critic's
        across = np.zeros(len(examples))
        across[~has_cast] = (
            LogisticRegression(C=chosen_c["director"], max_iter=3000)
            .fit(X[has_cast], labels["director"][has_cast])
            .predict_proba(X[~has_cast])[:, 1]
        )
        m = end_to_end(only_extra, examples, across, probs["actor"], 0.3, 0.05, 2.0, 0.05)
        print(f"director on the catalog-labelled reviews, header reviews only: {m['director']:.3f}")
    items = items[:n_header]  # thresholds and reported figures: the header reviews

    # the decision thresholds, on out-of-fold probabilities, measured as the benchmark does
    never = 2.0  # a threshold no probability reaches: the rules alone
    p_dir, p_act = probs["director"], probs["actor"]
    rules = end_to_end(items, examples, p_dir, p_act, never, never, never)
    floor = {k: rules[k] - PRECISION_COST for k in ("director_precision", "cast_precision")}
    # the director's thresholds and the actor's decide apart (the actors the model adds do
    # not depend on who directs), so each is chosen on its own grid: the most recall that
    # costs its measure at most PRECISION_COST of its precision
    print(
        "\n| t_director | t_director_rule | t_fallback | t_actor_director | director "
        "| director precision |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    d_grid = []
    for t_dir in (never, 0.6, 0.5, 0.4, 0.3):
        # a bar over t_dir would change nothing: the rule-credited pass t_dir anyway
        for t_rule in (never, 0.25, 0.2, 0.15, 0.1) if t_dir < 1 else (never,):
            for t_fb in (0.05, 0.1, 0.15, 0.2) if t_dir < 1 else (never,):
                for t_ad in (never, 0.2, 0.15, 0.1, 0.05) if t_dir < 1 else (never,):
                    m = end_to_end(
                        items, examples, p_dir, p_act, t_dir, t_fb, never, t_ad, None, t_rule
                    )
                    d_grid.append(((t_dir, t_rule, t_fb, t_ad), m))
                    print(
                        f"| {t_dir} | {t_rule} | {t_fb} | {t_ad} | {m['director']:.3f} | "
                        f"{m['director_precision']:.3f} |"
                    )
    print("\n| t_actor | cast recall | cast precision |\n| --- | --- | --- |")
    a_grid = []
    for t_act in (never, 0.6, 0.5, 0.4, 0.3, 0.25):
        m = end_to_end(items, examples, p_dir, p_act, never, never, t_act)
        a_grid.append((t_act, m))
        print(f"| {t_act} | {m['cast_recall']:.3f} | {m['cast_precision']:.3f} |")
    # ties go to the first in the grid: the higher bar, no rule bar
    (t_dir, t_rule, t_fb, t_ad), _ = max(
        (g for g in d_grid if g[1]["director_precision"] >= floor["director_precision"]),
        key=lambda g: g[1]["director"],
    )
    t_act, _ = max(
        (g for g in a_grid if g[1]["cast_precision"] >= floor["cast_precision"]),
        key=lambda g: g[1]["cast_recall"],
    )
    m = end_to_end(items, examples, p_dir, p_act, t_dir, t_fb, t_act, t_ad, None, t_rule)
    print(
        f"\nchosen: t_director={t_dir} t_director_rule={t_rule} t_fallback={t_fb} "
        f"t_actor_director={t_ad} t_actor={t_act}: {m}"
    )
    if args.title_case_copies:
        half = n_header // 2
        for name, keep_part in (
            ("as written", range(half)),
            ("title-case copies", range(half, n_header)),
        ):
            only = [
                it if i in keep_part else {**it, "named_directors": [], "named_cast": []}
                for i, it in enumerate(items)
            ]
            missed: list[dict[str, Any]] = []
            part = end_to_end(
                only, examples, p_dir, p_act, t_dir, t_fb, t_act, t_ad, missed, t_rule
            )
            if args.misses:
                with args.misses.open("a" if keep_part.start else "w", encoding="utf-8") as fh:
                    for miss in missed:
                        fh.write(json.dumps({"copy": name, **miss}) + "\n")
            # (the precisions count both copies' predictions; the recalls are this copy's)
            print(
                f"  {name}: director {part['director']:.3f}, cast recall {part['cast_recall']:.3f}"
            )
    out["thresholds"] = {
        "director": t_dir,
        "director_rule": t_rule,
        "director_fallback": t_fb,
        "director_actor": t_ad,
        "actor": t_act,
    }
    out["version"] = "1.0"
    out["trained_on"] = {
        "reviews": len(items),
        "catalog_director_reviews": n_extra,
        "people": len(examples),
        "excluded_benchmark_samples": [
            {"seed": seed, "exclude_seeds": list(exclude)} for seed, exclude in BENCHMARK_SAMPLES
        ],
        "C": chosen_c,
        "cross_validated_rules_only": {k: round(v, 3) for k, v in rules.items()},
        "cross_validated_with_model": {k: round(v, 3) for k, v in m.items()},
    }
    args.out.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB), "
        f"{len(out['features'])} features"
    )


if __name__ == "__main__":
    main()
