"""Other works a review mentions (earlier films, the source novel, a TV show), each with
the person it is credited to where the prose says: "such films as Cold Harbour, Night Moves",
"Anna Keller in The Long Night", "Dunn (Cold Harbour, Night Moves)",
"Dunn's Cold Harbour", CAPS titles, and known titles from the shipped gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from critic.analyse.entities import (
    TITLE_RUN,
    Mentions,
    TextSpan,
    caps_titles,
    overlaps,
    title_case_runs,
)
from critic.analyse.films import display_title, known_titles, title_key

_ITEM = rf"(?:{TITLE_RUN}|[A-Z0-9][A-Z0-9'’&.:\- ]*[A-Z0-9'’!?])"
_LIST = rf"(?P<list>{_ITEM}(?:\s*,\s*(?:and\s+|or\s+)?{_ITEM})*(?:,?\s+(?:and|or)\s+{_ITEM})?)"
_LIST_CUE = re.compile(
    r"\b(?:such\s+(?:[\w\-]+\s+){0,3}?as|the\s+titles|(?:best\s+)?(?:known|remembered)\s+for|"
    r"(?:films?|movies?|pictures?|hits?|efforts?|roles?|vehicles?|works?|credits?|"
    r"comedies|dramas|thrillers|classics|features)\s*,?\s+(?:such\s+as|like|including|as))\s+"
    + _LIST
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# a filmography in parentheses may also be '"Tootsie"/"Out of Africa"' or "Tootsie; Out of Africa"
_PAREN_SPLIT = re.compile(rf"{_SPLIT.pattern}|\s*[/;]\s*")
_QUOTE_CHARS = "\"“”"
_KIND_CUES = [
    (
        re.compile(r"\b(?:novels?|book|novella|bestseller|memoir|quoted|wrote|writes)\b", re.I),
        "novel",
    ),
    (re.compile(r"\b(?:play|stage|broadway|musical)\b", re.I), "play"),
    (re.compile(r"\b(?:tv|television|series|sitcom|show|mini-series|miniseries)\b", re.I), "tv"),
    (re.compile(r"\b(?:song|album|poem|opera|painting|comic|video\s*game)\b", re.I), "other"),
]
_AFTER_PERSON = re.compile(rf"(?:\s+in\s+|['’]s?\s+)(?P<title>{_ITEM})")
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)


@dataclass
class Work:
    title: str
    kind: str
    person: str | None
    mentions: list[list[int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "kind": self.kind,
            "person": self.person,
            "mentions": self.mentions,
        }


def _kind(text: str, start: int) -> str:
    context = text[max(0, start - 40) : start]
    for rx, kind in _KIND_CUES:
        if rx.search(context):
            return kind
    return "film"


def find_works(
    text: str,
    film_key: str | None,
    mentions: Mentions,
    sentence_of: Callable[[int], tuple[int, int]],
    not_titles: Callable[[TextSpan, str], bool],
) -> list[Work]:
    """Works other than the film under review.

    `not_titles(span, cue)` vetoes people and characters, and places unless the cue
    ("list": "such films as ...", "person": "X in ...") vouches for a title.
    """
    found: dict[str, Work] = {}
    taken: list[tuple[int, int]] = []

    def person_for(start: int) -> str | None:
        sent_start, _ = sentence_of(start)
        near = mentions.before(start, since=sent_start)
        if near:
            return near.name
        # "... his fearless approach ... in such films as Cold Harbour": the person is "he"
        if _PRONOUN.search(text[sent_start:start]):
            near = mentions.before(start, since=max(0, sent_start - 800))
            return near.name if near else None
        return None

    def add(title: str, start: int, person: str | None, cue: str = "") -> None:
        title = title.strip(" ,.;:'’\"")
        key = title_key(title)
        if not key or key == film_key or len(key) < 2 or overlaps(start, start + len(title), taken):
            return
        # a list cue ("such films as") vouches for a title; elsewhere places and people veto
        if not title.isupper() and not_titles(TextSpan(start, start + len(title), title), cue):
            return
        work = found.get(key)
        if work is None:
            work = found[key] = Work(display_title(title), _kind(text, start), person)
        work.person = work.person or person
        work.mentions.append([start, start + len(title)])
        taken.append((start, start + len(title)))

    # "Dunn (Cold Harbour, Night Moves)": a person's earlier work, in parentheses
    for m in re.finditer(r"\(([^()\n]{2,120})\)", text):
        owner = mentions.ending_near(m.start(), slack=1)
        if owner is None or owner.kind != "person" or re.fullmatch(r"\s*\d{4}\s*", m.group(1)):
            continue
        for item in _items(m.group(1), m.start(1), _PAREN_SPLIT):
            if _looks_like_title(item[0]):
                add(item[0], item[1], owner.name, cue="list")
    for m in _LIST_CUE.finditer(text):
        person = person_for(m.start())
        for title, start in _items(m.group("list"), m.start("list")):
            add(title, start, person, cue="list")
    # "Anna Keller in The Long Night", "Dunn's Cold Harbour"
    for mention in mentions.items:
        if mention.kind != "person":
            continue
        after = _AFTER_PERSON.match(text, mention.end)
        if after:
            add(after.group("title"), after.start("title"), mention.name, cue="person")
    # CAPS titles are always titles; title case only where the gazetteer knows it
    gazetteer = known_titles()
    for run in caps_titles(text):
        add(run.text, run.start, person_for(run.start))
    for run in title_case_runs(text):
        for title, start in _known_parts(run, gazetteer):
            add(title, start, person_for(start))
    # every further mention of a found title is a mention of that work
    for work in found.values():
        for m in re.finditer(rf"(?<![\w'’]){re.escape(work.title)}(?![\w])", text, re.IGNORECASE):
            if not overlaps(m.start(), m.end(), taken) and m.group(0)[0].isupper():
                work.mentions.append([m.start(), m.end()])
                taken.append((m.start(), m.end()))
        work.mentions.sort()
    return list(found.values())


def _known_parts(run: TextSpan, gazetteer: dict[str, set[int]]) -> list[tuple[str, int]]:
    """The longest known titles (2+ words) inside a capitalised run such as
    "Anna Keller in The Long Night"."""
    words = [(m.group(0), m.start()) for m in re.finditer(r"\S+", run.text)]
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i + 1, -1):
            if not words[i][0][0].isupper() or not words[j - 1][0][0].isupper():
                continue
            chunk = run.text[words[i][1] : words[j - 1][1] + len(words[j - 1][0])]
            if title_key(chunk) in gazetteer:
                out.append((chunk, run.start + words[i][1]))
                i = j - 1
                break
        i += 1
    return out


def _items(
    list_text: str, offset: int, split: re.Pattern[str] = _SPLIT
) -> list[tuple[str, int]]:
    """The titles of a list, each with its offset; quotation marks around one are not
    part of it ('"Tootsie"/"Out of Africa"')."""
    out: list[tuple[str, int]] = []
    whole = list_text.strip().strip(_QUOTE_CHARS)
    if title_key(whole) in known_titles():
        return [(whole, offset + list_text.find(whole))]
    pos = 0
    for part in split.split(list_text):
        at = list_text.find(part, pos)
        item = part.strip().strip(_QUOTE_CHARS).strip(" ,")
        if item and at >= 0:
            out.append((item, offset + at + part.find(item)))
            pos = at + len(part)
    return out


def _looks_like_title(item: str) -> bool:
    return bool(re.fullmatch(_ITEM, item)) and not re.fullmatch(r"\d+|[a-z].*", item)
