"""A critic's own written grade, read as a 0-100 score.

Three jobs: `normalize_grade` reads one grade as written ("B+", "3.5/5", "***1/2",
"two and a half stars"); `resolve_bare_grade` reads a bare number ("8") from the scale
the same critic or outlet uses elsewhere; `find_grade` finds a grade the critic wrote
inside a review's text. The table and the policies are documented in docs/grades.md.

A grade found here overrides the model's score for its review, so every rule prefers
saying nothing to saying something wrong: a number without a scale is never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

VERSION = "1"

# Metacritic-style letter table: B is 75 and each step is about a third of a letter.
LETTER_SCORES: dict[str, float] = {
    "A+": 100, "A": 100, "A-": 91,
    "B+": 83, "B": 75, "B-": 67,
    "C+": 58, "C": 50, "C-": 42,
    "D+": 33, "D": 25, "D-": 16,
    "F+": 8, "F": 0, "F-": 0,
}  # fmt: skip

# Denominators a written grade uses. Anything else ("9/11", "24/7") is not a grade.
SCALES = frozenset({2, 3, 4, 5, 6, 8, 10, 20, 100})

# A star count with no stated maximum is read on four stars (the print convention:
# Ebert, Maltin, "RATING (0 TO ****)"), or on five when the count exceeds four.
DEFAULT_STAR_SCALE = 4

_WORD_NUMBERS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "hundred": 100,
}  # fmt: skip
_FULL_GLYPHS = "★⭐✭✮✯✪"
_EMPTY_GLYPHS = "☆✩"


@dataclass(frozen=True)
class GradeFound:
    """A grade written inside a review: `text` is text[start:end]; `score` is 0-100,
    or None for a labelled grade whose scale is not stated ("Rating: 8.4")."""

    text: str
    start: int
    end: int
    score: float | None


# ---------------------------------------------------------------- normalize_grade

_TRANSLATE = str.maketrans({
    "½": " 1/2", "\u2044": "/", "\u2215": "/", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2019": "'", "\u201c": '"', "\u201d": '"', "⭐": "★",
    "✭": "★", "✮": "★", "✯": "★", "✪": "★", "✩": "☆",
})  # fmt: skip

_N = r"(?:\d+|four|five|ten|hundred|\*+|★+)"
_SCALE_SPEC = re.compile(
    rf"^\(?\s*(?:(?:out\s+)?of\s+(?P<of>{_N})|(?:0|1|zero|one)\s*(?:-|to)\s*(?P<to>{_N}))"
    r"(?:\s*stars?)?\s*\)?$"
)
_LABEL = re.compile(
    r"^(?:(?:my|our|the|overall|final|critic'?s|alternative|star)\s+)*"
    r"(?:rating|grade|score|verdict|stars|scale|mark|rated)\b"
    r"(?:\s*(?P<paren>\([^)]*\)))?\s*[:=-]?\s*"
)
_AWARD = re.compile(
    r"^(?:i|we)(?:'d|'ll|\s+would|\s+will|\s+can)?(?:\s+(?!not\b|never\b)[a-z]+){0,2}?"
    r"\s+(?:give|award|rate|grade)\s+"
    r"(?:it|this(?:\s+(?:one|film|movie|picture|show))?|the\s+(?:film|movie|picture|show|flick))"
    r"\s+(?:(?:a|an|just|only|absolutely)\s+)*"
)
_GETS = re.compile(
    r"^(?:it|this(?:\s+(?:one|film|movie|picture|show))?|the\s+(?:film|movie))"
    r"\s+(?:gets|earns|deserves)\s+(?:(?:a|an|just|only)\s+)*"
)
_ON_A_SCALE = re.compile(
    rf"^on\s+a\s+scale\s+(?:of|from)\s+(?:0|1|zero|one)\s+to\s+(?P<n>{_N})\s*,?\s*"
    r"(?:(?:i'd|i\s+would|i'll|i)\s+(?:give|rate)\s+(?:it|this(?:\s+\w+)?|the\s+\w+)\s+)?"
    r"(?:(?:a|an)\s+)?"
)
_TRAILING = re.compile(r"(?:[\s.!,;:]+|\s+(?:rating|overall|from\s+(?:me|us)|at\s+all))$")
_TRAILING_PAREN = re.compile(r"\s*\((?P<inner>[^()]*)\)$")
_LETTER = re.compile(r"^([A-DF])\s*(\+|-|plus|minus)?$", re.IGNORECASE)
_LETTER_PAIR = re.compile(r"^([A-DF][+-]?)\s*/\s*([A-DF][+-]?)$")
_HALF_STAR = re.compile(
    r"^(?:(?:one\s+|a\s+)?half(?:\s+of)?(?:\s+a)?|1/2(?:\s+of)?(?:\s+a)?)\s*(?=stars?\b|\*)"
)
_ASTERISKS = re.compile(r"^\*(?:\s?\*)*")
_GLYPHS = re.compile(r"^(?P<full>★*)(?P<half>\s*1/2)?(?P<empty>☆*)")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?")
_WORD = re.compile(r"^(?:" + "|".join(_WORD_NUMBERS) + r")\b")
_HALF = re.compile(r"^(?:\s*1/2(?!\d)|\s+and\s+(?:a|one)\s+half\b|-and-a-half\b)")
_STAR_UNIT = re.compile(r"^\s*(?:stars?\b|\*(?!\*))")
_SCALE_TAIL = re.compile(rf"^\s*(?:/|out\s+of|of)\s*(?P<n>{_N})(?:\s*stars?\b)?")
_PERCENT = re.compile(r"^\s*(?:%|percent\b)")


def _count(token: str) -> float | None:
    token = token.strip()
    if token and set(token) <= {"*", " "}:
        return float(token.count("*"))
    if token and set(token) == {"★"}:
        return float(len(token))
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    try:
        return float(token.replace(",", "."))
    except ValueError:
        return None


def _scale_spec(spec: str) -> float | None:
    m = _SCALE_SPEC.match(spec.strip())
    return _count(m.group("of") or m.group("to")) if m else None


def _prepare(text: str) -> tuple[str, float | None, bool]:
    """Strip labels, award phrases and noise. Returns (value, scale stated around it,
    whether a 'grade' label licenses lower-case letters)."""
    s = " ".join(text.translate(_TRANSLATE).split()).strip(" \"'[]")
    context: float | None = None
    labelled = False
    low = s.lower()
    for pattern in (_ON_A_SCALE, _LABEL, _AWARD, _GETS):
        m = pattern.match(low)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("n"):
            context = _count(groups["n"])
        if groups.get("paren"):
            context = _scale_spec(groups["paren"]) or context
        labelled = labelled or pattern is _LABEL
        s, low = s[m.end() :], low[m.end() :]
    while True:
        m = _TRAILING.search(low) or _TRAILING_PAREN.search(low)
        if not m:
            break
        if "inner" in m.groupdict():
            context = _scale_spec(m.group("inner")) or context
        s, low = s[: m.start()], low[: m.start()]
    return s.strip(), context, labelled


def _letter(value: str, labelled: bool) -> float | None:
    m = _LETTER_PAIR.match(value)
    if m:
        return (LETTER_SCORES[m.group(1)] + LETTER_SCORES[m.group(2)]) / 2
    m = _LETTER.match(value)
    if not m or (value[0].islower() and not labelled):
        return None
    sign = {"plus": "+", "minus": "-"}.get((m.group(2) or "").lower(), m.group(2) or "")
    return float(LETTER_SCORES[m.group(1).upper() + sign])


def _amount(s: str) -> tuple[float, bool, str] | None:
    """Read the leading amount: (value, already a star count, rest of the string)."""
    if m := _HALF_STAR.match(s):
        return 0.5, False, s[m.end() :]
    if m := _ASTERISKS.match(s):
        value, stars, rest = float(m.group().count("*")), True, s[m.end() :]
    elif (m := _NUMBER.match(s)) or (m := _WORD.match(s)):
        value, stars, rest = _count(m.group()) or 0.0, False, s[m.end() :]
    else:
        return None
    if h := _HALF.match(rest):
        if value != int(value):
            return None
        value, rest = value + 0.5, rest[h.end() :]
    return value, stars, rest


def _on_scale(value: float, scale: float | None) -> float | None:
    if scale is None or scale not in SCALES or not 0 <= value <= scale:
        return None
    return round(100.0 * value / scale, 2)


def _star_scale(value: float, context: float | None) -> float | None:
    if context is not None:
        return context
    return DEFAULT_STAR_SCALE if value <= DEFAULT_STAR_SCALE else 5 if value <= 5 else None


def _numeric(s: str, context: float | None) -> float | None:
    g = _GLYPHS.match(s)
    if g and (g.group("full") or g.group("empty")):
        value = len(g.group("full")) + (0.5 if g.group("half") else 0.0)
        rest = s[g.end() :]
        scale: float | None = None
        if g.group("empty"):
            scale = len(g.group("full")) + (1 if g.group("half") else 0) + len(g.group("empty"))
        is_stars = True
    else:
        parsed = _amount(s)
        if parsed is None:
            return None
        value, is_stars, rest = parsed
        scale = None
    if u := _STAR_UNIT.match(rest):
        is_stars, rest = True, rest[u.end() :]
    if t := _SCALE_TAIL.match(rest):
        scale, rest = _count(t.group("n")), rest[t.end() :]
    elif p := _PERCENT.match(rest):
        scale, rest = 100.0, rest[p.end() :]
    if rest.strip():
        return None
    if scale is None:
        scale = _star_scale(value, context) if is_stars else context
    return _on_scale(value, scale)


def normalize_grade(text: str) -> float | None:
    """A written grade as a score on 0-100, or None when it is not one we can read.

    Letters use LETTER_SCORES; "x/N", "x out of N" and "x%" read as x/N; star counts
    read on their stated scale, or on four stars. A bare number ("8") is None: the
    scale is never guessed (see resolve_bare_grade). Out of range ("11/10") is None.
    """
    if not text or len(text) > 120:
        return None
    value, context, labelled = _prepare(text)
    if not value:
        return None
    letter = _letter(value, labelled)
    if letter is not None:
        return letter
    return _numeric(value.lower(), context)


# ----------------------------------------------------------- resolve_bare_grade

_BARE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)(\s*1/2)?\s*$")
# An inferred scale must hold for nearly all of the critic's scaled grades, and be
# seen often enough that one stray grade cannot decide it.
MIN_SCALE_EVIDENCE = 3
MIN_SCALE_SHARE = 0.95


def _explicit_scale(grade: str) -> float | None:
    """The denominator a grade states ("3/5" -> 5, "7 out of 10" -> 10), else None."""
    if normalize_grade(grade) is None:
        return None
    value, _context, _labelled = _prepare(grade)
    m = re.search(rf"(?:/|out\s+of|of)\s*({_N})(?:\s*stars?)?\s*$", value.lower().translate(
        _TRANSLATE))
    return _count(m.group(1)) if m else None


# A critic who only ever writes bare numbers still shows their scale by the numbers' range:
# values above 5 up to 10 can only be tenths (no common scale lies between), above 10 only
# hundredths. Up to 5 stays ambiguous (four or five?) and is left unread.
MIN_RANGE_EVIDENCE = 10


def _range_scale(grades: list[str]) -> float | None:
    values = []
    for grade in grades:
        m = _BARE.match(grade.translate(_TRANSLATE))
        if m:
            values.append(float(m.group(1).replace(",", ".")))
    if len(values) < MIN_RANGE_EVIDENCE:
        return None
    top = max(values)
    if 5 < top <= 10:
        return 10.0
    if 10 < top <= 100:
        return 100.0
    return None


def infer_scale(grades: Iterable[str]) -> float | None:
    """The one scale a critic's grades state, when the evidence is unambiguous."""
    grades = list(grades)
    scales = Counter(s for g in grades if g and (s := _explicit_scale(g)) is not None)
    total = sum(scales.values())
    if not scales:
        return _range_scale(grades)
    scale, n = scales.most_common(1)[0]
    if n / total < MIN_SCALE_SHARE:
        return None
    if n < MIN_SCALE_EVIDENCE:
        # too few stated scales to trust; many bare numbers may still show theirs
        return _range_scale(grades)
    return scale


def resolve_bare_grade(grade: str, other_grades: Iterable[str]) -> float | None:
    """Read `grade`, and if it is a bare number, read it on the scale that the same
    critic's (or outlet's) other grades state. None when that scale is ambiguous,
    when too few grades state one, or when the number does not fit it."""
    direct = normalize_grade(grade)
    if direct is not None:
        return direct
    m = _BARE.match(grade.translate(_TRANSLATE))
    if not m:
        return None
    value = float(m.group(1).replace(",", ".")) + (0.5 if m.group(2) else 0.0)
    return _on_scale(value, infer_scale(other_grades))


# -------------------------------------------------------------------- find_grade

_F_NUM = (
    r"(?:\d{1,3}(?:[.,]\d{1,2})?|(?i:zero|no|one|two|three|four|five|six|seven|eight|nine|ten))"
)
_F_HALF = r"(?:[ \t]?(?:1/2|½)(?![\d/])|(?i:\s+and\s+a\s+half|-and-a-half))"
_F_DEN = r"(?:100|10|[2-8]|(?i:four|five|ten)|\*{2,5}|★{2,5})"
_F_DEN_COMMON = r"(?:100|10|4|5|(?i:four|five|ten)|\*{4,5}|★{4,5})"
_F_STARS = r"(?:[ \t]*(?i:stars?)\b)?"
_F_HALFSTAR = (
    r"(?i:(?:(?:one\s+|a\s+)?half(?:\s+of)?(?:\s+a)?|1/2(?:\s+of)?(?:\s+a)?)\s*(?:stars?\b|\*)"
    r"(?:[ \t]*(?:/|out\s+of)[ \t]*(?:4|5|four|five|\*{4,5}))?)"
)
_F_GLYPH = r"(?:★{1,5}(?:[ \t]?½)?☆{0,5}|☆{2,5})"


def _f_starlike(den: str) -> str:
    stars = rf"(?:\*{{1,5}}(?:[ \t]?(?:1/2|½))?|{_F_GLYPH})"
    return rf"{stars}(?:[ \t]*(?:/|(?i:out\s+of))[ \t]*{den})?{_F_STARS}"


def _f_scaled(den: str, of: bool) -> str:
    join = r"(?:/|(?i:out\s+of|of))" if of else r"(?:/|(?i:out\s+of))"
    return rf"{_F_NUM}{_F_HALF}?{_F_STARS}[ \t]*{join}[ \t]*{den}(?![\d/]){_F_STARS}"


_F_COUNT = rf"(?:{_F_HALFSTAR}|{_F_NUM}{_F_HALF}?[ \t]+(?i:stars?)\b)"
_F_LETTER = (
    r"(?:[A-DF][+-]?[ \t]*/[ \t]*[A-DF][+-]?|[A-DF](?:[+-]|[ \t](?:plus|minus)\b)?)(?![\w+-])"
)
_F_BARE = r"\d{1,3}(?:\.\d{1,2})?(?![\d/])"
# A grade ends the clause: a lower-case word after it means prose ("a grade B movie",
# "7 out of 10 people", "a 3/4 scale").
_F_END = r"(?![ \t]*[a-z\d/*])"

_LABEL_RE = re.compile(
    r"(?<![\w-])(?P<lead>(?i:(?:(?:my|our|overall|final|alternative|star)\s+)*"
    r"(?:rating|grade|score|verdict|stars|scale))(?:[ \t]*\([^)\n]{1,25}\))?[ \t]*[:=][ \t]*)"
    rf"(?P<value>{_F_HALFSTAR}|{_f_starlike(_F_DEN)}|{_f_scaled(_F_DEN, True)}|{_F_COUNT}"
    rf"|{_F_LETTER}|{_F_BARE})(?P<tail>[ \t]*\((?i:out\s+of|of)[^)\n]{{1,12}}\))?{_F_END}"
    # "Grade B+" without a colon only opens a line or a sentence ("the grade B Westerns")
    rf"|(?<![^\n.!?|])[ \t]*(?P<lead2>(?i:grade)[ \t]+)(?P<value2>{_F_LETTER})"
    r"(?=[ \t]*(?:$|[\n.;!,)]))"
)
_AWARD_RE = re.compile(
    r"(?<![\w-])(?P<lead>(?:I|[Ww]e)(?:'d|'ll|\s+would|\s+will|\s+can)?"
    r"(?:\s+(?!not\b|never\b|love\b|like\b|want|wish|could\b|might\b)[a-z]+){0,2}?"
    r"\s+(?:give|award|rate|grade)\s+"
    r"(?:it|this(?:\s+(?:one|film|movie|picture|show))?|the\s+(?:film|movie|picture|show|flick))"
    r"\s+(?:(?:a|an|just|only|absolutely)\s+)*)"
    rf"(?P<value>{_F_HALFSTAR}|{_f_starlike(_F_DEN)}|{_f_scaled(_F_DEN, True)}|{_F_COUNT}"
    rf"|{_F_LETTER}{_F_END})(?P<tail>\s+rating\b)?"
    r"|(?<![\w-])(?P<lead2>(?i:it|this(?:\s+(?:one|film|movie|picture|show))?)\s+gets\s+"
    r"(?:(?:a|an|just|only)\s+)*)"
    rf"(?P<value2>{_F_HALFSTAR}|{_f_starlike(_F_DEN)}|{_f_scaled(_F_DEN, True)}|{_F_COUNT})"
    r"(?P<tail2>\s+from\s+me)\b"
    r"|(?<![\w-])(?P<lead3>(?i:on\s+a\s+scale\s+(?:of|from)\s+(?:0|1|zero|one)\s+to\s+"
    r"(?:100|10|5|4|ten|five|four)\s*,?\s*(?:(?:I'd|I\s+would|I'll|I)\s+(?:give|rate)\s+"
    r"(?:it|this(?:\s+\w+)?|the\s+\w+)\s+)?(?:(?:a|an)\s+)?))"
    rf"(?P<value3>{_F_BARE}){_F_END}"
)
_LINE_RE = re.compile(
    rf"(?:{_F_HALFSTAR}|{_f_starlike(_F_DEN_COMMON)}|{_f_scaled(_F_DEN_COMMON, False)}"
    rf"|{_F_COUNT}|[A-DF][+-]|[A-DF][+-]?[ \t]*/[ \t]*[A-DF][+-]?)[.!]?"
)
_LOOSE_RE = re.compile(
    rf"(?<![\w/.,*-])(?:{_f_scaled(_F_DEN_COMMON, False)}"
    rf"|\*{{1,4}}[ \t]?(?:1/2|½)(?:[ \t]*(?:/|(?i:out\s+of))[ \t]*{_F_DEN_COMMON})?{_F_STARS}"
    rf"|\*{{1,5}}[ \t]*(?:/|(?i:out\s+of))[ \t]*{_F_DEN_COMMON}{_F_STARS}"
    rf"|{_F_GLYPH}{_F_STARS})(?=[ \t]*(?:$|[\n.,;:!?)\]\"'(-]))"
)
_BREAK = re.compile(r"[*\s.!]+")
_LOOSE_COUNT_RE = re.compile(rf"(?:^|(?<=[.!?:\n]))[ \t]*(?P<value>{_F_COUNT})[ \t]*[.!]?[ \t]*$")
# Someone else's rating ("My son gave it ***"), or a date ("released on 3/10").
_OTHER_GIVER = re.compile(
    r"\b(?:gave|gives|give|giving|rated|rates|rating|awarded|awards|he|she|they|his|her|their"
    r"|son|daughter|friend|wife|husband|kids?|children|imdb|votes|average|score)\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(r"\w[ \t]*\([^()\n]{0,8}$")
_DATE_CONTEXT = re.compile(r"\b(?:on|released?|date|since|from|until|by|through)\s*$", re.I)
_NOT_A_GRADE_LABEL = re.compile(r"(?:mpaa|classification|no)\s*$", re.IGNORECASE)

# Tiers, best first: a labelled line, the critic's own "I give it", a line that is only
# a grade, a scaled grade in the first or last paragraph.
_LABEL_TIER, _AWARD_TIER, _LINE_TIER, _LOOSE_TIER = range(4)
# Candidates of one tier that differ by more than this disagree; then nothing is returned.
AGREEMENT_POINTS = 12.5


# A key to a star scale ("**** = A must see. *** = Excellent", "***** Unmissable **** Good").
_LEGEND = re.compile(r"[ \t]*(?:=|[-:]?[ \t]*[A-Z][\w' ]{0,30}?[ \t]+\*)")


def _found(text: str, start: int, end: int, value_start: int, value_end: int) -> GradeFound:
    """Keep the grade proper when it reads the same alone ("***" of "I give it ***")."""
    whole = normalize_grade(text[start:end])
    alone = normalize_grade(text[value_start:value_end])
    if whole is not None and alone == whole:
        start, end = value_start, value_end
    return GradeFound(text[start:end], start, end, whole)


def _sentence_prefix(text: str, pos: int) -> str:
    cut = max(text.rfind(c, 0, pos) for c in ".!?\n")
    return text[cut + 1 : pos]


def _end_paragraphs(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return spans[:1] + spans[-1:] if len(spans) > 1 else spans


def _candidates(text: str) -> list[tuple[int, GradeFound]]:
    out: list[tuple[int, GradeFound]] = []
    for m in _LABEL_RE.finditer(text):
        lead = "lead" if m.group("lead") is not None else "lead2"
        value = "value" if lead == "lead" else "value2"
        if _NOT_A_GRADE_LABEL.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        out.append((_LABEL_TIER, _found(text, m.start(), m.end(), m.start(value), m.end(value))))
    for m in _AWARD_RE.finditer(text):
        value = next(v for v in ("value", "value2", "value3") if m.group(v) is not None)
        out.append((_AWARD_TIER, _found(text, m.start(), m.end(), m.start(value), m.end(value))))
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        # a line of bare asterisks is a section break, not a rating
        if len(stripped) <= 40 and _LINE_RE.fullmatch(stripped) and not _BREAK.fullmatch(stripped):
            start = m.start() + line.index(stripped)
            out.append((_LINE_TIER, _found(text, start, start + len(stripped), start,
                                           start + len(stripped))))
    for lo, hi in _end_paragraphs(text):
        paragraph = text[lo:hi]
        matches = [(m.start(), m.end()) for m in _LOOSE_RE.finditer(paragraph)]
        matches += [(m.start("value"), m.end("value")) for m in _LOOSE_COUNT_RE.finditer(
            paragraph)]
        for start, end in matches:
            prefix = _sentence_prefix(paragraph, start)
            if _OTHER_GIVER.search(prefix) or _DATE_CONTEXT.search(prefix):
                continue
            if _REFERENCE.search(paragraph, 0, start):  # "MEN IN BLACK (7/10)": another film
                continue
            out.append((_LOOSE_TIER, _found(text, lo + start, lo + end, lo + start, lo + end)))
    return [(tier, g) for tier, g in out if not _LEGEND.match(text, g.end)]


def find_grade(text: str) -> GradeFound | None:
    """The grade the critic wrote in `text`, or None.

    Rating labels ("Rating: ***1/2", "Grade: B+", "RATING (0 TO ****): **") come first,
    then the critic's own award ("I give it four stars", "on a scale of 1 to 10, a 7"),
    then a line that is only a grade ("3.5/5"), then a scaled grade in the first or last
    paragraph. Within the best tier that has a score, candidates must agree (within
    AGREEMENT_POINTS); the one nearest an end of the text wins, else None.
    """
    if not text:
        return None
    found = _candidates(text)
    scored = [(t, g) for t, g in found if g.score is not None]
    pool = scored or [(t, g) for t, g in found if t == _LABEL_TIER]
    if not pool:
        return None
    best = min(t for t, _ in pool)
    tier = [g for t, g in pool if t == best]
    if scored:
        scores = [g.score for g in tier if g.score is not None]
        if max(scores) - min(scores) > AGREEMENT_POINTS:
            return None
    elif len({g.text for g in tier}) > 1:
        return None
    return min(tier, key=lambda g: min(g.start, len(text) - g.end))
