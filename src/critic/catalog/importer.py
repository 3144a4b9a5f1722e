"""`critic catalog import`: IMDb's dataset files into the library's catalog tables.

Real files are large (title.basics ~11M rows, title.principals ~90M), so each is streamed once
and written in batches, one transaction per batch, and only what the engine uses is kept: film
and series titles, the principals of kept titles in the jobs reviews talk about, the names
those principals point at, and the akas of kept titles.

Which titles and names are kept is remembered in bitmaps indexed by the number in the IMDb id
(tt0113627 -> bit 113627): a few MB for the whole of IMDb (ids run to ~tt36M, nm17M today),
whatever the row counts, where a set of strings would take gigabytes, and a temp table of names
to prune afterwards would cost a second pass over the largest table. That is why the files are
read in the order titles -> principals -> names -> akas, whatever order they are given in.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from critic.analyse.films import title_key
from critic.analyse.identity import person_key
from critic.catalog.imdb_files import (
    NULL,
    CatalogFileError,
    DatasetFile,
    Malformed,
    check_header,
    find_dataset_files,
    iter_rows,
)
from critic.catalog.imdb_ids import IdSet, imdb_number
from critic.store import catalog as store
from critic.store.schema import catalog_akas, catalog_credits, catalog_names, catalog_titles

KEPT_TITLE_TYPES = frozenset({"movie", "tvMovie", "video", "short", "tvSeries", "tvMiniSeries"})
# IMDb's principal categories -> the project's jobs (critic.analyse.credits.JOBS).
CATEGORY_JOBS = {
    "actor": "actor",
    "actress": "actor",
    "self": "actor",
    "director": "director",
    "writer": "screenwriter",
    "composer": "composer",
    "cinematographer": "cinematographer",
    "editor": "editor",
    "producer": "producer",
}
# A writer credited for the book a film adapts is its author, not a screenwriter.
_SOURCE_WORK = re.compile(r"\b(?:novel|book|based on|short story|play|memoir)\b", re.IGNORECASE)
BATCH_SIZE = 20_000

ImportProgress = Callable[[str, int, int], None]  # (file path, bytes read, file size)


def _year(value: str, column: str) -> int | None:
    if value == NULL or not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{column} {value[:20]!r} is not a number")
    return int(value)


def _text(value: str) -> str | None:
    return None if value == NULL or not value else value


def map_job(category: str, imdb_job: str | None) -> str | None:
    """The project's job for an IMDb principal, None for categories the engine doesn't use."""
    job = CATEGORY_JOBS.get(category)
    if job == "screenwriter" and imdb_job and _SOURCE_WORK.search(imdb_job):
        return "author"
    return job


@dataclass
class FileReport:
    path: str
    kind: str
    read: int = 0
    kept: int = 0
    malformed: Malformed = field(default_factory=Malformed)
    error: str | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["malformed"] = {"count": self.malformed.count, "lines": self.malformed.lines}
        return out


@dataclass
class CatalogImportReport:
    files: list[FileReport] = field(default_factory=list)
    problems: list[CatalogFileError] = field(default_factory=list)  # files not imported
    counts: dict[str, int] = field(default_factory=dict)
    imported_at: str | None = None
    seconds: float = 0.0

    @property
    def imported(self) -> bool:
        return any(f.error is None or f.kept for f in self.files)


Row = tuple[Any, ...]  # a row to insert, in its catalog table's column order (store.schema)


class _Converters:
    """One function per file kind: a row's fields -> the row to insert, None to skip it, or
    ValueError when the row is malformed. The id sets are filled as rows are kept."""

    def __init__(self) -> None:
        self.titles = IdSet()
        self.wanted_names = IdSet()
        self._seen_names = IdSet()
        self._aka_title = ""
        self._aka_keys: set[str] = set()

    def title(self, fields: list[str]) -> Row | None:
        tconst, kind, primary, original, adult, start, _end, runtime, genres = fields
        if kind not in KEPT_TITLE_TYPES or adult == "1":
            # adult titles are left out: none is reviewed here, and their titles parody the
            # films critics do review, which would make those ambiguous
            return None
        number = imdb_number(tconst, "tt")
        if not _text(primary):
            raise ValueError("no primaryTitle")
        if number in self.titles:
            raise ValueError(f"{tconst} given twice")
        row = (
            tconst,
            title_key(primary),
            primary,
            _text(original) if original != primary else None,
            kind,
            _year(start, "startYear"),
            _year(runtime, "runtimeMinutes"),
            _text(genres),
        )
        self.titles.add(number)
        return row

    def principal(self, fields: list[str]) -> Row | None:
        tconst, ordering, nconst, category, job, characters = fields
        imdb_job = _text(job)
        mapped = map_job(category, imdb_job)
        if mapped is None or imdb_number(tconst, "tt") not in self.titles:
            return None
        name = imdb_number(nconst, "nm")
        if not ordering.isdigit():
            raise ValueError(f"ordering {ordering[:20]!r} is not a number")
        chars = _text(characters)
        if chars is not None and not (chars.startswith("[") and chars.endswith("]")):
            raise ValueError("characters is not a JSON list")
        self.wanted_names.add(name)
        return (tconst, nconst, int(ordering), category, mapped, imdb_job, chars)

    def name(self, fields: list[str]) -> Row | None:
        nconst, primary, birth, death, _professions, _known = fields
        number = imdb_number(nconst, "nm")
        if number not in self.wanted_names:
            return None
        if not _text(primary):
            raise ValueError("no primaryName")
        if number in self._seen_names:
            raise ValueError(f"{nconst} given twice")
        self._seen_names.add(number)
        surname, first = person_key(primary)
        return (
            nconst,
            primary,
            surname,
            first,
            _year(birth, "birthYear"),
            _year(death, "deathYear"),
        )

    def aka(self, fields: list[str]) -> Row | None:
        tconst, _ordering, title, region = fields[:4]
        if imdb_number(tconst, "tt") not in self.titles or not _text(title):
            return None
        key = title_key(title)
        # akas of a title come together in IMDb's file and repeat a title per region: one
        # row per distinct key is all a lookup needs
        if tconst != self._aka_title:
            self._aka_title, self._aka_keys = tconst, set()
        if not key or key in self._aka_keys:
            return None
        self._aka_keys.add(key)
        return (tconst, key, title, _text(region))


def import_catalog(
    engine: Engine,
    targets: Iterable[str | Path],
    progress: ImportProgress | None = None,
    batch_size: int = BATCH_SIZE,
) -> CatalogImportReport:
    """Replace the catalog tables of the files found in `targets` (folders or files).

    A file that can't be used (missing, wrong header, binary) is reported and its table left as
    it was; malformed rows are counted with their line numbers and skipped. Tables of files not
    given keep their rows, pruned to the titles and names still kept."""
    started = time.perf_counter()
    report = CatalogImportReport()
    datasets, report.problems = find_dataset_files(targets)
    usable: list[DatasetFile] = []
    for dataset in datasets:
        try:
            check_header(dataset)
            usable.append(dataset)
        except CatalogFileError as exc:
            report.problems.append(exc)
    if not usable:
        return report
    kinds = {d.kind for d in usable}
    conv = _Converters()
    if "title.basics" not in kinds:
        _load_ids(engine, catalog_titles, "tconst", "tt", conv.titles)
        if not conv.titles.size:  # nothing could be kept: say why rather than import nothing
            for dataset in usable:
                report.problems.append(
                    CatalogFileError(
                        dataset.path,
                        "needs title.basics (imported now or before): it decides "
                        "which titles are kept",
                    )
                )
            return report
    convert = {
        "title.basics": conv.title,
        "title.principals": conv.principal,
        "name.basics": conv.name,
        "title.akas": conv.aka,
    }
    for dataset in usable:
        if dataset.kind == "name.basics" and "title.principals" not in kinds:
            _load_ids(engine, catalog_credits, "nconst", "nm", conv.wanted_names)
        report.files.append(
            _import_file(engine, dataset, convert[dataset.kind], progress, batch_size)
        )
    _prune(engine, kinds, conv)
    with engine.begin() as conn:
        report.counts = store.counts(conn)
        report.imported_at = store.record_import(
            conn, [f.as_dict() for f in report.files], report.counts
        )
    report.seconds = time.perf_counter() - started
    return report


def _import_file(
    engine: Engine,
    dataset: DatasetFile,
    convert: Callable[[list[str]], Row | None],
    progress: ImportProgress | None,
    batch_size: int,
) -> FileReport:
    started = time.perf_counter()
    table = store.TABLES[dataset.kind]
    out = FileReport(str(dataset.path), dataset.kind)
    label = str(dataset.path)

    def advance(done: int, total: int) -> None:
        if progress is not None:
            progress(label, done, total)

    with engine.begin() as conn:
        store.clear(conn, table)
    batch: list[Row] = []
    bad_values = 0  # malformed rows found here; iter_rows counts those with bad columns
    try:
        for line_no, fields in iter_rows(dataset, out.malformed, advance):
            out.read += 1
            try:
                row = convert(fields)
            except ValueError as exc:
                out.malformed.add(line_no, str(exc))
                bad_values += 1
                continue
            if row is None:
                continue
            batch.append(row)
            if len(batch) >= batch_size:
                _write(engine, table, batch)
                out.kept += len(batch)
                batch = []
    except CatalogFileError as exc:
        out.error = exc.reason
    _write(engine, table, batch)
    out.kept += len(batch)
    out.read += out.malformed.count - bad_values
    out.seconds = time.perf_counter() - started
    return out


def _write(engine: Engine, table: Any, rows: list[Row]) -> None:
    with engine.begin() as conn:
        store.insert_rows(conn, table, rows)


def _load_ids(engine: Engine, table: Any, column: str, prefix: str, into: IdSet) -> None:
    """The ids an earlier import kept, for a file imported without the file that decides them."""
    with engine.connect() as conn:
        for value in store.iter_ids(conn, table, column):
            into.add(imdb_number(value, prefix))


def _prune(engine: Engine, kinds: set[str], conv: _Converters) -> None:
    """Rows of tables not re-imported that point at titles or names no longer kept."""
    if "title.basics" in kinds:
        if "title.akas" not in kinds:
            _delete_missing(engine, catalog_akas, "tconst", "tt", conv.titles)
        if "title.principals" not in kinds:
            _delete_missing(engine, catalog_credits, "tconst", "tt", conv.titles)
            conv.wanted_names = IdSet()  # credits were only pruned: re-read who is left
            _load_ids(engine, catalog_credits, "nconst", "nm", conv.wanted_names)
    if "name.basics" not in kinds and kinds & {"title.basics", "title.principals"}:
        _delete_missing(engine, catalog_names, "nconst", "nm", conv.wanted_names)


def _delete_missing(engine: Engine, table: Any, column: str, prefix: str, keep: IdSet) -> None:
    # Streamed and deleted in chunks: under WAL the reading connection keeps its snapshot
    # while the deletes commit, and memory stays bounded however much goes.
    gone: list[str] = []
    with engine.connect() as reading:
        for value in store.iter_ids(reading, table, column):
            if imdb_number(value, prefix) not in keep:
                gone.append(value)
            if len(gone) >= 10_000:
                _delete(engine, table, column, gone)
                gone = []
    _delete(engine, table, column, gone)


def _delete(engine: Engine, table: Any, column: str, ids: list[str]) -> None:
    with engine.begin() as conn:
        store.delete_ids(conn, table, column, sorted(set(ids)))
