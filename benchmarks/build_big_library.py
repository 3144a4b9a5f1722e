"""Build (once) a library of >= 50,000 reviews from ../shared/data for the web benchmark.

RT snippets (48,869; no titles, so each film is "RT film <film_id>") plus the 3,077 critics/dev
reviews, ingested through the Library like any user's export. People extraction is switched off
(Pipeline(extract_people=False)) so the build takes minutes, not hours; film identification,
grades and scoring run as usual. The result is cached under var/ and reused by later runs.

    .venv/bin/python benchmarks/build_big_library.py [--db var/bench-web.db]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from critic.analyse.pipeline import Pipeline
from critic.library import open_library

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
DEFAULT_DB = REPO / "var" / "bench-web.db"
MIN_REVIEWS = 50_000


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    for fmt in ("%B %d, %Y", "%Y-%m-%d", "%b %d, %Y"):
        try:
            return datetime.strptime(date.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def rt_rows() -> Iterator[dict[str, Any]]:
    with gzip.open(SHARED / "rt" / "reviews.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if not (row.get("text") or "").strip():
                continue
            yield {"text": row["text"], "film": f"RT film {row['film_id']}",
                   "critic": row.get("critic"), "outlet": row.get("publisher"),
                   "published": _iso(row.get("date")), "grade": row.get("grade")}


def critics_rows() -> Iterator[dict[str, Any]]:
    with gzip.open(SHARED / "critics" / "dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield {"text": row["text"], "critic": row.get("critic")}


def build(db: Path) -> dict[str, int]:
    lib = open_library(db, pipeline=Pipeline(extract_people=False))
    have = lib.counts()["reviews"]
    if have >= MIN_REVIEWS:
        print(f"reusing {db}: {have} reviews", file=sys.stderr)
        return lib.counts()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in (("rt.jsonl", rt_rows()), ("critics-dev.jsonl", critics_rows())):
            path = Path(tmp) / name
            with path.open("w", encoding="utf-8") as out:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")

            def progress(done: int, _source: str, name: str = name) -> None:
                if done % 2000 == 0:
                    took = time.perf_counter() - started
                    print(f"  {name}: {done} rows, {took:.0f} s", file=sys.stderr)

            report = lib.ingest([str(path)], progress=progress)
            print(f"{name}: added {len(report.added)}, present {len(report.present)}, "
                  f"failed {len(report.failed)}", file=sys.stderr)
    counts = lib.counts()
    print(f"built {db} in {time.perf_counter() - started:.0f} s (extract_people=False): {counts}",
          file=sys.stderr)
    lib.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is not here: the benchmark needs ../shared/data")
    args.db.parent.mkdir(parents=True, exist_ok=True)
    counts = build(args.db)
    if counts["reviews"] < MIN_REVIEWS:
        sys.exit(f"only {counts['reviews']} reviews; the benchmark wants >= {MIN_REVIEWS}")


if __name__ == "__main__":
    main()
