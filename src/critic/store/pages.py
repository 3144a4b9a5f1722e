"""Read queries the web pages need beyond the Library's own (all SQL stays in the store)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from critic.store.schema import film_facts, reviews


def review_people(conn: Connection, film_id: int, review_id: str) -> list[dict[str, Any]]:
    """The film's merged people that one review mentions, with that review's spans.

    The merge gives each real person one id across reviews, so a surname-only mention in this
    review can link to the same person page as the full name in another.
    """
    query = select(film_facts.c.people).where(film_facts.c.film_id == film_id)
    merged = conn.execute(query).scalar()
    out = []
    for person in merged or []:
        spans = (person.get("mentions") or {}).get(review_id) or []
        if person.get("person_id") is not None and spans:
            out.append({"person_id": int(person["person_id"]), "name": person.get("name"),
                        "mentions": spans})
    return out


def film_stamp(conn: Connection, film_id: int) -> tuple[Any, ...]:
    """What changes whenever a film's page would: its reviews' count, latest analysis, score sum.

    New reviews and re-analysis change the count or `analysed_at` (credits and facts are refreshed
    in the same transaction); re-scoring alone rewrites scores without touching `analysed_at`, so
    their sum is part of the stamp too. Read through the film_id index: well under a millisecond.
    """
    row = conn.execute(
        select(func.count(reviews.c.id), func.max(reviews.c.analysed_at),
               func.coalesce(func.sum(reviews.c.score), 0))
        .where(reviews.c.film_id == film_id)
    ).one()
    return tuple(row)
