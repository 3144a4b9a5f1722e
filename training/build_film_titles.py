"""Build src/critic/resources/film_titles.tsv, the film-title gazetteer used by films.py.

Reads the catalogs in ../shared/data/catalogs (IMDb 5000, IMDb top 1000, TMDB 5000,
Cornell titles; never MovieLens, which is research-use only) and writes one
"title<TAB>year" line per film, sorted. Usage: python training/build_film_titles.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

from catalogs import CATALOGS, read_catalog_csv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "critic" / "resources" / "film_titles.tsv"


def main() -> None:
    titles: set[tuple[str, str]] = set()
    for row in read_catalog_csv("imdb5000.csv.gz"):
        year = (row.get("title_year") or "").split(".")[0]
        titles.add((row["movie_title"].replace("\xa0", " ").strip(), year))
    for row in read_catalog_csv("imdb_top1000.csv.gz"):
        titles.add((row["Series_Title"].strip(), row["Released_Year"].strip()))
    for row in read_catalog_csv("tmdb5000_movies.csv.gz"):
        titles.add((row["title"].strip(), (row.get("release_date") or "")[:4]))
    with gzip.open(CATALOGS / "cornell_titles.txt.gz", "rt", encoding="latin-1") as fh:
        for line in fh:
            parts = line.split(" +++$+++ ")
            if len(parts) > 2:
                # Cornell titles are lower-cased: title-case them so they read as titles
                titles.add((parts[1].strip().title(), parts[2].strip()[:4]))
    rows = sorted(
        {(t, y if len(y) == 4 and y.isdigit() else "") for t, y in titles if t and "\t" not in t}
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(f"{t}\t{y}\n" for t, y in rows), encoding="utf-8")
    print(f"wrote {len(rows)} titles to {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
