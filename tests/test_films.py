"""Which film a review is about: title keys, sources of a title, years, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from critic.analyse.credits_header import parse_header
from critic.analyse.films import film_candidates, identify_film, strip_site_name, title_key
from critic.analyse.nlp import entities
from critic.records import DocumentMeta


def shared_dir() -> Path:
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.exists():
        pytest.skip("../shared is not present on this machine")
    return path


def test_title_key_ignores_article_case_and_punctuation() -> None:
    assert title_key("The Piano") == title_key("PIANO, THE") == title_key("the piano!") == "piano"
    assert title_key("Vampire's Kiss") == title_key("VAMPIRE’S KISS")
    assert title_key("Crouching Tiger, Hidden Dragon") != title_key("Hidden Dragon")


def test_strip_site_name_keeps_only_the_film() -> None:
    assert strip_site_name("The Piano - Film Review | The Outlet") == "The Piano"
    assert strip_site_name("Review: Heat (1995) | Daily Paper") == "Heat"


def test_title_given_by_the_user_wins_with_full_confidence() -> None:
    guess = identify_film("A fine film about nothing.", DocumentMeta(film="Heat", year=1995))
    assert (guess.title, guess.year, guess.confidence) == ("Heat", 1995, 1.0)
    assert guess.reasons == {"given": 1.0}


def test_repeated_caps_title_is_the_film_and_others_are_not() -> None:
    text = (
        "THE MIDNIGHT ORCHARD is a slow, lovely drama. Unlike HEAT, it takes its time.\n"
        "Robert Vance plays the farmer. THE MIDNIGHT ORCHARD never hurries.\n"
        "In the end, THE MIDNIGHT ORCHARD is worth the wait."
    )
    guess = identify_film(text)
    assert guess.title == "The Midnight Orchard"
    assert guess.reasons["all_caps"] > 0 and guess.reasons["repeated"] > 0
    assert (
        len(guess.spans) == 3
        and text[guess.spans[0].start : guess.spans[0].end] == "THE MIDNIGHT ORCHARD"
    )


def test_repeated_title_case_title_beats_a_place_and_a_person() -> None:
    text = (
        "Leaving Rome Tonight is a quiet film. Anna Keller drives to Rome and stays there.\n"
        "Anna Keller is superb. Rome looks grey.\n"
        "Leaving Rome Tonight is, in the end, a film about Rome. See Leaving Rome Tonight."
    )
    guess = identify_film(text)
    assert guess.title == "Leaving Rome Tonight"


def test_no_title_rather_than_a_wild_guess() -> None:
    guess = identify_film("It was long. The actors tried hard, but the story went nowhere.")
    assert guess.title is None and guess.confidence == 0.0


def test_year_in_parentheses_after_the_title() -> None:
    text = "SILENT HARBOR (1994) is a thriller. SILENT HARBOR works."
    guess = identify_film(text, DocumentMeta(published="1996-01-02"))
    assert (guess.year, guess.year_source) == (1994, "text")


def test_publication_year_when_the_text_has_none() -> None:
    guess = identify_film(
        "SILENT HARBOR is a thriller. SILENT HARBOR works.", DocumentMeta(published="1996-01-02")
    )
    assert (guess.year, guess.year_source) == (1996, "published")


def test_title_line_header_gives_the_title() -> None:
    text = (
        "Silent Harbor (director: Anna Keller; cast: Robert Vance (Tom))\nA thriller on the coast."
    )
    guess = identify_film(text)
    assert guess.title == "Silent Harbor" and "header" in guess.reasons


def test_seed_reviews_are_about_leaving_las_vegas() -> None:
    seeds = shared_dir() / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        guess = identify_film(path.read_text())
        assert guess.title == "Leaving Las Vegas", path.name


def test_caps_title_named_once_beats_films_it_is_compared_with() -> None:
    text = (
        "Director Anna Keller (HEAT, NORTH HARBOR) made her name with thrillers.\n"
        "Like NORTH HARBOR, and unlike HEAT, her new film takes its time. Fans of "
        "NORTH HARBOR will notice.\n"
        "QUIET FIELDS is a slow, careful drama about a farm in winter, and worth a look."
    )
    guess = identify_film(text)
    assert guess.title == "Quiet Fields"
    assert "opens_paragraph" in guess.reasons


def test_caps_title_with_a_comma_is_one_title_when_written_the_same_twice() -> None:
    text = (
        "MYSTERY, ALASKA is a hockey comedy. It borrows from SLAP SHOT.\n"
        "In the end MYSTERY, ALASKA is a pleasant enough evening."
    )
    assert identify_film(text).title == "Mystery, Alaska"


def test_caps_title_keeps_initials_and_drops_labels() -> None:
    from critic.analyse.entities import caps_titles

    runs = [
        r.text for r in caps_titles("L.A. STORY and CECIL B. DEMENTED. REVIEW WRITTEN ON: May 1")
    ]
    assert runs == ["L.A. STORY", "CECIL B. DEMENTED"]


def test_short_form_of_a_subtitled_title_counts_for_the_full_title() -> None:
    text = (
        "The dog is back in SHILOH 2: SHILOH SEASON, a sequel to SHILOH.\n"
        "For families who want a message, SHILOH 2 fills the bill."
    )
    assert identify_film(text).title == "Shiloh 2: Shiloh Season"


def test_caps_titles_keep_clipped_words_and_accented_capitals() -> None:
    from critic.analyse.entities import caps_titles

    text = (
        "Dana Lee directs 'TIL THE RIVER RUNS. Her ROCK 'N' ROLL WEREWOLF was louder, and "
        "ÉTÉ À PARIS quieter. I said 'NO' to the FBI's case."
    )
    assert [r.text for r in caps_titles(text)] == [
        "'TIL THE RIVER RUNS",
        "ROCK 'N' ROLL WEREWOLF",
        "ÉTÉ À PARIS",
    ]


def test_a_title_introduced_as_called_is_the_film_under_review() -> None:
    text = (
        "Fans of SUMMER RAIN have waited years for a sequel. It has finally come, and it is "
        "called THE AUTUMN FLOOD. It is a disaster from start to finish."
    )
    assert identify_film(text).title == "The Autumn Flood"


def test_a_title_case_title_owned_by_a_person_and_one_with_an_honorific_are_candidates() -> None:
    text = (
        "Director Jon Ashby's The Glass Orchard is a long film. It is no Talented Mr. Marsh: "
        "it follows a liar around Europe and never stops moving."
    )
    titles = {
        title_key(c.title)
        for c in film_candidates(text, DocumentMeta(), entities(text), parse_header(text))[0]
    }
    assert {"glass orchard", "talented mr marsh"} <= titles


def test_a_title_owned_by_a_person_is_marked_so_and_a_tail_of_a_longer_title_is_not() -> None:
    text = (
        "With one exception, On Her Majesty's Secret Service is the best entry. In Jon "
        "Whitby's See Spot Sprint, Agent 11 is placed in a program. Whitby keeps it light."
    )
    parts = {
        title_key(c.title): c.reasons
        for c in film_candidates(text, DocumentMeta(), entities(text), parse_header(text))[0]
    }
    assert "owned_by_person" in parts["see spot sprint"]
    assert "owned_by_other" in parts["secret service"]
    assert "on her majestys secret service" in parts


def test_a_title_named_as_a_film_is_a_candidate_even_as_one_word_a_first_name_or_a_place() -> None:
    text = (
        "Poor people in the movie Harbour Lights pay her to write letters. The film Rosalind "
        "was better. Kessenden (1994) is based on a novel. In the comedy Tallowmere, a "
        "first effort by writer Tom Hale, nothing happens. Joe the Great by actor Ned Voss "
        "is next. The trouble with Night Tide, directed by Ann Lowe, is the script."
    )
    found = film_candidates(text, DocumentMeta(), entities(text), parse_header(text), wide=True)
    parts = {title_key(c.title): c.reasons for c in found[0]}
    for key in ("harbour lights", "rosalind", "kessenden", "tallowmere", "joe the great"):
        assert "named_as_film" in parts[key], key
    assert "named_as_film" in parts["night tide"]


def test_caps_titles_show_subtitles_and_roman_numerals_capitalised() -> None:
    from critic.analyse.films import display_title

    assert display_title("HARBOUR LIGHTS II: THE RETURN") == "Harbour Lights II: The Return"
    assert display_title("NIGHT TIDE - A LOVE STORY") == "Night Tide - A Love Story"
    assert display_title("THE GLASS ORCHARD") == "The Glass Orchard"


def test_name_led_titles_with_small_words_and_ampersands_are_candidates_not_people() -> None:
    text = (
        "Rosalind of the Marsh is a slow film, and Tom Hale is fine in it. Later, Salt & "
        "Vinegar tries the same trick. Rosalind of the Marsh never finds its feet."
    )
    found = film_candidates(text, DocumentMeta(), entities(text), parse_header(text), wide=True)
    keys = {title_key(c.title) for c in found[0]}
    assert {"rosalind of the marsh", "salt and vinegar"} <= keys
    assert "tom hale" not in keys


def _candidate_parts(text: str, wide: bool = True) -> dict[str, dict[str, float]]:
    found = film_candidates(text, DocumentMeta(), entities(text), parse_header(text), wide=wide)
    return {title_key(c.title): c.reasons for c in found[0]}


def test_a_title_after_a_part_or_before_its_maker_is_a_candidate_of_its_own() -> None:
    parts = _candidate_parts(
        "Ned Voss in The Glass Orchard is a revelation. Night Tide by Ann Lowe came first. "
        "The Salt Marsh from 1940 is better."
    )
    assert {"glass orchard", "night tide", "salt marsh"} <= set(parts)
    # "X by Ann Lowe" names a work and its maker: the title is named as one
    assert "named_as_film" in parts["night tide"]


def test_a_credit_label_before_by_is_not_named_as_a_film() -> None:
    parts = _candidate_parts("Directed by Ann Lowe, it drifts. Music by Tom Hale, it hums.")
    assert "directed" not in parts and "music" not in parts


def test_an_opener_word_stays_in_a_title_the_review_writes_with_it_mid_sentence() -> None:
    text = (
        "Before Nightfall is a slow film. In Lowe's Before Nightfall, a ferryman waits. "
        "Before Nightfall never hurries."
    )
    parts = _candidate_parts(text, wide=False)
    assert "before nightfall" in parts and "nightfall" not in parts


def test_the_title_model_also_sees_a_sentence_opener_kept_on_a_title() -> None:
    text = "Our Lady of the Marsh opens on a pier. Our Lady of the Marsh ends there too."
    parts = _candidate_parts(text)
    assert "opener_kept" in parts["our lady of the marsh"]
    assert "lady of the marsh" in parts
    assert "our lady of the marsh" not in _candidate_parts(text, wide=False)


def test_titles_with_initials_or_a_slash_are_one_candidate() -> None:
    parts = _candidate_parts(
        "L.A. Tideline is the better film; Glass/Orchard is the stranger one. "
        "Later, L.A. Tideline sags and Glass/Orchard soars."
    )
    assert {"l a tideline", "glass orchard"} <= set(parts)


def test_a_film_named_for_its_hero_is_a_candidate_marked_as_looking_like_a_person() -> None:
    text = "Jonah Pell is a quiet film. It follows Jonah Pell from the docks to the sea."
    assert "person_like" in _candidate_parts(text)["jonah pell"]
    assert "jonah pell" not in _candidate_parts(text, wide=False)


def test_a_title_led_by_a_gerund_keeps_it_and_yields_no_place() -> None:
    parts = _candidate_parts("Crossing Port Lowe is long. The ferry leaves Port Lowe at dawn.")
    # the title's "Port Lowe" is not one more mention of the place
    assert "crossing port lowe" in parts and "repeated_title_case" not in parts["port lowe"]


def test_a_lone_article_opening_sentences_is_no_candidate() -> None:
    parts = _candidate_parts("The ferry is late. The pier is wet. The Glass Orchard is long.")
    assert "the" not in parts and "glass orchard" in parts


def test_caps_titles_keep_initials_and_slashed_parts_capitalised() -> None:
    from critic.analyse.films import display_title

    assert display_title("L.A. TIDELINE") == "L.A. Tideline"
    assert display_title("GLASS/ORCHARD") == "Glass/Orchard"


def test_a_title_quoted_once_is_offered_whole_to_the_model_in_any_quotation_marks() -> None:
    from critic.analyse.films import quoted_phrases

    text = (
        "In 2006, \"In Colder Waters\" was a thriller. I watched 'Envy of Tides' twice, "
        "and `Harbour Lights' once. Don't it's 'em."
    )
    assert {q.text for q in quoted_phrases(text)} == {
        "In Colder Waters",
        "Envy of Tides",
        "Harbour Lights",
    }
    parts = _candidate_parts(text)
    # the quotation keeps its opener word, which a sentence start would trim
    assert "quoted_phrase" in parts["in colder waters"]
    assert "quoted_phrase" in parts["envy of tides"]
    # the hand scores never see a lone quoted phrase
    assert "quoted_phrase" not in str(_candidate_parts(text, wide=False))


def test_a_quoted_name_said_once_is_a_candidate_though_it_looks_like_a_person() -> None:
    parts = _candidate_parts("I rented 'Jonah Pell' last night. It is slow but kind.")
    assert "quoted_phrase" in parts["jonah pell"] and "person_like" not in parts["jonah pell"]


def test_runs_lose_a_grade_after_them_and_a_small_word_before_them() -> None:
    from critic.analyse.entities import title_case_runs

    def runs(text: str) -> list[str]:
        return [r.text for r in title_case_runs(text) if "Orchard" in r.text]

    assert runs("That is Glass Orchard. I give Glass Orchard 8/10.") == ["Glass Orchard"] * 2
    # a sequel's number stays
    assert runs("I rate Glass Orchard 3 out of 5. I hate Orchard 2.") == [
        "Glass Orchard",
        "Orchard 2",
    ]


def test_a_title_after_was_is_a_candidate_but_one_after_such_films_as_is_not() -> None:
    text = (
        "One of Dana Reyes's most important pictures was Copper Lantern. It still plays "
        "well, unlike such films as Tin Harbour, which have dated."
    )
    keys = set(_candidate_parts(text))
    assert "copper lantern" in keys  # "was" ends in "as", which is no works cue
    assert "tin harbour" not in keys


def test_two_full_names_joined_are_no_title_but_two_first_names_may_be() -> None:
    text = (
        "Harold and Maude still charms, and it was the first time I saw it. "
        "There are cameos by Laura Price, Peter Dunn and Maria Olsen."
    )
    keys = set(_candidate_parts(text))
    assert "harold and maude" in keys  # single first names: a title as often as a pair
    assert "peter dunn and maria olsen" not in keys  # two people, each with a surname


def test_first_names_sharing_a_surname_are_no_title() -> None:
    keys = set(_candidate_parts("Directors Chris and Paul Dunmore miss nearly every target."))
    assert not any("dunmore" in k for k in keys)  # Chris Dunmore and Paul Dunmore


def test_a_title_a_full_name_owns_is_offered_alone_and_the_whole_run_is_marked() -> None:
    parts = _candidate_parts("John Harlan's Ginger Lanes is a blend of horror and farce.")
    assert "owned_by_person" in parts["ginger lanes"]
    # "John Carpenter's Vampires" is a whole title, "John Fawcett's Ginger Snaps" is not:
    # the model tells them apart, told that the owner is in the phrase
    assert "owner_included" in parts["john harlans ginger lanes"]
    parts = _candidate_parts("Bill and Ted's Bogus Trip is a blend of horror and farce.")
    assert "owner_included" not in parts["bill and teds bogus trip"]


def test_an_apposition_naming_a_kind_of_film_names_a_title_but_not_a_critic() -> None:
    parts = _candidate_parts(
        "Rarely are they as good as Zolotrix, a film in which Ned Voss stars. "
        "Ann Lowe, a film critic, agrees. Malena Dorr, by writer/director Tom Hale, opens."
    )
    assert "named_as_film" in parts["zolotrix"]
    assert "named_as_film" in parts["malena dorr"]
    assert "named_as_film" not in parts.get("ann lowe", {})


def test_a_family_named_by_its_surname_is_no_title_unless_a_known_one() -> None:
    keys = set(_candidate_parts("Joel and Ethan Dunmore made it. The Dunmores love oddballs."))
    assert not any("dunmores" in k for k in keys)
    keys = set(_candidate_parts("Fred Flintstone is back. The Flintstones is loud."))
    assert "flintstones" in keys  # in the shipped title list


def test_a_title_in_a_crew_slot_is_nobody_and_the_people_there_stay_people() -> None:
    from critic.analyse.credits import crew_people, find_candidates

    text = (
        "Tallowmere's film makers aim low. Tallowmere's script by Tom Hale is thin. "
        "Writer/director Kessen's Harbour Lights is next. Tobiah Varkonyi's film drags; "
        "Varkonyi is patient."
    )
    persons = [e.text for e in entities(text) if e.label == "PERSON"]
    people = crew_people(text, find_candidates(text), persons)
    assert "Tallowmere" not in people
    assert {"Tom Hale", "Kessen", "Tobiah Varkonyi"} <= set(people)


def test_a_title_whose_last_word_comes_back_only_inside_other_names_is_no_crew_name() -> None:
    from critic.analyse.credits import crew_people, find_candidates

    # "Harbor" comes back, but only in "Mill Harbor" and "Harbor Street": no surname alone
    text = (
        "Glass Harbor's script by Tom Hale is thin. The boats of Mill Harbor sail at dawn "
        "on Harbor Street. While Hale is patient, the film is not."
    )
    people = crew_people(text, find_candidates(text), [])
    assert "Glass Harbor" not in people
    assert "Tom Hale" in people
    # a surname after a sentence opener ("While Meskin") still comes back alone
    text = "Tova Meskin's film drags. While Meskin is patient, the script is not."
    assert "Tova Meskin" in crew_people(text, find_candidates(text), [])


def test_a_known_title_that_spacy_calls_a_person_is_no_crew_name() -> None:
    from critic.analyse.credits import crew_people, find_candidates

    # "Liar Liar" is in the shipped title list; its last word comes back twice in itself
    text = "Liar Liar's screenplay is thin. Liar Liar is loud."
    assert "Liar Liar" not in crew_people(text, find_candidates(text), ["Liar Liar"])


def test_cues_read_past_the_quotation_marks_of_a_critic_who_quotes_titles() -> None:
    from critic.analyse.films_caps import reads_as_another_film

    # a critic who quotes titles: "her new film" names one, not another work of hers
    text = 'Ada Lind returns with her new film "Glass Harbor". Like "Mill Tide", it is slow.'
    assert "named_as_film" in _candidate_parts(text)["glass harbor"]
    like = text.index("Mill Tide")
    assert reads_as_another_film(text, like, like + len("Mill Tide"))
    # one quoted title: what follows its closing mark names it as a film, or judges it
    parts = _candidate_parts('"Night Orchard," a film by Tom Hale, is a drama about ferrymen.')
    assert "named_as_film" in parts["night orchard"]
    parts = _candidate_parts('I saw "Night Orchard" twice. "Night Orchard" is a drama.')
    assert "subject_of_verdict" in parts["night orchard"]


def test_a_quoted_title_that_is_its_heros_surname_is_still_a_candidate() -> None:
    text = (
        '"Vasquin", the life of the painter Jean Vasquin, is long. Like "Salt Marsh", it '
        "drags, but Vasquin himself is vivid."
    )
    assert "vasquin" in _candidate_parts(text)
    # unquoted, the surname of a person the review names stays that person's
    assert "vasquin" not in _candidate_parts(text.replace('"', ""))


def test_a_title_opening_a_sentence_after_as_is_no_other_work() -> None:
    parts = _candidate_parts("As The Glass Orchard opens, a ferryman waits. It is a slow film.")
    assert "glass orchard" in parts


def test_a_number_with_letters_is_one_title_word() -> None:
    from critic.analyse.entities import title_case_runs

    runs = [r.text for r in title_case_runs("Then 16mm Dreams opens in the 1970s, in Rome.")]
    assert "16mm Dreams" in runs
    assert "16" not in runs


def test_a_year_between_the_and_film_still_names_a_film() -> None:
    parts = _candidate_parts("The 1993 film The Salt Marsh is a comedy about boys.")
    assert "named_as_film" in parts["salt marsh"]


def test_the_title_model_sees_places_marked_as_such_and_the_hand_scores_do_not() -> None:
    text = (
        "They move to North Dakota in the spring. Life in North Dakota is hard, and the "
        "winters in North Dakota are long."
    )
    assert "place_like" in _candidate_parts(text)["north dakota"]
    assert "north dakota" not in _candidate_parts(text, wide=False)


def test_a_title_spacy_reads_into_its_owners_name_is_still_a_candidate() -> None:
    text = (
        "In contrast to the hard-hitting Harbour, which is constantly on message, Ann Lowe's "
        "Blow takes an entertaining, soap opera approach to the world of cocaine smuggling."
    )
    assert "blow" in _candidate_parts(text)


def test_an_adjective_made_of_a_name_ends_a_title_case_run_and_opens_none() -> None:
    from critic.analyse.entities import title_case_runs

    text = "This Tom Hale-directed film stars the Oscar-winning Ned Voss. Spider-Boy is fine."
    runs = [r.text for r in title_case_runs(text)]
    assert {"Tom Hale", "Ned Voss", "Spider-Boy"} <= set(runs)
    assert not [r for r in runs if "-directed" in r or "-winning" in r]


def test_a_past_turn_or_a_previous_film_named_before_a_title_makes_it_another_film() -> None:
    from critic.analyse.films_caps import reads_as_another_film

    for text, title in (
        ("Rolf Amsel, who was memorable in SALT MARSH, plays the ferryman.", "SALT MARSH"),
        ("Ada Lind, who previously brought the world NIGHT ORCHARD, returns.", "NIGHT ORCHARD"),
    ):
        start = text.index(title)
        assert reads_as_another_film(text, start, start + len(title))
    text = "In SALT MARSH he gets a part that suits him."
    assert not reads_as_another_film(text, 3, 3 + len("SALT MARSH"))


def test_a_title_case_run_ends_before_an_article_that_opens_the_next_phrase() -> None:
    from critic.analyse.entities import title_case_runs

    runs = [r.text for r in title_case_runs("Salt Marsh A film review by Ada Lind")]
    assert "Salt Marsh" in runs
    assert "See The Salt Marsh" in [r.text for r in title_case_runs("See The Salt Marsh twice.")]


def test_a_film_owned_by_a_name_with_an_unlisted_first_name_is_a_candidate() -> None:
    # "Zorvan" is in no first-name list; owning a one-word title said once makes it one
    parts = _candidate_parts("Zorvan Quell's Orillas is a comedy of overlapping stories.")
    assert "orillas" in parts
    assert parts["orillas"].get("owned_by_person")


def test_a_year_dating_a_caps_or_title_case_title_is_no_part_of_it() -> None:
    from critic.analyse.entities import caps_titles, title_case_runs

    text = "Ada Lind's 1959 NORTH HARBOR, the 1941 CITIZEN KANE, 1492 CONQUEST OF PARADISE"
    assert [r.text for r in caps_titles(text)] == [
        "NORTH HARBOR",
        "CITIZEN KANE",
        "1492 CONQUEST OF PARADISE",
    ]
    assert [r.text for r in caps_titles("In 1941, as in Ivo Renk's 1941, all is noise.")] == []
    assert "Citizen Kane" in [r.text for r in title_case_runs("the 1941 Citizen Kane is long")]
    guess = identify_film("Ada Lind's 1959 NORTH HARBOR is back in cinemas this week.")
    assert guess.title == "North Harbor"
