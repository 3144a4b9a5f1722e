"""Who is the same person: name keys, nicknames, surname resolution, and merging across reviews.

Critics write "Mike Dunn", "Michael Dunn", "Dunn" and "Dunn's" for one man. A full
name is keyed by (surname, canonical first name); a surname alone joins the one full name
that ends with it, and stays on its own when two people share it (the Baldwins).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

_NICKNAMES = {
    "michael": ["mike", "mick", "mickey", "micky"],
    "robert": ["bob", "bobby", "rob", "robbie", "bert"],
    "william": ["bill", "billy", "will", "willie", "liam"],
    "james": ["jim", "jimmy", "jamie"],
    "thomas": ["tom", "tommy"],
    "richard": ["dick", "rick", "ricky", "rich", "richie"],
    "daniel": ["dan", "danny"],
    "david": ["dave", "davey"],
    "joseph": ["joe", "joey"],
    "christopher": ["chris", "kit"],
    "anthony": ["tony"],
    "nicholas": ["nick", "nicky", "nicolas", "nikolas"],
    "edward": ["ed", "eddie", "ted", "teddy", "ned"],
    "steven": ["steve", "stephen", "stevie"],
    "samuel": ["sam", "sammy"],
    "benjamin": ["ben", "benny"],
    "alexander": ["alex", "sandy"],
    "andrew": ["andy", "drew"],
    "matthew": ["matt"],
    "patrick": ["pat", "paddy"],
    "peter": ["pete"],
    "john": ["jon", "johnny", "jack"],
    "jonathan": ["jonny"],
    "katherine": ["kate", "katie", "kathy", "cathy", "catherine", "kathryn", "kat"],
    "elizabeth": ["liz", "beth", "betty", "lizzie", "eliza", "elisabeth", "libby"],
    "jennifer": ["jen", "jenny"],
    "susan": ["sue", "susie", "suzy"],
    "margaret": ["meg", "maggie", "peggy", "marge"],
    "lawrence": ["larry", "laurence"],
    "gerald": ["jerry", "gerry"],
    "kenneth": ["ken", "kenny"],
    "ronald": ["ron", "ronnie"],
    "donald": ["don", "donnie"],
    "gregory": ["greg"],
    "timothy": ["tim", "timmy"],
    "charles": ["charlie", "chuck", "chas"],
    "frederick": ["fred", "freddie", "freddy"],
    "henry": ["hank", "harry"],
    "albert": ["al", "bert"],
    "vincent": ["vince", "vinnie"],
    "walter": ["walt", "wally"],
    "eugene": ["gene"],
    "louis": ["lou"],
    "martin": ["marty"],
    "deborah": ["debbie", "debra", "deb"],
    "victoria": ["vicky", "vicki"],
    "rebecca": ["becky"],
    "jacqueline": ["jackie"],
    "barbara": ["barb", "babs"],
    "zachary": ["zach", "zack"],
    "nathaniel": ["nate", "nat", "nathan"],
    "philip": ["phil", "phillip"],
    "raymond": ["ray"],
    "leonard": ["leo", "len", "lenny"],
    "theodore": ["theo"],
    "douglas": ["doug"],
    "geoffrey": ["geoff", "jeff", "jeffrey", "jeffery"],
    "abigail": ["abby"],
    "kimberly": ["kim"],
    "pamela": ["pam"],
    "patricia": ["patty", "trish", "tricia"],
}
_CANONICAL_FIRST = {nick: full for full, nicks in _NICKNAMES.items() for nick in nicks}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mister"}
# words a rule may capture in front of a name: "a David Lynch", "Screenwriter Jane Doe"
# jobs a name may follow and that are no part of it: "director Ann Lowe", "Directors Chris
# and Paul Weitz", "Actor Paxton"
_JOBS = (
    "director screenwriter writer producer actor actress composer cinematographer editor "
    "filmmaker novelist author star auteur helmer"
).split()
JOB_WORDS = frozenset(_JOBS) | frozenset(j + ("es" if j.endswith("ss") else "s") for j in _JOBS)
_LEADING = JOB_WORDS | {"a", "an"}


def precedes_names(word: str) -> bool:
    """An honorific, an article or a job: a word that stands before a name and is no part
    of it ("Mr.", "A", "Director")."""
    word = word.lower().rstrip(".")
    return word in _HONORIFICS or word in _LEADING


def word_before(text: str, start: int) -> str:
    """The word right before `start` on its line ("Mr." of "Mr. Lynch"), or ""."""
    m = re.search(r"([\w.'’]+)[ \t]*$", text[max(0, start - 30) : start])
    return m.group(1) if m else ""


def inside_longer_name(
    text: str, start: int, end: int, before_ok: AbstractSet[str] = frozenset(), after: bool = True
) -> bool:
    """Whether the word at text[start:end] is part of a longer capitalised name rather than
    standing alone: a capitalised word right before it that is no honorific or job, ends no
    sentence and is none of `before_ok` ("Oliver Reed", "Was Craven"), or, with `after`, one
    right after it ("Carpenter Street")."""
    before = word_before(text, start)
    if before[:1].isupper() and not (
        precedes_names(before) or before.endswith((".", "!", "?")) or before in before_ok
    ):
        return True
    return after and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]) is not None


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# "the Hughes Brothers", "the Wachowski sisters": a family credit, keyed by its surname
_FAMILY = {"brothers", "brother", "bros", "sisters", "sister"}
# "De Niro", "von Trier", "Del Toro" alone are a surname, not a first name and a surname
_PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "den",
    "di",
    "da",
    "das",
    "dos",
    "du",
    "van",
    "von",
    "le",
    "la",
    "ter",
    "ten",
}
NAME_PARTICLES = frozenset(_PARTICLES)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def fold(text: str) -> str:
    """Lower-case ASCII with straight apostrophes: the comparison form of a name or line."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def clean_name(surface: str) -> str:
    """A name as written, minus possessive, honorifics and stray punctuation."""
    name = " ".join(surface.split()).strip(' ,;:.-—–"“”()[]')
    name = _POSSESSIVE.sub("", name)
    words = name.split()
    while (
        len(words) > 1
        and (
            words[0].lower().rstrip(".") in _HONORIFICS
            # only before a full name, so "The Rock" and "Star Wars" stay themselves
            or (len(words) > 2 and words[0].lower() in _LEADING and words[1][:1].isupper())
        )
    ):
        words = words[1:]
    return " ".join(words)


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name, suffixes such as "Jr." dropped."""
    tokens = [t.strip(".,") for t in fold(clean_name(name)).replace("-", " - ").split()]
    tokens = [t for t in tokens if t and t != "-"]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES | _FAMILY:
        tokens = tokens[:-1]
    return tokens


def surname(name: str) -> str:
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def canonical_first(first: str) -> str:
    first = fold(first).strip(".")
    return _CANONICAL_FIRST.get(first, first)


# asked tens of thousands of times a few hundred reviews, mostly for the same names
@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> tuple[str, str]:
    """(surname, canonical first name); first is "" for a surname alone."""
    tokens = name_tokens(name)
    if not tokens:
        return ("", "")
    if len(tokens) == 1 or tokens[0] in _PARTICLES:
        return (tokens[-1], "")
    return (tokens[-1], canonical_first(tokens[0]))


def firsts_compatible(a: str, b: str) -> bool:
    """ "Mike"~"Michael", "M."~"Michael"; empty (surname only) matches anything."""
    if not a or not b:
        return True
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    # one letter apart in a long first name is a spelling slip, not a sibling:
    # "Griffen"~"Griffin", "Fridrik"~"Fredrik" (but "Mark" and "Mary" stay two people)
    return min(len(a), len(b)) >= 6 and a[0] == b[0] and _one_edit_apart(a, b)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


class NameIndex:
    """Resolves any written form of a name to one canonical full name."""

    def __init__(self, by_first_name: bool = False) -> None:
        # characters are called "Tom" for "Tom Harker"; real people rarely are
        self.by_first_name = by_first_name
        self._full: dict[tuple[str, str], str] = {}
        self._by_surname: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._single: dict[str, str] = {}
        self._by_first: dict[str, set[tuple[str, str]]] = defaultdict(set)

    def add(self, name: str) -> str:
        """Register a name; returns its canonical form (the first, longest-spelled, seen)."""
        key = person_key(name)
        if not key[0]:
            return name
        if not key[1]:
            return self.resolve(name) or self._single.setdefault(key[0], clean_name(name))
        known = self._compatible(key)
        # a full first name after an initial ("Michael" after "M.") is a fuller spelling
        # and gets a key of its own, which "M. Tull" then resolves to; after a full one
        # it is the same name spelt again ("Edwards Burns" for "Edward Burns")
        if known and (len(known[0][1]) >= len(key[1]) or len(known[0][1]) > 1):
            key = known[0]
        if key not in self._full:
            self._full[key] = clean_name(name)
            self._by_surname[key[0]].add(key)
            self._by_first[name_tokens(name)[0]].add(key)
        return self._full[key]

    def resolve(self, name: str) -> str | None:
        key = person_key(name)
        if not key[0]:
            return None
        if key[1]:
            known = self._compatible(key)
            return self._full[known[0]] if known else None
        keys = self._by_surname.get(key[0], set())
        if len(keys) == 1:
            return self._full[next(iter(keys))]
        if keys:
            return None
        if key[0] in self._single:
            return self._single[key[0]]
        # "Tom" for "Tom Harker": a first name alone, when only one full name has it
        if not self.by_first_name:
            return None
        firsts = self._by_first.get(key[0], set())
        return self._full[next(iter(firsts))] if len(firsts) == 1 else None

    def _compatible(self, key: tuple[str, str]) -> list[tuple[str, str]]:
        """The registered full names `key` may be, the most complete spelling of the first
        name first ("Michael" before "M."), then in alphabetical order: a set's order
        changes with the hash seed, and so would which of two spellings a name joins."""
        found = [o for o in self._by_surname.get(key[0], ()) if firsts_compatible(o[1], key[1])]
        return sorted(found, key=lambda o: (-len(o[1]), o))

    def names(self) -> list[str]:
        return list(self._full.values()) + [
            n for k, n in self._single.items() if k not in self._by_surname
        ]


def _best_name(forms: Counter[str]) -> str:
    full = [f for f in forms if len(name_tokens(f)) > 1] or list(forms)
    return max(full, key=lambda f: (forms[f], len(f)))


def merge_people(per_review: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """One entry per real person across the reviews of one film, credits with their reviews."""
    index = NameIndex()
    # full names first so a surname alone can find its person whichever review it is in
    for _, people in per_review:
        for person in people:
            if len(name_tokens(person["name"])) > 1:
                index.add(person["name"])
    for _, people in per_review:
        for person in people:
            index.add(person["name"])

    merged: dict[str, dict[str, Any]] = {}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for review_id, people in per_review:
        for person in people:
            canonical = index.resolve(person["name"]) or index.add(person["name"])
            entry = merged.setdefault(
                canonical, {"roles": {}, "reviews": [], "mentions": {}, "aliases": set()}
            )
            forms[canonical][clean_name(person["name"])] += 1
            entry["aliases"].update(person.get("aliases", []))
            if review_id not in entry["reviews"]:
                entry["reviews"].append(review_id)
            entry["mentions"].setdefault(review_id, []).extend(person.get("mentions", []))
            for role in person.get("roles", []):
                character = role.get("character")
                key = (role["job"], fold(character) if character else None)
                slot = entry["roles"].setdefault(
                    key,
                    {"job": role["job"], "character": character, "note": None, "reviews": []},
                )
                slot["note"] = slot["note"] or role.get("note")
                if review_id not in slot["reviews"]:
                    slot["reviews"].append(review_id)

    out: list[dict[str, Any]] = []
    for canonical, entry in merged.items():
        name = _best_name(forms[canonical])
        aliases = (set(forms[canonical]) | entry["aliases"]) - {name}
        roles = _drop_characterless_duplicates(list(entry["roles"].values()))
        out.append(
            {
                "name": name,
                "aliases": sorted(aliases),
                "roles": roles,
                "reviews": entry["reviews"],
                "mentions": entry["mentions"],
            }
        )
    out.sort(key=lambda p: (-len(p["reviews"]), -len(p["roles"]), p["name"]))
    return out


def _drop_characterless_duplicates(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "actor" with no character folds into "actor as Lily": same credit, less said."""
    named_jobs = {r["job"] for r in roles if r["character"]}
    keep: list[dict[str, Any]] = []
    for role in roles:
        if role["character"] is None and role["job"] in named_jobs:
            target = next(r for r in roles if r["job"] == role["job"] and r["character"])
            target["reviews"] = sorted(set(target["reviews"]) | set(role["reviews"]), key=str)
            target["note"] = target["note"] or role["note"]
            continue
        keep.append(role)
    return keep


def merge_works(per_review: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Works mentioned across reviews of one film, one entry per title (by title_key)."""
    from critic.analyse.films import title_key

    index = NameIndex()
    for _, works in per_review:
        for work in works:
            if work.get("person"):
                index.add(work["person"])
    merged: dict[str, dict[str, Any]] = {}
    for review_id, works in per_review:
        for work in works:
            key = title_key(work["title"])
            if not key:
                continue
            entry = merged.setdefault(
                key,
                {
                    "title": work["title"],
                    "kinds": Counter(),
                    "people": Counter(),
                    "reviews": [],
                    "mentions": {},
                },
            )
            entry["kinds"][work.get("kind") or "other"] += 1
            if work.get("person"):
                entry["people"][index.resolve(work["person"]) or work["person"]] += 1
            if review_id not in entry["reviews"]:
                entry["reviews"].append(review_id)
            entry["mentions"].setdefault(review_id, []).extend(work.get("mentions", []))
    out = []
    for entry in merged.values():
        kinds = entry.pop("kinds")
        people = entry.pop("people")
        specific = [k for k, _ in kinds.most_common() if k != "other"]
        entry["kind"] = specific[0] if specific else "other"
        entry["person"] = people.most_common(1)[0][0] if people else None
        out.append(entry)
    out.sort(key=lambda w: (-len(w["reviews"]), w["title"]))
    return out


def quote_key(text: str) -> str:
    """Quotes compare without case, curly/straight quotes, punctuation or spacing."""
    return " ".join(re.sub(r"[^\w$ ]+", " ", fold(text).replace("'", "")).split())


def merge_quotes(per_review: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """The same line quoted by several reviews becomes one entry listing them all."""
    merged: dict[str, dict[str, Any]] = {}
    for review_id, quotes in per_review:
        for quote in quotes:
            key = quote_key(quote["text"])
            if not key:
                continue
            entry = merged.setdefault(
                key,
                {
                    "text": quote["text"],
                    "speakers": Counter(),
                    "kinds": Counter(),
                    "reviews": [],
                    "spans": {},
                },
            )
            entry["kinds"][quote["kind"]] += 1
            if quote.get("speaker"):
                entry["speakers"][quote["speaker"]] += 1
            if review_id not in entry["reviews"]:
                entry["reviews"].append(review_id)
            entry["spans"].setdefault(review_id, []).append([quote["start"], quote["end"]])
    out = []
    for entry in merged.values():
        speakers = entry.pop("speakers")
        kinds = entry.pop("kinds")
        entry["speaker"] = speakers.most_common(1)[0][0] if speakers else None
        # one review hearing the film's own line is evidence enough that it is dialogue
        entry["kind"] = "dialogue" if kinds["dialogue"] else "other"
        out.append(entry)
    out.sort(key=lambda q: (-len(q["reviews"]), q["text"]))
    return out
