"""Title-case phrases as evidence of the film under review (for critics who do not write
titles in CAPS: films_caps.py reads those).

A title in title case looks like a name, a place or any capitalised phrase, so the
candidates are generous: runs of capitalised words, and the titles inside or around a run
that a run alone misses (what a possessive owns, what follows a part, what precedes its
maker or a verb, a subtitle over a colon, a title opening with initials or an opener word).
Each candidate gets named parts (repeated, named as a film, looks like a person, opens with a
sentence opener, owned by a person, ...) that the title model reads with its context. A
person the review credits (a crew cue, a header, the metadata) or a place is left out
unless the review names it as a film; a phrase that only looks like a person's name (the
first-name gazetteer) is left out of the hand scores and offered to the model, marked so,
when it recurs: films are named for their heroes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet

from critic.analyse.entities import (
    SENTENCE_OPENERS,
    YEAR_WORD,
    TextSpan,
    first_names,
    is_plausible_name,
    people_joined,
    starts_with_first_name,
    title_case_runs,
)
from critic.analyse.films_caps import Adder, after_title, before_title, paragraph_bounds
from critic.analyse.films_titles import known_titles, title_key
from critic.analyse.identity import clean_name, name_tokens
from critic.analyse.nlp import Entity
from critic.analyse.role_features import listed_person
from critic.records import Span

_ARTICLE_WORDS = frozenset("the a an this that these those".split())
_VERDICT = re.compile(r"\s+(?:is|was)\s+(?:a|an|the|one)\b")
_FILM_NOUN = (
    r"(?:movie|film|comedy|drama|documentary|thriller|picture|feature|western|musical|"
    r"romance|satire|farce|melodrama|biopic|sequel|remake|epic|adaptation|fantasy)"
)
# "the movie Central Station", "his new film Starship Troopers", "the 1993 film The
# Sandlot", "Germinal (1993)",
# "Rock Star, directed by", "Joe the King by actor Frank Whaley": a title named as one
_NOUN_CUE = re.compile(
    r"\b(?:(?i:the|this|his|her|their|its)|[A-Z][\w\-]*['’]s?)\s+"
    rf"(?:(?:[a-z\-]+|(?:19|20)\d\d)\s+){{0,2}}?{_FILM_NOUN}\s+$"
)
# "Roger Ebert, a film critic", "Jane Doe, a comedy veteran": the noun describes a person
_NOT_A_FILM = (
    r"(?:critic|maker|buff|student|star|actor|actress|school|festival|historian|scholar|"
    r"director|producer|composer|editor|lover|fan|writer|industry|career|veteran|"
    r"teacher|professor|company|studio)s?\b"
)
# "Malena, by writer/director ...", and an apposition: "Zoolander, a film in which",
# "Ginger Snaps, a horror movie that's ..."
_AFTER_CUE = re.compile(
    r"\s*\((?:19|20)\d\d\)|,?\s+(?:directed|written|produced)\s+by\b|"
    r",?\s+by\s+(?:writer|director|actor|actress|filmmaker|first-time)|"
    rf",\s+(?:a|an)\s+(?:[a-z\-]+\s+){{0,2}}?{_FILM_NOUN}\b(?![\-’']|\s+{_NOT_A_FILM})"
)
# "Double Jeopardy by Bruce Beresford": a work and who made it; "Directed by ...",
# "Music by ..." are credit labels, not titles
_MADE_BY = re.compile(r"\s+by\s+[A-Z][\w'’\-]+\s+[A-Z]")
_CRAFT_LABEL = re.compile(
    r"(?i)(?:ed|music|screenplay|story|score|photography|cinematography|design|costumes)$"
)
# whole words: "as" must not be the end of "was" ("... pictures was Taxi Driver"), nor
# open a sentence ("As The Education of Little Tree opens, ...")
_WORKS_CUE = re.compile(
    r"\b(?:such|(?-i:as)|like|including|titles?|films?|movies?|hits?|efforts?|roles?|fare)\s*[\"“]?$|"
    r"\([^)]*[,/;]\s*[\"“]?$|\(\s*[\"“]?$",
    re.IGNORECASE,
)


def score_title_case(
    text: str,
    ents: list[Entity],
    people: list[str],
    add: Adder,
    caps_writer: bool,
    wide: bool,
    quoted: set[TextSpan],
    quoted_phrases: AbstractSet[TextSpan] = frozenset(),
) -> None:
    """Title-case phrases as candidates, given to `add`. `quoted` holds the titles of a
    critic who writes them in quotation marks: for such a critic a quoted phrase is named
    as a title, even one word said once ('"Tootsie"'). `wide` lets in the candidates only
    the title model asks for (see films.film_candidates), `quoted_phrases` among them:
    every phrase standing alone in quotation marks, whole, marked "quoted_phrase"."""
    person_keys = {" ".join(name_tokens(p)) for p in people}
    # "Van Sant" of "Gus Van Sant": any tail of a person's name is a name, not a title
    # (up to a possessive: spaCy's person "Ted Demme's Blow" owns the title "Blow"); and a
    # full name spaCy calls a person as it owns something is an owner whatever the
    # first-name list knows: "Lucho Bender's Felicidades" ("Midsummer Night's" is no one)
    spacy_owners: set[str] = set()
    for e in ents:
        if e.label != "PERSON":
            continue
        owner = re.split(r"['’]s?\s", e.text, maxsplit=1)[0]
        if starts_with_first_name(owner):
            tokens = name_tokens(owner)
            person_keys |= {" ".join(tokens[i:]) for i in range(1, len(tokens))}
        m = re.fullmatch(r"(\S+(?: \S+){1,2})['’]s?", e.text)
        if m:
            spacy_owners.add(m.group(1))
    first_end, last_start = paragraph_bounds(text)
    groups: dict[str, list[TextSpan]] = defaultdict(list)
    cued: set[TextSpan] = set()
    person_like: set[TextSpan] = set()
    runs, opener_kept = _title_case_candidates(text, wide)
    # a quotation is read whole: a sentence start trims "In" off "In Cold Blood", and a
    # quotation opens a sentence
    runs += sorted(quoted_phrases - set(runs), key=lambda r: r.start)
    in_quotes: set[TextSpan] = set()
    for run in runs:
        name = clean_name(run.text)  # "Composer Daniel Moss" is "Daniel Moss"
        if len(run.text) < 3:
            continue
        # a name of the review's people is no title, unless quoted as one: '"Basquiat", the
        # fictionalized biography of Jean Michel Basquiat' (films are named for their heroes)
        is_name = {" ".join(name_tokens(n)) for n in (run.text, name)} & person_keys
        if is_name and run not in quoted and run not in quoted_phrases:
            continue
        if _cut_at_initial(text, run, name, person_keys):
            continue  # "Director Walter K" of "Director Walter K. Brennan": a name cut short
        if listed_person(name) and title_key(run.text) not in known_titles():
            continue  # "the second Eytan Fox film": a person the film-people list holds
        if run.text.lower() in _ARTICLE_WORDS:
            continue  # "The" opening a sentence
        # "The Coens love their oddballs" after "Joel and Ethan Coen": a family, unless it
        # is a known title ("The Flintstones" after "Fred Flintstone")
        family = re.fullmatch(r"The ([A-Z][a-z]+)s", run.text)
        if (
            family
            and " ".join(name_tokens(family.group(1))) in person_keys
            and title_key(run.text) not in known_titles()
        ):
            continue
        another_work = _WORKS_CUE.search(text[max(0, run.start - 30) : run.start])
        after = after_title(text, run.end)
        if (
            _NOUN_CUE.search(before_title(text, run.start, 60))
            or _AFTER_CUE.match(after)
            or (_MADE_BY.match(after) and not _CRAFT_LABEL.search(run.text))
        ):
            cued.add(run)  # named as a film: whatever it looks like, it is a title
        elif another_work:
            continue  # "such films as X", "Dunn (X, Y)": another work, not this one
        elif run in quoted:
            cued.add(run)  # a critic who quotes titles quoted this one: '"Jerry Maguire"'
        elif run in quoted_phrases:
            in_quotes.add(run)  # whatever it looks like: "'Dick Tracy' is ..."
        elif starts_with_first_name(name) and is_plausible_name(name) and not _titled(name):
            if not wide or _full_names_joined(name):
                continue  # "Peter Marsh", "Peter Marsh and Ada Lind": people, not a title
            # ... mostly; the model reads "Michael Collins", "Jackie Brown", "Jude" by
            # how the review writes about them, told that they look like a person's name
            person_like.add(run)
        groups[title_key(run.text)].append(run)
    gazetteer = known_titles()
    for key, spans in groups.items():
        words = spans[0].text.split()
        count = len(spans)
        named_as_film = any(s in cued for s in spans)
        quoted_phrase = any(s in in_quotes for s in spans)
        looks_like_person = any(s in person_like for s in spans) or (
            len(words) == 1 and words[0] in first_names()
        )
        # a name said once is a title only when the model may weigh it and it is a known
        # title or not read as a person ("Bruce Almighty, one of ..." is an ORG to spaCy);
        # the entity check last, since it walks every entity
        if looks_like_person and not (
            named_as_film
            or quoted_phrase
            or (wide and (count >= 2 or key in gazetteer))
            or (wide and not _mostly_labelled(spans, ents, {"PERSON"}))
        ):
            continue
        owners = [_owner(text, s.start) for s in spans]
        by_person = any(
            o and (o in spacy_owners or _is_person_name(o, person_keys)) for o in owners
        )
        if len(words) == 1 and not (
            (count >= 3 and key in gazetteer)
            # "Lucho Bender's Felicidades": once, but owned as a film is
            or (
                wide
                and (count >= 2 or key in gazetteer or named_as_film or by_person or quoted_phrase)
            )
        ):
            continue
        place_like = (
            key not in gazetteer
            and not named_as_film  # "the film Fargo"
            and not quoted_phrase
            and _mostly_labelled(spans, ents, {"GPE", "LOC", "FAC", "NORP"})
        )
        if place_like and not wide:
            continue  # a place the story visits, however often ...
        parts = {"title_case": 0.1, "repeated_title_case": min(0.45, 0.15 * (count - 1))}
        if named_as_film:
            parts["named_as_film"] = 0.1
        elif looks_like_person and not quoted_phrase:
            parts["person_like"] = -0.3
        if place_like:
            # ... mostly; the model reads "Alaska", "Georgia", "Paradise Road" and
            # spaCy's other places (it calls "Simpatico" one) by how the review writes them
            parts["place_like"] = -0.3
        if quoted_phrase:
            parts["quoted_phrase"] = 0.1
        if all(s in opener_kept for s in spans):
            parts["opener_kept"] = -0.1
        if all(_owner_included(s.text) for s in spans):
            parts["owner_included"] = -0.05
        if any(_VERDICT.match(after_title(text, s.end)) for s in spans):
            parts["subject_of_verdict"] = 0.15
        if caps_writer:
            # a critic who writes titles in CAPS wrote this one some other way: unlikely
            parts = {k: v / 2 for k, v in parts.items()}
        if any(owners):
            # "Jon Avnet's Up Close and Personal" names the film; "On Her Majesty's Secret
            # Service" and "Geri's Game" are one title, and the tail alone is not it
            parts["owned_by_person" if by_person else "owned_by_other"] = (
                0.05 if by_person else -0.05
            )
        if spans[0].start < first_end:
            parts["first_paragraph"] = 0.05
        if spans[-1].start >= last_start:
            parts["last_paragraph"] = 0.1
        title = max((s.text for s in spans), key=lambda t: sum(c.isupper() for c in t))
        for reason, weight in parts.items():
            if weight:
                add(title, reason, weight, [Span(s.start, s.end) for s in spans])


def _cut_at_initial(text: str, run: TextSpan, name: str, person_keys: set[str]) -> bool:
    """Whether the run ends at a middle initial of one of the review's people: "Walter K"
    before ". Brennan" when "Walter K. Brennan" is a person ("Malcolm X. The film" stays)."""
    if not re.search(r"(?:^|\s)[A-Z]$", run.text) or not text.startswith(". ", run.end):
        return False
    head = " ".join(name_tokens(name)) + " "
    return any(key.startswith(head) for key in person_keys)


def _title_case_candidates(text: str, wide: bool = False) -> tuple[list[TextSpan], set[TextSpan]]:
    """Title-case runs, and the titles inside or across them a run alone misses; and
    which of them kept an opener word a sentence start would trim.

    - what a possessive inside a run owns: "John Ashby's The Next Best Thing" holds "The
      Next Best Thing" ("Schindler's List" is itself a title, so the whole run stays too,
      and so does "John Carpenter's Vampires": see `owner_included`);
    - what comes before a verb the run swallowed: "Ridicule is a French" holds
      "Ridicule", "Speed is Die Hard on a bus" holds "Speed";
    - a title after a part or before its maker: "Newman in Where the Money Is", "Double
      Jeopardy by Bruce Beresford", "Love's Labour's Lost from 1940";
    - a title and its subtitle across a colon: "Lara Croft: Tomb Raider";
    - a title opening with initials: "L.A. Confidential", "Cecil B. Demented".

    `wide` (the title model's candidates) also keeps, beside a run trimmed at a sentence
    start, the run with its opener ("Before Sunrise", "Our Lady of the Assassins", "I
    Shot Andy Warhol"), marked as such for the model.
    """
    runs = _with_initials(text, title_case_runs(text))
    out = []
    for i, run in enumerate(runs):
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        whole = [run]
        if nxt:
            between = text[run.end : nxt.start]
            joined = TextSpan(run.start, nxt.end, text[run.start : nxt.end])
            # "Lara Croft: Tomb Raider", "Face/Off"; over a comma only where the joined
            # text comes back ("Mystery, Alaska"), as for CAPS titles
            if between in (": ", "/") or (between == ", " and text.count(joined.text) >= 2):
                whole.append(joined)
        for span in whole:
            out.append(span)
            # "Louis Malle's 1959 Les Amants": the year dates what is owned
            for m in re.finditer(rf"['’]s? (?:{YEAR_WORD} (?=[A-Z]))?(?=[A-Z\d])", span.text):
                out.append(TextSpan(span.start + m.end(), span.end, span.text[m.end() :]))
        # "Newman in Where the Money Is": what follows a part. (Not what follows a
        # gerund: "Finding Nemo" and "Chasing Amy" are titles, not a fish or a woman.)
        for m in re.finditer(r" in (?=[A-Z\d])", run.text):
            out.append(TextSpan(run.start + m.end(), run.end, run.text[m.end() :]))
        head = re.match(r"(.+?) (?:is|by|from|with|or) ", run.text)
        if head:
            out.append(TextSpan(run.start, run.start + head.end(1), head.group(1)))
    out = _restore_openers(text, out)
    kept: set[TextSpan] = set()
    if wide:
        for run in list(out):
            longer = _with_opener(text, run)
            if longer and longer not in out:
                out.append(longer)
                kept.add(longer)
    return out, kept


# Words that open both sentences and titles ("Before Sunrise", "In the Line of Fire");
# a conjunction or sentence adverb ("But", "However") opens no title
_TITLE_OPENERS = frozenset(
    """When Where Here There What Who Why How In On At Of For To From With After Before
    Until Once Not No My Your Our His Her Their I He She We You It Every Some All Such
    First Last Next Like As Still""".split()
)


def _owner_included(text: str) -> bool:
    """The phrase opens with a full personal name and its possessive ("John Fawcett's
    Ginger Snaps"): the owner and their film, mostly, and sometimes the whole title
    ("John Carpenter's Vampires", "Bridget Jones's Diary")."""
    m = re.match(r"([^'’]+)['’]s? (?=[A-Z\d])", text)
    if not m:
        return False
    owner = m.group(1)
    return (
        len(owner.split()) >= 2
        and all(w[:1].isupper() for w in owner.split())  # not "Bill and Ted's ..."
        and starts_with_first_name(owner)
        and is_plausible_name(owner)
    )


def _with_opener(text: str, run: TextSpan) -> TextSpan | None:
    word = _word_before(text, run.start)
    if word not in _TITLE_OPENERS:
        return None
    name = clean_name(run.text)
    if starts_with_first_name(name) and is_plausible_name(name):
        return None  # "When Tom Harker ..." opens a sentence about Tom
    return TextSpan(run.start - len(word) - 1, run.end, f"{word} {run.text}")


def _word_before(text: str, start: int) -> str:
    """The capitalised word right before `start` ("Before" of "Before Sunrise"), or ""."""
    m = re.search(r"(?:^|(?<=\s))([A-Z][a-z]*) $", text[max(0, start - 12) : start])
    return m.group(1) if m else ""


def _with_initials(text: str, runs: list[TextSpan]) -> list[TextSpan]:
    """A run right after capitalised words ending in initials ("L.A. ", "Cecil B. ")
    starts there: the initials' full stops broke the run."""
    out = []
    for run in runs:
        m = re.search(
            r"(?<![\w.])((?:[A-Z][\w'’\-]* )*(?:[A-Z]\.)+) $",
            text[max(0, run.start - 40) : run.start],
        )
        if m:
            run = TextSpan(run.start - len(m.group(1)) - 1, run.end, f"{m.group(1)} {run.text}")
        out.append(run)
    return out


def _restore_openers(text: str, runs: list[TextSpan]) -> list[TextSpan]:
    """A run whose opener word was trimmed at a sentence start ("He Got Game is ...", "Not
    One Less opens ...") gets it back when the review also writes the longer phrase
    mid-sentence ("Lee's He Got Game"), where nothing is trimmed."""
    keys = {title_key(r.text) for r in runs}
    out = []
    for run in runs:
        word = _word_before(text, run.start)
        if word in SENTENCE_OPENERS and title_key(f"{word} {run.text}") in keys:
            run = TextSpan(run.start - len(word) - 1, run.end, f"{word} {run.text}")
        out.append(run)
    return out


def _full_names_joined(name: str) -> bool:
    """Two or more people, each with first name and surname ("Peter Marsh and Ada Lind"):
    a list of names, where "Harold and Maude" and "Thelma & Louise" may be titles."""
    pieces = people_joined(name)
    return bool(pieces) and all(len(p.split()) >= 2 for p in pieces)


def _titled(name: str) -> bool:
    """A name-led phrase with the small words of a title ("Grace of My Heart", "Anna and
    the King", "Oliver & Company"), and not two people ("Alice and Martin")."""
    if not re.search(r" (?:of|the|and|&|in|on|at|to|for|with|from|a|an|is|my|me|not) ", name):
        return False
    return not people_joined(name)


def _owner(text: str, start: int) -> str | None:
    """The capitalised words owning what starts at `start` ("Jon Avnet" of "Jon Avnet's
    Up Close ..."), or None when no possessive comes right before it."""
    m = re.search(r"([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*)['’]s? $", text[max(0, start - 60) : start])
    return m.group(1) if m else None


def _is_person_name(name: str, person_keys: set[str]) -> bool:
    tokens = name_tokens(name)
    return (
        starts_with_first_name(clean_name(name))
        or " ".join(tokens) in person_keys
        or (bool(tokens) and tokens[-1] in person_keys)
    )


def _mostly_labelled(spans: list[TextSpan], ents: list[Entity], labels: set[str]) -> bool:
    hits = sum(
        any(e.label in labels and e.start <= s.start and s.end <= e.end for e in ents)
        for s in spans
    )
    return hits * 2 > len(spans)
