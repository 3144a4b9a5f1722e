"""The optional IMDb catalog: import IMDb's public dataset files, look titles and credits up,
and settle reviews' films and people against them (docs/catalog.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from critic.catalog.importer import CatalogImportReport, import_catalog
from critic.catalog.lookup import (
    CatalogCredit,
    CatalogTitle,
    find_titles,
    get_title,
    has_catalog,
    title_credits,
    titles_up_to,
)
from critic.store import catalog as store


def catalog_status(conn: Connection) -> dict[str, Any]:
    """present, row counts, and the latest import (its date and, per file, what it gave)."""
    latest = store.latest_import(conn)
    return {
        "present": has_catalog(conn),
        "counts": store.counts(conn),
        "imported_at": latest["imported_at"] if latest else None,
        "files": latest["files"] if latest else [],
    }


__all__ = [
    "CatalogCredit",
    "CatalogImportReport",
    "CatalogTitle",
    "catalog_status",
    "find_titles",
    "get_title",
    "has_catalog",
    "import_catalog",
    "title_credits",
    "titles_up_to",
]
