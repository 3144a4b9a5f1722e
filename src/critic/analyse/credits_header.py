"""Credit headers at the top of a review: "Cast: A, B Director: X ...", "TITLE (director: X;
cast: A (Role), B)" and a bare leading line of cast names.

A header states credits outright, so what it says is taken as fact and its lines are
masked before the prose rules run (they would otherwise read "Director: John Gray
Producers" as a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from critic.analyse.entities import NAME, is_plausible_name

_LABELS: list[tuple[str, str | None]] = [
    (r"Cast|Starring|Stars|With", "actor"),
    (r"Directors?|Directed by|Dir\.", "director"),
    (r"Executive Producers?|Producers?|Produced by", "producer"),
    (r"Screenplay|Screenwriters?|Writers?|Written by|Script", "screenwriter"),
    (r"Original Music|Music|Score|Composer", "composer"),
    (r"Cinematography|Cinematographer|Director of Photography|Photography", "cinematographer"),
    (r"Editors?|Editing|Edited by|Film Editor", "editor"),
    (r"Based on|Novel|Book|Story", "author"),
    (
        r"Released by|U\.S\. Distributor|Distributor|Date Released|Release Date|"
        r"Running Length|Running Time|Runtime|Rated|Rating|MPAA Rating|MPAA|Country|"
        r"Language|Studio|Genre|Year|Opens",
        None,
    ),
]
_LABEL_RE = re.compile(
    "|".join(rf"(?P<l{i}>\b(?:{pat})\s*:)" for i, (pat, _) in enumerate(_LABELS)),
    re.IGNORECASE,
)
# "director/writer:", "writer-director:", "director and screenwriter:": one label, two jobs
_ONE_LABEL = "|".join(f"(?:{pat})" for pat, job in _LABELS if job)
_JOINT_LABEL = re.compile(
    rf"\b(?P<first>{_ONE_LABEL})\s*(?:/|-|\band\b|&)\s*(?P<second>{_ONE_LABEL})\s*:",
    re.IGNORECASE,
)
_NAME_ITEM = re.compile(rf"^\s*(?P<name>{NAME})\s*(?:\((?P<role>[^()]*)\))?")
_TITLE_LINE = re.compile(
    r"^(?P<title>[^()\n]{1,100}?)\s*(?:\((?P<year>\d{4})\)\s*)?"
    r"\((?P<body>(?:(?:writer|screenwriter)\s*[/-]\s*)?(?:directors?|dir\.|directed by)\b.*)\)\s*$",
    re.IGNORECASE,
)
# a line that is nothing but a short parenthesis: a distributor, a rating, a running time
_ASIDE_LINE = re.compile(r"\([^()\n.!?]{1,50}\)")
# "A film review by X", "Copyright 1994 X": a byline is no credit, and no prose either
_COPYRIGHT = r"(?:copyright|\(c\)|©)"
_BYLINE = re.compile(
    rf"^(?:a\s+)?(?:film\s+|movie\s+)?review(?:ed)?\s+by\b|^{_COPYRIGHT}\s", re.I
)
# the copyright byline as a line of its own anywhere, the foot of the review included
_COPYRIGHT_LINE = re.compile(rf"^[ \t]*{_COPYRIGHT}[ \t][^\n]{{0,80}}$", re.I | re.M)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/(\d{2})\b")
_CUT = re.compile(r"\s+(?:based on|from|adapted|inspired by|with additional)\b.*$", re.I)


@dataclass
class HeaderCredit:
    name: str
    job: str
    character: str | None
    start: int
    end: int


@dataclass
class Header:
    spans: list[tuple[int, int]] = field(default_factory=list)  # lines that are header
    title: str | None = None
    title_span: tuple[int, int] | None = None
    year: int | None = None
    credits: list[HeaderCredit] = field(default_factory=list)


def _names(value: str, offset: int, job: str) -> list[HeaderCredit]:
    out: list[HeaderCredit] = []
    value = _CUT.sub("", value) if job != "author" else re.sub(r"^.*?\bby\b", "", value)
    pos = 0
    # split on commas/semicolons/"and"/slashes that are outside the "(Role)" parentheses
    # ("screenwriters: David Rabe/Robert Towne")
    for part in re.split(
        r",\s*(?![^()]*\))|;\s*|\s+and\s+(?![^()]*\))|\s+&\s+|\s*/\s*(?![^()]*\))", value
    ):
        at = value.find(part, pos)
        pos = max(pos, at + len(part)) if at >= 0 else pos
        m = _NAME_ITEM.match(part)
        if not m or not is_plausible_name(m.group("name")):
            continue
        role = (m.group("role") or "").strip()
        # "(Mrs. Varga)", "(Dr. Hale)": an honorific opens a part's name
        bare = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(?=[A-Z])", "", role)
        character = role if role and is_plausible_name(bare) else None
        start = offset + (at if at >= 0 else 0) + m.start("name")
        out.append(
            HeaderCredit(m.group("name"), job, character, start, start + len(m.group("name")))
        )
    return out


def _job(m: re.Match[str]) -> str | None:
    """The job of a _LABEL_RE match: the group that matched names its _LABELS entry."""
    return _LABELS[int(next(k for k, v in m.groupdict().items() if v)[1:])][1]


def _job_of(label: str) -> str | None:
    m = _LABEL_RE.fullmatch(label + ":")
    return _job(m) if m else None


def _labelled(line: str, offset: int) -> list[HeaderCredit] | None:
    # each mark: (start, end, jobs); a joint label is one mark with both its jobs
    marks: list[tuple[int, int, list[str | None]]] = []
    for m in _JOINT_LABEL.finditer(line):
        marks.append((m.start(), m.end(), [_job_of(m.group("first")), _job_of(m.group("second"))]))
    for m in _LABEL_RE.finditer(line):
        if not any(s <= m.start() < e for s, e, _ in marks):
            marks.append((m.start(), m.end(), [_job(m)]))
    marks.sort()
    if not marks or (marks[0][0] > 0 and len(marks) < 2):
        return None
    credits: list[HeaderCredit] = []
    for i, (_, label_end, jobs) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(line)
        for job in dict.fromkeys(jobs):
            if job:
                credits += _names(line[label_end:end], offset + label_end, job)
    return credits


def parse_header(text: str, max_lines: int = 4) -> Header:
    """Find credit-header lines among the first few non-empty lines of a review."""
    header = Header()
    offset = 0
    seen = 0
    for line in text.split("\n"):
        start, stripped = offset, line.strip()
        offset += len(line) + 1
        if not stripped:
            continue
        if _BYLINE.match(stripped) or (seen < max_lines and _ASIDE_LINE.fullmatch(stripped)):
            # masked, and not counted; "(Fine Line)", "(Miramax, 1998)" under a title line
            # name a distributor, not an actor with no part
            header.spans.append((start, start + len(line)))
            continue
        seen += 1
        if seen > max_lines:
            break
        m = _TITLE_LINE.match(line)
        if m:
            header.title = m.group("title").strip()
            header.title_span = (
                start + m.start("title"),
                start + m.start("title") + len(header.title),
            )
            if m.group("year"):
                header.year = int(m.group("year"))
            # "...; Runtime: 154; Paramount; 1993)": a bare year among the segments
            bare = re.search(r";\s*((?:19|20)\d{2})\s*(?:;|$)", m.group("body"))
            if header.year is None and bare:
                header.year = int(bare.group(1))
            body_at = start + m.start("body")
            for seg in re.finditer(r"[^;]+", m.group("body")):
                credits = _labelled(
                    seg.group(0).strip(),
                    body_at + seg.start() + (len(seg.group(0)) - len(seg.group(0).lstrip())),
                )
                header.credits += credits or []
            header.spans.append((start, start + len(line)))
            continue
        credits = _labelled(line, start)
        if credits is not None:
            header.credits += credits
            header.spans.append((start, start + len(line)))
            year = _YEAR.search(line) if re.search(r"Released|Release Date", line, re.I) else None
            if year and header.year is None:
                y = year.group(1)
                header.year = (
                    int(year.group(0))
                    if not y
                    else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
                )
            continue
        if seen <= 3 and _is_cast_line(stripped):
            for credit in _names(line, start, "actor"):
                header.credits.append(credit)
            header.spans.append((start, start + len(line)))
    return header


def _is_cast_line(line: str) -> bool:
    items = [i.strip() for i in re.split(r",|\band\b", line) if i.strip()]
    return (
        len(items) >= 2
        and not re.search(r"[.!?:;\"“”]\s*$|[!?;\"“”]", line)
        and all(2 <= len(i.split()) <= 4 and is_plausible_name(i) for i in items)
    )


def copyright_lines(text: str) -> list[tuple[int, int]]:
    """The spans of lines that are a copyright byline ("Copyright 1997 Ada Lind"), where
    ever they stand: they name the critic, never someone in the film."""
    return [(m.start(), m.end()) for m in _COPYRIGHT_LINE.finditer(text)]
