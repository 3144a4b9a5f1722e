"""Looking titles and credits up in an imported catalog, and matching a review's guesses to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from critic.catalog import find_titles, has_catalog, title_credits
from critic.catalog.resolve import CATALOG_NOTE, match_film, match_people
from critic.library import Library
from critic.records import FilmGuess

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imdb"


@pytest.fixture
def conn(library: Library) -> Iterator[Connection]:
    library.import_catalog([FIXTURES])
    with library.engine.connect() as connection:
        yield connection


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [t.tconst for t in found]


def test_title_forms_find_the_film_before_its_namesakes(conn: Connection) -> None:
    for written in ("The Piano", "PIANO, THE", "piano", "the piano!"):
        # the movie before the short of the same name and year; the adult title is not kept
        assert ids(find_titles(conn, written)) == ["tt0107822", "tt9900002"]


def test_an_aka_finds_the_title(conn: Connection) -> None:
    [boot] = find_titles(conn, "The Boat")
    assert (boot.tconst, boot.title, boot.matched) == ("tt0082096", "Das Boot", "aka")
    assert ids(find_titles(conn, "La Leçon de Piano")) == ["tt0107822"]
    assert find_titles(conn, "Das Boot")[0].matched == "title"


def test_a_year_is_matched_within_one_either_side(conn: Connection) -> None:
    assert ids(find_titles(conn, "Hamlet", 1996)) == ["tt0116477"]
    assert ids(find_titles(conn, "Hamlet", 1995)) == ["tt0116477"]
    assert ids(find_titles(conn, "Hamlet", 1991)) == ["tt0099726"]
    assert find_titles(conn, "Hamlet", 1993) == []
    assert ids(find_titles(conn, "Fargo")) == ["tt0116282", "tt2802850"]  # movie first
    assert ids(find_titles(conn, "Fargo", 2015)) == ["tt2802850"]


def test_credits_come_with_names_jobs_and_characters(conn: Connection) -> None:
    credits = title_credits(conn, "tt0107822")
    assert [c.name for c in credits][:2] == ["Holly Hunter", "Harvey Keitel"]
    hunter = credits[0]
    assert (hunter.job, hunter.category, hunter.characters) == (
        "actor",
        "actress",
        ("Ada McGrath",),
    )
    campion = [(c.job, c.characters) for c in credits if c.nconst == "nm0001005"]
    assert campion == [("director", ()), ("screenwriter", ())]


def test_presence_is_told_by_the_titles_table(conn: Connection, tmp_path: Path) -> None:
    from critic.library import open_library

    assert has_catalog(conn)
    with open_library(tmp_path / "none.db").engine.connect() as empty:
        assert not has_catalog(empty)


def test_film_guess_matches_by_year_source(conn: Connection) -> None:
    stated = match_film(conn, FilmGuess("HAMLET", 1996, "text"))
    assert stated is not None and stated[0].tconst == "tt0116477"
    # a year taken from the publication date: the latest title out by then
    published = match_film(conn, FilmGuess("Hamlet", 1994, "published"))
    assert published is not None and published[0].tconst == "tt0099726"
    assert match_film(conn, FilmGuess("Hamlet", 1989, "published")) is None
    # no year: only an unambiguous title is taken (one movie of that name)
    assert match_film(conn, FilmGuess("Hamlet", None, None)) is None
    fargo = match_film(conn, FilmGuess("Fargo", None, None))
    assert fargo is not None and fargo[0].tconst == "tt0116282"
    assert match_film(conn, FilmGuess("Hamlet", 2001, "stated")) is None
    assert match_film(conn, FilmGuess(None, 1996, "text")) is None


def person(name: str, *jobs: str) -> dict:  # type: ignore[type-arg]
    roles = [{"job": j, "character": None, "note": None} for j in jobs]
    return {"name": name, "aliases": [], "roles": roles, "mentions": [[0, len(name)]]}


def test_people_match_by_surname_and_compatible_first_name(conn: Connection) -> None:
    credits = title_credits(conn, "tt0116282")
    people = [
        person("McDormand", "actor"),  # surname alone, one credit with it
        person("Bill Macy"),  # nickname of William H. Macy, no role in the prose
        person("Coen", "director"),  # two Coens: can't tell which
        person("Joel Coen", "director"),
        person("Steve Buscemi", "actor"),  # not in the catalog's principals
    ]
    matched, record = match_people(people, credits)
    names = [p["name"] for p in matched]
    assert names == ["Frances McDormand", "William H. Macy", "Coen", "Joel Coen", "Steve Buscemi"]
    assert [p.get("imdb_id") for p in matched] == [
        "nm0000197",
        "nm0001507",
        None,
        "nm0001054",
        None,
    ]
    mcdormand, macy = matched[0], matched[1]
    assert mcdormand["aliases"] == ["McDormand"]  # the written form stays as an alias
    assert mcdormand["roles"] == [{"job": "actor", "character": None, "note": None}]  # prose's
    # a person the prose gave no role gets the catalog's, marked as the catalog's
    assert macy["roles"] == [
        {"job": "actor", "character": "Jerry Lundegaard", "note": CATALOG_NOTE}
    ]
    assert macy["catalog"] == {"written": "Bill Macy", "imdb_id": "nm0001507", "roles_added": 1}
    assert [r["written"] for r in record] == ["McDormand", "Bill Macy", "Joel Coen"]
    assert people[1]["name"] == "Bill Macy"  # the analysis's own list is not edited in place
