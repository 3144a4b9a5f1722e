"""The founding acceptance test: the two seed reviews become one film with the right dossier."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from critic.cli.main import cli
from critic.library import Library


def _seed_files(seeds_dir: Path) -> list[str]:
    return sorted(str(p) for p in seeds_dir.glob("*.txt"))


def test_seeds_become_one_film_with_two_fresh_reviews(library: Library, seeds_dir: Path) -> None:
    report = library.ingest(_seed_files(seeds_dir))
    assert len(report.added) == 2 and not report.failed
    films = library.films()
    assert len(films) == 1
    dossier = library.film(films[0]["title"])
    assert dossier["film"]["title"] == "Leaving Las Vegas"
    assert dossier["film"]["year"] == 1995
    assert dossier["film"]["mpaa_rating"] == "R"
    agg = dossier["aggregate"]
    assert (agg["reviews"], agg["positive"], agg["percent_positive"]) == (2, 2, 100)
    assert sorted(r["published"] for r in dossier["reviews"]) == ["1995-10-27", "1995-11-06"]
    assert all(r["fresh"] for r in dossier["reviews"])
    assert "You May Like" not in json.dumps(dossier)


def test_seed_text_is_clean_but_raw_is_kept_untouched(library: Library, seeds_dir: Path) -> None:
    files = _seed_files(seeds_dir)
    library.ingest(files)
    by_source = {library.review(r["id"])["source"]: r["id"] for r in library.reviews()}
    for path in files:
        review = library.review(by_source[path])
        assert library.raw(review["id"])["raw"] == Path(path).read_bytes()
        assert "You May Like" not in review["text"]
        assert not review["text"].startswith(("October", "November"))  # the date line is metadata
        assert "\n" in review["text"]  # paragraphs kept


def test_ingesting_the_same_reviews_twice_adds_nothing(library: Library, seeds_dir: Path) -> None:
    library.ingest(_seed_files(seeds_dir))
    before = library.counts()
    again = library.ingest(_seed_files(seeds_dir))
    assert (len(again.added), len(again.present)) == (0, 2)
    assert library.counts() == before


def test_cli_ingest_then_film_json_gives_the_dossier(tmp_path: Path, seeds_dir: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "ingest", "--quiet", *_seed_files(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert "added 2" in result.output
    result = runner.invoke(cli, ["--db", db, "film", "leaving las vegas", "--json"])
    assert result.exit_code == 0, result.output
    dossier = json.loads(result.stdout)
    assert set(dossier) >= {"film", "aggregate", "reviews"}
    assert set(dossier["film"]) == {"id", "title", "year", "mpaa_rating"}
    assert set(dossier["aggregate"]) >= {
        "reviews",
        "positive",
        "percent_positive",
        "mean_score",
        "mean_score_interval",
        "distribution",
    }
    assert set(dossier["reviews"][0]) >= {
        "id",
        "published",
        "critic",
        "outlet",
        "grade",
        "score",
        "fresh",
        "snippet",
    }
    again = runner.invoke(cli, ["--db", db, "ingest", "--quiet", *_seed_files(seeds_dir)])
    assert "added 0, already present 2" in again.output


def test_seed_dossier_merges_people_works_and_quotes_across_reviews(
    library: Library, seeds_dir: Path
) -> None:
    library.ingest(_seed_files(seeds_dir))
    dossier = library.film("Leaving Las Vegas")
    both = sorted(r["id"] for r in dossier["reviews"])
    people = {p["name"]: p for p in dossier["people"]}
    figgis = [p for name, p in people.items() if name.endswith("Figgis")]
    assert len(figgis) == 1  # Mike = Michael = Figgis: one identity
    jobs = {role["job"] for role in figgis[0]["roles"]}
    assert {"director", "screenwriter", "composer"} <= jobs
    cage = people["Nicolas Cage"]
    assert any(
        r["character"] == "Ben Sanderson" and sorted(r["reviews"]) == both for r in cage["roles"]
    )
    flask_line = [q for q in dossier["quotes"] if q["text"].startswith("Looks like I")]
    assert len(flask_line) == 1 and sorted(flask_line[0]["reviews"]) == both
    assert flask_line[0]["kind"] == "dialogue"
    kafka = [q for q in dossier["quotes"] if q["text"].startswith("From a certain point")]
    assert kafka and kafka[0]["kind"] == "other"
    assert {"Cocktail", "Internal Affairs"} <= {
        w["title"] for w in dossier["works"] if sorted(w["reviews"]) == both
    }
