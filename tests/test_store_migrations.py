"""Migrations bring a library written by an older critic up to the current schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from critic.library import open_library
from critic.store.migrations import LATEST

REVIEW = "Quiet Harbour is a gentle, lovely film with a sharp script and warm performances."


def _make_version_2_library(db: Path) -> None:
    """A library as critic wrote it before the catalog: no catalog tables or imdb columns."""
    library = open_library(db)
    library.ingest_text(REVIEW, "old.txt")
    library.close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX ix_films_imdb_id")
        for table, column in (("films", "imdb_id"), ("people", "imdb_id"), ("reviews", "catalog")):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for table in ("catalog_titles", "catalog_akas", "catalog_names", "catalog_credits",
                      "catalog_imports"):  # fmt: skip
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_version WHERE version >= 3")


def _columns(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_version_2_library_gains_the_catalog_tables_and_keeps_its_reviews(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _make_version_2_library(db)
    assert "imdb_id" not in _columns(db, "films")
    library = open_library(db)
    assert LATEST == 3
    assert "imdb_id" in _columns(db, "films") and "imdb_id" in _columns(db, "people")
    assert "catalog" in _columns(db, "reviews")
    assert {"tconst", "title_key", "kind", "year"} <= _columns(db, "catalog_titles")
    assert library.counts()["reviews"] == 1
    assert library.catalog_status()["present"] is False
    with sqlite3.connect(db) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY 1")]
    assert versions == [1, 2, 3]


def test_a_new_library_is_at_the_latest_version_with_every_column_once(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_library(db).close()
    open_library(db).close()  # reopening applies nothing twice
    with sqlite3.connect(db) as conn:
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY 1")]
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert versions == [1, 2, 3]
    assert {"ix_films_imdb_id", "ix_catalog_titles_key", "ix_catalog_credits_tconst"} <= indexes


def test_an_older_library_opened_read_only_is_upgraded_and_readable(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _make_version_2_library(db)
    library = open_library(db, read_only=True)
    assert [f["title"] for f in library.films()] == ["Quiet Harbour"]
    assert library.catalog_status()["present"] is False
    assert "imdb_id" in _columns(db, "films")
