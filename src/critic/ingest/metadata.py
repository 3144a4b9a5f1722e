"""Metadata a review's own text states: publication date, byline, MPAA rating, a leading
cast line, the critic's grade; and which spans of pure metadata to cut from the clean text.

Everything here reads only the places a writer or a site puts metadata (the first few
lines, a clearly labelled line, the last lines), never prose: "set in October 1995" is
not a publication date. The cast line and a trailing "(R)" stay in the text because
later stages point into them; a date line, a byline line and a rating line are cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from critic.ingest.grades import find_grade
from critic.records import DocumentMeta, Span

VERSION = "1"

HEADER_LINES = 3  # where an unlabelled date may stand
CAST_LINES = 6  # where an unlabelled cast line may stand
BYLINE_LINES = 3  # a byline is one of the first or last lines


@dataclass
class FoundMetadata:
    """What the text says about itself; `strip` spans index the text given."""

    meta: DocumentMeta = field(default_factory=DocumentMeta)
    strip: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    return [_Line(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _line_span(text: str, line: _Line) -> Span:
    """The whole line with its line break, so no empty line is left behind."""
    end = line.end + 1 if line.end < len(text) and text[line.end] == "\n" else line.end
    return Span(line.start, end)


# ------------------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:18|19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = [
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    r"(?P<iy>(?:18|19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})",
    r"(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>(?:18|19|20)?\d{2})",
]
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?"
_DATE_LABEL = (
    r"(?:(?:originally\s+|first\s+)?(?:posted|published|updated|review\s+date|date)"
    r"(?:\s+on)?\s*:?\s*)"
)
# A date that opens a line: alone (a date line), or followed by a separator and the body.
# One pattern per form: the forms share group names.
_DATE_LINES = [
    re.compile(
        rf"^(?P<label>{_DATE_LABEL})?(?P<date>{form}){_TIME}\s*"
        r"(?P<sep>$|[|\u2022\u00b7]\s*|[-\u2013\u2014]{1,2}\s+|:\s+)",
        re.IGNORECASE,
    )
    for form in _DATE_FORMS
]


def _match_date_line(line: str) -> re.Match[str] | None:
    for pattern in _DATE_LINES:
        if m := pattern.match(line):
            return m
    return None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g.get("month"):
            month = _MONTHS[g["month"].lower().rstrip(".")[:3]]
            return date(int(g["year"]), month, int(g["day"])).isoformat()
        if g.get("iy"):
            return date(int(g["iy"]), int(g["im"]), int(g["id"])).isoformat()
        first, second, year = int(g["n1"]), int(g["n2"]), int(g["ny"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        # US order unless the first number cannot be a month
        month, day = (first, second) if first <= 12 else (second, first)
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def parse_date(text: str) -> str | None:
    """One date as written ("November 10, 2018", "27 Oct. 1995", "10/27/1995") -> ISO, or None."""
    m = _match_date_line(text.strip())
    return _iso(m) if m and m.end() >= len(text.strip()) else None


def _find_date(text: str, lines: list[_Line]) -> tuple[str, Span] | None:
    """A date opening one of the first lines, or any line that a date label opens."""
    for index, line in enumerate(lines):
        m = _match_date_line(line.text)
        if not m or (index >= HEADER_LINES and not m.group("label")):
            continue
        iso = _iso(m)
        if iso is None:
            continue
        if not m.group("sep").strip() and m.end() < len(line.text.rstrip()):
            continue  # a date running into prose ("October 27, 1995 was...")
        if m.end() >= len(line.text.rstrip()):
            return iso, _line_span(text, line)
        return iso, Span(line.start, line.start + m.end())
    return None


# ------------------------------------------------------------------------- names

_PARTICLES = {"de", "van", "von", "der", "den", "da", "del", "della", "di", "du", "la", "le",
              "bin", "al", "st.", "y", "dos", "das", "ten", "ter", "mac"}
_NOT_NAMES = {
    "the", "a", "an", "and", "of", "in", "on", "for", "with", "to", "is", "are", "was", "by",
    "my", "your", "our", "this", "that", "review", "reviews", "movie", "film", "films",
    "director", "directed", "starring", "cast", "rated", "rating", "minutes", "min", "part",
    "chapter", "season", "episode", "new", "york", "los", "angeles", "times", "news", "post",
}  # fmt: skip
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]*\.|[A-Z](?:[a-z\u00e0-\u00ff]+|[A-Z]?[a-z\u00e0-\u00ff]+)"
    r"(?:[-'\u2019][A-Z]?[a-z\u00e0-\u00ff]+)*|(?:Mc|Mac|O'|O\u2019|D'|De|Di|La|Le)[A-Z][a-z]+"
    r"|Jr\.?|Sr\.?|II|III|IV)$"
)


def _is_name(item: str, min_tokens: int = 2) -> bool:
    tokens = item.split()
    if not min_tokens <= len(tokens) <= 4:
        return False
    named = 0
    for token in tokens:
        if token.lower() in _NOT_NAMES:
            return False
        if token.lower() in _PARTICLES and named:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        named += 1
    return named >= min(min_tokens, 2) and tokens[-1].lower() not in _PARTICLES


def _split_names(value: str) -> list[str]:
    value = re.sub(r"\s*\([^)]*\)", "", value)  # "(as Nell)"
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", value.strip().rstrip(".;"))
    return [p.strip() for p in parts if p.strip()]


# -------------------------------------------------------------------------- cast

_CAST_LABEL = re.compile(
    r"(?:^|(?<=[\s.]))(?:starring|cast|stars|with)\s*:\s*(?P<names>.+)", re.IGNORECASE
)
_STARRING = re.compile(r"^(?i:starring)\s+(?P<names>[A-Z].+)$")
# The next header field: a known multi-word label, or any one capitalized word and a colon.
_NEXT_LABEL = re.compile(
    r"\s+(?:(?:U\.S\.\s+)?(?:Release\s+Date|Date\s+Released|Running\s+(?:Length|Time)"
    r"|Released\s+by|Directed\s+by|Written\s+by|Based\s+on|MPAA\s+\w+)"
    r"|[A-Z][\w.'/-]*)\s*:"
)


def _find_cast(lines: list[_Line]) -> list[str]:
    for line in lines[:CAST_LINES]:
        m = _CAST_LABEL.search(line.text) or _STARRING.match(line.text.strip())
        if m:
            names = m.group("names")
            cut = _NEXT_LABEL.search(names)  # "Cast: A, B Director: C"
            names = names[: cut.start()] if cut else names
            found = [n for n in _split_names(names) if _is_name(n, min_tokens=1)]
            if found:
                return found
    for line in lines[:CAST_LINES]:
        stripped = line.text.strip()
        if len(stripped) > 200 or stripped[-1:] in ".!?:" or stripped.count(",") < 1:
            continue
        names = _split_names(stripped)
        if 2 <= len(names) <= 8 and all(_is_name(n) for n in names):
            return names
    return []


# -------------------------------------------------------------------------- mpaa

_CODES = r"(?P<code>NC-17|PG-13|PG|G|R|NR|Unrated|Not\s+Rated|No\s+MPAA\s+Rating)"
_MPAA_LABEL = re.compile(
    rf"\b(?:MPAA\s+(?:rating|classification)|Rated)\s*:\s*{_CODES}(?![\w-])", re.IGNORECASE
)
_RATED = re.compile(
    r"(?:^|(?<=[\s(]))(?:Rated|(?:is|'s|\u2019s)\s+(?:\w+ly\s+)?rated)\s+"
    r"(?P<code>NC-17|PG-13|PG|G|R)(?![\w-])"
)
_PAREN_CODE = re.compile(
    r"(?:^|(?<=\s))\((?P<code>NC-17|PG-13|PG|G|R|NR)\)(?P<after>[ \t]*(?:\n|$))?"
)
_LETTER_LIST = re.compile(r"\([A-Za-z]\)[^\n]{0,80}\([A-Za-z]\)")


def _line_at(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : end if end >= 0 else len(text)]


def _code(raw: str) -> str:
    raw = " ".join(raw.split()).upper()
    return "NR" if raw in {"UNRATED", "NOT RATED", "NO MPAA RATING", "NR"} else raw


def _find_mpaa(text: str, lines: list[_Line]) -> str | None:
    if m := _MPAA_LABEL.search(text):
        return _code(m.group("code"))
    if m := _RATED.search(text):
        return _code(m.group("code"))
    header_end = lines[min(HEADER_LINES, len(lines)) - 1].end if lines else 0
    for m in _PAREN_CODE.finditer(text):
        code = m.group("code")
        # "(PG-13)" says itself; "(R)" only at a paragraph's end or in the header, and not
        # as one item of a lettered list "(a) ... (b)".
        in_header = m.start() < header_end and len(_line_at(text, m.start())) <= 100
        if code not in {"PG-13", "NC-17"} and m.group("after") is None and not in_header:
            continue
        if _LETTER_LIST.search(text, max(0, m.start() - 80), m.end() + 80):
            continue
        return _code(code)
    return None


# ------------------------------------------------------------------------ byline

_BYLINE = re.compile(
    r"^(?:(?:a\s+)?(?:film\s+|movie\s+)?review(?:ed)?\s+by|by)\s*:?\s+"
    r"(?P<name>[^\n|,\u2013\u2014]+?)"
    r"(?P<rest>\s*(?:[|,\u2013\u2014-]\s*.*)?)$",
    re.IGNORECASE,
)


def _find_byline(text: str, lines: list[_Line]) -> tuple[str, Span, str | None] | None:
    ends = lines[:BYLINE_LINES] + lines[-BYLINE_LINES:]
    for line in ends:
        m = _BYLINE.match(line.text.strip())
        if not m or not _is_name(m.group("name").strip()):
            continue
        rest = m.group("rest").strip(" |,-\u2013\u2014")
        date_in_rest = _match_date_line(rest) if rest else None
        published = _iso(date_in_rest) if date_in_rest else None
        return m.group("name").strip(), _line_span(text, line), published
    return None


# ------------------------------------------------------------------------- grade

_RATING_LINE_REST = re.compile(
    r"^[\W_]*(?:(?:my|our|overall|final|the)\s+)*(?:rating|grade|score|verdict|stars)?"
    r"\s*(?:\([^)]*\))?[\W_]*$",
    re.IGNORECASE,
)


def read_metadata(text: str) -> FoundMetadata:
    """Read what `text` says about itself; `strip` holds the spans of pure metadata."""
    found = FoundMetadata()
    meta = found.meta
    lines = _lines(text)
    if date_found := _find_date(text, lines):
        meta.published, span = date_found
        found.strip.append(span)
    if byline := _find_byline(text, lines):
        meta.critic, span, published = byline
        meta.published = meta.published or published
        if all(span.start >= s.end or span.end <= s.start for s in found.strip):
            found.strip.append(span)
    meta.cast = _find_cast(lines)
    meta.mpaa_rating = _find_mpaa(text, lines)
    if grade := find_grade(text):
        meta.grade = grade.text
        line_start = text.rfind("\n", 0, grade.start) + 1
        line_end = text.find("\n", grade.end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[line_start : grade.start] + text[grade.end : line_end]
        if _RATING_LINE_REST.match(rest):
            span = _line_span(text, _Line(line_start, line_end, text[line_start:line_end]))
            if all(span.start >= s.end or span.end <= s.start for s in found.strip):
                found.strip.append(span)
    found.strip.sort(key=lambda s: s.start)
    return found
