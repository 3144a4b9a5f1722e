"""Reviews ingested with a catalog imported land on the catalog's film, with its full names."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from critic.library import Library
from critic.records import Overrides

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imdb"

# Invented reviews. The first writes the title in CAPS with the article last and names the
# director by surname only; the second calls the film by its French title.
CAPS_REVIEW = """PIANO, THE
A film review by Odile Marchetti

PIANO, THE takes a silent woman, her sharp-eyed daughter and a piano to a muddy colonial \
shore, and turns the instrument into the loudest voice in the film. It is a slow, strange, \
beautiful picture.

Campion directs with enormous control: every long shot of the beach looks like a painting, \
and the final act hits hard. PIANO, THE is one of the finest films of the year.
"""
FRENCH_REVIEW = (
    "A second look at this one, ten years on. The mud, the rain and the hands on the keys are "
    "as vivid as ever, and the ending still divides the room. A haunting, superb film."
)


def _person(dossier: dict[str, Any], imdb_id: str) -> dict[str, Any]:
    return next(p for p in dossier["people"] if p.get("imdb_id") == imdb_id)


def test_review_lands_on_the_catalog_title_year_and_id(library: Library) -> None:
    library.import_catalog([FIXTURES])
    report = library.ingest_text(CAPS_REVIEW, "caps.txt", Overrides(published="1993-11-19"))
    [review_id] = report.added
    dossier = library.film("The Piano")
    assert dossier["film"]["title"] == "The Piano"
    assert (dossier["film"]["year"], dossier["film"]["imdb_id"]) == (1993, "tt0107822")
    review = library.review(review_id)
    assert review["film_guess"]["title"] == "Piano, the"  # what the prose said is kept
    assert review["catalog"]["imdb_id"] == "tt0107822"
    assert review["catalog"]["rule"] == "latest up to the publication year"
    assert review["components"]["catalog"]
    # the surname-only mention takes the catalog's full name; the prose form stays an alias
    campion = _person(dossier, "nm0001005")
    assert campion["name"] == "Jane Campion" and "Campion" in campion["aliases"]
    assert [r["job"] for r in campion["roles"]] == ["director"]
    assert campion["roles"][0]["note"] != "catalog"  # the prose said it: not the catalog's
    [matched] = [p for p in review["catalog"]["people"] if p["written"] == "Campion"]
    assert matched["name"] == "Jane Campion"


def test_an_aka_and_the_caps_title_land_on_one_film(library: Library) -> None:
    library.import_catalog([FIXTURES])
    library.ingest_text(CAPS_REVIEW, "caps.txt", Overrides(published="1994-02-01"))
    library.ingest_text(FRENCH_REVIEW, "fr.txt", Overrides(film="La Leçon de piano", year=1993))
    [film] = library.films()
    assert (film["title"], film["reviews"]) == ("The Piano", 2)
    assert library.film("La leçon de piano")["film"]["imdb_id"] == "tt0107822"


def test_without_a_catalog_nothing_changes(library: Library) -> None:
    [review_id] = library.ingest_text(
        CAPS_REVIEW, "caps.txt", Overrides(published="1993-11-19")
    ).added
    dossier = library.film("Piano, the")
    assert "imdb_id" not in dossier["film"]
    review = library.review(review_id)
    assert "catalog" not in review and "catalog" not in review["components"]
    assert not any("imdb_id" in p for p in dossier["people"])
    assert "Campion" in [p["name"] for p in dossier["people"]]


def test_reanalyse_after_an_import_settles_reviews_already_stored(library: Library) -> None:
    library.ingest_text(CAPS_REVIEW, "caps.txt", Overrides(published="1993-11-19"))
    before = library.films()
    library.import_catalog([FIXTURES])
    assert library.reanalyse() == 1
    [film] = library.films()
    assert film["id"] == before[0]["id"]  # the film made before the catalog takes its id
    dossier = library.film("The Piano")
    assert dossier["film"]["imdb_id"] == "tt0107822"
    assert _person(dossier, "nm0001005")["name"] == "Jane Campion"
    with sqlite3.connect(str(library.engine.url.database)) as conn:
        rows = list(conn.execute("SELECT name FROM people WHERE imdb_id = 'nm0001005'"))
    assert rows == [("Jane Campion",)]
