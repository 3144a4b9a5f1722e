"""The catalog stage: after a review is analysed, settle its film and people against the catalog.

What the prose said is kept as it was (the FilmGuess, the prose roles, the names as written,
kept as aliases); what the catalog adds is marked as such (`analysis.catalog`, an `imdb_id` and
a `catalog` entry on a matched person, the note "catalog" on a role only the catalog gave), so
every credit can still be traced to the review text or to the catalog.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from critic.analyse.identity import firsts_compatible, person_key
from critic.catalog.lookup import (
    CatalogCredit,
    CatalogTitle,
    find_titles,
    title_credits,
    titles_up_to,
)
from critic.records import Analysis, FilmGuess

VERSION = "1"
CATALOG_NOTE = "catalog"


def match_film(conn: Connection, guess: FilmGuess) -> tuple[CatalogTitle, str] | None:
    """The catalog title a review's film guess names, with the rule that chose it; None when
    the catalog has none, or several it can't tell apart (a wrong film would merge reviews of
    different films, which is worse than none)."""
    if not guess.title:
        return None
    if guess.year is None:
        found = find_titles(conn, guess.title)
        movies = [t for t in found if t.kind == "movie"]
        pool = movies or found
        return (pool[0], "the only one of that title") if len(pool) == 1 else None
    if guess.year_source == "published":
        # the year is only the review's date: the film came out then or before
        latest = titles_up_to(conn, guess.title, guess.year)
        return (latest[0], "latest up to the publication year") if latest else None
    close = find_titles(conn, guess.title, guess.year)
    return (close[0], "year within one of the review's") if close else None


def match_person(name: str, by_surname: dict[str, list[CatalogCredit]]) -> str | None:
    """The nconst of the one credited person a written name can be: same surname and a
    compatible first name ("Mike" ~ "Michael", "M." ~ "Michael"); a surname alone must fit
    exactly one credited person."""
    surname, first = person_key(name)
    if not surname:
        return None
    fits = {c.nconst for c in by_surname.get(surname, []) if firsts_compatible(first, c.first)}
    return next(iter(fits)) if len(fits) == 1 else None


def _catalog_roles(credits: list[CatalogCredit]) -> list[dict[str, Any]]:
    roles: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    for credit in sorted(credits, key=lambda c: c.ordering):
        character = None
        if credit.job == "actor" and credit.category != "self" and credit.characters:
            character = credit.characters[0]
        if (credit.job, character) in seen:
            continue
        seen.add((credit.job, character))
        roles.append({"job": credit.job, "character": character, "note": CATALOG_NOTE})
    return roles


def match_people(
    people: list[dict[str, Any]], credits: list[CatalogCredit]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(people with matched ones renamed and given their imdb id, a record of each match).

    A matched person takes the catalog's full name, the written form kept as an alias; prose
    roles stay as they are, and only a person the prose gave no role gets the catalog's."""
    by_surname: dict[str, list[CatalogCredit]] = defaultdict(list)
    by_id: dict[str, list[CatalogCredit]] = defaultdict(list)
    for credit in credits:
        by_surname[credit.surname].append(credit)
        by_id[credit.nconst].append(credit)
    out: list[dict[str, Any]] = []
    matches: list[dict[str, Any]] = []
    for person in people:
        nconst = match_person(person["name"], by_surname)
        if nconst is None:
            out.append(person)
            continue
        theirs = by_id[nconst]
        written = person["name"]
        added = [] if person.get("roles") else _catalog_roles(theirs)
        aliases = set(person.get("aliases") or [])
        if written != theirs[0].name:
            aliases.add(written)
        out.append(
            {
                **person,
                "name": theirs[0].name,
                "aliases": sorted(aliases),
                "roles": list(person.get("roles") or []) + added,
                "imdb_id": nconst,
                "catalog": {"written": written, "imdb_id": nconst, "roles_added": len(added)},
            }
        )
        matches.append(
            {
                "written": written,
                "name": theirs[0].name,
                "imdb_id": nconst,
                "catalog_jobs": sorted({c.job for c in theirs}),
                "roles_added": added,
            }
        )
    return out, matches


def apply_catalog(conn: Connection, analysis: Analysis, imported_at: str | None = None) -> None:
    """Match the analysis's film and people against the catalog, in place (see module note)."""
    analysis.components = {**analysis.components, "catalog": VERSION}
    hit = match_film(conn, analysis.film)
    if hit is None:
        analysis.catalog = None
        return
    title, rule = hit
    record: dict[str, Any] = {
        **title.as_dict(),
        "rule": rule,
        "catalog_imported_at": imported_at,
        "people": [],
    }
    extraction = analysis.extraction
    if extraction and extraction.get("people"):
        people, matches = match_people(extraction["people"], title_credits(conn, title.tconst))
        analysis.extraction = {**extraction, "people": people}
        record["people"] = matches
    analysis.catalog = record
