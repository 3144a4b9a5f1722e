"""`critic` command line: parses options, calls the library, renders its result."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.console import Console

from critic.cli.render import print_dossier, print_films, print_reviews, print_search
from critic.library import Ambiguous, Library, NotFound, open_library
from critic.records import WRITERS, Overrides
from critic.store.database import DEFAULT_DB_ENV, default_db_path

err = Console(stderr=True, soft_wrap=True)  # a failure line stays one line


def _library(ctx: click.Context, read_only: bool = False) -> Library:
    return open_library(ctx.obj["db"], read_only=read_only)


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group()
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar=DEFAULT_DB_ENV,
    default=None,
    help=f"Library database file (default: ${DEFAULT_DB_ENV} or {default_db_path()}).",
)
@click.version_option(package_name="critic")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """critic: film reviews in, films, scores, credits and aggregates out."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_db_path()


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--film", help="The film these reviews are about, when the input doesn't say.")
@click.option("--year", type=int, help="The film's year.")
@click.option("--critic", help="The critic who wrote them.")
@click.option("--outlet", help="Where they were published.")
@click.option("--published", help="Publication date (YYYY-MM-DD).")
@click.option(
    "--writer",
    type=click.Choice(WRITERS),
    help="Who wrote them: critics (the default) name their film; users often don't, so a "
    "user review's film must be surer to be kept.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, inputs: tuple[str, ...], quiet: bool, **given: Any) -> None:
    """Ingest files, folders, .jsonl/.json/.csv exports (gzipped too), URLs or - (stdin)."""
    from critic.cli.progress import progress_bar

    overrides = Overrides(**given)
    library = _library(ctx)
    with progress_bar("Ingesting", disabled=quiet) as advance:
        report = library.ingest(inputs, overrides, progress=advance)
    for failure in report.failed:
        err.print(
            f"[red]failed[/red] {failure.source}: {failure.reason}", highlight=False, markup=True
        )
    err.print(
        f"added {len(report.added)}, already present {len(report.present)}, "
        f"failed {len(report.failed)}"
    )
    if not report.added and not report.present:
        sys.exit(1)


@cli.command()
@click.option("--scores", "scores_only", is_flag=True, help="Only re-run the scorer.")
@click.pass_context
def reanalyse(ctx: click.Context, scores_only: bool) -> None:
    """Re-run the analysis over the stored raw input (after a component improved)."""
    from critic.cli.progress import progress_bar

    with progress_bar("Re-analysing") as advance:
        count = _library(ctx).reanalyse(scores_only=scores_only, progress=advance)
    err.print(f"re-analysed {count} reviews")


@cli.command()
@click.option(
    "--sort",
    type=click.Choice(["reviews", "score", "positive", "title", "year", "date"]),
    default="reviews",
    show_default=True,
)
@click.option("--ascending", is_flag=True)
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def films(
    ctx: click.Context, sort: str, ascending: bool, limit: int, offset: int, as_json: bool
) -> None:
    """Films in the library with their review counts, % positive and mean score."""
    rows = _library(ctx, read_only=True).films(sort, limit, offset, descending=not ascending)
    _emit_json(rows) if as_json else print_films(rows)


def _find_or_exit(action: Any) -> Any:
    try:
        return action()
    except Ambiguous as exc:
        err.print("several films match; use the id:")
        for m in exc.matches:
            err.print(f"  {m['id']}: {m['title']} ({m['year'] or '?'})", highlight=False)
        sys.exit(2)
    except NotFound as exc:
        err.print(str(exc))
        sys.exit(1)


@cli.command()
@click.argument("title_or_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def film(ctx: click.Context, title_or_id: str, as_json: bool) -> None:
    """A film's dossier: verdict, spread, reviews, people, quotes."""
    dossier = _find_or_exit(lambda: _library(ctx, read_only=True).film(title_or_id))
    _emit_json(dossier) if as_json else print_dossier(dossier)


@cli.command()
@click.option("--film", "film_title", help="Only this film (title or id).")
@click.option("--critic", help="Only this critic (name or id).")
@click.option("--outlet", help="Only this outlet (name or id).")
@click.option("--unattributed", is_flag=True, help="Only reviews whose film couldn't be told.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def reviews(
    ctx: click.Context,
    film_title: str | None,
    critic: str | None,
    outlet: str | None,
    unattributed: bool,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List reviews."""
    rows = _find_or_exit(
        lambda: _library(ctx, read_only=True).reviews(
            film_title, critic, outlet, unattributed, limit, offset
        )
    )
    _emit_json(rows) if as_json else print_reviews(rows)


@cli.command()
@click.argument("text")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, as_json: bool) -> None:
    """Full-text search over reviews (and film titles, people's names)."""
    result = _library(ctx, read_only=True).search(text, limit)
    _emit_json(result) if as_json else print_search(result)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-")
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Any) -> None:
    """Every review with its film, score and text."""
    count = _library(ctx, read_only=True).export(output, fmt)
    err.print(f"exported {count} reviews")


def _register_commands() -> None:
    # Commands that live in their own modules; each is a plain click command.
    from critic.cli.catalog import catalog
    from critic.cli.extract import extract_command
    from critic.cli.score import score
    from critic.cli.serve import serve

    for command in (score, extract_command, serve, catalog):
        cli.add_command(command)


_register_commands()
