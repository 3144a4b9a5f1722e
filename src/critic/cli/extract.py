"""`critic extract [FILE|-]`: JSON Lines of reviews in, who's who per review out.

Stateless and streaming: each input line `{"id", "text", ...}` gives one output line
with the other keys passed through. A malformed line is reported on stderr with its line
number and skipped; the rest goes on.
"""

from __future__ import annotations

import json
import sys
import time
from collections import deque
from collections.abc import Iterator
from typing import IO, Any

import click

from critic.analyse.extract import extract_many
from critic.records import WRITERS, DocumentMeta, writer_kind

_META_KEYS = ("film", "year", "critic", "outlet", "published", "grade", "url", "html_title")


def _meta(row: dict[str, Any], writer: str | None) -> DocumentMeta:
    fields = {k: row[k] for k in _META_KEYS if isinstance(row.get(k), str | int)}
    if "year" in fields:
        try:
            fields["year"] = int(fields["year"])
        except ValueError:
            del fields["year"]
    if "writer" in row:
        writer = writer_kind(row["writer"])
        if writer is None:
            raise ValueError(f"writer must be 'critic' or 'user', not {str(row['writer'])[:40]!r}")
    cast = row.get("cast")
    return DocumentMeta(
        **fields,
        cast=[c for c in cast if isinstance(c, str)] if isinstance(cast, list) else [],
        writer=writer,
    )


def _rows(
    stream: IO[str], pending: deque[dict[str, Any]], errors: list[int], writer: str | None
) -> Iterator[tuple[str, DocumentMeta]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError('expected an object with a "text" string')
            meta = _meta(row, writer)
        except ValueError as exc:
            errors.append(number)
            click.echo(f"line {number}: skipped: {exc}", err=True)
            continue
        pending.append(row)
        yield row["text"], meta


@click.command("extract")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--batch-size", default=16, show_default=True, help="Reviews per spaCy batch.")
@click.option("--processes", default=1, show_default=True, help="Worker processes (one core each).")
@click.option(
    "--writer",
    type=click.Choice(WRITERS),
    help='Who wrote the rows that have no "writer" key: critics (the default) name their '
    "film; users often don't, so a user review's film must be surer to be kept.",
)
@click.option("--quiet", is_flag=True, help="No progress on stderr.")
def extract_command(
    source: IO[str], batch_size: int, processes: int, writer: str | None, quiet: bool
) -> None:
    """Read reviews as JSON Lines ({"id", "text"}) and write film, people, works, quotes."""
    pending: deque[dict[str, Any]] = deque()
    errors: list[int] = []
    started = time.perf_counter()
    done = 0
    results = extract_many(
        _rows(source, pending, errors, writer), batch_size=batch_size, n_process=processes
    )
    for result in results:
        row = pending.popleft()
        out = {k: v for k, v in row.items() if k != "text"}
        out.setdefault("id", None)
        out.update(result)
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        done += 1
        if not quiet and done % 100 == 0:
            rate = done / (time.perf_counter() - started)
            click.echo(f"extracted {done} reviews ({rate:.1f}/s)", err=True)
    sys.stdout.flush()
    if not quiet:
        elapsed = time.perf_counter() - started
        click.echo(
            f"extracted {done} reviews in {elapsed:.1f}s; {len(errors)} lines skipped", err=True
        )


# the lead registers commands by name; keep the conventional alias too
extract = extract_command
