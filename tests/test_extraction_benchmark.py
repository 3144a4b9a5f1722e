"""The extraction benchmark reads its truth from the headers it cuts off."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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
    assert m["title"] == [1, 1] and m["director"] == [1, 1]
