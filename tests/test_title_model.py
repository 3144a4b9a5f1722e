"""The learned title reading: the film under review told from the films it is compared with."""

from __future__ import annotations

import pytest

from critic.analyse.credits_header import parse_header
from critic.analyse.films import film_candidate_features, film_candidates, identify_film
from critic.analyse.linear_model import LinearModel, model_from_json
from critic.analyse.nlp import entities
from critic.analyse.title_model import pick_score, shipped_title_model
from critic.records import DocumentMeta

# invented films and people: the comparison film is named as often as the reviewed one
COMPARED = (
    "Fans of SILVER HARBOR will find shades of SILVER HARBOR everywhere here. Tomas "
    "Brandt's MIDNIGHT ORCHARD follows a widow who inherits a failing farm. Like SILVER "
    "HARBOR, it is patient and dry.\n\n"
    "SILVER HARBOR's director, Ilse Varga, once made that kind of patience look easy. "
    "MIDNIGHT ORCHARD is less sure of itself, but it grows on you."
)
POSSESSIVE_OF_OTHER = (
    "THE PAPER LANTERN's director, Ruth Ambler, is at it again with a movie called THE "
    "GLASS FERRY that keeps its secrets well. THE GLASS FERRY is set on a river crossing "
    "where nobody is who they say they are."
)


def test_the_reviewed_film_beats_a_comparison_named_as_often() -> None:
    assert identify_film(COMPARED).title == "Midnight Orchard"


def test_a_films_director_named_through_an_earlier_film_does_not_make_that_film_the_subject() -> (
    None
):
    assert identify_film(POSSESSIVE_OF_OTHER).title == "The Glass Ferry"


def test_a_title_case_critic_who_repeats_the_title_gets_it() -> None:
    text = (
        "Copper Valley is the story of two brothers and a mine. Joel Sand directs with "
        "restraint. By the end, Copper Valley has earned every one of its silences."
    )
    guess = identify_film(text)
    assert guess.title == "Copper Valley"
    assert 0 < guess.confidence <= 1


def test_a_critic_who_quotes_titles_gets_the_quoted_film_not_the_earlier_ones() -> None:
    text = (
        'Tomas Brandt ("Silver Harbor"/"The Long Night") directs this patient drama about '
        'a widow who inherits a failing farm. "Midnight Orchard" follows her through one '
        "hard winter, and Ilse Varga plays her with a quiet stubbornness. Brandt lets the "
        "weather do the talking.\n\nIt is slow, and it grows on you."
    )
    assert identify_film(text).title == "Midnight Orchard"


def test_a_credit_header_title_is_taken_as_stated() -> None:
    text = "The Glass Ferry (director: Ruth Ambler; cast: Jon Hale (Tom))\n\n" + COMPARED
    guess = identify_film(text)
    assert guess.title == "The Glass Ferry"
    assert "header" in guess.reasons


def test_a_review_naming_no_title_gets_none() -> None:
    assert identify_film("It is long, and the ending drags. See it anyway.").title is None


def test_titles_are_never_features() -> None:
    ents = entities(COMPARED)
    cands, caps = film_candidates(COMPARED, DocumentMeta(), ents, parse_header(COMPARED))
    assert {c.title for c in cands} >= {"Midnight Orchard", "Silver Harbor"}
    features = film_candidate_features(COMPARED, cands, ents, caps)
    for cand, feats in zip(cands, features, strict=True):
        for word in (w for w in cand.title.split() if len(w) > 3):
            assert not any(word.lower() in f.lower() for f in feats), (cand.title, word)


def test_the_shipped_model_has_a_threshold_per_writing_style_and_writer() -> None:
    model = shipped_title_model()
    if model is None:
        pytest.fail("resources/title-model.json is missing")
    styles = {"film_caps", "film_plain", "film_quotes"}
    # critics' thresholds, and users' (who often don't name their film) for each style
    assert set(model.thresholds) == styles | {f"{s}_users" for s in styles}
    assert all(0 <= t < 1 for t in model.thresholds.values())
    assert all(model.thresholds[f"{s}_users"] >= model.thresholds[s] for s in styles)
    # "film" says how sure a pick is; mixed with "rank", in a share per style, it picks
    assert set(model.weights) == {"film", "rank"}
    assert set(model.mix) == {"caps", "plain", "quotes"}
    assert all(0 <= m <= 1 for m in model.mix.values())


def _two_output_model(mix: dict[str, float] | None) -> LinearModel:
    data = {
        "features": ["bias", "cue"],
        "weights": {"film": [-1.0, 2.0], "rank": [0.0, -3.0]},
        "thresholds": {"film_plain": 0.1},
        "version": "test",
    }
    if mix is not None:
        data["rank_mix"] = mix
    return model_from_json(data)


def test_the_pick_mixes_the_two_outputs_in_each_styles_share() -> None:
    model = _two_output_model({"caps": 1.0, "plain": 0.25, "quotes": 0.0})
    scores = model.scores({"bias": 1.0, "cue": 1.0})  # film 1.0, rank -3.0
    assert pick_score(model, scores, "caps") == 1.0
    assert pick_score(model, scores, "quotes") == -3.0
    assert pick_score(model, scores, "plain") == 0.25 * 1.0 + 0.75 * -3.0


def test_a_model_without_a_mix_picks_as_before_by_probability_for_caps_only() -> None:
    model = _two_output_model(None)
    scores = model.scores({"bias": 1.0, "cue": 1.0})
    assert pick_score(model, scores, "caps") == 1.0
    assert pick_score(model, scores, "plain") == pick_score(model, scores, "quotes") == -3.0


def test_a_candidate_whose_words_also_appear_in_lower_case_is_marked_so() -> None:
    text = (
        "One of the year's surprises, Copper Valley is about two brothers and a mine. One "
        "brother stays; the other leaves for one last job. Copper Valley ends quietly."
    )
    ents = entities(text)
    cands, style = film_candidates(text, DocumentMeta(), ents, parse_header(text), wide=True)
    rows = film_candidate_features(text, cands, ents, style)
    feats = dict(zip([c.title for c in cands], rows, strict=True))
    assert "also_lower_case" not in feats["Copper Valley"]
    # among the model's candidates, a sentence-opening word said twice
    assert feats["One"]["also_lower_case"] == 1.0


def test_a_name_cut_at_its_middle_initial_is_no_title_candidate() -> None:
    text = (
        "I hope the sequels are better. Director Walter K. Brennan (NIGHT TRAIN) adds "
        "nothing to the picture. Sam Dyer grunts his way through it."
    )
    ents = entities(text)
    people = ["Walter K. Brennan", "Sam Dyer"]
    cands, _ = film_candidates(text, DocumentMeta(), ents, parse_header(text), people, True)
    assert not [c.title for c in cands if "Walter" in c.title]
    # a title ending in a letter before a sentence's end stays one
    text = "Spike Lee made Malcolm X. The film runs long, but Malcolm X is worth it."
    cands, _ = film_candidates(text, DocumentMeta(), entities(text), parse_header(text), [], True)
    assert "Malcolm X" in {c.title for c in cands}
