"""`critic score [FILE|-]`: score review texts given as JSON Lines, one result line per input.

Input lines are objects with "text" (required) and "id"; other keys are passed through.
Output lines: id, score, fresh, confidence, evidence, grade / grade_score where the text
carries a written grade, then the passed-through keys (the scorer's own keys win a clash).
Lines are read and written in batches, so a long file streams. A line that is not a JSON
object with a string "text" is reported on stderr with its line number; the rest goes on.
The exit status is non-zero only when there was input and not one line could be scored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from critic.analyse.scoring import Scorer, load_default_scorer
from critic.ingest.grades import find_grade
from critic.records import Score

_OWN_KEYS = ("id", "score", "fresh", "confidence", "evidence", "grade", "grade_score")


@dataclass
class _Item:
    line: int
    id: Any
    text: str
    extra: dict[str, Any]


def _parse(number: int, line: str) -> _Item:
    """One input line as an item; ValueError with a reason a user can act on."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(row, dict):
        raise ValueError(f"expected a JSON object, got {type(row).__name__}")
    text = row.get("text")
    if not isinstance(text, str):
        raise ValueError('no "text" string')
    extra = {k: v for k, v in row.items() if k not in ("id", "text")}
    # an input without ids still gets lines a reader can match: the line number
    return _Item(number, row.get("id", number), text, extra)


def _batches(lines: IO[str], size: int, failed: list[str]) -> Iterator[list[_Item]]:
    """Valid items in batches of `size`; each bad line's message is appended to `failed`."""
    batch: list[_Item] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            batch.append(_parse(number, line))
        except ValueError as error:
            failed.append(f"line {number}: {error}")
            continue
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def result_row(item_id: Any, text: str, score: Score, extra: dict[str, Any]) -> dict[str, Any]:
    """The output object for one review."""
    row: dict[str, Any] = {
        "id": item_id,
        "score": score.score,
        "fresh": score.fresh,
        "confidence": score.confidence,
        "evidence": [
            {"text": e.text, "start": e.start, "end": e.end, "polarity": e.polarity}
            for e in score.evidence
        ],
    }
    grade = find_grade(text)
    if grade is not None:
        row["grade"] = grade.text
        row["grade_score"] = grade.score
    row.update({k: v for k, v in extra.items() if k not in _OWN_KEYS})
    return row


def score_stream(
    lines: IO[str], out: IO[str], scorer: Scorer, batch_size: int, errors: Console
) -> tuple[int, int]:
    """Score every line of `lines` onto `out`; returns (lines scored, lines that failed)."""
    scored = failures = 0
    failed: list[str] = []

    def report() -> None:
        nonlocal failures
        for message in failed:
            errors.print(message, markup=False, highlight=False)
        failures += len(failed)
        failed.clear()

    progress = Progress(
        SpinnerColumn(), TextColumn("scored {task.completed} reviews"), TimeElapsedColumn(),
        console=errors, transient=True, disable=not errors.is_terminal,
    )  # fmt: skip
    with progress:
        task = progress.add_task("score", total=None)
        for batch in _batches(lines, batch_size, failed):
            report()
            for item, result in zip(batch, scorer.score([i.text for i in batch]), strict=True):
                row = result_row(item.id, item.text, result, item.extra)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            scored += len(batch)
            progress.update(task, completed=scored)
        report()  # bad lines after the last batch
    return scored, failures


@click.command("score")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Reviews scored per batch (and per flush of the output).",
)
@click.option(
    "--device",
    type=click.Choice(["cpu", "cuda"]),
    default="cpu",
    show_default=True,
    help="The shipped scorer runs on CPU only; cuda is accepted and runs on CPU.",
)
def score(source: IO[str], batch_size: int, device: str) -> None:
    """Score reviews from a JSON Lines FILE (or - for stdin): one JSON line out per review."""
    errors = Console(stderr=True)
    scorer = load_default_scorer()
    if device == "cuda":
        errors.print(f"note: {scorer.id} {scorer.version} runs on CPU; scoring on CPU",
                     markup=False, highlight=False)  # fmt: skip
    scored, failures = score_stream(source, sys.stdout, scorer, batch_size, errors)
    if failures and not scored:
        raise click.ClickException("no line could be scored")
