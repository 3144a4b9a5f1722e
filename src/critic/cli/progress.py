"""A rich progress display on stderr for long runs; silent when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)


@contextmanager
def progress_bar(
    label: str, total: int | None = None, disabled: bool = False
) -> Iterator[Callable[[int, str], None]]:
    """Yield `advance(done, current_name)`; the display updates at most a few times a second."""
    console = Console(stderr=True)
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[current]}"),
    ]
    with Progress(
        *columns, console=console, transient=True, disable=disabled or not console.is_terminal
    ) as progress:
        task = progress.add_task(label, total=total, current="")

        def advance(done: int, current: str) -> None:
            progress.update(task, completed=done, current=current[-50:])

        yield advance


@contextmanager
def file_progress(label: str, disabled: bool = False) -> Iterator[Callable[[str, int, int], None]]:
    """Yield `advance(path, bytes_done, bytes_total)`: one bar per file, in bytes of the file."""
    console = Console(stderr=True)
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(
        *columns, console=console, transient=False, disable=disabled or not console.is_terminal
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def advance(path: str, done: int, total: int) -> None:
            if path not in tasks:
                tasks[path] = progress.add_task(f"{label} {Path(path).name}", total=total)
            progress.update(tasks[path], completed=done, total=total)

        yield advance
