"""Numbered migrations, applied in order when a library is opened.

`schema.py` describes the current shape of the tables. A migration brings a file made by an
older version up to it: migration 1 created the first tables; any later change to a table is a
new numbered migration here (never an edit of an old one), written so it also runs on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from critic.store import schema

Migration = Callable[[Connection], None]

_V1_TABLES = [
    "schema_version",
    "documents",
    "films",
    "critics",
    "outlets",
    "reviews",
    "people",
    "credits",
    "film_facts",
]


def _create_tables(conn: Connection) -> None:
    tables = [schema.metadata.tables[name] for name in _V1_TABLES]
    schema.metadata.create_all(conn, tables=tables)


def _full_text_index(conn: Connection) -> None:
    # SQLite's own full-text index over review text, kept in step by triggers so no writer
    # can forget it. Other databases search with their own means (see store.reader.search).
    if conn.dialect.name != "sqlite":
        return
    for statement in (
        "CREATE VIRTUAL TABLE IF NOT EXISTS reviews_fts USING fts5("
        "text, content='reviews', content_rowid='rowid', tokenize='porter unicode61')",
        "CREATE TRIGGER IF NOT EXISTS reviews_fts_ai AFTER INSERT ON reviews BEGIN "
        "INSERT INTO reviews_fts(rowid, text) VALUES (new.rowid, new.text); END",
        "CREATE TRIGGER IF NOT EXISTS reviews_fts_ad AFTER DELETE ON reviews BEGIN "
        "INSERT INTO reviews_fts(reviews_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "END",
        "CREATE TRIGGER IF NOT EXISTS reviews_fts_au AFTER UPDATE OF text ON reviews BEGIN "
        "INSERT INTO reviews_fts(reviews_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "INSERT INTO reviews_fts(rowid, text) VALUES (new.rowid, new.text); END",
    ):
        conn.execute(text(statement))


_CATALOG_TABLES = [
    "catalog_titles",
    "catalog_akas",
    "catalog_names",
    "catalog_credits",
    "catalog_imports",
]
# Columns migration 3 adds to tables migration 1 made. Migration 1 builds its tables from the
# current schema, so a new file has them already: each is added only where it is missing.
_CATALOG_COLUMNS = [("films", "imdb_id"), ("people", "imdb_id"), ("reviews", "catalog")]


def _catalog_tables(conn: Connection) -> None:
    tables = [schema.metadata.tables[name] for name in _CATALOG_TABLES]
    schema.metadata.create_all(conn, tables=tables)
    for table_name, column_name in _CATALOG_COLUMNS:
        present = {c["name"] for c in inspect(conn).get_columns(table_name)}
        if column_name in present:
            continue
        column = schema.metadata.tables[table_name].c[column_name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {column_name} {kind}"))
    for index in schema.films.indexes:
        if index.name == "ix_films_imdb_id":
            index.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, str, list[Migration]]] = [
    (1, "initial tables", [_create_tables]),
    (2, "full-text index over review text", [_full_text_index]),
    (3, "IMDb catalog tables; imdb ids on films and people", [_catalog_tables]),
]

LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    versions = conn.execute(select(schema.schema_version.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(conn: Connection) -> list[int]:
    """Apply every migration newer than the file's version; return the versions applied."""
    applied: list[int] = []
    have = current_version(conn)
    if have > LATEST:
        raise RuntimeError(
            f"this library was written by a newer critic (schema {have}, "
            f"this version knows {LATEST})"
        )
    for version, _name, steps in MIGRATIONS:
        if version <= have:
            continue
        for step in steps:
            step(conn)
        conn.execute(
            schema.schema_version.insert().values(
                version=version, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
            )
        )
        applied.append(version)
    return applied
