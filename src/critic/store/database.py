"""Opening a library database: the engine, connection settings, migrations on open."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from critic.store.migrations import LATEST, current_version, migrate

DEFAULT_DB_ENV = "CRITIC_DB"


def default_db_path() -> Path:
    """Where the library lives unless told: $CRITIC_DB, else ~/.local/share/critic/library.db."""
    if env := os.environ.get(DEFAULT_DB_ENV):
        return Path(env)
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "critic" / "library.db"


def database_url(target: str | Path) -> str:
    """A file path becomes a SQLite URL; anything with '://' is taken as a SQLAlchemy URL."""
    as_text = str(target)
    if "://" in as_text:
        return as_text
    path = Path(as_text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def open_engine(target: str | Path, read_only: bool = False) -> Engine:
    url = database_url(target)
    engine = _engine(url, read_only)
    if not read_only:
        with engine.begin() as conn:
            migrate(conn)
    else:
        _upgrade_if_behind(url)
    return engine


def _engine(url: str, read_only: bool) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_settings(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            # WAL: readers (the web app) never block the writer (ingest), and a killed
            # writer leaves the last committed state intact.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=10000")
            if read_only:
                cursor.execute("PRAGMA query_only=ON")
            cursor.close()

    return engine


def _upgrade_if_behind(url: str) -> None:
    """A library an older critic wrote is migrated even when opened read-only: every query
    expects the current schema (a new column is selected with its table). Only the schema
    changes; no review data is written."""
    engine = _engine(url, read_only=False)
    try:
        with engine.connect() as conn:
            behind = 0 < current_version(conn) < LATEST
        if behind:
            with engine.begin() as conn:
                migrate(conn)
    except OperationalError as exc:
        raise RuntimeError(
            f"this library was written by an older critic and must be upgraded to schema "
            f"{LATEST}, but it can't be written ({exc.orig})"
        ) from exc
    finally:
        engine.dispose()
