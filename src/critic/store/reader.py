"""Every read query. Returns plain dicts so callers never see SQL or rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Select, and_, case, func, or_, select, text

from critic.store.schema import (
    catalog_akas,
    credits,
    critics,
    documents,
    film_facts,
    films,
    outlets,
    people,
    reviews,
)
from critic.store.writer import name_key

FILM_SORTS = {"reviews", "score", "positive", "title", "year", "date"}

_review_cols = [
    reviews.c.id,
    reviews.c.film_id,
    reviews.c.published,
    reviews.c.url,
    reviews.c.grade,
    reviews.c.grade_score,
    reviews.c.score,
    reviews.c.fresh,
    reviews.c.confidence,
    reviews.c.score_source,
    reviews.c.model_score,
    reviews.c.scorer_id,
    reviews.c.scorer_version,
    reviews.c.evidence,
    reviews.c.mpaa_rating,
    critics.c.id.label("critic_id"),
    critics.c.name.label("critic"),
    outlets.c.id.label("outlet_id"),
    outlets.c.name.label("outlet"),
    films.c.title.label("film_title"),
    films.c.year.label("film_year"),
    func.substr(reviews.c.text, 1, 400).label("head"),
]


def _with_names(query: Select[Any]) -> Select[Any]:
    return query.select_from(
        reviews.outerjoin(critics, reviews.c.critic_id == critics.c.id)
        .outerjoin(outlets, reviews.c.outlet_id == outlets.c.id)
        .outerjoin(films, reviews.c.film_id == films.c.id)
    )


def _dict(row: Any) -> dict[str, Any]:
    return dict(row._mapping)


def counts(conn: Connection) -> dict[str, int]:
    def n(table: Any, *where: Any) -> int:
        return int(
            conn.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0
        )

    return {
        "films": n(films),
        "reviews": n(reviews),
        "critics": n(critics),
        "outlets": n(outlets),
        "people": n(people),
        "unattributed": n(reviews, reviews.c.film_id.is_(None)),
    }


def list_films(
    conn: Connection,
    sort: str = "reviews",
    limit: int = 50,
    offset: int = 0,
    descending: bool = True,
) -> list[dict[str, Any]]:
    n = func.count(reviews.c.id).label("reviews")
    positive = func.sum(case((reviews.c.fresh, 1), else_=0)).label("positive")
    mean = func.avg(reviews.c.score).label("mean_score")
    latest = func.max(reviews.c.published).label("latest")
    order = {
        "reviews": n,
        "score": mean,
        "positive": positive * 1.0 / n,
        "title": films.c.title,
        "year": films.c.year,
        "date": latest,
    }[sort if sort in FILM_SORTS else "reviews"]
    query = (
        select(
            films.c.id, films.c.title, films.c.year, films.c.mpaa_rating, n, positive, mean, latest
        )
        .select_from(films.join(reviews, reviews.c.film_id == films.c.id))
        .group_by(films.c.id)
        .order_by(order.desc() if descending else order.asc(), films.c.title)
        .limit(limit)
        .offset(offset)
    )
    out = []
    for row in conn.execute(query):
        item = _dict(row)
        item["positive"] = int(item["positive"] or 0)
        item["percent_positive"] = (
            round(100 * item["positive"] / item["reviews"]) if item["reviews"] else None
        )
        item["mean_score"] = (
            None if item["mean_score"] is None else round(float(item["mean_score"]), 1)
        )
        out.append(item)
    return out


def get_film(conn: Connection, film_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(films).where(films.c.id == film_id)).first()
    return None if row is None else _dict(row)


def find_films(conn: Connection, title_or_id: str) -> list[dict[str, Any]]:
    """Films matching an id, a title (any case, with or without 'The'), or 'Title (1995)'."""
    from critic.analyse.films import title_key

    wanted = title_or_id.strip()
    if wanted.isdigit():
        film = get_film(conn, int(wanted))
        if film:
            return [film]
    year = None
    match = re.match(r"^(.*?)\s*\((\d{4})\)$", wanted)
    if match:
        wanted, year = match.group(1), int(match.group(2))
    query = select(films).where(films.c.key == title_key(wanted))
    if year is not None:
        query = query.where(or_(films.c.year == year, films.c.year.is_(None)))
    found = [_dict(r) for r in conn.execute(query.order_by(films.c.year))]
    if not found:
        # another title of a film the catalog matched ("Das Boot" for "The Boat"), or its IMDb id
        by_catalog = select(catalog_akas.c.tconst).where(
            catalog_akas.c.title_key == title_key(wanted)
        )
        query = select(films).where(or_(films.c.imdb_id.in_(by_catalog), films.c.imdb_id == wanted))
        found = [_dict(r) for r in conn.execute(query.order_by(films.c.year))]
    if not found:
        like = f"%{title_key(wanted)}%"
        found = [
            _dict(r) for r in conn.execute(select(films).where(films.c.key.like(like)).limit(10))
        ]
    return found


def film_reviews(conn: Connection, film_id: int) -> list[dict[str, Any]]:
    query = _with_names(select(*_review_cols)).where(reviews.c.film_id == film_id)
    return [_dict(r) for r in conn.execute(query.order_by(reviews.c.published, reviews.c.id))]


# what a credit says, whichever side (film or person) it is read from
_credit_cols = (
    credits.c.job,
    credits.c.character,
    credits.c.note,
    credits.c.review_ids,
    credits.c.support,
)


def film_credits(conn: Connection, film_id: int) -> list[dict[str, Any]]:
    query = (
        select(
            *_credit_cols,
            people.c.id.label("person_id"),
            people.c.name,
        )
        .select_from(credits.join(people, credits.c.person_id == people.c.id))
        .where(credits.c.film_id == film_id)
        .order_by(credits.c.support.desc(), credits.c.id)
    )
    return [_dict(r) for r in conn.execute(query)]


def film_extras(conn: Connection, film_id: int) -> dict[str, Any]:
    row = conn.execute(select(film_facts).where(film_facts.c.film_id == film_id)).first()
    if row is None:
        return {"people": [], "works": [], "quotes": []}
    return {"people": row.people, "works": row.works, "quotes": row.quotes}


def list_reviews(
    conn: Connection,
    film_id: int | None = None,
    critic: str | None = None,
    outlet: str | None = None,
    unattributed: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    query = _with_names(select(*_review_cols))
    if film_id is not None:
        query = query.where(reviews.c.film_id == film_id)
    if unattributed:
        query = query.where(reviews.c.film_id.is_(None))
    if critic:
        query = (
            query.where(critics.c.key == name_key(critic))
            if not critic.isdigit()
            else query.where(critics.c.id == int(critic))
        )
    if outlet:
        query = (
            query.where(outlets.c.key == name_key(outlet))
            if not outlet.isdigit()
            else query.where(outlets.c.id == int(outlet))
        )
    query = query.order_by(reviews.c.published.desc(), reviews.c.id).limit(limit).offset(offset)
    return [_dict(r) for r in conn.execute(query)]


def get_review(conn: Connection, review_id: str) -> dict[str, Any] | None:
    query = (
        _with_names(
            select(
                *_review_cols,
                reviews.c.text,
                reviews.c.film_guess,
                reviews.c.meta,
                reviews.c.extraction,
                reviews.c.components,
                reviews.c.catalog,
                reviews.c.analysed_at,
                documents.c.source,
                documents.c.media_type,
                documents.c.ingested_at,
            )
        )
        .join(documents, documents.c.id == reviews.c.id)
        .where(reviews.c.id == review_id)
    )
    row = conn.execute(query).first()
    return None if row is None else _dict(row)


def get_raw(conn: Connection, review_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(documents).where(documents.c.id == review_id)).first()
    return None if row is None else _dict(row)


def _keyset_pages(
    conn: Connection, query: Select[Any], key: Any, batch: int
) -> Iterator[list[dict[str, Any]]]:
    """Pages of `query` in `key` order, each fetched with `key > last`: unlike OFFSET, every
    page costs the same however deep into a large library it is."""
    last = ""
    while True:
        rows = conn.execute(query.where(key > last).order_by(key).limit(batch)).all()
        if not rows:
            return
        yield [_dict(r) for r in rows]
        last = getattr(rows[-1], key.name)


def iter_documents(conn: Connection, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Every stored raw document, in id order (for re-analysis)."""
    for page in _keyset_pages(conn, select(documents), documents.c.id, batch):
        yield from page


def review_ids_and_text(conn: Connection, batch: int = 500) -> Iterator[list[dict[str, Any]]]:
    """Pages of every review's id, text, grade and metadata (for re-scoring)."""
    query = select(reviews.c.id, reviews.c.text, reviews.c.grade, reviews.c.meta)
    return _keyset_pages(conn, query, reviews.c.id, batch)


def _fts_query(query: str) -> str:
    # Quote every word so user punctuation can't become FTS5 syntax.
    words = re.findall(r"\w+", query)
    return " ".join(f'"{w}"' for w in words)


def search_reviews(
    conn: Connection, query: str, limit: int = 20, offset: int = 0
) -> list[dict[str, Any]]:
    match = _fts_query(query)
    if not match:
        return []
    if conn.dialect.name == "sqlite":
        hits = conn.execute(
            text(
                "SELECT r.id, snippet(reviews_fts, 0, '\x02', '\x03', ' … ', 16) AS snippet, "
                "bm25(reviews_fts) AS rank FROM reviews_fts "
                "JOIN reviews r ON r.rowid = reviews_fts.rowid "
                "WHERE reviews_fts MATCH :q ORDER BY rank LIMIT :limit OFFSET :offset"
            ),
            {"q": match, "limit": limit, "offset": offset},
        ).all()
    else:  # portable fallback for databases without FTS5
        like = f"%{query}%"
        hits = conn.execute(
            select(reviews.c.id, func.substr(reviews.c.text, 1, 200).label("snippet"))
            .where(reviews.c.text.ilike(like))
            .limit(limit)
            .offset(offset)
        ).all()
    ids = [h.id for h in hits]
    info = {
        r["id"]: r
        for r in (
            _dict(x)
            for x in conn.execute(_with_names(select(*_review_cols)).where(reviews.c.id.in_(ids)))
        )
    }
    return [{**info[h.id], "snippet": h.snippet} for h in hits if h.id in info]


def search_names(conn: Connection, query: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    key = name_key(query)
    if not key:
        return {"films": [], "people": []}
    from critic.analyse.films import title_key

    tkey = title_key(query)
    found_films = [
        _dict(r)
        for r in conn.execute(
            select(films.c.id, films.c.title, films.c.year)
            .where(or_(films.c.key.like(f"%{tkey}%"), films.c.key == tkey))
            .limit(limit)
        )
    ]
    found_people = [
        _dict(r)
        for r in conn.execute(
            select(people.c.id, people.c.name).where(people.c.key.like(f"%{key}%")).limit(limit)
        )
    ]
    return {"films": found_films, "people": found_people}


def iter_export(conn: Connection, batch: int = 500) -> Iterator[dict[str, Any]]:
    query = _with_names(select(*_review_cols, reviews.c.text))
    for page in _keyset_pages(conn, query, reviews.c.id, batch):
        yield from page


def get_person(conn: Connection, person_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(people).where(people.c.id == person_id)).first()
    return None if row is None else _dict(row)


def person_credits(conn: Connection, person_id: int) -> list[dict[str, Any]]:
    query = (
        select(
            *_credit_cols,
            films.c.id.label("film_id"),
            films.c.title,
            films.c.year,
        )
        .select_from(credits.join(films, credits.c.film_id == films.c.id))
        .where(credits.c.person_id == person_id)
        .order_by(films.c.year, films.c.title)
    )
    return [_dict(r) for r in conn.execute(query)]


def list_people(conn: Connection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    n = func.count(func.distinct(credits.c.film_id)).label("films")
    query = (
        select(people.c.id, people.c.name, n)
        .select_from(people.outerjoin(credits, credits.c.person_id == people.c.id))
        .group_by(people.c.id)
        .order_by(n.desc(), people.c.name)
        .limit(limit)
        .offset(offset)
    )
    return [_dict(r) for r in conn.execute(query)]


def _source_table(kind: str) -> Any:
    return {"critic": critics, "outlet": outlets}[kind]


def get_source(conn: Connection, kind: str, source_id: int) -> dict[str, Any] | None:
    table = _source_table(kind)
    row = conn.execute(select(table).where(table.c.id == source_id)).first()
    return None if row is None else _dict(row)


def list_sources(
    conn: Connection, kind: str, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    table = _source_table(kind)
    column = reviews.c.critic_id if kind == "critic" else reviews.c.outlet_id
    n = func.count(reviews.c.id).label("reviews")
    query = (
        select(table.c.id, table.c.name, n, func.avg(reviews.c.score).label("mean_score"))
        .select_from(table.outerjoin(reviews, column == table.c.id))
        .group_by(table.c.id)
        .order_by(n.desc(), table.c.name)
        .limit(limit)
        .offset(offset)
    )
    return [_dict(r) for r in conn.execute(query)]


def film_fresh_shares(conn: Connection, film_ids: list[int]) -> dict[int, float]:
    """Share of fresh reviews per film, for 'agrees with the consensus' figures."""
    if not film_ids:
        return {}
    rows = conn.execute(
        select(reviews.c.film_id, func.avg(case((reviews.c.fresh, 1.0), else_=0.0)), func.count())
        .where(and_(reviews.c.film_id.in_(film_ids)))
        .group_by(reviews.c.film_id)
    ).all()
    return {r[0]: float(r[1]) for r in rows if r[2] >= 1}
