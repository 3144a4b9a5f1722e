"""Build src/critic/resources/film_people.tsv: directors and actors the catalogs credit.

The role model (src/critic/analyse/role_model.py) weighs how a review uses a name; knowing
that a name belongs to someone who has directed films, or acted in them, is the prior a
well-read critic brings. Sources: the directors and actors of the IMDb 5000 and IMDb
top-1000 catalogs in ../shared/data/catalogs (never MovieLens). One line per person:
name, films directed, films acted in (the counts within those catalogs).
Usage: python training/build_film_people.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from catalogs import read_catalog_csv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "critic" / "resources" / "film_people.tsv"


def main() -> None:
    directed: Counter[str] = Counter()
    acted: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()  # (title, name): the two catalogs overlap

    def credit(title: str, name: str, counter: Counter[str]) -> None:
        name = " ".join(name.replace("\xa0", " ").split())
        key = (title.strip().lower(), name)
        if name and key not in seen:
            seen.add(key)
            counter[name] += 1

    for row in read_catalog_csv("imdb5000.csv.gz"):
        title = row["movie_title"]
        credit(title, row["director_name"], directed)
        for col in ("actor_1_name", "actor_2_name", "actor_3_name"):
            credit(title, row[col], acted)
    for row in read_catalog_csv("imdb_top1000.csv.gz"):
        title = row["Series_Title"]
        credit(title, row["Director"], directed)
        for col in ("Star1", "Star2", "Star3", "Star4"):
            credit(title, row[col], acted)
    names = sorted(set(directed) | set(acted))
    OUT.write_text("".join(f"{n}\t{directed[n]}\t{acted[n]}\n" for n in names), encoding="utf-8")
    print(f"wrote {len(names)} people ({len(directed)} directors, {len(acted)} actors) to {OUT}")


if __name__ == "__main__":
    main()
