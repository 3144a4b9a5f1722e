"""Every read and write of the IMDb catalog tables (see schema.py, migration 3)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, literal, select, union_all

from critic.store.schema import (
    catalog_akas,
    catalog_credits,
    catalog_imports,
    catalog_names,
    catalog_titles,
)

TABLES: dict[str, Table] = {
    "title.basics": catalog_titles,
    "title.akas": catalog_akas,
    "name.basics": catalog_names,
    "title.principals": catalog_credits,
}


def clear(conn: Connection, table: Table) -> None:
    conn.execute(delete(table))


def insert_rows(conn: Connection, table: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows as tuples in the table's column order, handed straight to the driver's executemany:
    the Core insert's per-row parameter handling took a third of an import's time."""
    if not rows:
        return
    columns = [c.name for c in table.columns]
    mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(conn.dialect.paramstyle)
    if mark is None:  # a driver with another style: the portable, slower way
        conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    marks = ", ".join([mark] * len(columns))
    conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", list(rows)
    )


def iter_ids(conn: Connection, table: Table, column: str, batch: int = 50_000) -> Iterator[str]:
    """Every value of an id column, streamed (the tables can hold tens of millions of rows)."""
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(
        select(table.c[column])
    )
    for (value,) in result:
        yield value


def delete_ids(conn: Connection, table: Table, column: str, ids: Sequence[str]) -> None:
    for start in range(0, len(ids), 500):
        conn.execute(delete(table).where(table.c[column].in_(ids[start : start + 500])))


def has_titles(conn: Connection) -> bool:
    return conn.execute(select(catalog_titles.c.tconst).limit(1)).first() is not None


def counts(conn: Connection) -> dict[str, int]:
    return {
        name: int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        for name, table in (
            ("titles", catalog_titles),
            ("akas", catalog_akas),
            ("names", catalog_names),
            ("credits", catalog_credits),
        )
    }


def record_import(conn: Connection, files: list[dict[str, Any]], totals: dict[str, int]) -> str:
    imported_at = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        catalog_imports.insert().values(imported_at=imported_at, files=files, counts=totals)
    )
    return imported_at


def latest_import(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(
        select(catalog_imports).order_by(catalog_imports.c.id.desc()).limit(1)
    ).first()
    return None if row is None else dict(row._mapping)


def titles_by_key(conn: Connection, key: str) -> list[dict[str, Any]]:
    """Titles whose own title or one of whose akas has this title_key, each with how it matched
    and how many principals the catalog lists for it."""
    by_title = select(catalog_titles.c.tconst, literal("title").label("matched")).where(
        catalog_titles.c.title_key == key
    )
    by_aka = select(catalog_akas.c.tconst, literal("aka").label("matched")).where(
        catalog_akas.c.title_key == key
    )
    hits = union_all(by_title, by_aka).subquery()
    matched: dict[str, str] = {}
    for tconst, how in conn.execute(select(hits.c.tconst, hits.c.matched)):
        if matched.get(tconst) != "title":
            matched[tconst] = how
    if not matched:
        return []
    principals = (
        select(func.count())
        .where(catalog_credits.c.tconst == catalog_titles.c.tconst)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(catalog_titles, principals.label("principals")).where(
            catalog_titles.c.tconst.in_(list(matched))
        )
    )
    return [{**row._mapping, "matched": matched[row.tconst]} for row in rows]


def title_by_id(conn: Connection, tconst: str) -> dict[str, Any] | None:
    row = conn.execute(select(catalog_titles).where(catalog_titles.c.tconst == tconst)).first()
    return None if row is None else dict(row._mapping)


def credits_of(conn: Connection, tconst: str) -> list[dict[str, Any]]:
    """A title's principals with their names (a name missing from the catalog left out)."""
    query = (
        select(
            catalog_credits.c.tconst,
            catalog_credits.c.nconst,
            catalog_credits.c.ordering,
            catalog_credits.c.category,
            catalog_credits.c.job,
            catalog_credits.c.imdb_job,
            catalog_credits.c.characters,
            catalog_names.c.name,
            catalog_names.c.surname,
            catalog_names.c.first,
        )
        .select_from(
            catalog_credits.join(catalog_names, catalog_credits.c.nconst == catalog_names.c.nconst)
        )
        .where(catalog_credits.c.tconst == tconst)
        .order_by(catalog_credits.c.ordering)
    )
    return [dict(row._mapping) for row in conn.execute(query)]
