"""Who's who in a review: credits, people, works, quotes, merging, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from critic.analyse.credits import find_candidates
from critic.analyse.entities import is_plausible_name
from critic.analyse.extract import extract, extract_many, first_names_alone, role_feature_rows
from critic.analyse.identity import (
    NameIndex,
    merge_people,
    merge_quotes,
    merge_works,
)
from critic.cli.extract import extract_command
from critic.records import DocumentMeta
from film_people_lists import listed_people


def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.exists():
        pytest.skip("../shared is not present on this machine")
    return path


def person(result: dict[str, Any], name: str) -> dict[str, Any]:
    hits = [p for p in result["people"] if p["name"] == name]
    assert hits, f"{name} not among {[p['name'] for p in result['people']]}"
    return hits[0]


def roles(result: dict[str, Any], name: str) -> set[tuple[str, str | None]]:
    return {(r["job"], r["character"]) for r in person(result, name)["roles"]}


def test_character_then_actor_in_parentheses() -> None:
    r = extract("Tom Harker (Robert Vance) is a tired detective. Tom drinks too much.")
    assert ("actor", "Tom Harker") in roles(r, "Robert Vance")
    assert all(p["name"] != "Tom Harker" for p in r["people"])


def test_actor_plays_character_and_actor_as_character() -> None:
    r = extract("Robert Vance plays Tom Harker, a detective. Anna Keller as Lily Stone is better.")
    assert ("actor", "Tom Harker") in roles(r, "Robert Vance")
    assert ("actor", "Lily Stone") in roles(r, "Anna Keller")


def test_role_described_not_named_and_surname_only() -> None:
    text = "Anna Keller is everywhere this year. Here she is a nurse (Keller) with a secret."
    r = extract(text)
    p = person(r, "Anna Keller")
    assert [x["note"] for x in p["roles"]] == ["nurse"]
    assert [text[s:e] for s, e in p["mentions"]] == ["Anna Keller", "Keller"]


def test_crew_job_phrases() -> None:
    r = extract(
        "The film was written and directed by Robert Vance. Composer Daniel Moss adds little, "
        "and it was adapted from a novel by the late Anna Keller."
    )
    assert {("director", None), ("screenwriter", None)} <= roles(r, "Robert Vance")
    assert ("composer", None) in roles(r, "Daniel Moss")
    assert ("author", None) in roles(r, "Anna Keller")


def test_his_own_score_goes_to_the_person_before_it() -> None:
    r = extract("Daniel Moss, a trained pianist, lifts the mood with his own lovely musical score.")
    assert ("composer", None) in roles(r, "Daniel Moss")


def test_cameo_list() -> None:
    r = extract("There are cameos by Laura Price, Peter Dunn and Maria Olsen.")
    for name in ("Laura Price", "Peter Dunn", "Maria Olsen"):
        assert [x["note"] for x in person(r, name)["roles"]] == ["cameo"]


def test_credit_header_is_read_and_kept_out_of_the_prose() -> None:
    text = (
        "Cast: Robert Vance, Anna Keller Director: Daniel Moss Producer: Peter Dunn "
        "Screenplay: Maria Olsen Music: Laura Price\n"
        "THE QUIET FIELD is a slow film. Vance is fine."
    )
    r = extract(text)
    assert ("director", None) in roles(r, "Daniel Moss")
    assert ("actor", None) in roles(r, "Robert Vance")
    assert ("screenwriter", None) in roles(r, "Maria Olsen")
    assert ("composer", None) in roles(r, "Laura Price")
    assert r["film"]["title"] == "The Quiet Field"


def test_title_header_with_roles() -> None:
    r = extract(
        "Silent Harbor (director: Anna Keller; cast: Robert Vance (Tom), Laura Price)\nGood."
    )
    assert ("actor", "Tom") in roles(r, "Robert Vance")
    assert ("director", None) in roles(r, "Anna Keller")
    assert r["film"]["title"] == "Silent Harbor"


def test_a_header_part_with_an_honorific_is_the_character_and_the_prose_says_who_it_is() -> None:
    r = extract(
        "Silent Harbor (director: Anna Keller; cast: Robert Vance (Tom), Judith Kerr (Mrs. "
        "Varga))\nTom comes home to find his mother (Judith Kerr) has sold the house."
    )
    kerr = next(p for p in r["people"] if p["name"] == "Judith Kerr")
    assert kerr["roles"] == [{"job": "actor", "character": "Mrs. Varga", "note": "mother"}]


def test_a_cameo_turned_up_in_is_a_part_with_what_it_plays() -> None:
    r = extract(
        "Robert Vance plays Tom. Ned Voss turns up in a funny cameo as a ferry captain who "
        "sings, and Ann Lowe has a cameo too."
    )
    assert roles(r, "Ned Voss") == {("actor", None)}
    voss = next(p for p in r["people"] if p["name"] == "Ned Voss")
    assert voss["roles"][0]["note"] == "ferry captain (cameo)"
    lowe = next(p for p in r["people"] if p["name"] == "Ann Lowe")
    assert lowe["roles"][0]["note"] == "cameo"


def test_films_an_actor_is_remembered_for_are_that_actors_works() -> None:
    r = extract(
        "Robert Vance plays Tom. Vance, best remembered for The Iron Season and Dust on the "
        "Wind, has never been better."
    )
    works = {w["title"]: w["person"] for w in r["works"]}
    assert works == {"The Iron Season": "Robert Vance", "Dust on the Wind": "Robert Vance"}


def test_a_byline_and_a_distributor_line_under_the_title_name_nobody_in_the_film() -> None:
    r = extract(
        "HARBOUR OF SALT\nA film review by Sam Render\nCopyright 1998 Sam Render\n\n"
        "(Fine Line)\nStarring: Daniel Roth, Mira Stone, Owen Pike.\n"
        "Screenplay: Tomas Reyno. Director: Tomas Reyno.\n\n"
        "HARBOUR OF SALT is slow. Daniel Roth stars as Eli Varga, a fisherman. It is Mira "
        "Stone, as the childhood sweetheart Nell, who gives HARBOUR OF SALT its pulse."
    )
    names = {p["name"] for p in r["people"]}
    assert "Sam Render" not in names and "Fine Line" not in names
    assert ("actor", "Nell") in roles(r, "Mira Stone")
    assert ("actor", "Eli Varga") in roles(r, "Daniel Roth")


def test_works_in_a_list_and_in_parentheses_belong_to_the_person() -> None:
    r = extract(
        "Until now, Anna Keller was known for such fluff as Cocktail and "
        "Adventures in Babysitting. "
        "Director Robert Vance (Stormy Monday, Internal Affairs) is after something else."
    )
    works = {w["title"]: w["person"] for w in r["works"]}
    assert works["Cocktail"] == works["Adventures in Babysitting"] == "Anna Keller"
    assert works["Stormy Monday"] == works["Internal Affairs"] == "Robert Vance"


def test_the_film_under_review_is_not_another_work() -> None:
    text = (
        "THE QUIET FIELD is slow. Unlike HEAT, THE QUIET FIELD never hurries. THE QUIET FIELD ends."
    )
    r = extract(text)
    assert r["film"]["title"] == "The Quiet Field"
    assert [w["title"] for w in r["works"]] == ["Heat"]


def test_dialogue_speaker_is_the_actor_of_the_character() -> None:
    text = (
        'Tom Harker (Robert Vance) is a wreck. "I never sleep," Tom tells her. '
        '"Not since the war." As Mark Twain once noted, "The coldest winter I ever spent '
        'was a summer in San Francisco."'
    )
    r = extract(text)
    by_text = {q["text"]: q for q in r["quotes"]}
    assert by_text["I never sleep"]["kind"] == "dialogue"
    assert by_text["I never sleep"]["speaker"] == "Robert Vance"
    assert by_text["Not since the war."]["kind"] == "dialogue"
    twain = next(q for q in r["quotes"] if q["text"].startswith("The coldest"))
    assert (twain["kind"], twain["speaker"]) == ("other", "Mark Twain")
    for q in r["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]


def test_a_speaker_named_right_before_a_quotation_speaks_it_without_a_comma_or_an_opener() -> None:
    r = extract('Tom Harker (Robert Vance) is a wreck. When Tom says "I never sleep" she laughs.')
    (quote,) = r["quotes"]
    assert (quote["text"], quote["kind"], quote["speaker"]) == (
        "I never sleep",
        "dialogue",
        "Robert Vance",
    )


def test_a_line_ending_its_sentence_keeps_the_speaker_named_before_it() -> None:
    r = extract(
        'Tom Harker (Robert Vance) is a wreck. Tom says, "Go home." As Mark Twain said, '
        '"Golf is a good walk spoiled."'
    )
    by_text = {q["text"]: (q["kind"], q["speaker"]) for q in r["quotes"]}
    assert by_text["Go home."] == ("dialogue", "Robert Vance")
    assert by_text["Golf is a good walk spoiled."] == ("other", "Mark Twain")


def test_scare_quotes_are_not_dialogue() -> None:
    r = extract('The film never "explains" its hero, and that is fine.')
    assert [(q["text"], q["kind"], q["speaker"]) for q in r["quotes"]] == [
        ("explains", "other", None)
    ]


def test_extract_many_keeps_input_order_and_matches_extract() -> None:
    texts = [f"Robert Vance plays Tom Harker in part {i}." for i in range(5)] + ["Nothing here."]
    batched = list(extract_many(((t, None) for t in texts), batch_size=2))
    assert batched == [extract(t) for t in texts]


def test_merge_people_joins_nicknames_and_surnames_with_their_reviews() -> None:
    merged = merge_people(
        [
            (
                "r1",
                [
                    {
                        "name": "Michael Vance",
                        "aliases": [],
                        "mentions": [[0, 13]],
                        "roles": [{"job": "composer", "character": None, "note": None}],
                    }
                ],
            ),
            (
                "r2",
                [
                    {
                        "name": "Mike Vance",
                        "aliases": [],
                        "mentions": [[5, 15]],
                        "roles": [{"job": "director", "character": None, "note": None}],
                    }
                ],
            ),
            (
                "r3",
                [
                    {
                        "name": "Vance",
                        "aliases": [],
                        "mentions": [[1, 6]],
                        "roles": [{"job": "director", "character": None, "note": None}],
                    }
                ],
            ),
        ]
    )
    assert len(merged) == 1
    p = merged[0]
    assert {r["job"]: r["reviews"] for r in p["roles"]} == {
        "composer": ["r1"],
        "director": ["r2", "r3"],
    }
    assert p["reviews"] == ["r1", "r2", "r3"]
    assert set(p["aliases"]) | {p["name"]} >= {"Michael Vance", "Mike Vance", "Vance"}


def test_merge_people_keeps_two_people_who_share_a_surname_apart() -> None:
    merged = merge_people(
        [
            (
                "r1",
                [
                    {"name": "Alec Baldwin", "roles": [], "mentions": []},
                    {"name": "William Baldwin", "roles": [], "mentions": []},
                ],
            )
        ]
    )
    assert sorted(p["name"] for p in merged) == ["Alec Baldwin", "William Baldwin"]


def test_merge_quotes_ignores_curly_quotes_and_punctuation() -> None:
    merged = merge_quotes(
        [
            (
                "r1",
                [
                    {
                        "text": "Looks like I'm with the right girl",
                        "speaker": "A B",
                        "kind": "dialogue",
                        "start": 0,
                        "end": 34,
                    }
                ],
            ),
            (
                "r2",
                [
                    {
                        "text": "Looks like I’m with the right girl.",
                        "speaker": None,
                        "kind": "other",
                        "start": 3,
                        "end": 38,
                    }
                ],
            ),
        ]
    )
    assert len(merged) == 1
    assert merged[0]["reviews"] == ["r1", "r2"] and merged[0]["kind"] == "dialogue"


def test_merge_works_by_title_key() -> None:
    merged = merge_works(
        [
            (
                "r1",
                [
                    {
                        "title": "The Karate Kid",
                        "kind": "film",
                        "person": "Anna Keller",
                        "mentions": [[0, 14]],
                    }
                ],
            ),
            (
                "r2",
                [
                    {
                        "title": "KARATE KID, THE",
                        "kind": "film",
                        "person": None,
                        "mentions": [[2, 17]],
                    }
                ],
            ),
        ]
    )
    assert len(merged) == 1 and merged[0]["reviews"] == ["r1", "r2"]
    assert merged[0]["person"] == "Anna Keller"


def test_cli_streams_one_line_per_review_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": "Robert Vance plays Tom Harker.", "source": "x"}),
        "{not json",
        json.dumps({"id": "b", "text": "Nothing to see."}),
    ]
    result = CliRunner().invoke(extract_command, ["-", "--quiet"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["source"] == "x" and "text" not in out[0]
    assert set(out[0]) >= {"film", "people", "works", "quotes"}
    assert "line 2" in result.stderr


def test_seed_reviews_agree_with_gold() -> None:
    shared = shared_dir()
    gold = json.loads((shared / "seeds" / "gold.json").read_text())
    per_review = []
    for review in gold["reviews"]:
        text = (shared / "seeds" / review["file"]).read_text()
        per_review.append(
            (review["file"], extract(text, DocumentMeta(published=review["published"])))
        )
    people = merge_people([(rid, r["people"]) for rid, r in per_review])
    figgis = [p for p in people if p["name"].endswith("Figgis")]
    assert len(figgis) == 1
    assert {r["job"] for r in figgis[0]["roles"]} >= {"director", "screenwriter", "composer"}
    cage = next(p for p in people if p["name"] == "Nicolas Cage")
    assert any(r["character"] == "Ben Sanderson" for r in cage["roles"])
    shue = next(p for p in people if p["name"] == "Elisabeth Shue")
    assert any(r["character"] == "Sera" for r in shue["roles"])
    works = merge_works([(rid, r["works"]) for rid, r in per_review])
    found = {w["title"] for w in works}
    assert sum(w["title"] in found for w in gold["other_works_mentioned"]) >= 13
    quotes = merge_quotes([(rid, r["quotes"]) for rid, r in per_review])
    dialogue = [q for q in quotes if q["kind"] == "dialogue"]
    assert len(dialogue) == 6
    assert not any(q["text"].startswith("From a certain point") for q in dialogue)


def test_crew_cue_makes_a_name_nobody_knows_a_person_but_not_a_place() -> None:
    r = extract(
        "Tobiah Varkonyi's film knits several stories into one. Varkonyi is patient. "
        "John Vance, one of America's most independent film makers, is not in it."
    )
    assert ("director", None) in roles(r, "Tobiah Varkonyi")
    assert all(p["name"] != "America" for p in r["people"])


def test_director_phrases_in_active_voice_and_lists() -> None:
    r = extract(
        "Robert Vance has directed three films this decade. THE QUIET FIELD is a "
        "thriller from Anna Keller. Daniel Moss, the film's director, keeps it "
        "moving. Directors Laura Price and Peter Dunn share the credit on another."
    )
    for name in ("Robert Vance", "Anna Keller", "Daniel Moss", "Laura Price", "Peter Dunn"):
        assert ("director", None) in roles(r, name), name


def test_filmography_in_parentheses_between_actor_and_part() -> None:
    r = extract(
        "Maria Olsen (THE LONG NIGHT) as Tom's wife is wasted. Peter Dunn (COLD HARBOUR) "
        "is Tom's estranged brother, and Laura Price (NIGHT MOVES, HEAT) as Lily Stone "
        "steals the film."
    )
    assert [x["note"] for x in person(r, "Maria Olsen")["roles"]] == ["wife"]
    assert any(job == "actor" for job, _ in roles(r, "Peter Dunn"))
    assert ("actor", "Lily Stone") in roles(r, "Laura Price")


def test_actor_slot_after_a_described_character_makes_an_unknown_name_a_person() -> None:
    r = extract("A subplot about Kim's sister (Tolka Varsenne) is intrusive.")
    assert any(job == "actor" for job, _ in roles(r, "Tolka Varsenne"))


def test_who_plays_after_a_comma_and_plays_another() -> None:
    r = extract(
        "Anna Keller is given support by Laura Price, who plays Annie Higgins. "
        "Peter Dunn plays another in his gallery of oddballs."
    )
    assert ("actor", "Annie Higgins") in roles(r, "Laura Price")
    assert any(job == "actor" for job, _ in roles(r, "Peter Dunn"))


def test_title_in_parentheses_after_a_crew_member_is_their_work_not_an_actor() -> None:
    text = (
        "Harbour Lights is a tender film. The look is raw, which director-screenwriter "
        "Dana Reyes (Night Harbour) achieves with grainy stock and hand-held cameras."
    )
    result = extract(text)
    names = {p["name"] for p in result["people"]}
    assert "Night Harbour" not in names
    works = {w["title"]: w["person"] for w in result["works"]}
    assert works.get("Night Harbour") == "Dana Reyes"


def test_a_name_spacy_calls_a_company_is_a_director_in_a_crew_slot_unless_it_says_company() -> None:
    r = extract("The film was directed by Hanna Sorel, and Pavel Lind plays the inspector.")
    assert any(job == "director" for job, _ in roles(r, "Hanna Sorel"))
    r = extract("It is a film by Aardman Animations, and a fine one.")
    assert not r["people"]


def test_a_full_name_spacy_misses_is_a_person_when_the_surname_comes_back_alone() -> None:
    r = extract(
        "Theatrical Aspect Ratio: 2.35:1\nRenny Vask, whose previous directorial efforts "
        "include DIE TRYING, seems fond of big, explosive action pictures. By his own "
        "admission, Vask patterned SEA WOLVES loosely after CAPTAIN BLOOD."
    )
    assert "Renny Vask" in {p["name"] for p in r["people"]}


def test_a_title_case_run_joined_by_and_is_not_one_person() -> None:
    r = extract(
        "Crystal Mears and Daniel Winger star. When Crystal and Winger share the screen, the "
        "film wakes up; Mears is funny and Winger is sad."
    )
    names = {p["name"] for p in r["people"]}
    assert "Crystal and Winger" not in names
    assert "Daniel Winger" in names


def test_a_full_name_spacy_tags_as_a_company_is_a_person_when_the_surname_is_one() -> None:
    r = extract(
        "THE VENUS OF ARDEN, Elisabetta Lodari's feature debut, is a quiet film. Lodari "
        "chooses to present it in a dour fashion, and Lodari also uses visual cues."
    )
    assert "Elisabetta Lodari" in {p["name"] for p in r["people"]}


def test_a_possessive_before_a_title_of_the_persons_filmography_is_not_a_part() -> None:
    r = extract(
        "Dana Reyes (Night Harbour, Low Tide) wrote and directed it. The songs are sung by "
        "Ola Berg, the star of Reyes' Night Harbour. Reyes keeps the mood bleak."
    )
    assert all(
        role["job"] != "actor"
        for role in next(p["roles"] for p in r["people"] if p["name"] == "Dana Reyes")
    )


def test_a_surname_with_a_particle_alone_is_the_same_person_as_the_full_name() -> None:
    merged = merge_people(
        [
            ("r1", [{"name": "Marta von Halden", "roles": [{"job": "director"}]}]),
            ("r2", [{"name": "von Halden", "roles": [{"job": "director"}]}]),
            ("r3", [{"name": "De Lucca", "roles": [{"job": "actor"}]}]),
            ("r4", [{"name": "Paolo De Lucca", "roles": [{"job": "actor"}]}]),
        ]
    )
    assert sorted(p["name"] for p in merged) == ["Marta von Halden", "Paolo De Lucca"]
    assert all(len(p["reviews"]) == 2 for p in merged)


def test_a_one_letter_slip_in_a_long_first_name_is_one_person_but_short_names_stay_apart() -> None:
    merged = merge_people(
        [
            ("r1", [{"name": "Griffen Doyle", "roles": []}, {"name": "Mark Tull", "roles": []}]),
            ("r2", [{"name": "Griffin Doyle", "roles": []}, {"name": "Mary Tull", "roles": []}]),
        ]
    )
    assert len([p for p in merged if p["name"].endswith("Doyle")]) == 1
    assert len([p for p in merged if p["name"].endswith("Tull")]) == 2


def test_a_longer_slip_of_a_first_name_joins_it_and_an_initial_resolves_to_the_full_name() -> None:
    index = NameIndex()
    assert index.add("Edward Burns") == "Edward Burns"
    assert index.add("Edwards Burns") == "Edward Burns"
    assert index.add("M. Lowry") == "M. Lowry"
    assert index.add("Malcolm Lowry") == "Malcolm Lowry"
    assert index.resolve("M. Lowry") == "Malcolm Lowry"


_HASH_SEED_PROBE = """
from critic.analyse.identity import NameIndex
index = NameIndex()
for name in ["Edward Burns", "Edwards Burns", "E. Burns", "M. Tull", "Mark Tull", "Mary Tull"]:
    index.add(name)
print([index.resolve(n) for n in ["Edwards Burns", "E. Burns", "M. Tull", "Mary Tull"]])
"""


def test_which_spelling_a_name_resolves_to_does_not_depend_on_the_hash_seed() -> None:
    outputs = {
        subprocess.run(
            [sys.executable, "-c", _HASH_SEED_PROBE],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1, outputs


def test_siblings_credited_as_a_family_are_one_person_named_every_way_the_critic_does() -> None:
    r = extract(
        "This film, the Varga Brothers' follow-up to the acclaimed GLASS HOUSE, is a "
        "glorious mess. Of course, the Vargas have never done the same thing twice, and "
        "the cast is fine. Tom Hale plays Dude."
    )
    family = person(r, "Varga Brothers")
    assert len(family["mentions"]) == 2  # "Varga Brothers'" and "Vargas"
    assert ("director", None) in roles(r, "Varga Brothers")
    merged = merge_people([("r1", r["people"]), ("r2", [{"name": "Ivan Varga", "roles": []}])])
    assert "Varga Brothers" not in {p["name"] for p in merged}  # joins the one Varga named


def test_a_full_name_spacy_tags_as_a_place_is_a_person_when_it_owns_the_film() -> None:
    r = extract(
        "For its first two-thirds, Agnes Valmont's THE SALT HOUSE is a fine look at how a "
        "painter works. Valmont's speculative treatment of the painter's life is daring. "
        "Mira Cole plays the painter."
    )
    assert ("director", None) in roles(r, "Agnes Valmont")


def test_a_first_name_alone_is_never_the_director_beside_its_full_name() -> None:
    assert first_names_alone(["Matthew", "Matthew Brodin", "Patricia Brodin", "Brodin"]) == {
        "Matthew"
    }
    r = extract(
        "THE WIDE SKY is a look at the early life of Richard Fenn (played in the film by "
        "Matthew Brodin), the physicist. The decision to strip out all melodrama was made by "
        "screenwriter Patricia Brodin and her son, actor/director Matthew (who makes his "
        "debut behind the camera). Brodin is fine."
    )
    assert not any(
        ("director", None) in roles(r, p["name"]) for p in r["people"] if p["name"] == "Matthew"
    )


def test_a_director_list_stops_where_a_new_clause_begins() -> None:
    found = find_candidates(
        "The film was directed by Hanna Sorel, and Pavel Lind plays the inspector."
    )
    assert {(c.name, c.job) for c in found if c.job == "director"} == {("Hanna Sorel", "director")}
    found = find_candidates("It was directed by Joel Varga and Ethan Varga. Fine.")
    assert {c.name for c in found if c.job == "director"} == {"Joel Varga", "Ethan Varga"}


def test_a_middle_initial_does_not_cut_a_name_short() -> None:
    r = extract(
        "I hope the sequels are better. Director Walter K. Brennan (NIGHT TRAIN) adds "
        "nothing to the picture. Sam Dyer grunts his way through it."
    )
    assert ("director", None) in roles(r, "Walter K. Brennan")
    assert not any(p["name"] == "Walter K" for p in r["people"])


def test_accented_letters_stay_inside_a_name() -> None:
    r = extract(
        "PEARL, from director Lasse Hällqvist (THE RIVER HOUSE), tells the story of a "
        "widow. Ana Øberg is quietly superb, and Hällqvist never hurries her."
    )
    assert ("director", None) in roles(r, "Lasse Hällqvist")


def test_a_month_is_a_name_only_beside_a_first_name() -> None:
    assert is_plausible_name("Pernilla August")
    assert is_plausible_name("Jan Voss")  # "Jan" is a first name as well as a month
    assert is_plausible_name("June Squibb")
    assert not is_plausible_name("August")
    assert not is_plausible_name("Aug Voss")
    assert not is_plausible_name("May")


def test_a_craft_then_a_name_in_parentheses_is_crew_not_cast() -> None:
    r = extract(
        "My main problem was the directing (Tomas Reyna) and the editing (Lee Okafor). "
        "The wonderful script (Ada Quill and Bo Stenner) deserved better. Mark Doyle stars."
    )
    assert ("director", None) in roles(r, "Tomas Reyna")
    assert ("editor", None) in roles(r, "Lee Okafor")
    assert {j for j, _ in roles(r, "Ada Quill")} == {"screenwriter"}
    assert {j for j, _ in roles(r, "Bo Stenner")} == {"screenwriter"}


def test_siblings_after_a_with_a_film_word_are_a_family_but_a_studio_is_not() -> None:
    r = extract(
        "I was dubious about a Dorsey Brothers movie, but RIVER DOGS works. It is a Warner "
        "Brothers film, and Tom Hale plays Dude."
    )
    assert person(r, "Dorsey Brothers")
    assert not any(p["name"] == "Warner Brothers" for p in r["people"])


def test_directed_then_by_in_parentheses_names_the_director() -> None:
    found = find_candidates("The fights are adequately directed (by Ruy Alcantar, a TV man).")
    assert [(c.name, c.job) for c in found] == [("Ruy Alcantar", "director")]


def test_two_full_names_joined_by_and_are_two_people_when_critics_come_back_to_them() -> None:
    r = extract(
        "There are reasons to doubt STARFALL's creative foundation. After all, it comes "
        "from Roland Ebbing and Dean Dowell, the team responsible for SKYGATE. It is fair "
        "to ask whether Ebbing and Dowell can do anything original."
    )
    names = {p["name"] for p in r["people"]}  # spaCy calls "Roland Ebbing" a company
    assert {"Roland Ebbing", "Dean Dowell"} <= names


def test_an_adverb_opening_a_sentence_before_the_director_is_no_one() -> None:
    r = extract(
        "Nicole is sure to get hurt. Reportedly, the director had to cut many scenes. "
        "Kim Dale stars as Nicole."
    )
    assert not any(p["name"] == "Reportedly" for p in r["people"])


def test_title_line_header_with_joint_labels_slashes_and_a_bare_year() -> None:
    r = extract(
        "NORTH OF DUSK (director/writer: Anna Keller; screenwriters: Peter Dunn/Maria Olsen; "
        "editors: Laura Price/Daniel Moss; cast: Robert Vance (Tom Harker), Jane Ober (Lily); "
        "Runtime: 104; Northlight Pictures; 1997)\n\nA slow, careful film."
    )
    assert r["film"] == {"title": "North of Dusk", "year": 1997}
    assert {("director", None), ("screenwriter", None)} <= roles(r, "Anna Keller")
    assert ("screenwriter", None) in roles(r, "Peter Dunn")
    assert ("screenwriter", None) in roles(r, "Maria Olsen")
    assert ("editor", None) in roles(r, "Laura Price")
    assert ("editor", None) in roles(r, "Daniel Moss")
    assert ("actor", "Tom Harker") in roles(r, "Robert Vance")


def test_a_dated_grade_line_is_no_title() -> None:
    r = extract(
        "Robert Vance plays a tired detective in this slow thriller, and the ending drags.\n\n"
        "REVIEWED ON 5/4/2000 GRADE: B-"
    )
    assert r["film"]["title"] is None
    assert r["works"] == []


def test_quoted_filmography_in_parentheses_is_works_not_quotes() -> None:
    r = extract(
        'Anna Keller ("Cold Harbour"/"Night Moves") directs this slick thriller. '
        "Robert Vance is the best thing in it as the weary partner Tom Harker."
    )
    works = {w["title"]: w["person"] for w in r["works"]}
    assert works.get("Cold Harbour") == works.get("Night Moves") == "Anna Keller"
    assert r["quotes"] == []
    assert ("actor", "Tom Harker") in roles(r, "Robert Vance")


def test_words_between_actor_and_as_never_hold_a_comparison() -> None:
    r = extract(
        "Robert Vance is every bit as good as Peter Dunn as the drifter. "
        "Anna Keller is perfectly cast as a Welsh soccer player named Lily."
    )
    assert all(p["roles"] == [] or p["roles"][0]["character"] is None for p in r["people"])


def test_bylines_do_not_push_the_credits_out_of_the_header() -> None:
    r = extract(
        "NORTH OF DUSK\n"
        "A film review by Ned Voss\n"
        "Copyright 1997 Ned Voss\n\n"
        "Starring:  Robert Vance, Jane Ober\n"
        "Screenplay:  Peter Dunn\n"
        "Director:  Anna Keller\n\n"
        "NORTH OF DUSK is a slow, careful film, and Vance is fine in it."
    )
    assert ("director", None) in roles(r, "Anna Keller")
    assert ("screenwriter", None) in roles(r, "Peter Dunn")
    assert all(p["name"] != "Ned Voss" for p in r["people"])


_LONE_SURNAME_REVIEW = (
    "The story is thin, but Zorvath's camera never stops moving. I have liked most of "
    "the output from Mr. Zorvath, and this is no exception."
)


def test_a_surname_alone_that_the_film_people_list_gives_one_director_is_a_person() -> None:
    assert "Zorvath" not in {p["name"] for p in extract(_LONE_SURNAME_REVIEW)["people"]}
    with listed_people(("Imre Zorvath", 4, 0)):
        r = extract(_LONE_SURNAME_REVIEW)
    assert len(person(r, "Zorvath")["mentions"]) == 2
    assert ("director", None) in {(j, c) for j, c in roles(r, "Zorvath")}


def test_a_surname_two_listed_directors_share_is_nobody_in_particular_alone() -> None:
    with listed_people(("Imre Zorvath", 4, 0), ("Ilona Zorvath", 3, 0)):
        r = extract(_LONE_SURNAME_REVIEW)
    assert "Zorvath" not in {p["name"] for p in r["people"]}
    # one director among actors who share the surname is still the one said alone
    with listed_people(("Imre Zorvath", 4, 0), ("Ilona Zorvath", 0, 6)):
        r = extract(_LONE_SURNAME_REVIEW)
    assert "Zorvath" in {p["name"] for p in r["people"]}


def test_a_listed_surname_inside_a_longer_name_is_not_a_second_person() -> None:
    with listed_people(("Imre Zorvath", 4, 0)):
        r = extract(
            "Oliver Zorvath is very weak as the pimp, doing little more than growl. Later, "
            "Zorvath growls some more."
        )
    assert {p["name"] for p in r["people"] if "Zorvath" in p["name"]} == {"Oliver Zorvath"}


def test_a_full_name_the_film_people_list_holds_is_a_person_whatever_spacy_calls_it() -> None:
    review = "This is the second Uwo Fexley film I have seen, and the better one."  # an ORG
    assert "Uwo Fexley" not in {p["name"] for p in extract(review)["people"]}
    with listed_people(("Uwo Fexley", 7, 0)):
        assert "Uwo Fexley" in {p["name"] for p in extract(review)["people"]}


def test_a_full_name_the_film_people_list_holds_is_no_title_candidate() -> None:
    from critic.analyse.credits_header import parse_header
    from critic.analyse.films import film_candidates, title_key
    from critic.analyse.nlp import entities
    from critic.records import DocumentMeta

    review = "This is the second Uwo Fexley film I have seen, and the better one."

    def keys() -> set[str]:
        found = film_candidates(
            review, DocumentMeta(), entities(review), parse_header(review), wide=True
        )
        return {title_key(c.title) for c in found[0]}

    assert "uwo fexley" in keys()
    with listed_people(("Uwo Fexley", 7, 0)):
        assert "uwo fexley" not in keys()


def test_two_first_names_sharing_a_surname_are_two_people_and_the_credit_goes_to_both() -> None:
    r = extract(
        "Directors Chris and Paul Dunmore miss nearly every target in THE BIG PARTY. "
        "From concept to storytelling it fails."
    )
    assert ("director", None) in roles(r, "Chris Dunmore")
    assert person(r, "Chris Dunmore")["mentions"] == [[10, 15]]  # "Chris", there
    assert "Paul Dunmore" in {p["name"] for p in r["people"]}
    assert "Chris" not in {p["name"] for p in r["people"]}


def test_a_job_then_a_name_then_titles_in_parentheses_is_a_filmography_not_a_part() -> None:
    r = extract(
        "The plot is thin. Director Marta Kowalczyk (Rambling Rose) should have known "
        "better than to believe the script. Ann Dowd plays the mother."
    )
    assert ("director", None) in roles(r, "Marta Kowalczyk")
    assert {"Rambling Rose": "Marta Kowalczyk"} == {w["title"]: w["person"] for w in r["works"]}


def test_a_listed_surname_that_is_a_minor_person_or_a_place_in_the_story_is_no_one() -> None:
    with listed_people(("Ada Ledger", 1, 1), ("Tom Norland", 0, 12)):
        r = extract(
            "Ledger is where it keeps its secrets, and Ledger's pages matter. Our story "
            "takes place in jolly old Norland where a boy named Oliver lives."
        )
        names = {p["name"] for p in r["people"]}
        assert "Ledger" not in names  # one film each: a word more often than a name
        assert "Norland" not in names  # a place the story goes to, after "in"
        r = extract("Fair enough if Norland wanted it to look like we were there.")
        assert "Norland" in {p["name"] for p in r["people"]}  # a star, named as one


def test_a_name_made_an_adjective_with_directed_credits_its_director_and_is_no_title() -> None:
    r = extract(
        "The male lead in this Tom Hale-directed film is Ned Voss. Hale does not want to "
        "change the formula much."
    )
    assert ("director", None) in roles(r, "Tom Hale")
    assert r["film"]["title"] is None


def test_film_makers_before_a_list_credit_each_name_in_it() -> None:
    text = "Film makers Anna Keller, Peter Dunn, and Laura Price shot 250 hours of footage."
    crew = {c.name for c in find_candidates(text) if c.rule == "crew" and c.job == "director"}
    assert crew == {"Anna Keller", "Peter Dunn", "Laura Price"}


def test_a_preposition_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    assert not is_plausible_name("Without Van Dorn")
    r = extract(
        "THE STORM is Jan Van Dorn's violent weather thriller. Without Van Dorn, the film "
        "would sag. Van Dorn keeps things moving."
    )
    assert "Without Van Dorn" not in {p["name"] for p in r["people"]}


def test_a_directorial_debut_a_directing_aside_and_the_helm_credit_the_director() -> None:
    r = extract(
        "Screenwriter Ada Lind (NORTH HARBOR) makes a successful directorial debut with "
        "QUIET FIELDS, and Tom Vess plays the farmer."
    )
    assert ("director", None) in roles(r, "Ada Lind")
    r = extract(
        "Cast against type, Rolf Amsel plays a farmer in QUIET FIELDS. This is not the first "
        "time Amsel (who directs, as well as stars) has pulled it off."
    )
    assert ("director", None) in roles(r, "Rolf Amsel")
    r = extract(
        "So, with Tomas Brandt (THE CLIENT, NIGHT HARBOUR) at the helm, QUIET FIELDS moves "
        "briskly, and Lena Sorel plays the widow."
    )
    assert ("director", None) in roles(r, "Tomas Brandt")
    text = "Anyone who saw Ada Lind act will be surprised by Lind's feature debut as a director."
    assert any(c.job == "director" for c in find_candidates(text))


def test_an_actors_feature_debut_is_no_directing_credit() -> None:
    for text in (
        "Vera Holm makes her feature debut as the younger sister in QUIET FIELDS.",
        "Vera Holm makes her feature film debut in QUIET FIELDS, playing a nurse.",
    ):
        r = extract(text)
        assert not [p for p in r["people"] if any(x["job"] == "director" for x in p["roles"])]


def test_a_title_case_film_in_parentheses_after_a_director_keeps_the_director() -> None:
    # "Name (Earlier Film)" in title case reads like "Character (Actor)": the name before
    # the parentheses is no character when the words inside cannot be a person
    r = extract(
        "Harbor Lights is a quiet drama about two sisters. Around the time that Mara Kessler "
        "began production of Harbor Lights, the novelist died. Mara Kessler (Internal Matters) "
        "has filmed an amazing dual character study. Tom Vardy plays the older brother. "
        "Kessler keeps things moving."
    )
    assert ("director", None) in roles(r, "Mara Kessler")
    works = {w["title"]: w["person"] for w in r["works"]}
    assert works.get("Internal Matters") == "Mara Kessler"
    # a person in the parentheses still makes the name before them a character
    r = extract("Ben Sandell (Nicolas Carver) drinks. Sera (Elise Shoup) is a prostitute.")
    assert ("actor", "Ben Sandell") in roles(r, "Nicolas Carver")
    assert not [p for p in r["people"] if p["name"] == "Ben Sandell"]


def test_co_directors_after_a_comma_a_parenthesis_before_direction_and_a_comma_after_by() -> None:
    text = (
        "LEON THE CLAM FARMER is a singularly entertaining motion picture. Its co-directors, "
        "Gary Marsh and Vadim Jolo, have done an excellent job pacing the film."
    )
    assert [(c.name, c.job) for c in find_candidates(text)] == [
        ("Gary Marsh", "director"),
        ("Vadim Jolo", "director"),
    ]
    text = "The script is lifeless, and Hugh Wilsby's (GUARDING TESSA) direction is flat."
    assert ("Hugh Wilsby", "director") in [(c.name, c.job) for c in find_candidates(text)]
    text = "STRANGE NIGHTS, a slick thriller directed by his ex-wife, Kathryn Bigly (POINT NORTH)."
    assert ("Kathryn Bigly", "director") in [(c.name, c.job) for c in find_candidates(text)]


def test_word_spans_finds_what_the_boundary_pattern_finds() -> None:
    import re

    from critic.analyse.entities import word_spans

    text = (
        "Lind, Lind's, O'Lind, Lind-Holm, Holm-Lind, _Lind, Lind_, Lind2, 2Lind, Éolind, "
        "lindé, “Lind” (Lind) Lind’s LindLind Lind Lind. aa aaa aaaa a-a"
    )
    for word in ("Lind", "lind", "aa", "a", "Lind Lind", "a-a"):
        for left, right in (("", ""), ("'’", "'’"), ("'’-", "-")):
            pattern = rf"(?<![\w{re.escape(left)}]){re.escape(word)}(?![\w{re.escape(right)}])"
            expected = [m.span() for m in re.finditer(pattern, text)]
            assert word_spans(text, word, left, right) == expected, (word, left, right)


def test_a_persons_documentary_credits_its_director_and_a_studios_offering_no_one() -> None:
    text = "The rodeo rider as presented in Arvid Tollan's documentary is a gruff legend."
    assert ("Arvid Tollan", "director") in [(c.name, c.job) for c in find_candidates(text)]
    # one word after "the" that owns a film is a studio's nickname, not a person
    r = extract(
        "It is unlikely that NORTHERN TALE will break the Gnome's stranglehold on cartoons, "
        "though it is the Gnome's latest offering that looks tired. NORTHERN TALE is also by "
        "the director of an earlier hit, former studio animator Dag Orvell."
    )
    assert "Gnome" not in {p["name"] for p in r["people"]}


def test_a_crew_credit_to_a_first_name_alone_goes_to_the_one_full_name_it_begins() -> None:
    r = extract(
        "NORTH HARBOR follows the early life of a physicist (played by Tomas Brandvik). The "
        "choice to strip out melodrama was made by screenwriter Greta Brandvik and her son, "
        "actor/director Tomas (who makes his debut behind the camera). Tomas Brandvik gives "
        "a fine portrayal of the physicist."
    )
    assert ("director", None) in roles(r, "Tomas Brandvik")
    # "an idea of Tomas's" credits nothing the full name should take
    r = extract(
        "Based on an idea of Tomas's, NORTH HARBOR, directed by Ivo Renk, is set at sea. "
        "Tomas Brandvik plays the captain with gusto."
    )
    assert ("director", None) not in roles(r, "Tomas Brandvik")


def test_a_documentary_by_a_described_person_and_a_directed_aside_credit_the_director() -> None:
    found = find_candidates(
        "The subject of a short documentary by his long-time assistant, Arvid Tollan, "
        "was his own life. It is crisply-directed (Dag Orvell keeps things moving) and "
        "well acted."
    )
    credited = {(c.name, c.job) for c in found}
    assert ("Arvid Tollan", "director") in credited
    assert ("Dag Orvell", "director") in credited
    # an aside in lower case between the job and the name
    found = find_candidates(
        "NORTH HARBOR, directed by first-time feature film maker (but long-time "
        "documentarian) Ilse Varga from the novel by Ola Brenn, is quiet."
    )
    assert ("Ilse Varga", "director") in {(c.name, c.job) for c in found}


def test_quoted_printable_spaces_in_a_review_are_read_as_spaces_and_offsets_kept() -> None:
    text = (
        "the self-effacing film maker, Arvid=20 Tollan, died in March. Less than a year=20 "
        "before, Tollan made NORTH HARBOR=85 a quiet film."
    )
    r = extract(text)
    tollan = person(r, "Arvid Tollan")
    assert all(text[s:e].endswith("Tollan") for s, e in tollan["mentions"])
    assert not any("=20" in p["name"] for p in r["people"])
    # a single "=20" may be arithmetic: the text is left as written
    from critic.analyse.mail_escapes import mend_mail_escapes

    assert mend_mail_escapes("The score was x=20 and y=3.") == "The score was x=20 and y=3."
    assert mend_mail_escapes("a=20 b=20 c=85") == "a    b    c..."


def test_a_spacy_person_running_on_into_the_sentence_is_cut_to_the_name() -> None:
    # spaCy reads "Omar Tollan as Linc" as one person: the name is the part before "as"
    text = "Weakest of all is Omar Tollan as Linc, who was the best character."
    r = extract(text)
    assert roles(r, "Omar Tollan") == {("actor", "Linc")}
    assert [p["name"] for p in r["people"]] == ["Omar Tollan"]
    # and a "person" in lower case is a description, not someone
    r = extract(
        "They hire an interior decorator (Ivo Renk), Annie's lesbian daughter (Greta Holm), "
        "and a mob boss."
    )
    assert "lesbian daughter" not in {p["name"] for p in r["people"]}
    assert ("actor", None) in roles(r, "Greta Holm")


def test_a_copyright_byline_at_the_foot_names_the_critic_not_someone_in_the_film() -> None:
    from critic.analyse.credits_header import copyright_lines

    # a critic who is also the film's actor, so that the name is someone either way: the
    # byline at the foot is none of the review's mentions of him
    text = (
        "HARBOUR LIGHTS is a quiet film, and Tom Marr is good as Paul. The last scene is "
        "the best.\nCopyright 1997 Tom Marr\n"
        '"The cinema is not an art which films life." - Andrei Tarkovsky'
    )
    byline = text.index("Copyright")
    assert copyright_lines(text) == [(byline, text.index("\n", byline))]
    r = extract(text)
    assert ("actor", "Paul") in roles(r, "Tom Marr")
    assert all(s < byline for s, _ in person(r, "Tom Marr")["mentions"])
    assert r["film"]["title"] == "Harbour Lights"


def test_a_part_then_and_then_the_next_actor_is_no_pair_of_first_names() -> None:
    r = extract("HARBOUR LIGHTS stars Tom Marr as Paul and Greta Holm as Lily.")
    assert {p["name"] for p in r["people"]} == {"Tom Marr", "Greta Holm"}
    assert ("actor", "Paul") in roles(r, "Tom Marr")


def test_an_opening_adverb_before_a_crew_cue_is_no_one_and_an_actor_slot_stays() -> None:
    found = find_candidates(
        "It is the best part of the film.\nMasterfully directed by Ivo Renk (NORTH HARBOR), "
        "it moves. The script is weak. Moreover, the director has the actors shout."
    )
    assert {(c.name, c.job) for c in found if c.job != "actor"} == {("Ivo Renk", "director")}
    # "Donnelly" ends in -ly and is a surname; "He plays Karl" still marks Karl a part
    found = find_candidates("Donnelly directed it well. He plays Karl Brask, a drifter.")
    assert ("Donnelly", "director") in {(c.name, c.job) for c in found}
    assert "Karl Brask" in {c.character for c in found}


def test_a_possessive_credits_the_director_across_a_year_but_not_across_a_novel() -> None:
    # the rules' reading, which the role model then weighs (rule=director among the features)
    by_year = (
        "Few chases match the one in Pavel Orlov's 1985 thriller, NORTH HARBOR, which opens "
        "this week in a new print. NORTH HARBOR follows two convicts across the ice."
    )
    by_novel = (
        "Few stories match Ola Brenn's novel, NORTH HARBOR. This film, the second "
        "adaptation of the book, is faithful to it."
    )
    year_row, novel_row = role_feature_rows([(by_year, None), (by_novel, None)])
    assert "rule=director" in year_row["Pavel Orlov"]
    assert "rule=author" in novel_row["Ola Brenn"]
    assert "rule=director" not in novel_row["Ola Brenn"]


def test_a_surname_the_director_shares_with_a_part_player_is_the_directors_alone() -> None:
    text = (
        "NORTH HARBOR, directed by Bo Lindahl, is a quiet film. Karin (Greta Lindahl, the "
        "director's wife) runs the inn. Lindahl keeps the camera still, and Lindahl's "
        "patience pays off."
    )
    r = extract(text)
    assert [text[s:e] for s, e in person(r, "Bo Lindahl")["mentions"]] == [
        "Bo Lindahl",
        "Lindahl",
        "Lindahl",
    ]
    # "the director's wife" is a relation, not a credit
    assert roles(r, "Greta Lindahl") == {("actor", "Karin")}
    # two who play parts leave the surname alone to nobody
    text = (
        "NORTH HARBOR is a quiet film. Karin (Greta Lindahl) runs the inn with her brother "
        "Nils (Per Lindahl). Lindahl keeps the camera still."
    )
    r = extract(text)
    assert all(len(p["mentions"]) == 1 for p in r["people"] if "Lindahl" in p["name"])
