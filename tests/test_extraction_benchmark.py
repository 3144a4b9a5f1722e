"""The extraction benchmark reads its truth from the headers it cuts off."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from critic.analyse.extract import extract

ROOT = Path(__file__).resolve().parents[1]

# invented film and people, written the way a title-line critic writes
REVIEW = {
    "id": "r1",
    "critic": "Somebody New",
    "text": (
        "NORTH OF DUSK (director: Anna Keller; cast: Robert Vance (Tom Harker), "
        "Jane Ober (Lily Marsh), Peter Dunn (Sheriff Cole); Runtime: 104; 1997)\n\n"
        'Anna Keller ("Cold Harbour"/"Night Moves") directs "North of Dusk" with patience. '
        "Robert Vance plays Tom Harker, a drifter, and Jane Ober is the best thing in it as "
        "the widow Lily Marsh. Peter Dunn turns up too."
    ),
}


def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extraction_bench", ROOT / "benchmarks/extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_title_line_header_gives_the_title_and_the_pairs_and_is_cut() -> None:
    bench = benchmark()
    (item,) = bench.prepare([REVIEW], catalog=[])
    assert item["truth"]["title"] == "North of Dusk"
    assert item["truth"]["directors"] == ["Anna Keller"]
    assert ("Robert Vance", "Tom Harker") in item["truth"]["pairs"]
    assert "Runtime" not in item["text"] and "NORTH OF DUSK" not in item["text"]


def test_pairs_are_scored_against_the_parts_the_prose_names() -> None:
    bench = benchmark()
    (item,) = bench.prepare([REVIEW], catalog=[])
    m = bench.score_dev([item], [extract(item["text"])])
    # Sheriff Cole is never named in the prose, so two pairs are there to find
    assert m["pair_recall"] == [2, 2]
    assert m["director"] == [1, 1]
    # the title is counted as named in the prose; whether the model names this three-line
    # review's film (quoted once) is its call: since extraction 0.9 it abstains there
    assert m["title"][1] == 1


def test_imdb_user_reviews_carry_the_catalog_truth_and_lose_their_markup() -> None:
    bench = benchmark()
    if not (bench.SHARED / "data" / "imdb" / "test.jsonl.gz").exists():
        pytest.skip("../shared is not present on this machine")
    items = bench.load_imdb_reviews("test")
    # the test split's reviews of IMDb 5000 films (the catalog and the split are fixed)
    assert len(items) == 3725
    assert all(i["truth"]["title"] and i["truth"]["cast"] for i in items)
    assert not any("<br" in i["text"] for i in items)
    train = {i["truth"]["title"] for i in bench.load_imdb_reviews("train")}
    test = {i["truth"]["title"] for i in items}
    # the splits hold different films, except where two films share a title
    assert len(train & test) < 0.05 * len(test)


def test_lists_blind_to_a_film_forget_it_while_measuring_and_remember_it_after() -> None:
    from critic.analyse.films import known_titles, title_key
    from critic.analyse.role_features import film_people

    bench = benchmark()
    titles = list(known_titles())[:2]
    person = next(k for k in film_people() if k[1] and " " not in k[0] + k[1])
    name = f"{person[1].title()} {person[0].title()}"
    before_titles, before_people = len(known_titles()), len(film_people())
    with bench.gazetteers_without(titles, [name]) as (n_titles, n_people):
        assert n_titles == 2 and not set(titles) & set(known_titles())
        assert n_people == 1 and person not in film_people()
    assert len(known_titles()) == before_titles and len(film_people()) == before_people
    assert {title_key(t) for t in titles} <= set(known_titles())


def test_a_development_sample_is_training_reviews_only_and_its_misses_are_listed() -> None:
    bench = benchmark()
    rows = [{"id": str(i), "text": f"review {i}"} for i in range(2000)]
    reported = {
        r["id"]
        for seed, exclude in bench.BENCHMARK_SAMPLES
        for r in bench.draw_sample(rows, seed, exclude)
    }
    dev = bench.dev_sample(rows, 7, 300)
    assert len(dev) == 300 and not {r["id"] for r in dev} & reported
    assert [r["id"] for r in bench.dev_sample(rows, 7, 300)] == [r["id"] for r in dev]
    # a review whose film and director are missed is listed with what was picked instead
    (item,) = bench.prepare([REVIEW], catalog=[])
    result = {"film": {"title": "Cold Harbour"}, "people": [], "works": [], "quotes": []}
    missed: list[dict[str, object]] = []
    bench.score_dev([item], [result], missed)
    assert missed == [
        {
            "id": "r1",
            "title": "North of Dusk",
            "picked": "Cold Harbour",
            "directors": ["Anna Keller"],
            "directed": [],
        }
    ]
