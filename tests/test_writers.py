"""Who wrote a review (DocumentMeta.writer): critics name the film they review, users often
don't, so a user review's film guess must be surer to be kept."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from critic.analyse.films import identify_film
from critic.analyse.title_model import shipped_title_model
from critic.cli.extract import extract_command
from critic.library import Library
from critic.records import DocumentMeta, Overrides, writer_kind

REVIEW = (
    "Harbour Lights is a warm, funny and finally moving film about two sisters who inherit a "
    "failing cinema. The performances are lovely and the script is sharp. Recommended."
)


def test_writer_kinds_are_read_in_either_number_and_anything_else_is_none() -> None:
    assert writer_kind("Users") == "user"
    assert writer_kind(" critic ") == "critic"
    assert writer_kind("editor") is None
    assert writer_kind(None) is None


def test_rows_say_who_wrote_them_and_a_bad_writer_fails_its_row_by_name(
    library: Library, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "\n".join(
            json.dumps(r)
            for r in (
                {"text": REVIEW + " One.", "writer": "users"},
                {"text": REVIEW + " Two.", "writer": "editor"},
                {"text": REVIEW + " Three."},
            )
        )
        + "\n"
    )
    report = library.ingest([str(rows)])
    assert [(f.source.split("#")[1], f.reason) for f in report.failed] == [
        ("line=2", "writer must be 'critic' or 'user', not 'editor'")
    ]
    writers = sorted(str(library.review(r)["meta"].get("writer")) for r in report.added)
    assert writers == ["None", "user"]


def test_the_command_line_writer_applies_to_every_review_and_survives_reanalysis(
    library: Library, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(REVIEW)
    report = library.ingest([str(tmp_path / "a.txt")], Overrides(writer="user"))
    assert library.review(report.added[0])["meta"]["writer"] == "user"
    library.reanalyse()
    assert library.review(report.added[0])["meta"]["writer"] == "user"


def test_extract_reads_the_writer_from_rows_or_the_option_and_skips_a_bad_one() -> None:
    lines = [
        {"id": "a", "text": REVIEW},
        {"id": "b", "text": REVIEW, "writer": "critic"},
        {"id": "c", "text": REVIEW, "writer": 3},
    ]
    result = CliRunner().invoke(
        extract_command,
        ["--writer", "user", "--quiet"],
        input="\n".join(json.dumps(line) for line in lines) + "\n",
    )
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert "line 3: skipped: writer must be 'critic' or 'user', not '3'" in result.stderr


def test_a_user_reviews_film_guess_needs_the_users_surer_threshold() -> None:
    model = shipped_title_model()
    assert model is not None
    critics, users = model.thresholds["film_plain"], model.thresholds["film_plain_users"]
    assert critics < users  # users often review a film without naming it
    unsure = "Harbour Lights made me laugh. The sisters are great."
    as_critic = identify_film(unsure, DocumentMeta(writer="critic"))
    assert as_critic.title == "Harbour Lights"
    assert critics <= as_critic.confidence < users  # the case the writer decides
    assert identify_film(unsure, DocumentMeta(writer="user")).title is None
    assert identify_film(unsure, DocumentMeta()).title == "Harbour Lights"  # critic by default
    sure = "Harbour Lights is a warm film about two sisters and an old cinema. We laughed a lot."
    assert identify_film(sure, DocumentMeta(writer="user")).title == "Harbour Lights"
