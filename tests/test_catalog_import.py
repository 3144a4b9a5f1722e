"""`critic catalog import`: IMDb's files in their exact format into the library's catalog."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from critic.catalog.imdb_files import COLUMNS
from critic.catalog.imdb_ids import IdSet
from critic.catalog.importer import import_catalog, map_job
from critic.cli.main import cli
from critic.library import Library, open_library

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imdb"
FULL = {"titles": 8, "akas": 6, "names": 19, "credits": 25}


def _rows(db: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(query))


def _db(library: Library) -> Path:
    return Path(str(library.engine.url.database))


def test_import_keeps_films_series_and_the_people_they_credit(library: Library) -> None:
    report = library.import_catalog([FIXTURES])
    assert not report.problems
    assert report.counts == FULL
    kinds = [f.kind for f in report.files]  # read in the order the filtering needs
    assert kinds == ["title.basics", "title.principals", "name.basics", "title.akas"]
    db = _db(library)
    tconsts = {t for (t,) in _rows(db, "SELECT tconst FROM catalog_titles")}
    assert "tt9900001" not in tconsts  # a tvEpisode
    assert "tt9900003" not in tconsts  # an adult title
    assert {"tt2802850", "tt9900002"} <= tconsts  # a tvSeries and a short are kept
    nconsts = {n for (n,) in _rows(db, "SELECT nconst FROM catalog_names")}
    assert "nm8888888" not in nconsts  # credited only on the skipped episode
    assert "nm9999999" not in nconsts  # credited nowhere
    assert "nm7777777" not in nconsts  # archive footage is not a kept category
    assert _rows(db, "SELECT count(*) FROM catalog_akas WHERE tconst = 'tt9900001'") == [(0,)]
    # akas repeated per region are stored once per distinct title
    assert _rows(db, "SELECT count(*) FROM catalog_akas WHERE tconst = 'tt0082096'") == [(2,)]


def test_nulls_numbers_and_character_lists_are_read_as_imdb_writes_them(library: Library) -> None:
    library.import_catalog([FIXTURES])
    db = _db(library)
    [piano] = _rows(db, "SELECT title, year, runtime, original_title FROM catalog_titles "
                    "WHERE tconst = 'tt0107822'")  # fmt: skip
    assert piano == ("The Piano", 1993, 121, None)
    [series] = _rows(db, "SELECT year FROM catalog_titles WHERE tconst = 'tt2802850'")
    assert series == (2014,)
    [hunter] = _rows(db, "SELECT job, characters FROM catalog_credits WHERE nconst = 'nm0000456'")
    assert hunter[0] == "actor" and json.loads(str(hunter[1])) == ["Ada McGrath"]
    [name] = _rows(db, "SELECT name, surname, first, death_year FROM catalog_names "
                   "WHERE nconst = 'nm0001636'")  # fmt: skip
    assert name == ("Jürgen Prochnow", "prochnow", "jurgen", None)


def test_imdb_categories_map_to_the_projects_jobs(library: Library) -> None:
    assert [map_job(c, None) for c in ("actor", "actress", "self", "director", "writer")] == [
        "actor",
        "actor",
        "actor",
        "director",
        "screenwriter",
    ]
    assert map_job("writer", "novel") == "author"
    assert map_job("writer", "based on the book by") == "author"
    assert map_job("writer", "screenplay") == "screenwriter"
    assert map_job("archive_footage", None) is None
    library.import_catalog([FIXTURES])
    jobs = _rows(_db(library), "SELECT nconst, job FROM catalog_credits WHERE tconst = 'tt0082096'")
    assert ("nm0119214", "author") in jobs and ("nm0000583", "screenwriter") in jobs


def test_malformed_rows_are_counted_with_their_lines_and_the_rest_kept(
    library: Library, tmp_path: Path
) -> None:
    basics = (FIXTURES / "title.basics.tsv").read_text(encoding="utf-8").splitlines()
    basics.insert(3, "tt0000001\tmovie\tToo Few Columns")
    basics.insert(5, "tt0000002\tmovie\tBad Year\tBad Year\t0\tnineteen\t\\N\t90\tDrama")
    (tmp_path / "title.basics.tsv").write_text("\n".join(basics) + "\n", encoding="utf-8")
    report = library.import_catalog([tmp_path / "title.basics.tsv"])
    [basics_report] = report.files
    assert basics_report.malformed.count == 2
    assert [line for line, _ in basics_report.malformed.lines] == [4, 6]
    assert "3 columns" in basics_report.malformed.lines[0][1]
    assert "startYear" in basics_report.malformed.lines[1][1]
    assert report.counts["titles"] == FULL["titles"]
    [names_report] = library.import_catalog([FIXTURES / "name.basics.tsv"]).files
    assert names_report.malformed.lines == [(20, "3 columns, expected 6")]


def test_reimport_replaces_the_catalog_and_changes_nothing(library: Library) -> None:
    first = library.import_catalog([FIXTURES]).counts
    again = library.import_catalog([FIXTURES]).counts
    assert first == again == FULL
    status = library.catalog_status()
    assert status["present"] and status["counts"] == FULL and status["imported_at"]
    assert {Path(f["path"]).name for f in status["files"]} == {
        "title.basics.tsv",
        "title.akas.tsv.gz",
        "name.basics.tsv",
        "title.principals.tsv",
    }


def test_files_given_singly_in_any_order_give_the_same_catalog(
    library: Library, tmp_path: Path
) -> None:
    for name in ("title.principals.tsv", "title.akas.tsv.gz", "name.basics.tsv"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    # plain .tsv compressed under a .gz name, and a gzip file without one: both read by content
    with gzip.open(tmp_path / "title.basics.tsv.gz", "wb") as out:
        out.write((FIXTURES / "title.basics.tsv").read_bytes())
    given = [tmp_path / n for n in ("name.basics.tsv", "title.akas.tsv.gz", "title.principals.tsv")]
    report = library.import_catalog([*given, tmp_path / "title.basics.tsv.gz"])
    assert not report.problems and report.counts == FULL


def test_titles_reimported_alone_prune_what_pointed_at_dropped_titles(
    library: Library, tmp_path: Path
) -> None:
    library.import_catalog([FIXTURES])
    lines = (FIXTURES / "title.basics.tsv").read_text(encoding="utf-8").splitlines()
    piano_only = [lines[0]] + [line for line in lines if line.startswith("tt0107822\t")]
    (tmp_path / "title.basics.tsv").write_text("\n".join(piano_only) + "\n", encoding="utf-8")
    report = library.import_catalog([tmp_path])
    assert report.counts == {"titles": 1, "akas": 3, "names": 6, "credits": 7}


def test_bad_files_are_named_with_the_reason_and_lose_nothing_else(
    library: Library, tmp_path: Path
) -> None:
    library.import_catalog([FIXTURES])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "title.basics.tsv").write_text("id\ttype\ttitle\n tt1\tmovie\tX\n", encoding="utf-8")
    (bad / "name.basics.tsv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (bad / "title.akas.tsv.gz").write_text("titleId\tordering\n", encoding="utf-8")
    missing = tmp_path / "nowhere" / "title.principals.tsv.gz"
    report = library.import_catalog([bad, missing])
    reasons = {Path(p.path).name: p.reason for p in report.problems}
    assert "wrong header for title.basics" in reasons["title.basics.tsv"]
    assert "binary" in reasons["name.basics.tsv"]
    assert "not a gzip file" in reasons["title.akas.tsv.gz"]
    assert "no such file" in reasons["title.principals.tsv.gz"]
    assert all(str(p).startswith(str(p.path)) for p in report.problems)  # message names the file
    assert not report.imported
    assert library.catalog_status()["counts"] == FULL


def test_an_unnamed_file_is_told_by_its_header_or_refused(library: Library, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "title.basics.tsv", tmp_path / "films.tsv")
    (tmp_path / "notes.txt").write_text("hello\tworld\n", encoding="utf-8")
    report = library.import_catalog([tmp_path / "films.tsv", tmp_path / "notes.txt"])
    assert [f.kind for f in report.files] == ["title.basics"]
    [problem] = report.problems
    assert problem.path.endswith("notes.txt") and "not an IMDb dataset file" in problem.reason


def test_id_set_holds_ids_far_apart_in_little_memory() -> None:
    ids = IdSet()
    for number in (1, 113627, 36_000_000, 5_000_000_000):
        ids.add(number)
    assert 113627 in ids and 5_000_000_000 in ids and 2 not in ids and 113628 not in ids
    assert ids.size == 4 and len(ids._bits) <= 36_000_000 // 8 * 2


def test_cli_imports_reports_status_and_finds_titles(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    done = runner.invoke(cli, ["--db", db, "catalog", "import", str(FIXTURES), "--quiet"])
    assert done.exit_code == 0, done.output
    assert "line 20 (3 columns, expected 6)" in done.output  # the malformed name row
    status = runner.invoke(cli, ["--db", db, "catalog", "status", "--json"])
    assert json.loads(status.output)["counts"] == FULL
    found = runner.invoke(cli, ["--db", db, "catalog", "find", "The Boat", "--json"])
    [das_boot] = json.loads(found.output)
    assert (das_boot["imdb_id"], das_boot["matched"]) == ("tt0082096", "aka")
    text = runner.invoke(cli, ["--db", db, "catalog", "find", "Hamlet", "--year", "1995"])
    assert "Kenneth Branagh" in text.output and "Zeffirelli" not in text.output
    missing = runner.invoke(cli, ["--db", db, "catalog", "import", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "none: no such file" in missing.output


def test_a_new_library_has_no_catalog(tmp_path: Path) -> None:
    library = open_library(tmp_path / "empty.db")
    assert library.catalog_status() == {
        "present": False,
        "counts": {"titles": 0, "akas": 0, "names": 0, "credits": 0},
        "imported_at": None,
        "files": [],
    }
    assert library.catalog_find("The Piano") == []


@pytest.mark.parametrize("name", ["title.basics.tsv", "title.akas.tsv.gz"])
def test_a_file_cut_short_mid_row_keeps_the_whole_rows_before_it(
    library: Library, tmp_path: Path, name: str
) -> None:
    data = (FIXTURES / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    cut = data[: data.rindex(b"\n", 0, len(data) - 1) + 8]  # last line cut after 7 bytes
    target = tmp_path / name.removesuffix(".gz")
    target.write_bytes(cut)
    library.import_catalog([FIXTURES / "title.basics.tsv"])
    [report] = library.import_catalog([target]).files
    assert report.malformed.count == 1 and report.kept >= 1


def test_a_truncated_download_keeps_the_rows_before_the_break_and_says_so(
    library: Library, tmp_path: Path
) -> None:
    lines = ["\t".join(["tconst", *COLUMNS["title.basics"][1:]])]
    lines += [
        f"tt{n:07d}\tmovie\tFilm {n}\tFilm {n}\t0\t1999\t\\N\t90\tDrama" for n in range(1, 30_001)
    ]
    whole = gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=1)
    target = tmp_path / "title.basics.tsv.gz"
    target.write_bytes(whole[: len(whole) * 2 // 3])
    [report] = import_catalog(library.engine, [target], batch_size=1000).files
    assert report.error is not None and "unreadable after line" in report.error
    assert 0 < report.kept < 30_000
    assert library.catalog_status()["counts"]["titles"] == report.kept


def test_files_without_any_titles_to_filter_by_are_refused(library: Library) -> None:
    report = library.import_catalog([FIXTURES / "title.principals.tsv"])
    [problem] = report.problems
    assert "needs title.basics" in str(problem) and "title.principals.tsv" in str(problem)
    assert not report.imported and not library.catalog_status()["present"]
