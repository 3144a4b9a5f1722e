"""Looking things up in the imported catalog: titles by title (and year), a title's credits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from critic.analyse.films import title_key
from critic.store import catalog as store

YEAR_TOLERANCE = 1  # release dates differ by country and festival: a year either side


@dataclass(frozen=True)
class CatalogTitle:
    tconst: str
    title: str
    kind: str  # IMDb's titleType
    year: int | None
    original_title: str | None
    principals: int  # how many principals the catalog lists (the better-known title has more)
    matched: str  # "title" (its own title) or "aka" (one of its other titles)

    def as_dict(self) -> dict[str, Any]:
        return {
            "imdb_id": self.tconst,
            "title": self.title,
            "kind": self.kind,
            "year": self.year,
            "original_title": self.original_title,
            "principals": self.principals,
            "matched": self.matched,
        }


@dataclass(frozen=True)
class CatalogCredit:
    nconst: str
    name: str
    job: str  # the project's job
    category: str  # IMDb's category
    imdb_job: str | None
    characters: tuple[str, ...]
    ordering: int
    surname: str  # critic.analyse.identity.person_key(name)
    first: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "imdb_id": self.nconst,
            "name": self.name,
            "job": self.job,
            "category": self.category,
            "imdb_job": self.imdb_job,
            "characters": list(self.characters),
            "ordering": self.ordering,
        }


def has_catalog(conn: Connection) -> bool:
    """Whether a catalog has been imported (its titles table holds anything)."""
    return store.has_titles(conn)


def _preference(year: int | None) -> Any:
    def key(t: CatalogTitle) -> tuple[int, int, int, int, str]:
        distance = abs(t.year - year) if (year is not None and t.year is not None) else 0
        return (distance, t.kind != "movie", -t.principals, t.matched != "title", t.tconst)

    return key


def find_titles(
    conn: Connection, title: str, year: int | None = None, tolerance: int = YEAR_TOLERANCE
) -> list[CatalogTitle]:
    """Titles called `title` (by their own title or an aka, compared by title_key), best first:
    with a year, only those within `tolerance` of it, the exact year first; then movies before
    other kinds, then the title with most principals."""
    key = title_key(title)
    if not key:
        return []
    found = [_title(row) for row in store.titles_by_key(conn, key)]
    if year is not None:
        found = [t for t in found if t.year is not None and abs(t.year - year) <= tolerance]
    return sorted(found, key=_preference(year))


def titles_up_to(conn: Connection, title: str, year: int) -> list[CatalogTitle]:
    """Titles called `title` released in `year` or before, latest first (for a review whose
    year is only its publication date: the film came out then or earlier)."""
    key = title_key(title)
    if not key:
        return []
    found = [t for t in map(_title, store.titles_by_key(conn, key)) if t.year and t.year <= year]
    return sorted(found, key=lambda t: (-(t.year or 0), t.kind != "movie", -t.principals, t.tconst))


def get_title(conn: Connection, tconst: str) -> CatalogTitle | None:
    row = store.title_by_id(conn, tconst)
    return None if row is None else _title({**row, "principals": 0, "matched": "title"})


def title_credits(conn: Connection, tconst: str) -> list[CatalogCredit]:
    """The title's principals in IMDb's order, each with the person's name."""
    return [
        CatalogCredit(
            nconst=row["nconst"],
            name=row["name"],
            job=row["job"],
            category=row["category"],
            imdb_job=row["imdb_job"],
            characters=_characters(row["characters"]),
            ordering=row["ordering"],
            surname=row["surname"],
            first=row["first"],
        )
        for row in store.credits_of(conn, tconst)
    ]


def _title(row: dict[str, Any]) -> CatalogTitle:
    return CatalogTitle(
        tconst=row["tconst"],
        title=row["title"],
        kind=row["kind"],
        year=row["year"],
        original_title=row["original_title"],
        principals=int(row["principals"] or 0),
        matched=row["matched"],
    )


def _characters(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    try:
        parsed = json.loads(raw)
    except ValueError:
        return ()
    return tuple(str(c) for c in parsed if c) if isinstance(parsed, list) else ()
