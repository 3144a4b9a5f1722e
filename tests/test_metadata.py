"""Metadata read from a review's own text, and the pure-metadata spans cut from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from critic.ingest.metadata import FoundMetadata, read_metadata


def shared_dir() -> Path:
    shared = Path(__file__).resolve().parents[2] / "shared"
    if not shared.is_dir():
        pytest.skip("../shared is absent")
    return shared


def stripped(text: str, found: FoundMetadata) -> list[str]:
    return [text[s.start : s.end] for s in found.strip]


def seed(index: int) -> str:
    paths = sorted((shared_dir() / "seeds").glob("*.txt"))
    return paths[index].read_text(encoding="utf-8")


def gold() -> dict:
    return json.loads((shared_dir() / "seeds" / "gold.json").read_text(encoding="utf-8"))


def test_first_seed_date_prefix_is_read_and_only_it_is_stripped() -> None:
    text = seed(0)
    found = read_metadata(text)
    assert found.meta.published == gold()["reviews"][0]["published"]
    assert len(found.strip) == 1
    cut = stripped(text, found)[0]
    assert cut.startswith("October 27, 1995 |")
    assert text[found.strip[0].end :].startswith("One last spin")


def test_second_seed_gives_date_line_cast_line_and_mpaa() -> None:
    text = seed(1)
    found = read_metadata(text)
    expected = gold()
    assert found.meta.published == expected["reviews"][1]["published"]
    assert found.meta.cast == expected["reviews"][1]["header_cast_line"]
    assert found.meta.mpaa_rating == expected["film"]["mpaa_rating"]
    assert stripped(text, found) == ["November 06, 1995 12:00 PM\n"]  # the cast line stays


def test_seeds_state_no_byline_and_no_grade() -> None:
    for index in (0, 1):
        meta = read_metadata(seed(index)).meta
        assert meta.critic is None
        assert meta.grade is None


@pytest.mark.parametrize(
    ("text", "iso", "cut"),
    [
        ("27 October 1995\n\nThe film is good.", "1995-10-27", "27 October 1995\n"),
        ("Oct. 27, 1995 -- The film is good.", "1995-10-27", "Oct. 27, 1995 -- "),
        ("Sept. 3, 2004 | It opens.", "2004-09-03", "Sept. 3, 2004 | "),
        ("1995-10-27\nThe film is good.", "1995-10-27", "1995-10-27\n"),
        ("Posted: 10/27/1995\nThe film is good.", "1995-10-27", "Posted: 10/27/1995\n"),
        ("Published on October 27, 1995\nGood.", "1995-10-27", "Published on October 27, 1995\n"),
        ("Friday, October 27, 1995\nbody", "1995-10-27", "Friday, October 27, 1995\n"),
        ("November 6, 1995 at 3:15 p.m.\nbody", "1995-11-06", "November 6, 1995 at 3:15 p.m.\n"),
        ("Body text.\n\nPublished: 27 October 1995", "1995-10-27", "Published: 27 October 1995"),
    ],
)
def test_publication_dates_in_common_forms(text: str, iso: str, cut: str) -> None:
    found = read_metadata(text)
    assert found.meta.published == iso
    assert stripped(text, found) == [cut]


@pytest.mark.parametrize(
    "text",
    [
        "The film is set in October 27, 1995 and it is good.",
        "Intro line.\nAnother.\nThird.\nFourth.\nOctober 27, 1995\nbody",
        "October 27, 1995 was a great day for cinema.",
        "February 30, 1995\nbody",
        "Date Released: 5/26/93 Running Length: 1:37",
        "U.S. Release Date: 5/10/96 (wide)",
    ],
)
def test_dates_in_prose_or_not_publication_dates_are_ignored(text: str) -> None:
    found = read_metadata(text)
    assert found.meta.published is None
    assert found.strip == []


@pytest.mark.parametrize(
    ("text", "critic"),
    [
        ("By Jane Doe\n\nThe film is good.", "Jane Doe"),
        ("Reviewed by Jane Doe | October 27, 1995\n\nThe film is good.", "Jane Doe"),
        ("The film is good.\n\nA review by Mark R. Leeper", "Mark R. Leeper"),
        ("A Film Review by James O'Hara\n\nGood.", "James O'Hara"),
    ],
)
def test_byline_lines_name_the_critic_and_are_stripped(text: str, critic: str) -> None:
    found = read_metadata(text)
    assert found.meta.critic == critic
    assert len(found.strip) == 1 and critic in stripped(text, found)[0]


def test_byline_with_date_gives_the_date_too() -> None:
    assert read_metadata("Reviewed by Jane Doe | October 27, 1995\n\nGood.").meta.published == (
        "1995-10-27"
    )


@pytest.mark.parametrize(
    "text",
    [
        "By the time the film ends, you are tired.",
        "By Sunday the crowds had gone.\nbody",
        "First.\nSecond.\nThird.\nFourth.\nBy Jane Doe\nSixth.\nSeventh.\nEighth.\nNinth.",
    ],
)
def test_prose_starting_with_by_is_not_a_byline(text: str) -> None:
    assert read_metadata(text).meta.critic is None


@pytest.mark.parametrize(
    ("text", "cast"),
    [
        ("Nicolas Cage, Elisabeth Shue, Julian Sands\n\nbody", None),
        ("Starring: Tom Hanks, Robin Wright and Gary Sinise\n\nbody", None),
        ("Cast: Michael Keaton, Andie MacDowell Director: Harold Ramis Producer: Trevor Albert",
         ["Michael Keaton", "Andie MacDowell"]),
        ("Starring Meryl Streep (as Karen), Robert Redford\nbody",
         ["Meryl Streep", "Robert Redford"]),
        ("Jean-Claude Van Damme, Rosanna Arquette, Kiefer Sutherland\nbody", None),
    ],
)
def test_cast_lines_give_the_names_in_order(text: str, cast: list[str] | None) -> None:
    first_line = text.split("\n")[0]
    expected = cast or [n.strip() for n in first_line.split(":")[-1].replace(" and ", ", ")
                        .split(",")]
    found = read_metadata(text)
    assert found.meta.cast == expected
    assert found.strip == []


@pytest.mark.parametrize(
    "text",
    [
        "Yes, this is a sentence, and it has commas.\nbody",
        "Love, Death and Robots\nbody",
        "New York, Los Angeles, Chicago\nbody",
        "Nicolas Cage\nbody",
        "The Dark Knight, The Prestige, Memento\nbody",
    ],
)
def test_sentences_and_non_names_are_not_a_cast_line(text: str) -> None:
    assert read_metadata(text).meta.cast == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The film is good. (R)", "R"),
        ("The film is good. (PG-13)\n\nYou May Like", "PG-13"),
        ("Leaving Somewhere (R)\n\nThe film is good.", "R"),
        ("Rated PG-13 for violence.\nbody", "PG-13"),
        ("MPAA rating: R\nbody", "R"),
        ("Running Length: 1:37 Rated: R (Language, violence)", "R"),
        ("The film is rated NC-17 for explicit sex.", "NC-17"),
        ("It is correctly rated R for violence.", "R"),
        ("MPAA Classification: No MPAA Rating (Mature themes)", "NR"),
        ("Rated: Unrated\nbody", "NR"),
        ("A Disney cartoon. (G)", "G"),
    ],
)
def test_mpaa_ratings(text: str, code: str) -> None:
    found = read_metadata(text)
    assert found.meta.mpaa_rating == code
    assert found.strip == []  # a trailing "(R)" stays in the text


@pytest.mark.parametrize(
    "text",
    [
        "The film (G. W. Pabst) is old.",
        "Options are (a), (b) and (c).",
        "Choose (A) the red pill, (B) the blue pill, or (R) neither.\n\nbody",
        "He says (R) in the middle of a long sentence of prose that goes on and on for a while "
        "longer than a header line would be, and then some.",
        "The original, which was rated G, was better.",
        "Kleenex(R) tissues are sold here.",
    ],
)
def test_mpaa_false_positives_are_refused(text: str) -> None:
    assert read_metadata(text).meta.mpaa_rating is None


def test_a_standalone_rating_line_is_read_and_stripped() -> None:
    text = "The film is good.\n\nGrade: B+\n\nMore prose."
    found = read_metadata(text)
    assert found.meta.grade == "B+"
    assert stripped(text, found) == ["Grade: B+\n"]


def test_a_grade_inside_prose_is_read_but_not_stripped() -> None:
    text = "The film is good, and I give it *** 1/2. Go see it."
    found = read_metadata(text)
    assert found.meta.grade == "*** 1/2"
    assert found.strip == []


def test_strip_spans_are_sorted_and_do_not_overlap() -> None:
    text = "By Jane Doe\nOctober 27, 1995\n\nRATING (0 TO ****): ***\n\nThe film is good. (R)"
    found = read_metadata(text)
    assert found.meta.critic == "Jane Doe"
    assert found.meta.published == "1995-10-27"
    assert found.meta.grade == "***"
    spans = found.strip
    assert [text[s.start : s.end] for s in spans] == [
        "By Jane Doe\n", "October 27, 1995\n", "RATING (0 TO ****): ***\n"]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_empty_text_states_nothing() -> None:
    found = read_metadata("")
    assert found.strip == [] and found.meta.published is None and found.meta.cast == []
