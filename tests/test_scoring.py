"""The shipped review scorer and `critic score`, run for real on the package's weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from critic.analyse.scoring import SCORER_ID, load_default_scorer
from critic.analyse.scoring_features import tokenize
from critic.cli.score import score as score_command

NEGATIVE = (
    "This film is a dull, lifeless mess. The script is lazy, the acting is wooden and every "
    "joke falls flat. I was bored from start to finish and checked my watch constantly. "
    "Avoid it."
)
POSITIVE = (
    "A wonderful, moving film with a superb cast. The direction is assured and the script is "
    "sharp and funny. One of the best films of the year; do not miss it."
)


def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip where it is absent."""
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.exists():
        pytest.skip("../shared is absent")
    return path


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((shared_dir() / "seeds").glob("*.txt"))]


def test_shipped_model_loads_once_and_names_itself() -> None:
    scorer = load_default_scorer()
    assert scorer is load_default_scorer()
    assert scorer.id == SCORER_ID
    result = scorer.score([POSITIVE])[0]
    assert result.source == "model"
    assert (result.scorer_id, result.scorer_version) == (scorer.id, scorer.version)
    assert result.model_score == result.score


def test_seed_reviews_score_fresh_and_at_least_70() -> None:
    texts = seed_texts()
    assert len(texts) == 2
    for result in load_default_scorer().score(texts):
        assert result.fresh
        assert result.score >= 70


def test_seed_evidence_is_the_critics_verdict_not_plot() -> None:
    text = next(t for t in seed_texts() if "best love story" in t)
    evidence = [e.text for e in load_default_scorer().score([text])[0].evidence]
    assert "This movie is the best love story of the year." in evidence[:2]
    assert any(e.startswith("Leaving Las Vegas is a raw and wrenching trip") for e in evidence)


def test_clearly_negative_review_scores_rotten_and_low() -> None:
    result = load_default_scorer().score([NEGATIVE])[0]
    assert not result.fresh
    assert result.score < 40
    assert all(e.polarity < 0 for e in result.evidence)


def test_clearly_positive_review_scores_fresh() -> None:
    result = load_default_scorer().score([POSITIVE])[0]
    assert result.fresh
    assert result.score > 60


def test_evidence_offsets_slice_the_input_exactly() -> None:
    texts = [POSITIVE, NEGATIVE, "  Leading spaces.\n\nA fine, \u201cwitty\u201d film!  "]
    for text, result in zip(texts, load_default_scorer().score(texts), strict=True):
        assert 1 <= len(result.evidence) <= 4
        for e in result.evidence:
            assert text[e.start : e.end] == e.text


def test_scores_and_confidence_stay_in_range_for_odd_input() -> None:
    texts = ["", "   ", "!!!", "a", "qwzx vbnm", NEGATIVE * 50, "Great. " * 400, POSITIVE]
    for result in load_default_scorer().score(texts):
        assert 0.0 <= result.score <= 100.0
        assert 0.5 <= result.confidence <= 1.0


def test_contractions_tokenize_the_same_however_they_are_written() -> None:
    assert (
        tokenize("It doesn't work")
        == tokenize("it does n't work")
        == tokenize("It doesn\u2019t work")
    )


def test_score_command_streams_results_and_reports_a_malformed_line() -> None:
    lines = [
        json.dumps({"id": "a", "text": POSITIVE, "critic": "X"}),
        "{not json",
        json.dumps({"id": "b", "text": NEGATIVE + " Grade: D"}),
        json.dumps({"id": "c"}),
    ]
    result = CliRunner().invoke(score_command, ["-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["fresh"] is True and rows[0]["critic"] == "X"
    assert rows[1]["fresh"] is False
    assert rows[1]["grade_score"] == 25
    assert "grade" not in rows[0]
    for row in rows:
        assert set(row) >= {"id", "score", "fresh", "confidence", "evidence"}
        assert all(set(e) == {"text", "start", "end", "polarity"} for e in row["evidence"])
    assert "line 2:" in result.stderr and "not JSON" in result.stderr
    assert "line 4:" in result.stderr and '"text"' in result.stderr


def test_score_command_fails_when_no_line_can_be_scored() -> None:
    result = CliRunner().invoke(score_command, ["-", "--device", "cuda"], input="[1]\nnope\n")
    assert result.exit_code != 0
    assert "runs on CPU" in result.stderr
    assert "line 1:" in result.stderr and "line 2:" in result.stderr
