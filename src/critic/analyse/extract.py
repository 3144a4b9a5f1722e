"""Who's who in one review: the film, the people and their credits, works, quotes.

The order matters and is the point of this module: credit headers first (they state
facts), then the people (spaCy PERSON spans plus every name a credit rule captured,
kept when it looks like a person and not a title), then the characters (names that sit
in a character slot), then every later mention resolved to one of them, and only then
works and quotes, which ask "who is he?" of those mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from critic.analyse.credits import JOBS, Candidate, crew_people, find_candidates
from critic.analyse.credits_header import Header, copyright_lines, parse_header
from critic.analyse.entities import (
    NAME_RE,
    YEAR_WORD,
    Mention,
    Mentions,
    TextSpan,
    caps_titles,
    first_names,
    is_plausible_name,
    overlaps,
    people_joined,
    sentence_starts_at,
    starts_with_first_name,
    surname_spans,
    title_case_runs,
    word_spans,
)
from critic.analyse.films import identify_film_from, known_titles, title_key
from critic.analyse.identity import (
    NAME_PARTICLES,
    NameIndex,
    clean_name,
    inside_longer_name,
    name_tokens,
    person_key,
    precedes_names,
    word_before,
)
from critic.analyse.mail_escapes import mend_mail_escapes
from critic.analyse.nlp import Entity, entities_many, rough_sentences
from critic.analyse.quotes import find_quotes
from critic.analyse.role_features import (
    known_film_person,
    known_surname,
    listed_person,
    person_features,
)
from critic.analyse.role_model import RoleModel, shipped_role_model
from critic.analyse.works import find_works
from critic.records import DocumentMeta, FilmGuess

EXTRACTOR_ID = "critic.extract"
# stored with each review so a library knows what to recompute; 0.9 retrained the role
# model without bumping it, 0.10 (people merged whatever the hash seed, role model
# retrained again) does; 0.11: the film-people list recognises people, surnames alone
# among them, first names sharing a surname, role model retrained; 0.12: a title in a crew
# slot is no person, both models retrained; 0.13: a rule-credited director at a bar of its
# own, "makes a directorial debut", "(who directs", "at the helm" credit directors, the film
# picked by both title outputs mixed, both models retrained; 0.14: "Name (Title Case Film)"
# no character slot, "co-directors, A and B", "X's (TITLE) direction", "directed by his
# ex-wife, X", both models retrained; 0.15: title cues read past quotation marks, known
# titles no crew names, a quoted surname a title candidate, both models retrained; 0.16:
# "X's documentary" credits a director, "the Mouse's" is no one, "who was great in X" and
# "previously ... X" another film, a title-case run ends before "A film review", a film
# owned by a name spaCy calls a person a candidate, both models retrained; 0.17: a year
# dating a title is no part of it, quoted-printable spaces mended, a crew credit to a
# first name alone goes to its full name, "a documentary by ..., X", "directed (X",
# "film maker (an aside) X"; role features: "Frears' FILM" a possessive, a title
# between a name and the film ties the name to that title; a spaCy person running on
# into the sentence ("X as Linc") cut to its name, one in lower case no one, a copyright
# byline no prose, "as Paul and Greta Holm" no "Paul Holm", an opening adverb before a
# crew cue ("Masterfully directed by") no one; both models retrained; 0.18: "X's 1985
# thriller, FILM" credits the director and "X's novel, FILM" does not, a surname the
# director shares with a part player is the director's alone, "X, the director's wife"
# no credit, the role model told whether a listed director is tied to the film, the
# fallback director the likelier of a star and a name passed by; role model retrained
EXTRACTOR_VERSION = "0.18"
_PLACES = frozenset({"GPE", "LOC", "NORP", "FAC"})
# words that make a name in a crew slot a company: "a film by Aardman Animations"
_COMPANY_WORDS = re.compile(
    r"\b(?:Pictures|Films?|Studios?|Productions?|Entertainment|Animation|Animations|Company|"
    r"Brothers|Bros\.?|Corporation|Inc\.?|Ltd\.?|Media|Releasing|Classics|Network)\b"
)
# one capitalised word and an optional possessive: a surname said alone
_LONE_CAPITALISED = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]+(?:[A-Z][a-z]+)?)(['’]s|(?<=s)['’])?(?![\w'’-])"
)
# two first names and the surname they share: "Joel and Ethan Coen"
_SHARED_SURNAME = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+) ([A-Z][a-z]+(?:[A-Z][a-z]+)?)"
    r"(?![\w'’-]| [A-Z][a-z])"
)
# "in jolly old England", "to Washington": a place where the story goes
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|to|from|at|across|around|near|outside|inside|through|into)\s+"
    r"(?:[a-z]+\s+){0,2}$"
)
_ACTOR_SLOTS = frozenset({"paren", "paren_as", "played_by", "cast_list"})
# "the Coen Brothers' follow-up", "the Taviani brothers", "a Farrelly Brothers movie":
# siblings credited as one (with "a", only before a word for a film). "Warner Brothers"
# is the one studio named so that critics write about.
_FAMILY = r"(?!Warner\b)[A-Z][a-z]+(?:[A-Z][a-z]+)?\s+(?:[Bb]rothers|[Ss]isters)"
_FAMILY_CREDIT = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?(?=\s+{_FAMILY}\s+(?:film|movie|picture|comedy|production)))"
    rf"\s+({_FAMILY})\b"
)


def extract(text: str, meta: DocumentMeta | None = None) -> dict[str, Any]:
    """The per-review extraction dict (film, people, works, quotes), without "id"."""
    return next(extract_many([(text, meta)]))


def extract_many(
    texts: Iterable[tuple[str, DocumentMeta | None]],
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[dict[str, Any]]:
    """extract() over many reviews, spaCy batched; results in input order, streaming.

    `n_process` > 1 spreads batches over worker processes (one spaCy each), since one
    process keeps one core busy at most.
    """
    if n_process <= 1:
        for _, result in analyse_many(texts, batch_size):
            yield result
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(n_process) as pool:
        for chunk in pool.imap(_extract_chunk, _chunks(texts, batch_size * 2)):
            yield from chunk


def _chunks(
    items: Iterable[tuple[str, DocumentMeta | None]], size: int
) -> Iterator[list[tuple[str, DocumentMeta | None]]]:
    chunk: list[tuple[str, DocumentMeta | None]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_chunk(chunk: list[tuple[str, DocumentMeta | None]]) -> list[dict[str, Any]]:
    return [result for _, result in analyse_many(chunk, batch_size=len(chunk))]


def analyse_review(text: str, meta: DocumentMeta | None = None) -> tuple[FilmGuess, dict[str, Any]]:
    """The full FilmGuess (confidence, reasons, spans) and the extraction dict, one NER pass."""
    return next(analyse_many([(text, meta)]))


def analyse_many(
    texts: Iterable[tuple[str, DocumentMeta | None]], batch_size: int = 16
) -> Iterator[tuple[FilmGuess, dict[str, Any]]]:
    for review in _reviews(texts, batch_size, shipped_role_model()):
        yield review.run()


def role_feature_rows(
    texts: Iterable[tuple[str, DocumentMeta | None]], batch_size: int = 16
) -> Iterator[dict[str, dict[str, float]]]:
    """Per review, person name -> role features as the rules leave them (for training)."""
    for review in _reviews(texts, batch_size, None):
        review.run()
        yield review.role_features


def _reviews(
    texts: Iterable[tuple[str, DocumentMeta | None]],
    batch_size: int,
    role_model: RoleModel | None,
) -> Iterator[_Review]:
    """One _Review per input, in order, with spaCy run over the texts in batches."""
    pending: deque[tuple[str, DocumentMeta | None]] = deque()

    def feed() -> Iterator[str]:
        for text, meta in texts:
            text = mend_mail_escapes(text)  # same length: offsets still fit the input
            pending.append((text, meta))
            yield text

    for ents in entities_many(feed(), batch_size=batch_size):
        text, meta = pending.popleft()
        yield _Review(text, meta or DocumentMeta(), ents, role_model)


# what may stand between an owner and the film: up to four lower-case words or a year
_POSSESSIVE_BEFORE_FILM = re.compile(rf"['’]s?\s+(?:(?:[a-z\-]+|{YEAR_WORD}),?\s+){{0,4}}$")
# ... unless they say the title is another kind of work's, which the film shares ("story"
# also reads "Lind's love story, FILM" so, losing that rule reading; the model still weighs
# the possessive)
_SOURCE_WORK = re.compile(
    r"\b(?:novels?|novella|book|memoir|bestseller|play|musical|story|comic|series|show|song)\b"
)


def _article_owner(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] follows "the" and owns something ("the Mouse's
    latest offering"): a nickname or a thing (a studio, a monster), since a person's name
    takes no article; "the Leigh film" owns nothing and stays the director's."""
    return word_before(text, start) == "the" and text.startswith(("'s", "’s"), end)


def _name_head(text: str) -> str:
    """The name a spaCy PERSON opens with, where it runs on past it into the sentence:
    "Omar Epps as Linc", "Jack the Ripper", "Lena Endre as Marianne", "Ann Lee, Bo Ek";
    nothing where it opens with a word in lower case that no surname does ("lesbian
    daughter", "bald eagles"; "von Trier" stays)."""
    m = NAME_RE.match(text)
    rest = text[m.end() :] if m else ""
    # "Tamar van den Dop" runs on through particles the name pattern takes one at a time
    runs_on = re.match(r"\s+[a-z]", rest) and rest.split()[0] not in NAME_PARTICLES
    if rest.startswith(",") or runs_on:
        return text[: len(text) - len(rest)]
    if text[:1].islower() and text.split()[0] not in NAME_PARTICLES:
        return ""
    return text


def first_names_alone(names: Iterable[str]) -> set[str]:
    """Names that are only the first name of a full name in the same review.

    "actor/director Matthew" after "Matthew Broderick" is that person (or a namesake in
    the story), never a director of their own: the role model must not pick it.
    """
    names = list(names)
    tokens = {n: name_tokens(n) for n in names}
    firsts = {t[0] for t in tokens.values() if len(t) > 1}
    return {n for n, t in tokens.items() if len(t) == 1 and t[0] in firsts}


# the jobs on a film's crew: a credit the prose gives to a first name alone may move
_CREW_JOBS = frozenset(JOBS) - {"actor", "author", "other"}


_JOB_TITLE_BEFORE = re.compile(
    r"(?:(?i:director|writer|composer|producer|cinematographer|editor|film\s*maker)[,\s]+"
    r"|(?i:directed|written|scripted|scored|produced|photographed|edited)\s+by\s+"
    r"(?:[a-z]+\s+){0,3})$"
)


@dataclass
class _Person:
    name: str
    forms: set[str] = field(default_factory=set)
    roles: dict[tuple[str, str | None], dict[str, Any]] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def acts(self) -> bool:
        """The rules or a header gave this person a part (named or not)."""
        return any(job == "actor" for job, _ in self.roles)

    def add_role(self, job: str, character: str | None, note: str | None) -> None:
        key = (job, character)
        if job == "actor" and character is None and any(j == "actor" and c for j, c in self.roles):
            # "actor as Lily" already says more than "actor"; "his mother (X)" may still
            # say what Lily is
            for (j, c), role in self.roles.items():
                if j == "actor" and c and not role["note"]:
                    role["note"] = note
                    break
            return
        if job == "actor" and character:
            bare = self.roles.pop(("actor", None), None)
            note = note or (bare or {}).get("note")
        role = self.roles.setdefault(key, {"job": job, "character": character, "note": None})
        role["note"] = role["note"] or note


class _Review:
    def __init__(
        self, text: str, meta: DocumentMeta, ents: list[Entity], role_model: RoleModel | None
    ) -> None:
        self.text = text
        self.role_model = role_model
        self.role_features: dict[str, dict[str, float]] = {}
        self.meta = meta
        self.ents = ents
        self.header: Header = parse_header(text)
        # the header and a copyright byline at the foot are no prose about the film
        self.prose = _mask(text, self.header.spans + copyright_lines(text))
        self.sentences = rough_sentences(self.prose) or [(0, len(text))]
        self._sent_starts = [s for s, _ in self.sentences]
        self.index = NameIndex()
        self.people: dict[str, _Person] = {}
        self.characters: dict[str, str | None] = {}  # character -> actor (canonical)
        self.char_index = NameIndex(by_first_name=True)
        # "Chris" of "Chris and Paul Weitz": a person named by first name once, there
        self.first_name_mentions: list[Mention] = []

    # -- helpers ----------------------------------------------------------------------
    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self._sent_starts, pos) - 1)
        return self.sentences[i]

    def _person(self, name: str) -> _Person:
        canonical = self.index.add(name)
        person = self.people.setdefault(canonical, _Person(canonical))
        person.forms.add(clean_name(name))
        return person

    def _is_ner_person(self, start: int, end: int) -> bool:
        return self._is_ner(start, end, frozenset({"PERSON"}))

    def _is_ner(self, start: int, end: int, labels: frozenset[str]) -> bool:
        return any(e.label in labels and e.start <= start and end <= e.end for e in self.ents)

    def _looks_like_person(self, name: str, start: int, end: int) -> bool:
        name = clean_name(name)
        if not is_plausible_name(name) or title_key(name) == self.film_key:
            return False
        if self.index.resolve(name):
            return True
        if len(name.split()) > 1:
            if starts_with_first_name(name):
                return True
            if title_key(name) in known_titles():
                return False
            if not self._is_ner_person(start, end):
                return self._surname_alone_is_person(name, start)
            # a first name we do not know: believe spaCy unless the first word reads like a
            # verb ("Chasing Summer"), or when the surname recurs alone ("Kitano")
            if len(self._surname_spans(name)) > 1:
                return True
            return not re.search(r"(?:ing|ed)$", name.split()[0])
        return self._is_ner_person(start, end) and not self.char_index.resolve(name)

    def _actor_reads_as_person(self, candidate: Candidate) -> bool:
        """Whether the actor of a "Character (Actor)" credit could be someone. Critics who
        write titles in title case put a director's earlier film in those parentheses
        ("Ada Lind (North Harbor) has filmed ..."): the name before them is no character
        then, and must not be kept out of the people."""
        name = clean_name(candidate.name)
        if candidate.rule != "paren" or len(name.split()) == 1:
            return True
        return self._looks_like_person(name, candidate.start, candidate.end)

    def _surname_spans(self, name: str) -> list[tuple[int, int]]:
        """Where the surname of `name` stands as a word of its own in the prose."""
        return surname_spans(self.prose, name)

    def _surname_recurs(self, name: str, start: int) -> bool:
        """The surname of `name` stands alone somewhere outside this mention."""
        return any(not start <= s < start + len(name) for s, _ in self._surname_spans(name))

    def _label_at(self, start: int, end: int) -> str | None:
        """spaCy's label for the word at start:end (a possessive after it allowed), not for a
        longer name or title holding it."""
        return next(
            (e.label for e in self.ents if e.start == start and 0 <= e.end - end <= 2), None
        )

    def _surname_alone_is_person(self, name: str, start: int) -> bool:
        """spaCy calls the surname of `name` a PERSON somewhere it stands alone."""
        return any(
            self._label_at(s, e) == "PERSON"
            for s, e in self._surname_spans(name)
            if not start <= s < start + len(name)
        )

    # -- the stages -------------------------------------------------------------------
    def run(self) -> tuple[FilmGuess, dict[str, Any]]:
        found = find_candidates(self.prose)
        # names the header, the metadata or a crew cue ("Tobiah Varkonyi's film") give are
        # people, whatever spaCy says: none of them is the film's title
        reliable = [c.name for c in self.header.credits] + list(self.meta.cast)
        persons = [e.text for e in self.ents if e.label == "PERSON"]
        reliable += crew_people(self.prose, found, persons)
        film = identify_film_from(self.text, self.meta, self.ents, self.header, reliable)
        self.film = film
        self.film_key = title_key(film.title) if film.title else None
        self.titles = caps_titles(self.prose) + [
            TextSpan(s.start, s.end, self.text[s.start : s.end]) for s in film.spans
        ]
        self.header_names = {self._person(c.name).name for c in self.header.credits}
        for credit in self.header.credits:
            self._person(credit.name).add_role(credit.job, credit.character, None)
            if credit.character:
                self.characters[credit.character] = self.index.resolve(credit.name)
                self.char_index.add(credit.character)
        for name in self.meta.cast:
            self._person(name).add_role("actor", None, None)

        candidates = [c for c in found if not overlaps(c.start, c.end, self.titles)]
        candidates = self._shared_surnames(candidates)
        self._people_from(candidates)
        self._characters_from(candidates)
        mentions = self._mentions()
        self._credits_from(candidates, mentions)
        self._first_name_credits()
        mentions = self._shared_surname_mentions(mentions)
        self._director_from_possessive(mentions)
        self._roles_from_context(mentions)
        works = find_works(self.prose, self.film_key, mentions, self.sentence_of, self._not_title)
        quotes = find_quotes(
            self.prose,
            mentions,
            self._resolve_mention,
            self._actor_of,
            self._is_cast,
            self.sentence_of,
        )
        # a title in quotation marks ('"Tootsie"') names a work; it quotes nobody
        titles = {self.film_key} | {title_key(w.title) for w in works}
        quotes = [q for q in quotes if title_key(q.text) not in titles]
        result = {
            "film": {"title": film.title, "year": film.year},
            "people": self._people_out(mentions),
            "works": [w.as_dict() for w in works],
            "quotes": [q.as_dict() for q in quotes],
        }
        return film, result

    def _shared_surnames(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "Directors Chris and Paul Weitz", "Joel and Ethan Coen": two first names sharing
        a surname are two people, and the first is mentioned by first name alone there; a
        credit rule that caught that first name ("Directors Chris") credits the full name."""
        full_at: dict[int, str] = {}
        for m in _SHARED_SURNAME.finditer(self.prose):
            # the same reading of "A and B" that keeps it from being a title
            pair = people_joined(m.group(0))
            if (
                len(pair) == 2
                and not overlaps(m.start(), m.end(), self.titles)
                and title_key(pair[1]) not in known_titles()
                # "Tom Marr as Paul and Greta Holm as Lily": a part, then the next actor
                and word_before(self.prose, m.start()) not in ("as", "plays", "playing")
            ):
                self._person(pair[1])
                first = self._person(pair[0]).name
                self.first_name_mentions.append(Mention(m.start(1), m.end(1), first, "person"))
                full_at[m.start(1)] = first
        return [
            replace(c, name=full_at[c.start])
            if c.start in full_at and len(clean_name(c.name).split()) == 1
            else c
            for c in candidates
        ]

    def _people_from(self, candidates: list[Candidate]) -> None:
        names: list[tuple[str, int, int]] = [
            (c.name, c.start, c.end) for c in candidates if c.name
        ] + [
            (head, e.start, e.start + len(head))
            for e in self.ents
            # a header's names are its credits; the rest of it ("A film review by X",
            # "Copyright 1998 X") names the critic, not someone in the film
            if e.label == "PERSON" and not overlaps(e.start, e.end, self.header.spans)
            for head in [_name_head(e.text)]
            if head
        ]
        names = [(clean_name(n), s, e) for n, s, e in names if not overlaps(s, e, self.titles)]
        character_slots = {
            clean_name(c.character)
            for c in candidates
            if c.character and self._actor_reads_as_person(c)
        }
        # full names first, so that a surname alone can find its person afterwards
        for name, start, end in sorted(names, key=lambda x: -len(x[0].split())):
            if name in character_slots:
                continue
            if len(name.split()) == 1 and not self.index.resolve(name):
                continue  # a lone word is someone only if it is a known person's surname
            if self._looks_like_person(name, start, end):
                self._person(name)
        for m in _FAMILY_CREDIT.finditer(self.prose):
            name = m.group(1)
            if not overlaps(m.start(1), m.end(1), self.titles) and (
                title_key(name) not in known_titles()  # "The Blues Brothers" is a film
            ):
                self._person(name)
        # a full name spaCy took for an ORG ("Elisabetta Lodoli's feature debut") is a person
        # when it calls the surname a person where it stands alone ("Lodoli chooses ...")
        for e in self.ents:
            name = clean_name(e.text)
            if (
                e.label == "ORG"
                and len(name.split()) == 2
                and not overlaps(e.start, e.end, self.titles)
                and not self.index.resolve(name)
                and not self._is_company_or_place(name, e.start, e.end)
                and self._surname_alone_is_person(name, e.start)
                and self._looks_like_person(name, e.start, e.end)
            ):
                self._person(name)
        # a full name spaCy missed altogether ("Renny Harlin, whose previous directorial
        # efforts ..." right after a header's leftovers): a known first name, and the
        # surname used alone elsewhere, the way critics come back to a person
        for run in _name_pieces(title_case_runs(self.prose)):
            # "Agnes Merlet's ARTEMISIA" is one run: the name is what owns the rest
            name = clean_name(re.split(r"['’]s\b", run.text)[0])
            end = run.start + len(name) if self.prose.startswith(name, run.start) else run.end
            owns = self.prose.startswith((f"{name}'s", f"{name}’s"), run.start)
            # a full name the shipped film-people list holds ("Uwe Boll's kick in the
            # nuts", "the second Eytan Fox film") is a person whatever spaCy calls it
            listed = len(name.split()) <= 3 and listed_person(name)
            if (
                2 <= len(name.split()) <= 3
                and all(word[:1].isupper() for word in name.split())  # not "Crystal and Winger"
                and (starts_with_first_name(name) or listed)
                and is_plausible_name(name)
                and not self.index.resolve(name)
                and not overlaps(run.start, end, self.titles)
                and name not in character_slots
                and title_key(name) not in known_titles()
                and title_key(name) != self.film_key
                and (
                    not self._is_company_or_place(name, run.start, end)
                    # "Agnes Merlet's ARTEMISIA", tagged a place: a first name that owns
                    # something is someone's
                    or owns
                    or listed
                )
                # critics come back to a person by surname, or say what is theirs ("the
                # Hugh Wilson's (GUARDING TESS) direction", an ORG to spaCy)
                and (self._surname_recurs(name, run.start) or owns or listed)
            ):
                self._person(name)
        # lone names that a credit rule put in an actor/crew slot ("a nurse (Keller)",
        # "a film by Almodovar"): a crew cue is strong enough on its own
        for c in candidates:
            name = clean_name(c.name)
            if c.rule == "paren" and self._follows_person(c.start):
                # "Dana Reyes (Night Harbour)": the one outside the parentheses is a real
                # person, so what is inside is their earlier work, not the actor of a role
                continue
            strong_slot = c.rule == "crew" or (c.rule in _ACTOR_SLOTS and len(name.split()) > 1)
            if (
                re.fullmatch(r"[A-Z][a-z]+ly", name)
                and self.prose.startswith(",", c.end)
                and sentence_starts_at(self.prose, c.start)
            ):
                continue  # "Reportedly, the director had to cut ...": an adverb
            if strong_slot and c.name and name not in character_slots:
                # "Adolfo Aristarain's film", "Kim's sister (Saskia Reeves)": a crew cue or
                # an actor's slot makes a name a person even when spaCy and the first-name
                # list do not know it, unless it is a place or a company ("America's ...
                # film makers", "Disney's latest film")
                if (
                    is_plausible_name(name)
                    and not self.char_index.resolve(name)
                    and not self._is_company_or_place(name, c.start, c.end)
                    and not (len(name.split()) == 1 and _article_owner(self.prose, c.start, c.end))
                    and title_key(name) != self.film_key
                    and (len(name.split()) == 1 or title_key(name) not in known_titles())
                ):
                    self._person(name)
            elif c.name and len(name.split()) == 1 and name not in character_slots:
                if c.rule in ("paren", "cast_list", "plays") and self._looks_like_person(
                    c.name, c.start, c.end
                ):
                    self._person(c.name)
        # last, so that a surname alone joins the full name wherever the review gives it
        self._listed_surnames_from(character_slots)

    def _listed_surnames_from(self, character_slots: set[str]) -> None:
        """A surname standing alone that the shipped film-people list gives to one person
        only ("Kubrick proved his brilliance again", "Carpenter's masterpiece", "Mr
        Lynch"): people who write about films name directors so without ever giving the
        full name, and spaCy calls many of them places or nothing. Alone means no other
        capitalised word beside it, bar an honorific or a job before it ("Actor Paxton").

        Many such surnames are also words ("Love", "Worth", "Story", "Young") or places
        ("England", "France"), so the person must be a notable one (three films directed
        or five acted in), and the word a name where it stands: an honorific, a job or a
        possessive with it, or spaCy calling it a person, or an organisation or a place
        where no place preposition comes before it ("Kubrick again puts ...", a GPE to
        spaCy, but not "in jolly old England")."""
        surnames = {person_key(name)[0] for name in self.index.names()}
        for m in _LONE_CAPITALISED.finditer(self.prose):
            word = m.group(1)
            start, end = m.start(1), m.end(1)
            cued = precedes_names(word_before(self.prose, start)) or bool(m.group(2))
            # "Oliver Reed", "Was Craven", "Carpenter Street" (a possessive ends the name)
            if inside_longer_name(self.prose, start, end, after=not m.group(2)):
                continue
            if (
                len(word) < 4
                or word in first_names()
                or word.lower() in STOP_WORDS
                or not is_plausible_name(word)
                or person_key(word)[0] in surnames  # "Gyllenhaal" of two Gyllenhaals
                or self.char_index.resolve(word)
                or word in character_slots
                or title_key(word) in known_titles()
                or title_key(word) == self.film_key
                or overlaps(start, end, self.titles)
            ):
                continue
            directed, acted = known_surname(word)  # (0, 0): nobody the list knows
            if directed < 3 and acted < 5:
                continue  # "Worth seeing", "Love": a word some minor film person bears
            label = self._label_at(start, end)
            place_before = _PLACE_PREPOSITION.search(self.prose[max(0, start - 30) : start])
            if not (
                cued
                or label == "PERSON"
                # a nationality is no one: "the Polish wedding"
                or (label in ("ORG", "GPE", "LOC", "FAC") and not place_before)
            ):
                continue
            self._person(word)

    def _is_company_or_place(self, name: str, start: int, end: int) -> bool:
        """spaCy's ORG is often wrong on a two-word name it does not know ("directed by
        Hanna Sorel" reads as a company): in a credit slot, a several-word name is a company
        only when it says so."""
        if self._is_ner(start, end, _PLACES):
            return True
        if self._is_ner(start, end, frozenset({"ORG"})):
            before = self.prose[max(0, start - 120) : start]
            in_parens = before.rfind("(") > before.rfind(")")  # "(Cold Harbour, Night
            # Moves)" after a name is a filmography, and its titles are no one
            return in_parens or len(name.split()) == 1 or _COMPANY_WORDS.search(name) is not None
        return False

    def _follows_person(self, start: int) -> bool:
        """Whether the text just before `start` (and its opening parenthesis) ends with a
        known real person's name."""
        before = self.prose[max(0, start - 80) : start].rstrip(" (")
        words = re.findall(r"[\w'’.-]+", before)[-3:]
        return any(self.index.resolve(" ".join(words[-k:])) for k in range(len(words), 0, -1))

    def _characters_from(self, candidates: list[Candidate]) -> None:
        for c in candidates:
            if not c.character:
                continue
            char = clean_name(c.character)
            if (
                not is_plausible_name(char)
                or self.index.resolve(char)
                or title_key(char) == self.film_key
            ):
                continue
            self.char_index.add(char)
        # a lone NER person that is not a real person is most likely someone in the story
        for e in self.ents:
            name = clean_name(e.text)
            if e.label == "PERSON" and len(name.split()) == 1 and is_plausible_name(name):
                if not self.index.resolve(name) and not overlaps(e.start, e.end, self.titles):
                    self.char_index.add(name)

    def _mentions(self) -> Mentions:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = list((t.start, t.end) for t in self.titles)
        forms: list[tuple[str, str, str]] = []
        for person in self.people.values():
            for form in person.forms | {person.name}:
                forms.append((form, person.name, "person"))
                last = form.split()[-1]
                if len(form.split()) > 1 and self.index.resolve(last) == person.name:
                    forms.append((last, person.name, "person"))
                if _FAMILY_CREDIT.fullmatch(f"the {form}"):
                    # "the Coens", "Coen" for "the Coen Brothers"
                    family = form.split()[0]
                    forms += [
                        (family + "s", person.name, "person"),
                        (family, person.name, "person"),
                    ]
        for char in self.char_index.names():
            forms.append((char, char, "character"))
            for token in (char.split()[0], char.split()[-1]):
                if self.char_index.resolve(token) == char or char.split()[0] == token:
                    if not self.index.resolve(token):
                        forms.append((token, char, "character"))
        lookup: dict[str, tuple[str, str]] = {}
        for form, name, kind in forms:
            lookup.setdefault(form, (name, kind))
        if lookup:
            # one alternation, longest form first: "Robert Vance" wins over "Vance"
            alternation = "|".join(re.escape(f) for f in sorted(lookup, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w'’-])(?:{alternation})(?![\w-])", self.prose):
                if not overlaps(m.start(), m.end(), taken):
                    name, kind = lookup[m.group(0)]
                    found.append(Mention(m.start(), m.end(), name, kind))
        for credit in self.header.credits:
            resolved = self.index.resolve(credit.name)
            if resolved:
                found.append(Mention(credit.start, credit.end, resolved, "person"))
        found += self.first_name_mentions
        return Mentions(found)

    def _first_name_credits(self) -> None:
        """A crew credit given to a first name alone goes to the one full name in the
        review that it begins: "screenwriter Ada Lind and her son, actor/director Tom"
        after "Tom Lind" credits Tom Lind. A character called "Tom" takes no crew credit,
        so only crew jobs move; the first name keeps whatever else it has."""
        by_first: dict[str, list[str]] = defaultdict(list)
        for name in self.people:
            tokens = name_tokens(name)
            if len(tokens) > 1:
                by_first[tokens[0]].append(name)
        for name, person in self.people.items():
            tokens = name_tokens(name)
            crew = [key for key in person.roles if key[0] in _CREW_JOBS and key[1] is None]
            if len(tokens) != 1 or not crew:
                continue
            owners = by_first.get(tokens[0], [])
            if len(owners) != 1 or not self._titled_first_name(name):
                continue
            for key in crew:
                role = person.roles.pop(key)
                self.people[owners[0]].add_role(key[0], None, role["note"])

    def _titled_first_name(self, name: str) -> bool:
        """The first name stands right after a job title somewhere ("actor/director
        Tom", "directed by his son Tom"); "an idea of Tom's" credits nothing the full
        name should take."""
        return any(
            _JOB_TITLE_BEFORE.search(self.prose, max(0, s - 40), s)
            for s, _ in word_spans(self.prose, name)
        )

    def _credits_from(self, candidates: list[Candidate], mentions: Mentions) -> None:
        # titles the review lists after a person ("Dana Reyes (Night Harbour, Low Tide)")
        filmography = {
            title_key(c.name)
            for c in candidates
            if c.rule == "paren" and c.name and self._follows_person(c.start)
        }
        for c in candidates:
            if c.rule == "possessive_part" and c.character and c.char_start is not None:
                key = title_key(c.character)
                end = c.char_start + len(c.character)
                if (
                    key in filmography
                    or key in known_titles()
                    or overlaps(c.char_start, end, self.titles)
                ):
                    continue  # "the star of Reyes' Night Harbour": their film, not a part
            if c.pronoun:
                kinds = ("person",) if c.job != "actor" else ("person", "character")
                near = mentions.before(c.start, kinds=kinds, since=max(0, c.start - 1500))
                # "as Lily ..., she": the nearest real person, skipping the character
                if c.job == "actor":
                    near = mentions.before(c.char_start or c.start, since=max(0, c.start - 1500))
                if near is None or near.kind != "person":
                    continue
                person = self.people.get(near.name)
            else:
                name = self.index.resolve(clean_name(c.name))
                person = self.people.get(name) if name else None
            if person is None:
                continue
            character = None
            if c.character:
                if self.index.resolve(clean_name(c.character)):
                    continue  # the "part" is a real person: the rule misread the sentence
                # an unusable name ("Aunt Livinia") still leaves the actor credit
                character = self.char_index.resolve(clean_name(c.character))
            if character:
                if self.characters.get(character) not in (None, person.name):
                    continue  # already someone else's part: trust the first, explicit one
                self.characters[character] = person.name
            person.add_role(c.job, character, c.note)

    def _shared_surname_mentions(self, mentions: Mentions) -> Mentions:
        """A surname a director shares with the cast names the director when said alone:
        "Karin (Greta Lindahl, the director's wife)" plays a part, so after "directed by Bo
        Lindahl", "Lindahl keeps the camera still" is Bo Lindahl's. Only where exactly one
        of those who share it is a crew member (by the rules or the shipped list of
        directors), named in full as written, and every other one plays a part: "Lloyd and
        Caroline Chasseur" are characters, and "David Lynch" beside a "Jennifer Lynch"
        stays ambiguous. Weak (docs/extraction.md, 0.18): critics call parts by surname
        too ("Matthau's judge"), and a full name after a capitalised sentence opener
        ("When Bille August ...") does not count as written in full."""
        sharing: dict[str, list[str]] = {}
        for name in self.people:
            key = person_key(name)
            if key[0] and key[1]:
                sharing.setdefault(key[0], []).append(name)
        extra: list[Mention] = []
        for names in sharing.values():
            actors = [n for n in names if any(c for _, c in self.people[n].roles)]
            crew = [n for n in names if n not in actors and self._crew_or_listed(n)]
            if len(names) < 2 or len(crew) != 1 or len(actors) != len(names) - 1:
                continue
            for s, e in surname_spans(self.prose, crew[0]):
                # "in August 1997": a month, not the man
                if (
                    not mentions.at(s, e)
                    and not overlaps(s, e, self.titles)
                    and not re.match(r"\s*\d", self.prose[e : e + 3])
                ):
                    extra.append(Mention(s, e, crew[0], "person"))
        return Mentions(mentions.items + extra) if extra else mentions

    def _crew_or_listed(self, name: str) -> bool:
        """A crew credit from the rules, or a director in the shipped list, named in full
        somewhere as written ("Lou and Donald Sutherland" makes a "Lou Sutherland")."""
        crew = any(job in _CREW_JOBS for job, _ in self.people[name].roles)
        if not (crew or known_film_person(name)[0]):
            return False
        return any(
            not inside_longer_name(self.prose, s, e, after=False)
            for s, e in word_spans(self.prose, name, left="'’-", right="'’-")
        )

    def _director_from_possessive(self, mentions: Mentions) -> None:
        """ "Andrzej Bartkowiak's ROMEO MUST DIE", "Rafal Zielinski's unsettling FUN",
        "Ada Lind's 1985 thriller, FILM" (the year is the film's, as the title runs know)."""
        for span in self.film.spans:
            before = self.prose[max(0, span.start - 60) : span.start]
            m = _POSSESSIVE_BEFORE_FILM.search(before)
            if not m or _SOURCE_WORK.search(m.group(0)):
                continue  # "Alan Paton's landmark 1946 novel, FILM": the book's author
            owner = mentions.ending_near(span.start - len(before) + m.start(), slack=0)
            if owner:
                person = self.people[owner.name]
                if not person.acts():
                    person.add_role("director", None, None)

    def _roles_from_context(self, mentions: Mentions) -> None:
        """Credits the rules missed, read by the role model from how a name is used.

        The model sees what the rules said (as features) and has the last word on who
        directed: everyone likely enough, else the likeliest person if they pass a lower
        bar (a review names its director far more often than not). A credit header is
        never overruled. A lead actor is inferred only for a person the rules gave no
        job. Inferred roles carry the note "inferred" so they stay distinguishable.
        """
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in mentions.items:
            if m.kind == "person" and m.name in self.people:
                spans.setdefault(m.name, []).append((m.start, m.end))
        ranked = sorted(self.people, key=lambda n: -len(spans.get(n, [])))
        film = [(f.start, f.end) for f in self.film.spans]
        # self.titles: the CAPS titles and the film's own mentions
        other_films = [(t.start, t.end) for t in self.titles if not overlaps(t.start, t.end, film)]
        for rank, name in enumerate(ranked, start=1):
            person = self.people[name]
            self.role_features[name] = person_features(
                self.prose,
                spans.get(name, []),
                full_name=len(name.split()) > 1,
                rule_jobs=[job for job, _ in person.roles],
                has_character=any(char for _, char in person.roles),
                rank=rank,
                name=name,
                film_spans=film,
                other_film_spans=other_films,
            )
        model = self.role_model
        if model is None or not self.role_features:
            return
        probs = {n: model.probabilities(f) for n, f in self.role_features.items()}
        for name in first_names_alone(probs):
            probs[name] = {**probs[name], "director": 0.0}
        directors = self._model_directors(probs, model.thresholds)
        if not directors:
            directors = self._fallback_director(probs, model.thresholds)
        for name, p in probs.items():
            person = self.people[name]
            if name in directors:
                if ("director", None) not in person.roles:
                    person.add_role("director", None, "inferred")
            elif name not in self.header_names:
                # the rule's reading loses to the model's: "X's film" said of a star
                person.roles.pop(("director", None), None)
            if not person.roles and p["actor"] >= model.thresholds["actor"]:
                person.add_role("actor", None, "inferred")

    def _model_directors(
        self, probs: dict[str, dict[str, float]], thresholds: dict[str, float]
    ) -> set[str]:
        """Everyone likely enough to be the director; one the rules credited ("Director
        Jane Roe", "the new film from Jane Roe") at a lower bar of its own, so that it is not
        lost to a famous name the review passes by. Both bars are the trainer's choice."""
        rule_bar = thresholds.get("director_rule", 2.0)  # absent in older models: no such bar
        return {
            n
            for n, p in probs.items()
            if p["director"] >= thresholds["director"]
            or (self._rule_directs(n) and p["director"] >= rule_bar)
        }

    def _rule_directs(self, name: str) -> bool:
        """Whether the credit rules (or a header) made `name` the director."""
        return ("director", None) in self.people[name].roles

    def _fallback_director(
        self, probs: dict[str, dict[str, float]], thresholds: dict[str, float]
    ) -> set[str]:
        """When nobody is likely enough, the likeliest person who passes a lower bar: those
        the rules did not make actors (or also made the director) at one bar, the actors at
        a bar of their own. Woody Allen, Clint Eastwood and Kenneth Branagh direct
        themselves, and a review says so far less often than it says whom they play; the
        likelier of the two wins, so a famous director the review only passes by does not
        beat a star it calls "the director" just because the star has a part."""

        def bar(name: str) -> float:
            if self.people[name].acts() and not self._rule_directs(name):
                return thresholds.get("director_actor", 1.0)
            return thresholds["director_fallback"]

        passing = [n for n in probs if probs[n]["director"] >= bar(n)]
        best = max(passing, key=lambda n: probs[n]["director"], default=None)
        return {best} if best else set()

    def _not_title(self, span: TextSpan, cue: str = "") -> bool:
        name = clean_name(span.text)
        if self.index.resolve(name) or self.char_index.resolve(name):
            return True
        if cue == "list":
            return False
        if (
            len(name.split()) > 1
            and starts_with_first_name(name)
            and title_key(name) not in known_titles()
        ):
            return True
        labels = {"GPE"} if cue == "person" else {"GPE", "LOC", "FAC", "NORP", "ORG"}
        places = [e for e in self.ents if e.label in labels]
        exact = any(e.start == span.start and e.end == span.end for e in places)
        return exact and title_key(span.text) not in known_titles()

    def _resolve_mention(self, name: str) -> Mention | None:
        person = self.index.resolve(clean_name(name))
        if person:
            return Mention(0, 0, person, "person")
        char = self.char_index.resolve(clean_name(name))
        if char:
            return Mention(0, 0, char, "character")
        return None

    def _actor_of(self, character: str) -> str | None:
        return self.characters.get(character)

    def _is_cast(self, name: str) -> bool:
        person = self.people.get(name)
        return person is not None and person.acts()

    def _people_out(self, mentions: Mentions) -> list[dict[str, Any]]:
        by_person: dict[str, list[list[int]]] = {}
        for m in mentions.items:
            if m.kind == "person":
                by_person.setdefault(m.name, []).append([m.start, m.end])
        out: list[dict[str, Any]] = []
        for person in self.people.values():
            spans = sorted(by_person.get(person.name, []))
            if not spans and not person.roles:
                continue
            out.append(
                {
                    "name": person.name,
                    "aliases": sorted(
                        f for f in person.forms if f != person.name and len(name_tokens(f)) > 1
                    ),
                    "roles": list(person.roles.values()),
                    "mentions": spans,
                }
            )
        out.sort(key=lambda p: p["mentions"][0][0] if p["mentions"] else len(self.text))
        return out


def _name_pieces(runs: list[TextSpan]) -> list[TextSpan]:
    """Runs split at "and": "Roland Emmerich and Dean Devlin" is two names."""
    out: list[TextSpan] = []
    for run in runs:
        pos = 0
        for m in re.finditer(r" (?:and|&) ", run.text):
            out.append(TextSpan(run.start + pos, run.start + m.start(), run.text[pos : m.start()]))
            pos = m.end()
        out.append(TextSpan(run.start + pos, run.end, run.text[pos:]))
    return out


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text
