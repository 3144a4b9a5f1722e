"""IMDb's public dataset files: finding them, checking them, streaming their rows.

The files are tab-separated, one header line, `\\N` for null, UTF-8 and no quoting at all (a
title may hold a lone double quote), so a line is split on tabs; a csv reader would try to
interpret the quotes. Rows are read as bytes and decoded one line at a time so that a line that
is not UTF-8 is one malformed row with its line number, not the end of the file.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

NULL = "\\N"
COLUMNS: dict[str, tuple[str, ...]] = {
    "title.basics": (
        "tconst",
        "titleType",
        "primaryTitle",
        "originalTitle",
        "isAdult",
        "startYear",
        "endYear",
        "runtimeMinutes",
        "genres",
    ),
    "title.akas": (
        "titleId",
        "ordering",
        "title",
        "region",
        "language",
        "types",
        "attributes",
        "isOriginalTitle",
    ),
    "name.basics": (
        "nconst",
        "primaryName",
        "birthYear",
        "deathYear",
        "primaryProfession",
        "knownForTitles",
    ),
    "title.principals": ("tconst", "ordering", "nconst", "category", "job", "characters"),
}
# Titles first (they decide what is kept), then principals (they decide which names are kept),
# then names and akas, which only look up what the first two kept.
IMPORT_ORDER = ("title.basics", "title.principals", "name.basics", "title.akas")
MAX_REPORTED_LINES = 20
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 65536


class CatalogFileError(Exception):
    """A dataset file that can't be read at all; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass
class DatasetFile:
    path: Path
    kind: str  # a key of COLUMNS


@dataclass
class Malformed:
    """Rows skipped for being malformed: a count, and the first few line numbers with why."""

    count: int = 0
    lines: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.count += 1
        if len(self.lines) < MAX_REPORTED_LINES:
            self.lines.append((line, reason))


def kind_from_name(path: Path) -> str | None:
    name = path.name
    for suffix in (".tsv.gz", ".tsv"):
        if name.endswith(suffix) and name[: -len(suffix)] in COLUMNS:
            return name[: -len(suffix)]
    return None


def find_dataset_files(
    targets: Iterable[str | Path],
) -> tuple[list[DatasetFile], list[CatalogFileError]]:
    """The dataset files the targets name (folders searched by IMDb's file names), in import
    order, and a problem for each target that names none."""
    found: dict[str, DatasetFile] = {}
    problems: list[CatalogFileError] = []
    for target in targets:
        path = Path(target).expanduser()
        if path.is_dir():
            in_dir = [_in_folder(path, kind) for kind in COLUMNS]
            if not any(in_dir):
                names = ", ".join(f"{k}.tsv.gz" for k in COLUMNS)
                problems.append(CatalogFileError(path, f"no IMDb dataset files here ({names})"))
            candidates = [f for f in in_dir if f is not None]
        elif not path.exists():
            problems.append(CatalogFileError(path, "no such file or folder"))
            continue
        else:
            try:
                candidates = [DatasetFile(path, kind_from_name(path) or sniff_kind(path))]
            except CatalogFileError as exc:
                problems.append(exc)
                continue
        for dataset in candidates:
            if dataset.kind in found:
                problems.append(
                    CatalogFileError(
                        dataset.path,
                        f"a second {dataset.kind} file (using {found[dataset.kind].path})",
                    )
                )
                continue
            found[dataset.kind] = dataset
    return [found[k] for k in IMPORT_ORDER if k in found], problems


def _in_folder(folder: Path, kind: str) -> DatasetFile | None:
    for suffix in (".tsv.gz", ".tsv"):
        if (folder / f"{kind}{suffix}").is_file():
            return DatasetFile(folder / f"{kind}{suffix}", kind)
    return None


def sniff_kind(path: Path) -> str:
    """A file not named like IMDb's: told by its header line."""
    header = _read_header(path)
    for kind, columns in COLUMNS.items():
        if tuple(header) == columns:
            return kind
    raise CatalogFileError(
        path,
        "not an IMDb dataset file: its name is not one of "
        + ", ".join(f"{k}.tsv[.gz]" for k in COLUMNS)
        + f" and its header ({' '.join(header)[:120]!r}) is none of theirs",
    )


def _open_binary(path: Path) -> tuple[IO[bytes], IO[bytes]]:
    """(the file on disk, a buffered reader of its content): gzip when its bytes say so."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise CatalogFileError(path, f"can't be opened ({exc.strerror or exc})") from exc
    if raw.read(2) == _GZIP_MAGIC:
        raw.seek(0)
        return raw, io.BufferedReader(gzip.GzipFile(fileobj=raw, mode="rb"), 1 << 20)
    if path.name.endswith(".gz"):
        raw.close()
        raise CatalogFileError(path, "named .gz but not a gzip file")
    raw.seek(0)
    return raw, raw


def _read_header(path: Path) -> list[str]:
    raw, content = _open_binary(path)
    try:
        head = content.read(_SNIFF_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CatalogFileError(path, f"can't be read ({exc})") from exc
    finally:
        raw.close()
    if not head.strip():
        raise CatalogFileError(path, "empty file")
    if b"\x00" in head:
        raise CatalogFileError(path, "binary file, not tab-separated text")
    first = head.split(b"\n", 1)[0]
    try:
        line = first.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogFileError(path, "binary file or not UTF-8 text") from exc
    return line.rstrip("\r\n").split("\t")


def check_header(dataset: DatasetFile) -> None:
    """Refuse a file whose header is not its kind's, before any table is touched."""
    header = tuple(_read_header(dataset.path))
    expected = COLUMNS[dataset.kind]
    if header != expected:
        raise CatalogFileError(
            dataset.path,
            f"wrong header for {dataset.kind}: expected {' '.join(expected)!r}, "
            f"found {' '.join(header)[:200]!r}",
        )


ByteProgress = Callable[[int, int], None]  # (bytes of the file read so far, its size)


def iter_rows(
    dataset: DatasetFile,
    malformed: Malformed,
    progress: ByteProgress | None = None,
    every: int = 65536,
) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data line with the right number of columns; the rest are
    counted in `malformed`. Progress is in bytes of the file on disk (compressed or not)."""
    width = len(COLUMNS[dataset.kind])
    size = dataset.path.stat().st_size
    raw, content = _open_binary(dataset.path)
    line_no = 1
    try:
        content.readline()  # the header, checked by check_header
        for line_no, data in enumerate(content, start=2):
            if progress is not None and line_no % every == 0:
                progress(raw.tell(), size)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                malformed.add(line_no, "not UTF-8")
                continue
            fields = text.rstrip("\r\n").split("\t")
            if len(fields) != width:
                if len(fields) == 1 and not fields[0]:
                    continue  # a blank line (a trailing one, typically)
                malformed.add(line_no, f"{len(fields)} columns, expected {width}")
                continue
            yield line_no, fields
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CatalogFileError(
            dataset.path, f"unreadable after line {line_no} ({exc}); rows before it were kept"
        ) from exc
    finally:
        raw.close()
    if progress is not None:
        progress(size, size)
