"""`critic catalog ...`: import IMDb's dataset files, show what is imported, look a title up."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from critic.library import open_library

err = Console(stderr=True, soft_wrap=True, highlight=False)
out = Console(soft_wrap=True, highlight=False)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group("catalog")
def catalog() -> None:
    """The optional IMDb catalog: canonical titles, years and full names (docs/catalog.md)."""


@catalog.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", is_flag=True, help="No progress bars.")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[str, ...], quiet: bool) -> None:
    """Import IMDb's dataset files (a folder holding them, or the files), replacing the catalog.

    Uses title.basics, title.akas, name.basics and title.principals (.tsv or .tsv.gz).
    Run `critic reanalyse` afterwards to settle reviews already in the library."""
    from critic.cli.progress import file_progress

    library = open_library(ctx.obj["db"])
    with file_progress("Importing", disabled=quiet) as advance:
        report = library.import_catalog(paths, progress=advance)
    for problem in report.problems:
        err.print(f"[red]failed[/red] {problem}", markup=True)
    for f in report.files:
        line = f"{f.path}: read {f.read:,} rows, kept {f.kept:,} in {f.seconds:.1f} s"
        if f.malformed.count:
            where = ", ".join(f"line {n} ({why})" for n, why in f.malformed.lines)
            more = "" if f.malformed.count <= len(f.malformed.lines) else ", ..."
            line += f"; skipped {f.malformed.count:,} malformed: {where}{more}"
        err.print(line)
        if f.error:
            err.print(f"[red]failed[/red] {f.path}: {f.error}", markup=True)
    if report.imported_at:
        counts = ", ".join(f"{n:,} {name}" for name, n in report.counts.items())
        err.print(f"catalog now holds {counts} ({report.seconds:.1f} s)")
        if reviews := library.counts().get("reviews"):
            err.print(f"run `critic reanalyse` to settle the {reviews:,} reviews already stored")
    if not report.imported:
        sys.exit(1)


@catalog.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """What the catalog holds, when it was imported and from which files."""
    found = open_library(ctx.obj["db"], read_only=True).catalog_status()
    if as_json:
        _emit_json(found)
        return
    if not found["present"]:
        out.print("no catalog imported (critic catalog import PATH)")
        return
    counts = ", ".join(f"{n:,} {name}" for name, n in found["counts"].items())
    out.print(f"catalog: {counts}")
    out.print(f"imported {found['imported_at']} from:")
    for f in found["files"]:
        bad = f"{f['malformed']['count']:,} malformed" if f["malformed"]["count"] else ""
        notes = "; ".join(x for x in (bad, f.get("error") or "") if x)
        out.print(f"  {f['path']} ({f['kind']}): kept {f['kept']:,} of {f['read']:,}  {notes}")


@catalog.command()
@click.argument("title")
@click.option("--year", type=int, help="Release year (one either side is accepted).")
@click.option("--limit", type=int, default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def find(ctx: click.Context, title: str, year: int | None, limit: int, as_json: bool) -> None:
    """Catalog titles called TITLE (own title or another title it is known by), best first."""
    found = open_library(ctx.obj["db"], read_only=True).catalog_find(title, year)[:limit]
    if as_json:
        _emit_json(found)
        return
    if not found:
        err.print(f"no catalog title matches {title!r}" + (f" ({year})" if year else ""))
        sys.exit(1)
    for entry in found:
        heading = f"{entry['title']} ({entry['year'] or '?'}) {entry['kind']} {entry['imdb_id']}"
        if entry["matched"] == "aka":
            heading += f"  [dim]as {title!r}[/dim]"
        table = Table(title=heading, title_justify="left", show_header=False, box=None)
        for credit in entry["credits"]:
            role = credit["job"] + (f" ({credit['imdb_job']})" if credit["imdb_job"] else "")
            table.add_row(credit["name"], role, ", ".join(credit["characters"]))
        out.print(table)
