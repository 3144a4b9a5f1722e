"""Per-film figures derived from its reviews: verdict share, mean with interval, distribution,
consensus and pull quotes. Derived data only: always recomputed from reviews, never stored by hand.
"""

from __future__ import annotations

import math
from statistics import mean, stdev
from typing import Any

FRESH_SHARE_FOR_POSITIVE_FILM = 0.6

# Two-sided 95% Student t quantiles by degrees of freedom; beyond 30 the normal value serves.
_T95 = [
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
]


def mean_interval(scores: list[float]) -> list[float] | None:
    """95% t-interval for the mean score, clipped to 0-100; None below two reviews."""
    if len(scores) < 2:
        return None
    df = len(scores) - 1
    t = _T95[df - 1] if df <= len(_T95) else 1.96
    half = t * stdev(scores) / math.sqrt(len(scores))
    centre = mean(scores)
    return [round(max(0.0, centre - half), 1), round(min(100.0, centre + half), 1)]


def distribution(scores: list[float], bins: int = 10) -> list[dict[str, Any]]:
    width = 100 / bins
    counts = [0] * bins
    for score in scores:
        counts[min(bins - 1, int(score // width))] += 1
    return [
        {"from": round(i * width), "to": round((i + 1) * width), "count": c}
        for i, c in enumerate(counts)
    ]


def summarize(reviews: list[dict[str, Any]]) -> dict[str, Any]:
    scores = [float(r["score"]) for r in reviews]
    positive = sum(1 for r in reviews if r["fresh"])
    return {
        "reviews": len(reviews),
        "positive": positive,
        "percent_positive": round(100 * positive / len(reviews)) if reviews else None,
        "mean_score": round(mean(scores), 1) if scores else None,
        "mean_score_interval": mean_interval(scores),
        "distribution": distribution(scores),
        "graded_by_critic": sum(1 for r in reviews if r.get("score_source") == "grade"),
    }


def _quote_candidates(review: dict[str, Any], positive: bool) -> list[dict[str, Any]]:
    out = []
    for ev in review.get("evidence") or []:
        if (ev["polarity"] > 0) != positive or not 20 <= len(ev["text"]) <= 220:
            continue
        out.append(
            {
                "text": ev["text"],
                "review_id": review["id"],
                "start": ev["start"],
                "end": ev["end"],
                "critic": review.get("critic"),
                "outlet": review.get("outlet"),
                "weight": abs(ev["polarity"]),
            }
        )
    return sorted(out, key=lambda q: -q["weight"])


def pull_quotes(
    reviews: list[dict[str, Any]], positive: bool, limit: int = 3
) -> list[dict[str, Any]]:
    """The strongest sentence of each review that agrees with the verdict, best first."""
    best = []
    for review in reviews:
        if bool(review["fresh"]) != positive:
            continue
        candidates = _quote_candidates(review, positive)
        if candidates:
            best.append(candidates[0])
    return sorted(best, key=lambda q: -q["weight"])[:limit]


def consensus(summary: dict[str, Any], quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A one-line verdict with the sentences it rests on (each traceable to its review)."""
    n = summary["reviews"]
    if not n:
        return None
    share = summary["positive"] / n
    if share >= 0.9:
        mood = "Critics are overwhelmingly positive"
    elif share >= FRESH_SHARE_FOR_POSITIVE_FILM:
        mood = "Most critics are positive"
    elif share > 0.4:
        mood = "Critics are divided"
    elif share > 0.1:
        mood = "Most critics are negative"
    else:
        mood = "Critics are overwhelmingly negative"
    text = (
        f"{mood}: {summary['positive']} of {n} reviews are fresh, "
        f"mean score {summary['mean_score']}."
    )
    return {"text": text, "supported_by": quotes}


def review_snippet(review: dict[str, Any], length: int = 240) -> str:
    """The sentence that best carries the review's verdict, else its opening."""
    for candidate in _quote_candidates(review, bool(review["fresh"])):
        return str(candidate["text"])
    head = " ".join(str(review.get("head") or "").split())
    return head if len(head) <= length else head[: length - 1].rsplit(" ", 1)[0] + "…"


def review_summary(review: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": review["id"],
        "published": review.get("published"),
        "critic": review.get("critic"),
        "critic_id": review.get("critic_id"),
        "outlet": review.get("outlet"),
        "outlet_id": review.get("outlet_id"),
        "grade": review.get("grade"),
        "score": review["score"],
        "fresh": bool(review["fresh"]),
        "confidence": review.get("confidence"),
        "score_source": review.get("score_source"),
        "model_score": review.get("model_score"),
        "snippet": review_snippet(review),
        "evidence": review.get("evidence") or [],
    }


def film_dossier(
    film: dict[str, Any],
    reviews: list[dict[str, Any]],
    credits: list[dict[str, Any]],
    extras: dict[str, Any],
) -> dict[str, Any]:
    summary = summarize(reviews)
    positive_film = (
        bool(reviews) and summary["positive"] / len(reviews) >= FRESH_SHARE_FOR_POSITIVE_FILM
    )
    quotes = pull_quotes(reviews, positive=positive_film)
    people_by_id: dict[int, dict[str, Any]] = {}
    for credit in credits:
        person = people_by_id.setdefault(
            credit["person_id"],
            {
                "id": credit["person_id"],
                "name": credit["name"],
                "roles": [],
                "reviews": set(),
            },
        )
        person["roles"].append(
            {
                "job": credit["job"],
                "character": credit["character"],
                "note": credit["note"],
                "reviews": credit["review_ids"],
                "support": credit["support"],
            }
        )
        person["reviews"].update(credit["review_ids"])
    merged = {p.get("person_id"): p for p in extras.get("people", []) if p.get("person_id")}
    people = []
    for person in people_by_id.values():
        extra = merged.get(person["id"], {})
        people.append(
            {
                **person,
                "reviews": sorted(person["reviews"]),
                "support": len(person["reviews"]),
                "aliases": extra.get("aliases", []),
                "mentions": extra.get("mentions", {}),
                # the IMDb id, only where the catalog matched them (no catalog: no new key)
                **({"imdb_id": extra["imdb_id"]} if extra.get("imdb_id") else {}),
            }
        )
    people.sort(key=lambda p: (-p["support"], p["name"]))
    return {
        "film": {
            **{k: film.get(k) for k in ("id", "title", "year", "mpaa_rating")},
            **({"imdb_id": film["imdb_id"]} if film.get("imdb_id") else {}),
        },
        "aggregate": summary,
        "consensus": consensus(summary, quotes),
        "pull_quotes": quotes,
        "reviews": [review_summary(r) for r in reviews],
        "people": people,
        "works": extras.get("works", []),
        "quotes": extras.get("quotes", []),
    }
