"""Quoted text in a review, told apart: the film's own dialogue vs anything else quoted
(a novelist, another critic, a slogan, a scare-quoted word).

A quotation is dialogue when the prose gives it a speaker who is in the story ("Tom
tells her", "he says" where "he" is Tom, "she tells a client" after "a nurse
(Keller)"), or when it continues a line already given to such a speaker. A speaker who is
a real person outside the cast ("As Mark Twain once noted") makes it "other".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from critic.analyse.entities import NAME, SENTENCE_OPENERS, Mention, Mentions

SPEECH_VERBS = (
    r"says|said|tells|told|replies|replied|asks|asked|informs|informed|explains|explained|"
    r"adds|added|shouts|shouted|yells|yelled|whispers|whispered|remarks|remarked|notes|noted|"
    r"declares|declared|insists|insisted|announces|announced|warns|warned|answers|answered|"
    r"responds|responded|quips|quipped|mutters|muttered|screams|screamed|exclaims|exclaimed|"
    r"cries|cried|observes|observed|admits|admitted|confesses|confessed|snaps|snapped|"
    r"jokes|joked|boasts|boasted|wonders|wondered|muses|mused|promises|promised|assures|"
    r"assured|reminds|reminded|begs|begged|pleads|pleaded|suggests|suggested|continues|"
    r"counsels|intones|intoned|proclaims|proclaimed|wrote|writes|put\s+it|puts\s+it|"
    r"sighs|sighed|barks|barked|growls|growled|deadpans|deadpanned|laments|lamented"
)
_WHO = rf"(?P<who>he|she|they|{NAME})"
_AFTER = re.compile(
    rf"^\s*(?:,|--|—)?\s*(?:{_WHO}\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b|"
    rf"(?:{SPEECH_VERBS})\s+(?P<who2>{NAME})\b)"
)
_EPIGRAPH = re.compile(rf"^\s*(?:--|—|–|-)\s*(?P<who>{NAME})")
_BEFORE = re.compile(
    rf"(?:\b[Aa]s\s+{_WHO}\s+(?:once\s+|famously\s+|so\s+)?(?:{SPEECH_VERBS})\b[^\"“]*|"
    rf"{_WHO.replace('who', 'who2')}\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})(?:\s+\w+){{0,3}}\s*[,:]\s*|"
    # 'When Eli says "I came back ..."': the verb right before the quotation, no comma
    rf"{_WHO.replace('who', 'who3')}\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\s*)$"
)
_PAIRS = re.compile(r"“([^“”\n]{1,600})”|\"([^\"\n]{1,600})\"")


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # "dialogue" or "other"
    speaker: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


def _spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each quotation's inside, trailing comma and spaces left out."""
    out = []
    for m in _PAIRS.finditer(text):
        group = 1 if m.group(1) is not None else 2
        start, end = m.start(group), m.end(group)
        while end > start and text[end - 1] in ", ":
            end -= 1
        while start < end and text[start] == " ":
            start += 1
        if end > start:
            out.append((start, end))
    return out


def find_quotes(
    text: str,
    mentions: Mentions,
    resolve_name: Callable[[str], Mention | None],
    actor_of: Callable[[str], str | None],
    is_cast: Callable[[str], bool],
    sentence_of: Callable[[int], tuple[int, int]],
) -> list[Quote]:
    """Quotations with their kind and speaker (the actor's name when a character speaks)."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in _spans(text):
        close = end
        while close < len(text) and text[close] in ',.!? "”':
            close += 1
        who, at = _attribution(text, start, end, close, sentence_of)
        speaker: Mention | None = None
        if who:
            if who.lower() in ("he", "she", "they"):
                speaker = mentions.before(
                    start - 1, kinds=("person", "character"), since=max(0, start - 1500)
                )
            else:
                speaker = resolve_name(who)
        quote = _classify(text[start:end], start, end, who, speaker, actor_of, is_cast)
        if who is None and previous is not None and previous.kind == "dialogue":
            gap = text[previous.end : start]
            # "..." he replies ... "I just know that I want to.": the same speaker goes on
            # (the gap may hold the first line's own attribution, "Tom tells her.")
            if len(gap) <= 90 and "\n" not in gap:
                quote = Quote(text[start:end], start, end, "dialogue", previous.speaker)
        quotes.append(quote)
        previous = quote
    return quotes


def _attribution(
    text: str, start: int, end: int, close: int, sentence_of: Callable[[int], tuple[int, int]]
) -> tuple[str | None, int]:
    sent_start, _ = sentence_of(start)
    before = _BEFORE.search(text[max(sent_start, start - 200) : max(sent_start, start - 1)])
    said_before = before and (before.group("who") or before.group("who2") or before.group("who3"))
    # 'Tom says, "Go home." As Mark Twain said ...': a quotation closed by a full stop
    # ends its sentence, so a speaker named before it beats the next sentence's
    if said_before and text[end - 1 : end] == ".":
        return _without_opener(said_before), start
    m = _AFTER.match(text[close : close + 80]) or _EPIGRAPH.match(text[close : close + 80])
    if m:
        who = m.groupdict().get("who") or m.groupdict().get("who2")
        if who:
            return _without_opener(who), close + m.start()
    if said_before:
        return _without_opener(said_before), start
    return None, start


def _without_opener(who: str) -> str:
    """ "When Eli" of "When Eli says ...": a sentence's opener is no part of a name."""
    words = who.split()
    while len(words) > 1 and words[0] in SENTENCE_OPENERS:
        words = words[1:]
    return " ".join(words)


def _classify(
    quoted: str,
    start: int,
    end: int,
    who: str | None,
    speaker: Mention | None,
    actor_of: Callable[[str], str | None],
    is_cast: Callable[[str], bool],
) -> Quote:
    if speaker is None:
        # a named speaker we cannot place: in the story if the name looks like a first name
        name = who if who and who.lower() not in ("he", "she", "they") else None
        return Quote(quoted, start, end, "other", name)
    if speaker.kind == "character":
        return Quote(quoted, start, end, "dialogue", actor_of(speaker.name) or speaker.name)
    if is_cast(speaker.name):
        return Quote(quoted, start, end, "dialogue", speaker.name)
    return Quote(quoted, start, end, "other", speaker.name)
