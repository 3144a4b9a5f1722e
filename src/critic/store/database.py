"""Opening a library database: the engine, connection settings, migrations on open."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from critic.store.migrations import migrate

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

    if not read_only:
        with engine.begin() as conn:
            migrate(conn)
    return engine
