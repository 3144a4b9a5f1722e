"""The learned role reading: directors and leads credited in passing, never by name."""

from __future__ import annotations

import math

from critic.analyse.extract import extract, role_feature_rows
from critic.analyse.role_features import person_features
from critic.analyse.role_model import model_from_json, shipped_role_model
from film_people_lists import listed_people

PASSING_CREDIT = (
    "NIGHT HARBOUR is a cold, handsome thriller. Martin Keller's camera never rests, and "
    "Keller stages the chases with a surgeon's precision; Keller's pacing keeps us guessing "
    "until the last reel. Anna Holt is a detective who trusts nobody, and Holt gives the best "
    "performance of her career. Dennis Varga, as her partner, has less to do.\n\n"
    "Keller has made a film that lingers. NIGHT HARBOUR is worth the trip."
)


def roles_of(result: dict, name: str) -> list[dict]:  # type: ignore[type-arg]
    return next(p["roles"] for p in result["people"] if p["name"] == name)


def test_a_director_credited_only_by_how_the_review_uses_the_name_is_inferred() -> None:
    r = extract(PASSING_CREDIT)
    assert {"job": "director", "character": None, "note": "inferred"} in roles_of(
        r, "Martin Keller"
    )


def test_the_fallback_never_makes_a_rule_credited_actor_the_director() -> None:
    r = extract(
        "Maria Olsen plays Tom's wife and Peter Dunn plays his brother. Olsen is wasted; "
        "Dunn chews the scenery."
    )
    for name in ("Maria Olsen", "Peter Dunn"):
        assert all(role["job"] != "director" for role in roles_of(r, name))


def test_an_explicit_director_credit_stays_without_an_inferred_note() -> None:
    r = extract("The film was directed by Helen Marsh, and Pavel Lind plays the inspector.")
    assert {"job": "director", "character": None, "note": None} in roles_of(r, "Helen Marsh")


def test_names_are_never_features() -> None:
    rows = next(role_feature_rows([(PASSING_CREDIT, None)]))
    assert "Martin Keller" in rows
    for name, feats in rows.items():
        for part in name.split():
            assert not any(part.lower() in f.lower() for f in feats), (name, part)


def test_features_read_the_possessive_and_what_the_rules_said() -> None:
    prose = "Vera Lind's camera glides. Later, Vera Lind's script sags."
    feats = person_features(
        prose,
        [(0, 9), (34, 43)],
        full_name=True,
        rule_jobs=["screenwriter"],
        has_character=False,
        rank=1,
    )
    assert feats["POSS=camera"] > 0 and feats["POSS=script"] > 0
    assert feats["rule=screenwriter"] == 1.0
    assert feats["mentions=2"] == 1.0


def test_features_tell_a_possessive_on_another_film_from_one_on_the_film() -> None:
    prose = "Anna Keller's NORTH HARBOR was a hit, and many years later comes QUIET FIELDS."
    film = prose.index("QUIET FIELDS")
    feats = person_features(
        prose,
        [(0, 11)],
        full_name=True,
        rule_jobs=[],
        has_character=False,
        rank=1,
        film_spans=[(film, film + len("QUIET FIELDS"))],
        other_film_spans=[(14, 26)],
    )
    assert feats["other_poss_film"] > 0 and "poss_film" not in feats
    # the rows extract() gives the model carry it too
    text = (
        "Anna Keller's NORTH HARBOR was a hit years ago. This week comes QUIET FIELDS, her "
        "new film. QUIET FIELDS is slow; QUIET FIELDS is long."
    )
    assert extract(text)["film"]["title"] == "Quiet Fields"
    (row,) = role_feature_rows([(text, None)])
    assert "other_poss_film" in row["Anna Keller"] and "poss_film" not in row["Anna Keller"]


def _features_of_one_name(
    prose: str, name: str, film: str | None = None, other: str | None = None
) -> dict[str, float]:
    """person_features of `name`, said once, with the film and another title where given."""

    def span(text: str | None) -> list[tuple[int, int]]:
        return [(prose.index(text), prose.index(text) + len(text))] if text else []

    return person_features(
        prose,
        span(name),
        full_name=True,
        rule_jobs=[],
        has_character=False,
        rank=1,
        name=name,
        film_spans=span(film),
        other_film_spans=span(other),
    )


def test_a_possessive_apostrophe_alone_and_a_title_in_between_are_read_as_written() -> None:
    # "Jonas Marks' eerie, atmospheric NORTH HARBOR": a name in s owns with the apostrophe
    feats = _features_of_one_name(
        "It is no match for Jonas Marks' eerie, atmospheric NORTH HARBOR, a fine film.",
        "Jonas Marks",
        other="NORTH HARBOR",
    )
    assert feats["other_poss_film"] > 0 and feats["POSS=eerie"] > 0
    # "Ada Lind's NORTH HARBOR, but ... QUIET FIELDS": Lind owns the other film, not this one
    feats = _features_of_one_name(
        "A cube (from Ada Lind's NORTH HARBOR, but fine here).\nQUIET FIELDS is slow.",
        "Ada Lind",
        film="QUIET FIELDS",
        other="NORTH HARBOR",
    )
    assert feats["other_poss_film"] > 0
    assert "poss_film" not in feats and "film_after" not in feats


def test_a_listed_director_named_once_away_from_the_film_is_told_from_one_tied_to_it() -> None:
    prose = (
        "NORTH HARBOR is cold and slow, and its two hours feel like four. Like Ada "
        "Lindqvist before him, the director keeps still."
    )
    with listed_people(("Ada Lindqvist", 5, 0)):
        passing = _features_of_one_name(prose, "Ada Lindqvist", film="NORTH HARBOR")
        tied = _features_of_one_name(
            "Ada Lindqvist's NORTH HARBOR is cold.", "Ada Lindqvist", film="NORTH HARBOR"
        )
    assert passing["known_director&untied"] == 1.0 and "known_director&tied" not in passing
    assert passing["known_director&mentions=1"] == 1.0
    assert tied["known_director&tied"] == 1.0 and "known_director&untied" not in tied
    # a name the list does not hold gets neither: the pair is the list's knowledge
    unlisted = _features_of_one_name(prose, "Ada Lindqvist", film="NORTH HARBOR")
    assert not any(f.startswith("known_director") for f in unlisted)


def test_probabilities_are_the_logistic_of_the_weighted_features() -> None:
    model = model_from_json(
        {
            "features": ["bias", "POSS=camera"],
            "weights": {"director": [-1.0, 2.0], "actor": [0.5, 0.0]},
            "thresholds": {"director": 0.5, "director_fallback": 0.1, "actor": 0.5},
            "version": "test",
        }
    )
    p = model.probabilities({"bias": 1.0, "POSS=camera": 1.0, "unknown": 3.0})
    assert math.isclose(p["director"], 1 / (1 + math.exp(-1.0)))
    assert math.isclose(p["actor"], 1 / (1 + math.exp(-0.5)))


def test_the_shipped_model_carries_its_thresholds() -> None:
    model = shipped_role_model()
    assert model is not None
    assert set(model.thresholds) == {
        "director",
        "director_rule",
        "director_fallback",
        "director_actor",
        "actor",
    }
    assert 0 < model.thresholds["director_fallback"] <= model.thresholds["director"] < 1
    assert 0 < model.thresholds["director_rule"] <= model.thresholds["director"]


def _run_with(model_json: dict, text: str) -> dict:  # type: ignore[type-arg]
    from critic.analyse.extract import _reviews

    review = next(_reviews([(text, None)], 16, model_from_json(model_json)))
    return review.run()[1]


ACTOR_DIRECTOR = "Marty Fenn plays Arnie, a dentist. Fenn's pacing is slack. Dana Holt plays Rose."


def _model(thresholds: dict[str, float]) -> dict:  # type: ignore[type-arg]
    # POSS=pacing counts log(1 + 1) = 0.69: P(director) = logistic(-4.6 + 4.1 * 0.69) = 0.15
    # for the person it describes, logistic(-4.6) = 0.01 for anyone else
    return {
        "features": ["bias", "POSS=pacing"],
        "weights": {"director": [-4.6, 4.1], "actor": [-4.0, 0.0]},
        "thresholds": thresholds,
        "version": "test",
    }


def test_a_star_the_review_treats_as_director_is_credited_when_nobody_else_is() -> None:
    r = _run_with(
        _model({"director": 0.3, "director_fallback": 0.05, "director_actor": 0.1, "actor": 0.5}),
        ACTOR_DIRECTOR,
    )
    assert {"job": "director", "character": None, "note": "inferred"} in roles_of(r, "Marty Fenn")
    assert all(role["job"] != "director" for role in roles_of(r, "Dana Holt"))


def test_without_an_actor_director_bar_a_star_is_never_the_fallback_director() -> None:
    r = _run_with(
        _model({"director": 0.3, "director_fallback": 0.05, "actor": 0.5}), ACTOR_DIRECTOR
    )
    assert all(role["job"] != "director" for role in roles_of(r, "Marty Fenn"))


def test_the_fallback_takes_the_likelier_of_a_star_and_a_name_passed_by() -> None:
    # Ivo Brandt, no part, gets logistic(-4.6 + 2.7 * 0.69) = 0.06 from his style, over the
    # fallback bar; Marty Fenn, who plays Arnie, 0.15 from his pacing: the star directs
    bars = {"director": 0.3, "director_fallback": 0.05, "director_actor": 0.1, "actor": 0.5}
    model = _model(bars)
    model["features"].append("POSS=style")
    model["weights"]["director"].append(2.7)
    model["weights"]["actor"].append(0.0)
    r = _run_with(model, ACTOR_DIRECTOR + " It lacks Ivo Brandt's style.")
    assert {"job": "director", "character": None, "note": "inferred"} in roles_of(r, "Marty Fenn")
    assert all(role["job"] != "director" for role in roles_of(r, "Ivo Brandt"))


# "directed by" credits Helen Marsh, and the model gives her 0.15 (her pacing); Ivo Brandt,
# credited by no rule, gets 0.72 from his camera: over the director bar
RULE_CREDITED = (
    "The film was directed by Helen Marsh. Marsh's pacing is slack. Ivo Brandt's camera "
    "glides over the harbour, and Lena Sorel plays the ferry captain."
)


def _camera_model(thresholds: dict[str, float]) -> dict:  # type: ignore[type-arg]
    return {
        "features": ["bias", "POSS=pacing", "POSS=camera"],
        "weights": {"director": [-4.6, 4.1, 8.0], "actor": [-4.0, 0.0, 0.0]},
        "thresholds": thresholds,
        "version": "test",
    }


def test_a_rule_credited_director_over_its_own_bar_stays_beside_a_likelier_name() -> None:
    bars = {"director": 0.3, "director_rule": 0.1, "director_fallback": 0.05, "actor": 0.5}
    r = _run_with(_camera_model(bars), RULE_CREDITED)
    assert {"job": "director", "character": None, "note": None} in roles_of(r, "Helen Marsh")
    assert any(role["job"] == "director" for role in roles_of(r, "Ivo Brandt"))


def test_without_a_rule_bar_a_likelier_name_takes_the_credit_from_the_rule() -> None:
    bars = {"director": 0.3, "director_fallback": 0.05, "actor": 0.5}
    r = _run_with(_camera_model(bars), RULE_CREDITED)
    assert all(role["job"] != "director" for role in roles_of(r, "Helen Marsh"))
    # and a rule bar over her probability does not keep her either
    r = _run_with(_camera_model({**bars, "director_rule": 0.2}), RULE_CREDITED)
    assert all(role["job"] != "director" for role in roles_of(r, "Helen Marsh"))
