"""The public film catalogs in ../shared/data/catalogs, as the build scripts read them."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

CATALOGS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "catalogs"


def read_catalog_csv(name: str) -> list[dict[str, str]]:
    """All rows of one gzipped CSV catalog (e.g. "imdb5000.csv.gz"), as dicts."""
    with gzip.open(CATALOGS / name, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(io.StringIO(fh.read())))
