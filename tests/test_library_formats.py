"""Every input format through the whole library: metadata lands where it belongs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from critic.cli.main import cli
from critic.library import Library
from critic.records import Overrides

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

REVIEW = (
    "Harbour Lights is a warm, funny and finally moving film about two sisters who inherit a "
    "failing cinema. The performances are lovely and the script is sharp. Recommended."
)


def test_examples_folder_ingests_every_format(library: Library) -> None:
    report = library.ingest([str(EXAMPLES / "seeds"), str(EXAMPLES / "samples")])
    assert not report.failed, report.failed
    titles = {f["title"] for f in library.films()}
    assert {"Tideline", "Ember Road", "The Salt Choir"} <= titles
    tideline = library.film("Tideline")
    assert tideline["aggregate"]["reviews"] == 3  # html page + two export rows, one film


def test_html_page_gives_text_critic_outlet_date_and_grade(library: Library) -> None:
    library.ingest([str(EXAMPLES / "samples" / "tideline.html")])
    [row] = library.reviews()
    review = library.review(row["id"])
    assert review["critic"] == "Marta Quell"
    assert review["outlet"] == "The Harbour Gazette"
    assert review["published"] == "2024-03-14"
    assert review["grade"] == "B+" and review["score"] == 83 and review["score_source"] == "grade"
    assert "You May Like" not in review["text"] and "Copyright" not in review["text"]
    assert "Share on Facebook" not in review["text"]


def test_row_fields_and_overrides_fill_the_metadata(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": REVIEW, "grade": "3.5/4", "date": "2021-05-02"}) + "\n")
    library.ingest([str(path)], Overrides(film="Harbour Lights", year=2021, critic="Ann Lee"))
    dossier = library.film("Harbour Lights")
    assert dossier["film"]["year"] == 2021
    [review] = dossier["reviews"]
    assert (review["critic"], review["published"], review["grade"]) == (
        "Ann Lee",
        "2021-05-02",
        "3.5/4",
    )
    assert review["score"] == 87.5 and review["fresh"]


def test_bare_number_grade_is_read_from_the_critics_other_grades(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [
        {"text": f"{REVIEW} Number {i}.", "film": f"Film {i}", "critic": "Bo Rank", "grade": g}
        for i, g in enumerate(["7/10", "4/10", "9/10"])
    ]
    path.write_text("\n".join(map(json.dumps, rows)) + "\n")
    library.ingest([str(path)])
    bare = tmp_path / "bare.jsonl"
    bare.write_text(
        json.dumps({"text": REVIEW + " Bare.", "film": "Film 9", "critic": "Bo Rank", "grade": "8"})
        + "\n"
    )
    library.ingest([str(bare)])
    [review] = library.film("Film 9")["reviews"]
    assert review["grade"] == "8" and review["score"] == 80 and review["score_source"] == "grade"


def test_review_without_a_film_is_kept_and_listed_unattributed(library: Library) -> None:
    report = library.ingest_text("It was fine. I laughed twice and checked my watch once.")
    assert len(report.added) == 1
    assert library.films() == []
    [row] = library.reviews(unattributed=True)
    assert row["film"] is None
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", str(library.engine.url.database), "reviews", "--unattributed", "--json"]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["id"] == row["id"]


def test_one_film_from_different_spellings_of_its_title(library: Library, tmp_path: Path) -> None:
    for i, title in enumerate(["The Harbour Lights", "HARBOUR LIGHTS", "Harbour Lights, The"]):
        library.ingest_text(f"{REVIEW} Take {i}.", overrides=Overrides(film=title, year=2021))
    assert len(library.films()) == 1 and library.films()[0]["reviews"] == 3


def test_full_text_search_finds_reviews_and_ignores_query_syntax(library: Library) -> None:
    library.ingest([str(EXAMPLES / "seeds"), str(EXAMPLES / "samples")])
    hits = library.search("lighthouse keeper")
    assert hits["reviews"] and all(h["film"]["title"] == "Tideline" for h in hits["reviews"])
    assert library.search('"unbalanced AND (quote') == {
        "query": '"unbalanced AND (quote',
        "films": [],
        "people": [],
        "reviews": [],
    }


def test_export_writes_every_review_as_jsonl_and_csv(library: Library) -> None:
    import csv
    import io

    library.ingest([str(EXAMPLES / "seeds"), str(EXAMPLES / "samples")])
    n = library.counts()["reviews"]
    out = io.StringIO()
    assert library.export(out, "jsonl") == n
    assert len([json.loads(line) for line in out.getvalue().splitlines()]) == n
    out = io.StringIO()
    library.export(out, "csv")
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == n


def test_cli_reads_a_review_from_standard_input(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--db", db, "ingest", "--quiet", "--film", "Harbour Lights", "-"], input=REVIEW
    )
    assert result.exit_code == 0, result.output
    shown = runner.invoke(cli, ["--db", db, "film", "Harbour Lights", "--json"])
    assert json.loads(shown.stdout)["aggregate"]["reviews"] == 1


def test_cli_exits_non_zero_only_when_nothing_could_be_ingested(tmp_path: Path) -> None:
    db = str(tmp_path / "fail.db")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = tmp_path / "good.txt"
    good.write_text(REVIEW)
    runner = CliRunner()
    failed = runner.invoke(cli, ["--db", db, "ingest", "--quiet", str(empty)])
    assert failed.exit_code == 1 and f"{empty}: empty file" in failed.output
    mixed = runner.invoke(cli, ["--db", db, "ingest", "--quiet", str(empty), str(good)])
    assert mixed.exit_code == 0 and "added 1, already present 0, failed 1" in mixed.output


def test_one_word_snippet_is_a_review_but_punctuation_is_not(library: Library) -> None:
    one_word = library.ingest_text("Rubbish.", overrides=Overrides(film="Harbour Lights"))
    assert len(one_word.added) == 1
    report = library.ingest_text("*** --- !!! 42")
    assert [f.reason for f in report.failed] == ["no words in the text"]


def test_row_dates_written_as_words_or_timestamps_become_iso(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "dated.jsonl"
    dates = ["November 10, 2018", "2024-03-14T09:00:00Z", "27 Oct. 1995", "not a date"]
    path.write_text(
        "".join(
            json.dumps({"text": f"{REVIEW} Dated {i}.", "date": d}) + "\n"
            for i, d in enumerate(dates)
        )
    )
    library.ingest([str(path)])
    published = {library.review(r["id"])["text"][-8:]: r["published"] for r in library.reviews()}
    assert published == {
        "Dated 0.": "2018-11-10",
        "Dated 1.": "2024-03-14",
        "Dated 2.": "1995-10-27",
        "Dated 3.": None,
    }
