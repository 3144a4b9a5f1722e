"""Written grades: the normalization table, bare numbers, and grades found inside reviews."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from critic.ingest.grades import find_grade, infer_scale, normalize_grade, resolve_bare_grade


def shared_dir() -> Path:
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is absent")
    return shared


@pytest.mark.parametrize(
    ("grade", "score"),
    [
        ("A+", 100), ("A", 100), ("A-", 91), ("B+", 83), ("B", 75), ("B-", 67), ("C+", 58),
        ("C", 50), ("C-", 42), ("D+", 33), ("D", 25), ("D-", 16), ("F", 0), ("B plus", 83),
        ("B+/A-", 87), ("Grade: B+", 83), ("grade: b+", 83),
        ("7/10", 70), ("Rating: 7/10", 70), ("3/5", 60), ("3.5/5", 70), ("3,5/5", 70),
        ("2.5/4", 62.5), ("85/100", 85), ("85%", 85), ("0/10", 0), ("4/6", 66.67),
        ("3 out of 4", 75), ("3 out of 4 stars", 75), ("3.5 stars out of 5", 70),
        ("3 stars (out of 5)", 60), ("Verdict: 4/5 stars", 80), ("7/10 (very good)", 70),
        ("***1/2", 87.5), ("*** 1/2", 87.5), ("***½", 87.5), ("3½/4", 87.5), ("3 1/2/5", 70),
        ("*** out of ****", 75), ("★★★☆", 75), ("★★★½☆", 70), ("★★★", 75),
        ("four stars", 100), ("Four Stars", 100), ("five stars", 100), ("4.5 stars", 90),
        ("two and a half stars", 62.5), ("zero stars", 0), ("no stars", 0),
        ("half a star", 12.5), ("1/2 of a star", 12.5), ("1/2* out of *****", 10),
        ("RATING (0 TO ****): **", 50), ("RATING (0 TO 10): 7.5", 75), ("** (out of 4)", 50),
        ("on a scale of 1 to 10, a 7", 70), ("I give it four stars", 100),
        ("I give the movie a *** rating", 75), ("It gets ** from me", 50), ("  3/5  ", 60),
    ],
)  # fmt: skip
def test_normalize_grade_reads_each_scale(grade: str, score: float) -> None:
    assert normalize_grade(grade) == pytest.approx(score)


@pytest.mark.parametrize(
    "grade",
    ["8", "3.5", "3 1/2", "four", "11/10", "5.5/5", "9/11", "24/7", "10/27/1995", "6 stars",
     "1-5", "R", "N", "E", "b+", "a", "", "Rating: 8.4", "the 9/11 attacks"],
)
def test_normalize_grade_returns_none_for_bare_or_impossible_grades(grade: str) -> None:
    assert normalize_grade(grade) is None


def test_normalize_grade_returns_a_float() -> None:
    assert isinstance(normalize_grade("B"), float)
    assert isinstance(normalize_grade("3/5"), float)


def test_resolve_bare_grade_uses_the_one_scale_the_critic_states() -> None:
    assert resolve_bare_grade("8", ["7/10", "6.5/10", "9/10"]) == pytest.approx(80)
    assert resolve_bare_grade("3.5", ["3/5", "4/5", "2.5/5", "B+"]) == pytest.approx(70)


def test_resolve_bare_grade_reads_the_scale_from_many_bare_numbers_range() -> None:
    tens = ["8", "7", "6", "5", "9", "7", "6", "8", "4", "7"]
    assert resolve_bare_grade("8", tens) == pytest.approx(80)
    hundreds = ["85", "70", "92", "64", "77", "81", "58", "90", "73", "66"]
    assert resolve_bare_grade("85", hundreds) == pytest.approx(85)
    small = ["3", "4", "2", "3", "4", "1", "3", "2", "4", "3"]
    assert resolve_bare_grade("3", small) is None  # out of four or five?
    assert resolve_bare_grade("8", tens[:5]) is None  # too few to show a range


def test_resolve_bare_grade_refuses_ambiguous_or_thin_evidence() -> None:
    assert resolve_bare_grade("3", ["3/5", "4/5", "3/4", "2/4"]) is None  # two scales
    assert resolve_bare_grade("3", ["3/5"]) is None  # one grade is not evidence
    assert resolve_bare_grade("3", ["B", "C+", "A-"]) is None  # letters state no scale
    assert resolve_bare_grade("8", ["3/5", "4/5", "2/5"]) is None  # 8 does not fit /5
    assert resolve_bare_grade("8", []) is None


def test_resolve_bare_grade_reads_a_grade_that_is_not_bare() -> None:
    assert resolve_bare_grade("B", []) == pytest.approx(75)


def test_infer_scale_tolerates_one_stray_grade_among_many() -> None:
    assert infer_scale(["7/10"] * 30 + ["3/5"]) == 10
    assert infer_scale(["7/10"] * 5 + ["3/5"] * 5) is None


@pytest.mark.parametrize(
    ("text", "grade", "score"),
    [
        ("A great film.\n\nRating: ***1/2 out of ****", "***1/2 out of ****", 87.5),
        ("Grade: B+\n\nThe film is fine.", "B+", 83),
        ("Header\nRATING (0 TO ****): **\nBody text here.", "**", 50),
        ("Header\nRATING (0 TO 10): 7.5\nBody.", "RATING (0 TO 10): 7.5", 75),
        ("Body.\n\n*** out of ****", "*** out of ****", 75),
        ("Body text. Overall it was fun.\n3.5/5", "3.5/5", 70),
        ("The film is good. 7/10", "7/10", 70),
        ("It works. I give it four stars.", "four stars", 100),
        ("On a scale of 1 to 10, a 7.", "On a scale of 1 to 10, a 7", 70),
        ("I hated it, and I generously give it 1/2 of a star.", "1/2 of a star", 12.5),
        ("It is a sad show, but it gets ** 1/2 from me.", "** 1/2", 62.5),
        ("Ends here. Three and a half stars.", "Three and a half stars", 87.5),
        ("I would give the dinos a **** rating. Overall I give the movie a *** rating.", "***",
         75),
    ],
)
def test_find_grade_finds_the_critics_own_grade(text: str, grade: str, score: float) -> None:
    found = find_grade(text)
    assert found is not None
    assert found.text == grade
    assert text[found.start : found.end] == grade
    assert found.score == pytest.approx(score)


@pytest.mark.parametrize(
    "text",
    [
        "It recalls the 9/11 attacks. The diner is open 24/7.",
        "Released 10/27/1995. Good.",
        "The film uses a 3/4 scale model of the ship.",
        "It is one of the top 10 films of the year. Top 10 list.",
        "7 out of 10 people liked it.",
        "It went wide on 3/10.",
        "The film's four stars are great.",
        "Better than nine out of ten American film queens, but she should have stayed in bed.",
        "My son Jeffrey, age 12, gave the film *** 1/2.",
        "He rated it 4/5.",
        "**** = One of the top few films. *** = Excellent show. ** = Average movie.",
        "STAR RATING: ***** Unmissable **** Very Good *** Okay ** Poor",
        "Some text\n\n***\n\nMore text",
        "This is a grade B exploitation flick.",
        "It is an homage to the grade B Westerns that I saw as a kid.",
        "I would give it a big B for boredom.",
        "I give it an A for effort.",
        "I'd love to give this movie a 10/10, but I can't.",
        "MPAA Rating: R (violence)",
        "He was in MEN IN BLACK (7/10) and KINGPIN (8/10).",
        "Rating: 8.4\nfoo\nRating: 7.0",
        "Rating: ****\n\nGrade: D",  # two labels that disagree
        "",
    ],
)
def test_find_grade_ignores_numbers_that_are_not_the_critics_grade(text: str) -> None:
    assert find_grade(text) is None


def test_find_grade_keeps_a_labelled_grade_without_a_scale_unscored() -> None:
    found = find_grade("Some review.\n\nRating: 8.4")
    assert found is not None
    assert (found.text, found.score) == ("Rating: 8.4", None)


def test_find_grade_prefers_a_rating_label_to_a_loose_fraction() -> None:
    found = find_grade("Grade: A-\n\nThe film is a solid 9/10.")
    assert found is not None and found.text == "A-"


def test_find_grade_finds_nothing_in_the_seed_reviews() -> None:
    seeds = shared_dir() / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        assert find_grade(path.read_text(encoding="utf-8")) is None, path.name


def test_find_grade_matches_steve_rhodes_star_ratings_on_critics_dev() -> None:
    path = shared_dir() / "data" / "critics" / "dev.jsonl.gz"
    if not path.exists():
        pytest.skip("critics/dev.jsonl.gz is absent")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    pairs = [(found.score, row["rating"]) for row in rows if (found := find_grade(row["text"]))]
    assert len(pairs) >= 200
    # the set's 0-1 rating is a monotone relabelling of the critic's stars: one star level,
    # one rating level, and never a higher grade with a lower rating
    levels: dict[float | None, set[float]] = {}
    for score, rating in pairs:
        levels.setdefault(score, set()).add(round(rating, 2))
    assert all(len(ratings) == 1 for ratings in levels.values())
    ordered = sorted((s, r.pop()) for s, r in levels.items() if s is not None)
    assert [r for _, r in ordered] == sorted(r for _, r in ordered)
