"""Build src/critic/resources/first_names.txt: first names of film people and characters.

A capitalised pair such as "Silent Harbor" or "Leaving Rome Tonight" is a title, not a person,
and the cheapest tell is whether its first word is someone's first name. Sources: the
directors and actors of the IMDb 5000 / top-1000 catalogs and the Cornell character
names that are also a real person's first name.
Usage: python training/build_first_names.py
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path

from catalogs import CATALOGS, read_catalog_csv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "critic" / "resources" / "first_names.txt"
_NOT_FIRST = {
    "Super",
    "Man",
    "Doctor",
    "Little",
    "Big",
    "Young",
    "Old",
    "Baby",
    "Lil",
    "Sir",
    "Mister",
    "Miss",
    "Lady",
    "Lord",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Master",
}
_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def main() -> None:
    people: Counter[str] = Counter()
    for row in read_catalog_csv("imdb5000.csv.gz"):
        for col in ("director_name", "actor_1_name", "actor_2_name", "actor_3_name"):
            people.update((row.get(col) or "").split()[:1])
    for row in read_catalog_csv("imdb_top1000.csv.gz"):
        for col in ("Director", "Star1", "Star2", "Star3", "Star4"):
            people.update((row.get(col) or "").split()[:1])
    characters: Counter[str] = Counter()
    with gzip.open(CATALOGS / "cornell_characters.txt.gz", "rt", encoding="latin-1") as fh:
        for line in fh:
            parts = line.split(" +++$+++ ")
            if len(parts) > 1 and parts[1].strip().isalpha():
                characters[parts[1].strip().title()] += 1
    from spacy.lang.en.stop_words import STOP_WORDS

    names = {n for n in people if _WORD.match(n)}
    # Cornell lists roles too ("Man", "Clerk"): keep a character name only where a real
    # person in the catalogs has it as well, which a role word never is
    names |= {n for n, c in characters.items() if c >= 2 and n in people}
    names = {n for n in names if n.lower() not in STOP_WORDS and n not in _NOT_FIRST}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"wrote {len(names)} first names to {OUT}")


if __name__ == "__main__":
    main()
