"""Turn what a user points at (files, folders, exports, stdin, URLs) into RawInput units.

Each unit carries the bytes exactly as given plus a `source` that names it precisely
(`reviews.jsonl#line=12`), so a failure can be reported against it and the rest goes on.
Nothing here interprets the text; that is `clean.py`'s job.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import httpx

from critic.records import IngestFailure, RawInput

# A single review is a few KB; a file above this is not one review, and reading it whole would
# cost memory for nothing. Row exports (.jsonl/.csv) are streamed row by row instead.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_ROW_TEXT_CHARS = 1_000_000
URL_TIMEOUT_S = 15.0

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ROW_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES

# Row keys users' exports actually use, mapped to ours.
_ROW_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "review", "content", "body", "review_text"),
    "film": ("film", "title", "movie", "film_title", "movie_title"),
    "year": ("year", "film_year"),
    "critic": ("critic", "author", "reviewer", "byline"),
    "outlet": ("outlet", "publisher", "publication", "site", "source"),
    "published": ("published", "date", "published_at", "review_date"),
    "grade": ("grade", "rating", "score_as_written", "stars"),
    "url": ("url", "link"),
    "writer": ("writer",),
}


class InputTooLarge(Exception):
    pass


def kind_of(path: Path) -> tuple[str, bool]:
    """The effective suffix (ignoring a trailing .gz) and whether the file is gzipped."""
    suffixes = [s.lower() for s in path.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gzipped


def iter_inputs(targets: Iterable[str]) -> Iterator[RawInput | IngestFailure]:
    """Every unit of input under `targets`, in order; failures are yielded, not raised."""
    for target in targets:
        if target == "-":
            yield from _from_stream(sys.stdin.buffer, "-", ".txt")
        elif target.startswith(("http://", "https://")):
            yield fetch_url(target)
        else:
            path = Path(target)
            if path.is_dir():
                files = sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.parts[-1:])
                    and kind_of(p)[0] in SUPPORTED
                )
                if not files:
                    yield IngestFailure(
                        target, "folder holds no .txt/.md/.html/.jsonl/.json/.csv files"
                    )
                for file in files:
                    yield from iter_file(file)
            elif path.exists():
                yield from iter_file(path)
            else:
                yield IngestFailure(target, "no such file or folder")


def iter_file(path: Path) -> Iterator[RawInput | IngestFailure]:
    suffix, gzipped = kind_of(path)
    source = str(path)
    if suffix not in SUPPORTED:
        yield IngestFailure(source, f"unsupported file type {suffix or '(none)'!r}")
        return
    try:
        if suffix in ROW_SUFFIXES:
            with _open(path, gzipped) as stream:
                yield from _rows(stream, source, suffix)
            return
        if not gzipped and path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise InputTooLarge
        with _open(path, gzipped) as stream:
            data = _read_limited(stream)
    except InputTooLarge:
        yield IngestFailure(source, _too_large())
        return
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield IngestFailure(source, f"cannot read file: {exc}")
        return
    media = "text/html" if suffix in HTML_SUFFIXES else "text/plain"
    yield RawInput(source=source, media_type=media, data=data)


def _open(path: Path, gzipped: bool) -> BinaryIO:
    return gzip.open(path, "rb") if gzipped else path.open("rb")  # type: ignore[return-value]


def _too_large() -> str:
    return (
        f"file is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB, the limit for one review "
        "(put many reviews in a .jsonl or .csv file: those are read row by row)"
    )


def _read_limited(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputTooLarge
    return data


def _from_stream(stream: BinaryIO, source: str, suffix: str) -> Iterator[RawInput | IngestFailure]:
    try:
        data = _read_limited(stream)
    except InputTooLarge:
        yield IngestFailure(source, _too_large())
        return
    media = (
        "text/html"
        if data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html"))
        else ("text/plain")
    )
    yield RawInput(source=source, media_type=media, data=data)


def normalize_row(row: dict[str, Any]) -> dict[str, Any]:
    """Map an export's keys onto ours. Unknown keys are dropped here; the row's raw bytes,
    stored with the review, keep them."""
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    out: dict[str, Any] = {}
    for ours, theirs in _ROW_KEYS.items():
        for key in theirs:
            value = lowered.get(key)
            if value not in (None, ""):
                out[ours] = value
                break
    return out


def _row_input(row: Any, raw: bytes, source: str) -> RawInput | IngestFailure:
    if not isinstance(row, dict):
        return IngestFailure(source, "row is not a JSON object")
    fields = normalize_row(row)
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestFailure(source, "row has no 'text'")
    if len(text) > MAX_ROW_TEXT_CHARS:
        return IngestFailure(source, f"row text longer than {MAX_ROW_TEXT_CHARS:,} characters")
    return RawInput(source=source, media_type="application/x-review-row", data=raw, fields=fields)


def _rows(stream: BinaryIO, source: str, suffix: str) -> Iterator[RawInput | IngestFailure]:
    if suffix == ".csv":
        yield from _csv_rows(stream, source)
    elif suffix == ".json":
        yield from _json_document(stream, source)
    else:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = f"{source}#line={number}"
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield IngestFailure(where, f"malformed JSON: {exc}")
                continue
            yield _row_input(row, line.rstrip(b"\r\n"), where)


def _json_document(stream: BinaryIO, source: str) -> Iterator[RawInput | IngestFailure]:
    data = stream.read(MAX_DOCUMENT_BYTES * 20 + 1)
    if len(data) > MAX_DOCUMENT_BYTES * 20:
        yield IngestFailure(source, "JSON file too large to load whole: use JSON Lines (.jsonl)")
        return
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield IngestFailure(source, f"malformed JSON: {exc}")
        return
    if isinstance(parsed, dict) and isinstance(parsed.get("reviews"), list):
        parsed = parsed["reviews"]
    rows = parsed if isinstance(parsed, list) else [parsed]
    for index, row in enumerate(rows):
        raw = json.dumps(row, ensure_ascii=False).encode("utf-8")
        yield _row_input(row, raw, f"{source}#item={index}")


def _csv_rows(stream: BinaryIO, source: str) -> Iterator[RawInput | IngestFailure]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    try:
        reader = csv.DictReader(text)
        for number, row in enumerate(reader, start=2):  # line 1 is the header
            where = f"{source}#row={number}"
            if None in row:  # more cells than the header names
                yield IngestFailure(where, "row has more cells than the header")
                continue
            out = io.StringIO()
            csv.writer(out).writerow([row.get(name) or "" for name in reader.fieldnames or []])
            yield _row_input(dict(row), out.getvalue().rstrip("\r\n").encode("utf-8"), where)
    except UnicodeDecodeError as exc:
        yield IngestFailure(source, f"CSV is not UTF-8 text: {exc}")
    except csv.Error as exc:
        yield IngestFailure(source, f"malformed CSV: {exc}")
    finally:
        text.detach()


_FETCHABLE = ("text/html", "application/xhtml+xml", "text/plain")


def fetch_url(url: str, timeout: float | None = None) -> RawInput | IngestFailure:
    """Fetch one page with a real HTTP client: timeout, size limit, content-type check."""
    timeout = URL_TIMEOUT_S if timeout is None else timeout
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=5,
                headers={"User-Agent": "critic/0.1 (+review aggregation; self-hosted)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                return IngestFailure(url, f"HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type not in _FETCHABLE:
                return IngestFailure(url, f"not a web page or text (content-type {content_type})")
            declared = int(response.headers.get("content-length") or 0)
            if declared > MAX_DOCUMENT_BYTES:
                return IngestFailure(url, _too_large())
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_DOCUMENT_BYTES:
                    return IngestFailure(url, _too_large())
                chunks.append(chunk)
    except httpx.TimeoutException:
        return IngestFailure(url, f"timed out after {timeout:g} s")
    except httpx.HTTPError as exc:
        return IngestFailure(url, f"could not fetch: {exc}")
    media = "text/plain" if content_type == "text/plain" else "text/html"
    return RawInput(source=url, media_type=media, data=b"".join(chunks), fields={"url": url})
