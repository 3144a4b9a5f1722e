"""Every write to the library: documents, reviews, films, critics, outlets, derived credits."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, select, update

from critic.records import Analysis, Document, FilmGuess, Score
from critic.store.schema import (
    credits,
    critics,
    documents,
    film_facts,
    films,
    outlets,
    people,
    reviews,
)

# A year read from the text ("this 1995 film") or given is firm; one inferred from the
# publication date is a hint (a review can come years after the release).
FIRM_YEAR_SOURCES = {"stated", "text", "given"}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def has_document(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _insert_id(conn: Connection, statement: Any) -> int:
    key = conn.execute(statement).inserted_primary_key
    assert key is not None  # an INSERT into a table with an integer primary key
    return int(key[0])


def _get_or_create(conn: Connection, table: Any, name: str | None) -> int | None:
    if not name or not name.strip():
        return None
    key = name_key(name)
    if not key:
        return None
    found = conn.execute(select(table.c.id).where(table.c.key == key)).scalar()
    if found is not None:
        return int(found)
    return _insert_id(conn, table.insert().values(key=key, name=name.strip()))


def resolve_film(
    conn: Connection, guess: FilmGuess, catalog: dict[str, Any] | None = None
) -> int | None:
    """Find the film a guess names, or create it; None when the review is unattributed.

    When the catalog matched the guess (`catalog`, see critic.catalog.resolve) the film is the
    one with that IMDb id, whatever the review called it."""
    from critic.analyse.films import title_key

    if catalog and catalog.get("imdb_id"):
        return resolve_catalog_film(conn, guess, catalog)
    if not guess.title:
        return None
    key = title_key(guess.title)
    if not key:
        return None
    rows = conn.execute(select(films.c.id, films.c.year).where(films.c.key == key)).all()
    firm = guess.year is not None and guess.year_source in FIRM_YEAR_SOURCES
    chosen: int | None = None
    if guess.year is None:
        chosen = rows[0].id if len(rows) == 1 else None
        if len(rows) > 1:  # several films of that title: only a year could tell them apart
            chosen = min(rows, key=lambda r: r.year or 0).id
    else:
        close = [r for r in rows if r.year is None or abs(r.year - guess.year) <= 1]
        if close:
            chosen = min(close, key=lambda r: abs((r.year or guess.year) - guess.year)).id  # type: ignore[operator]
        elif rows and not firm:
            chosen = min(rows, key=lambda r: abs((r.year or 0) - guess.year)).id  # type: ignore[operator]
    if chosen is not None:
        current = next(r for r in rows if r.id == chosen)
        if current.year is None and guess.year is not None:
            conn.execute(update(films).where(films.c.id == chosen).values(year=guess.year))
        return chosen
    return _insert_id(
        conn, films.insert().values(key=key, title=guess.title.strip(), year=guess.year)
    )


def resolve_catalog_film(conn: Connection, guess: FilmGuess, catalog: dict[str, Any]) -> int:
    """The film row of a catalog title: the one holding its IMDb id, else a film made before
    the catalog under the same title and a close year (it takes the id), else a new one."""
    from critic.analyse.films import title_key

    imdb_id, title, year = catalog["imdb_id"], catalog["title"], catalog.get("year")
    found = conn.execute(select(films.c.id).where(films.c.imdb_id == imdb_id)).scalar()
    if found is not None:
        return int(found)
    keys = {title_key(title), title_key(guess.title or "")} - {""}
    rows = conn.execute(
        select(films.c.id, films.c.year).where(films.c.key.in_(keys), films.c.imdb_id.is_(None))
    ).all()
    close = [r for r in rows if r.year is None or year is None or abs(r.year - year) <= 1]
    values = {"key": title_key(title), "title": title, "year": year, "imdb_id": imdb_id}
    if close:
        chosen = int(min(close, key=lambda r: abs((r.year or 0) - (year or 0))).id)
        conn.execute(update(films).where(films.c.id == chosen).values(**values))
        return chosen
    return _insert_id(conn, films.insert().values(**values))


def _score_values(score: Score) -> dict[str, Any]:
    return {
        "score": round(score.score, 2),
        "fresh": score.fresh,
        "confidence": round(score.confidence, 4),
        "score_source": score.source,
        "model_score": None if score.model_score is None else round(score.model_score, 2),
        "grade_score": score.grade_score,
        "scorer_id": score.scorer_id,
        "scorer_version": score.scorer_version,
        "evidence": [asdict(e) for e in score.evidence],
    }


def _review_values(conn: Connection, doc: Document, analysis: Analysis) -> dict[str, Any]:
    meta = doc.meta
    return {
        "film_id": resolve_film(conn, analysis.film, analysis.catalog),
        "critic_id": _get_or_create(conn, critics, meta.critic),
        "outlet_id": _get_or_create(conn, outlets, meta.outlet),
        "published": meta.published,
        "url": meta.url,
        "text": doc.text,
        "grade": meta.grade,
        "mpaa_rating": meta.mpaa_rating,
        "film_guess": asdict(analysis.film),
        "meta": asdict(meta),
        "extraction": analysis.extraction,
        "components": analysis.components,
        "catalog": analysis.catalog,
        "analysed_at": now(),
        **_score_values(analysis.score),
    }


def add_review(conn: Connection, doc: Document, analysis: Analysis) -> int | None:
    """Insert a new document and its review; return the film id it landed on."""
    conn.execute(
        documents.insert().values(
            id=doc.id,
            source=doc.source,
            media_type=doc.media_type,
            raw=doc.raw,
            fields=doc.given,
            ingested_at=now(),
        )
    )
    values = _review_values(conn, doc, analysis)
    conn.execute(reviews.insert().values(id=doc.id, **values))
    film_id: int | None = values["film_id"]
    return film_id


def replace_analysis(
    conn: Connection, doc: Document, analysis: Analysis
) -> tuple[int | None, int | None]:
    """Re-analysed review: new values in place. Returns (old film id, new film id)."""
    old = conn.execute(select(reviews.c.film_id).where(reviews.c.id == doc.id)).scalar()
    values = _review_values(conn, doc, analysis)
    conn.execute(update(reviews).where(reviews.c.id == doc.id).values(**values))
    return old, values["film_id"]


def replace_score(
    conn: Connection, review_id: str, score: Score, component: tuple[str, str]
) -> None:
    comps = (
        conn.execute(select(reviews.c.components).where(reviews.c.id == review_id)).scalar() or {}
    )
    comps = {k: v for k, v in comps.items() if k != score.scorer_id}
    comps[component[0]] = component[1]
    conn.execute(
        update(reviews)
        .where(reviews.c.id == review_id)
        .values(components=comps, **_score_values(score))
    )


def grades_by(conn: Connection, critic: str | None, outlet: str | None) -> list[str]:
    """The grades a critic (or, lacking one, an outlet) wrote elsewhere in the library."""
    if critic:
        join = reviews.join(critics, reviews.c.critic_id == critics.c.id)
        where = critics.c.key == name_key(critic)
    elif outlet:
        join = reviews.join(outlets, reviews.c.outlet_id == outlets.c.id)
        where = outlets.c.key == name_key(outlet)
    else:
        return []
    rows = conn.execute(
        select(reviews.c.grade)
        .select_from(join)
        .where(where, reviews.c.grade.is_not(None))
        .limit(500)
    )
    return [r[0] for r in rows]


def refresh_film(conn: Connection, film_id: int) -> None:
    """Recompute what a film derives from its reviews: MPAA rating, credits, works, quotes."""
    from critic.analyse.identity import merge_people, merge_quotes, merge_works

    rows = conn.execute(
        select(reviews.c.id, reviews.c.mpaa_rating, reviews.c.extraction)
        .where(reviews.c.film_id == film_id)
        .order_by(reviews.c.published, reviews.c.id)
    ).all()
    if not rows:
        conn.execute(delete(credits).where(credits.c.film_id == film_id))
        conn.execute(delete(film_facts).where(film_facts.c.film_id == film_id))
        conn.execute(delete(films).where(films.c.id == film_id))
        return
    ratings = Counter(r.mpaa_rating for r in rows if r.mpaa_rating)
    conn.execute(
        update(films)
        .where(films.c.id == film_id)
        .values(mpaa_rating=ratings.most_common(1)[0][0] if ratings else None)
    )
    extracted = [(r.id, r.extraction) for r in rows if r.extraction]
    merged_people = merge_people([(rid, ex.get("people", [])) for rid, ex in extracted])
    merged_works = merge_works([(rid, ex.get("works", [])) for rid, ex in extracted])
    merged_quotes = merge_quotes([(rid, ex.get("quotes", [])) for rid, ex in extracted])
    conn.execute(delete(credits).where(credits.c.film_id == film_id))
    imdb_ids = _imdb_ids(extracted)
    seen: set[tuple[int, str, str | None]] = set()
    for person in merged_people:
        person_id = _get_or_create(conn, people, person["name"])
        if person_id is None:
            continue
        person["person_id"] = person_id
        if imdb_id := imdb_ids.get(name_key(person["name"])):
            person["imdb_id"] = imdb_id
            conn.execute(
                update(people)
                .where(people.c.id == person_id, people.c.imdb_id.is_(None))
                .values(imdb_id=imdb_id)
            )
        for role in person.get("roles", []):
            ident = (person_id, role["job"], role.get("character"))
            if ident in seen:
                continue
            seen.add(ident)
            support = sorted(set(role.get("reviews") or person.get("reviews") or []))
            conn.execute(
                credits.insert().values(
                    film_id=film_id,
                    person_id=person_id,
                    job=role["job"],
                    character=role.get("character"),
                    note=role.get("note"),
                    review_ids=support,
                    support=len(support),
                )
            )
    conn.execute(delete(film_facts).where(film_facts.c.film_id == film_id))
    conn.execute(
        film_facts.insert().values(
            film_id=film_id, people=merged_people, works=merged_works, quotes=merged_quotes
        )
    )


def _imdb_ids(extracted: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """name key -> IMDb id of the people the catalog matched in these reviews (merging people
    keeps names, not ids, so the ids are carried over by the catalog's name)."""
    out: dict[str, str] = {}
    for _, extraction in extracted:
        for person in extraction.get("people", []):
            if person.get("imdb_id"):
                out.setdefault(name_key(person["name"]), person["imdb_id"])
    return out


def prune_empty_films(conn: Connection) -> None:
    """Drop films no review points at any more (after re-analysis moved their reviews)."""
    empty = select(films.c.id).where(~exists().where(reviews.c.film_id == films.c.id))
    for (film_id,) in conn.execute(empty).all():
        refresh_film(conn, film_id)
