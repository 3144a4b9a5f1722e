"""Read queries the web pages need beyond the Library's own (all SQL stays in the store)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from critic.store.schema import film_facts


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
