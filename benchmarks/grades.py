"""How well written grades read, on Rotten Tomatoes critics' own grades and Fresh/Rotten labels.

    .venv/bin/python benchmarks/grades.py [--data PATH] [--top N]

For each non-empty `grade` of rt/reviews.jsonl.gz: is it read by normalize_grade alone, by
resolve_bare_grade (a bare number read on the scale the same critic, else the same
publisher, states elsewhere), and does (score >= 60) agree with the critic's own `fresh`?
Agreement is shown per scale, then the fresh rate at each grade of the common scales (where
a critic's own threshold sits), then the grade strings still unread.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from critic.ingest.grades import normalize_grade, resolve_bare_grade

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "rt" / "reviews.jsonl.gz"
FRESH_AT = 60.0
SCALE_NAMES = {"4": "stars /4", "5": "/5", "10": "/10", "100": "/100"}


def scale_of(grade: str) -> str:
    g = grade.strip()
    if re.fullmatch(r"[A-Fa-f]\s*[+-]?(?:\s*/\s*[A-Fa-f][+-]?)?", g):
        return "letters"
    if m := re.search(r"/\s*(\d+)\s*$", g):
        return SCALE_NAMES.get(m.group(1), f"other /{m.group(1)}")
    if re.fullmatch(r"\d+(?:[.,]\d+)?(?:\s*1/2)?", g):
        return "bare number"
    return "other"


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:6.2f}%" if whole else "     -"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=15, help="unread grade strings to list")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} not found (the RT reviews set lives in ../shared/data)")
        return 0
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    graded = [r for r in rows if (r.get("grade") or "").strip()]

    by_critic: dict[str, list[str]] = defaultdict(list)
    by_publisher: dict[str, list[str]] = defaultdict(list)
    for r in graded:
        by_critic[r.get("critic") or ""].append(r["grade"])
        by_publisher[r.get("publisher") or ""].append(r["grade"])

    direct = 0
    resolved = 0
    agree: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    unread: Counter[str] = Counter()
    fresh_at: dict[str, Counter[tuple[str, bool]]] = defaultdict(Counter)
    for r in graded:
        grade = r["grade"].strip()
        score = normalize_grade(grade)
        if score is not None:
            direct += 1
        else:
            score = resolve_bare_grade(grade, by_critic[r.get("critic") or ""]) if r.get(
                "critic") else None
            if score is None:
                score = resolve_bare_grade(grade, by_publisher[r.get("publisher") or ""])
            if score is None:
                unread[grade] += 1
                continue
            resolved += 1
        scale = scale_of(grade)
        seen[scale] += 1
        seen["all"] += 1
        ok = (score >= FRESH_AT) == bool(r["fresh"])
        agree[scale] += ok
        agree["all"] += ok
        if scale in {"letters", "stars /4", "/5", "/10"}:
            fresh_at[scale][(grade, bool(r["fresh"]))] += 1

    read = direct + resolved
    print(f"data: {args.data}  ({len(rows)} reviews)\n")
    print("| measure | count | share |")
    print("| --- | ---: | ---: |")
    print(f"| non-empty grades | {len(graded)} | |")
    print(f"| read by normalize_grade alone | {direct} | {pct(direct, len(graded))} |")
    share = pct(resolved, len(graded))
    print(f"| + bare numbers read by resolve_bare_grade | {resolved} | {share} |")
    print(f"| read in all (target >= 99%) | {read} | {pct(read, len(graded))} |")
    print(f"| (score >= 60) agrees with fresh (target >= 94%) | {agree['all']} | "
          f"{pct(agree['all'], seen['all'])} |")

    print("\n| scale | read | agree with fresh |")
    print("| --- | ---: | ---: |")
    for scale, n in seen.most_common():
        if scale != "all":
            print(f"| {scale} | {n} | {pct(agree[scale], n)} |")

    print("\nShare marked fresh at each grade (how each scale's critics draw the line):")
    for scale in ("letters", "stars /4", "/5", "/10"):
        counts = fresh_at[scale]
        grades = sorted({g for g, _ in counts}, key=lambda g: normalize_grade(g) or 0.0)
        cells = []
        for g in grades:
            n = counts[(g, True)] + counts[(g, False)]
            if n >= 30:
                cells.append(f"{g}={normalize_grade(g):g}:{100 * counts[(g, True)] / n:.0f}%")
        print(f"  {scale:9} " + "  ".join(cells))

    print(f"\nMost common unread grades ({sum(unread.values())} in all):")
    for grade, n in unread.most_common(args.top):
        print(f"  {grade!r:12} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
