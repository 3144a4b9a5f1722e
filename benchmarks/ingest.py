"""End-to-end ingest speed and library size on the critics dev set (3,077 full reviews).

    .venv/bin/python benchmarks/ingest.py [--data PATH] [--limit N] [--no-extract]

Everything a user's `critic ingest reviews.jsonl.gz` does is timed: reading, cleaning, metadata,
film identification, extraction of people/works/quotes, scoring, storing, per-film refresh.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from critic.analyse.pipeline import Pipeline
from critic.library import open_library

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "critics" / "dev.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N reviews")
    parser.add_argument("--no-extract", action="store_true", help="skip people/works/quotes")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found: this benchmark needs ../shared/data")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "input.jsonl.gz"
        with gzip.open(args.data, "rt") as f, gzip.open(source, "wt") as out:
            for i, line in enumerate(f):
                if args.limit and i >= args.limit:
                    break
                row = json.loads(line)
                # the critic's name is metadata a user's export would carry; the rating is not a
                # written grade, so it is left out (the model scores every review).
                out.write(
                    json.dumps({"id": row["id"], "text": row["text"], "critic": row["critic"]})
                    + "\n"
                )
        db = Path(tmp) / "bench.db"
        library = open_library(db, pipeline=Pipeline(extract_people=not args.no_extract))
        # load the models once, outside the timing (a long-running ingest pays this once too)
        from critic.ingest.clean import to_document
        from critic.records import RawInput

        warm = to_document(RawInput("warm-up", "text/plain", b"A warm-up review: it was fine."))
        library.pipeline.analyse([warm])
        started = time.perf_counter()
        report = library.ingest([str(source)])
        elapsed = time.perf_counter() - started
        counts = library.counts()
        library.close()
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        raw_size = source.stat().st_size
    n = len(report.added)
    print(
        f"critic ingest benchmark: {args.data.name}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, extraction {'off' if args.no_extract else 'on'}\n"
    )
    print("| measure | value |\n|---|---|")
    print(
        f"| reviews ingested | {n:,} (failed {len(report.failed)}, "
        f"already present {len(report.present)}) |"
    )
    print(f"| films | {counts['films']:,} (unattributed reviews {counts['unattributed']:,}) |")
    print(f"| wall time | {elapsed:.1f} s |")
    print(f"| reviews/s end to end | {n / elapsed:.1f} |")
    print(
        f"| library size on disk | {size / 1e6:.1f} MB ({size / max(1, n) / 1e3:.1f} KB/review; "
        f"input gz {raw_size / 1e6:.1f} MB) |"
    )


if __name__ == "__main__":
    main()
