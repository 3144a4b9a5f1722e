"""Speed of `critic catalog import` on a synthetic IMDb data set of realistic shape.

    .venv/bin/python benchmarks/catalog_import.py [--titles N] [--principals N] [--names N]
                                                  [--akas N] [--dir PATH]

Writes title.basics, title.akas, name.basics and title.principals (.tsv.gz, IMDb's exact
columns, `\\N` nulls, JSON character lists) with a mix like IMDb's: most titles are TV
episodes, which the import skips, and principals include categories it drops. Then imports them
into a fresh library, as `critic catalog import DIR` does, and prints a table.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from critic.library import open_library

N = "\\N"
# roughly IMDb's mix of title types (by count, title.basics 2025)
TITLE_TYPES = [
    ("tvEpisode", 0.72),
    ("short", 0.09),
    ("movie", 0.065),
    ("video", 0.025),
    ("tvSeries", 0.025),
    ("tvMovie", 0.015),
    ("tvMiniSeries", 0.005),
    ("videoGame", 0.005),
    ("tvSpecial", 0.005),
    ("tvShort", 0.04),
]
CATEGORIES = [
    ("actor", 0.3),
    ("actress", 0.2),
    ("self", 0.1),
    ("director", 0.07),
    ("writer", 0.08),
    ("producer", 0.08),
    ("composer", 0.03),
    ("cinematographer", 0.03),
    ("editor", 0.03),
    ("production_designer", 0.02),
    ("casting_director", 0.02),
    ("archive_footage", 0.04),
]
WORDS = (
    "night harbor glass orchard ember road salt choir silent river long winter paper moon "
    "iron garden last summer broken crown hidden valley distant shore red house cold light "
    "lost city golden hour black water white lies little sister wild heart open sky"
).split()
FIRST = "anna ben clara david elena frank grace henry iris jack kate leo maria nina oscar".split()
LAST = "adams baker carter dunn evans fisher gray hart irwin jones keller lane moore nash".split()


def _pick(rng: random.Random, table: list[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(1, 4))
    text = " ".join(w.capitalize() for w in words)
    return ("The " + text) if rng.random() < 0.2 else text


def _write(path: Path, header: list[str], rows: Iterator[list[str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as out:
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def generate(folder: Path, titles: int, principals: int, names: int, akas: int) -> None:
    rng = random.Random(7)
    title_ids = [f"tt{n:07d}" for n in rng.sample(range(1, 40_000_000), titles)]
    name_ids = [f"nm{n:07d}" for n in rng.sample(range(1, 17_000_000), names)]
    title_ids.sort()
    name_ids.sort()

    def basics() -> Iterator[list[str]]:
        for tconst in title_ids:
            kind = _pick(rng, TITLE_TYPES)
            title = _title(rng)
            year = str(rng.randint(1910, 2025)) if rng.random() < 0.93 else N
            runtime = str(rng.randint(5, 200)) if rng.random() < 0.7 else N
            yield [tconst, kind, title, title, "0", year, N, runtime, "Drama"]

    def principal_rows() -> Iterator[list[str]]:
        per_title = principals / titles
        count = 0
        for tconst in title_ids:
            for ordering in range(1, max(1, round(rng.expovariate(1 / per_title))) + 1):
                if count >= principals:
                    return
                count += 1
                category = _pick(rng, CATEGORIES)
                job = rng.choice(["novel", "screenplay", N, N]) if category == "writer" else N
                actor = category in ("actor", "actress", "self")
                chars = json.dumps([f"{rng.choice(FIRST).title()}"]) if actor else N
                yield [tconst, str(ordering), rng.choice(name_ids), category, job, chars]

    def name_rows() -> Iterator[list[str]]:
        for nconst in name_ids:
            name = f"{rng.choice(FIRST).title()} {rng.choice(LAST).title()}"
            born = str(rng.randint(1900, 2005)) if rng.random() < 0.4 else N
            yield [nconst, name, born, N, "actor", N]

    def aka_rows() -> Iterator[list[str]]:
        for i in range(akas):
            tconst = title_ids[min(len(title_ids) - 1, i * len(title_ids) // akas)]
            region = rng.choice(["US", "GB", "FR", "DE", "ES", N])
            yield [tconst, str(i % 5 + 1), _title(rng), region, N, "imdbDisplay", N, "0"]

    from critic.catalog.imdb_files import COLUMNS

    _write(folder / "title.basics.tsv.gz", list(COLUMNS["title.basics"]), basics())
    _write(folder / "title.principals.tsv.gz", list(COLUMNS["title.principals"]), principal_rows())
    _write(folder / "name.basics.tsv.gz", list(COLUMNS["name.basics"]), name_rows())
    _write(folder / "title.akas.tsv.gz", list(COLUMNS["title.akas"]), aka_rows())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--titles", type=int, default=200_000)
    parser.add_argument("--principals", type=int, default=600_000)
    parser.add_argument("--names", type=int, default=300_000)
    parser.add_argument("--akas", type=int, default=300_000)
    parser.add_argument("--dir", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp) / "imdb"
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        generate(folder, args.titles, args.principals, args.names, args.akas)
        made = time.perf_counter() - started
        db = Path(tmp) / "bench.db"
        library = open_library(db)
        report = library.import_catalog([folder])
        library.close()
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        gz_size = sum(p.stat().st_size for p in folder.glob("*.tsv.gz"))
    print(
        f"critic catalog import benchmark: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores; synthetic files written in {made:.0f} s "
        f"({gz_size / 1e6:.1f} MB gzipped)\n"
    )
    print("| file | rows read | rows kept | malformed | seconds | rows read/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for f in report.files:
        rate = f.read / f.seconds if f.seconds else 0
        print(
            f"| {Path(f.path).name} | {f.read:,} | {f.kept:,} | {f.malformed.count} | "
            f"{f.seconds:.1f} | {rate:,.0f} |"
        )
    total_read = sum(f.read for f in report.files)
    print(
        f"| **all** | {total_read:,} | {sum(f.kept for f in report.files):,} | "
        f"{sum(f.malformed.count for f in report.files)} | {report.seconds:.1f} | "
        f"{total_read / report.seconds:,.0f} |"
    )
    print(f"\ncatalog: {report.counts}; library size on disk {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
