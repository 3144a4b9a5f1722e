"""CAPS titles as evidence of the film under review, read occurrence by occurrence.

Critics who write titles in CAPS write every title that way: the film under review and
the films it is compared with ("Like INDEPENDENCE DAY, it ...", "Elijah Wood (AVALON,
RADIO FLYER)", "the director of SIRENS"). Counting occurrences alone lets a film the
critic keeps comparing against win, so each occurrence is read in its context: an
aside or a comparison says "another film"; opening a paragraph, being the subject of a
verdict or being introduced ("Levinson's SLEEPERS", "this time with LOSER") says "this
film". The parts are named so that a guess can say why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from critic.analyse.entities import TextSpan, caps_titles, word_spans
from critic.analyse.films_titles import display_title, title_key
from critic.records import Span

Adder = Callable[[str, str, float, list[Span]], None]  # (title, reason, weight, spans)

# Words just before a title that make it another film: comparisons, filmographies,
# sequels' originals, "from last year's X". "the director of X", "1985's X" and "who
# wrote X" are left out: critics introduce the film under review that way too.
_OTHER_CUE = re.compile(
    r"(?:\b(?:like|unlike|than|as|including|include|includes|from|recommend|remember|"
    r"recalls?|reminiscent\s+of|sequel\s+to|remake\s+of|version\s+of|star\s+of|"
    r"stars\s+of|creators?\s+of|nominee\s+for|winner\s+for|won\s+for|known\s+for|"
    r"famous\s+for|starred\s+in|appeared\s+in|was\s+in|were\s+in|role\s+in|roles\s+in|"
    r"seen|previous|earlier|last|recent|better|worse|shades\s+of|spirit\s+of|echoes\s+of|"
    r"fans\s+of|homage\s+to|reminds\s+(?:me|us|one)\s+of|evokes?|borrows\s+from|"
    r"rip-?off\s+of|clone\s+of)|\blast\s+year['’]s|"
    # "who was great in X", "who previously brought the world X": a past that is not
    # this film
    r"\b(?:was|were)\s+(?:[a-z]+\s+){1,2}?in|\b(?:previously|formerly)\s+(?:[a-z]+\s+){1,3}?)"
    r"(?:\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?(?:film|movie|picture|effort|hit|flop|films|movies))?"
    r"\s*,?\s*(?:in\s+)?$",
    re.IGNORECASE,
)
# Words just before a title that make it the film under review.
_THIS_CUE = re.compile(
    r"(?:\b(?:this\s+time\s+(?:with|in)|in\s+his\s+new|in\s+her\s+new|new\s+(?:film|movie)|"
    r"called|titled|entitled|dubbed|brings\s+us|gives\s+us|"
    r"latest(?:\s+(?:film|movie|effort|picture))?)|[A-Z][\w.\-]*['’]s?(?:\s+[a-z\-]+){0,2})"
    r"\s*,?\s*$"
)
_VERDICT = re.compile(
    r"\s*(?:['’]s\s+)?(?:[-,(][^.;]{0,60}?[),]\s*)?"
    r"(?:is|was|isn['’]t|wasn['’]t|has|had|feels|looks|works|fails|succeeds|proves|"
    r"remains|offers|makes|manages|tells|takes|starts|opens|ends|begins|suffers|"
    r"lacks|delivers|boasts|touches|covers|explores|sells)\b"
)
# Words just after a title that make it another film: "THE CRYING GAME's director, Neil
# Jordan, is at it again", "BEACHES's Garry Marshall": the film is how a person of
# this one is introduced.
_OTHER_AFTER = re.compile(
    r"['’]s\s+(?:(?:writer|director|star|creator|producer|screenwriter|author|composer|"
    r"helmer|auteur|co-star|maker)s?\b|[A-Z][a-z]+\s+[A-Z][a-z]+)"
)
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*$")


def reads_as_another_film(text: str, start: int, end: int) -> bool:
    """Does the context of the title at text[start:end] say it is not the film reviewed?"""
    return (
        _in_aside(text, start)
        or bool(_OTHER_CUE.search(before_title(text, start, 50)))
        or bool(_OTHER_AFTER.match(after_title(text, end)))
    )


def before_title(text: str, start: int, width: int) -> str:
    """The `width` characters before a title starting at `start`, an opening quotation mark
    dropped, so that cues read the same for a critic who quotes titles: 'like "Speed"',
    'his new film "Central Station"'."""
    before = text[max(0, start - width) : start]
    return before[:-1] if before.endswith(('"', "“", "'", "‘", "`")) else before


def after_title(text: str, end: int) -> str:
    """What follows a title ending at `end`, a closing quotation mark dropped (one before
    it kept): '"Zoolander," a film in which', '"Double Jeopardy" by Bruce Beresford'."""
    after = text[end : end + 80]
    m = re.match(r"([,.!?]?)[\"”'’](?!\w)", after)
    return m.group(1) + after[m.end() :] if m else after


def _in_aside(text: str, start: int) -> bool:
    """Inside parentheses on its own line: "Elijah Wood (AVALON, RADIO FLYER)"."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return before.rfind("(") > before.rfind(")")


def _line_start(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \"'“‘")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start]
    return _line_start(text, start) or bool(re.search(r"[.!?][\"”’)]?\s+$", before))


def score_caps_titles(text: str, add: Adder) -> int:
    """Score the review's CAPS titles through `add`; returns how many CAPS runs it has."""
    runs = caps_titles(text)
    if not runs:
        return 0
    other = _other_work_flags(text, runs)
    first_end, last_start = paragraph_bounds(text)
    groups: dict[str, list[int]] = defaultdict(list)
    keys = [title_key(r.text) for r in runs]
    for i, key in enumerate(keys):
        groups[key].append(i)
    _fold_short_forms(runs, keys, groups)
    main_total = sum(1 for f in other if not f) or 1
    first_main = next((keys[i] for i, f in enumerate(other) if not f), None)
    for key, idx in groups.items():
        title = display_title(max((runs[i].text for i in idx), key=len))
        spans = [runs[i] for i in idx]
        # later mentions in title case ("Tortilla Soup") are mentions too
        starts = {s.start for s in spans}
        plain = [
            TextSpan(start, end, title)
            for start, end in word_spans(text, title, left="'’", right="'’")
            if start not in starts
        ]
        spans += plain
        main = [runs[i] for i in idx if not other[i]] + plain
        count = len(main)
        parts: dict[str, float] = {"all_caps": 0.2}
        if count:
            parts["repeated"] = min(0.3, 0.1 * (count - 1))
            if key == first_main:
                parts["first_caps"] = 0.15
            if sum(1 for i in idx if not other[i]) / main_total >= 0.3 and count >= 2:
                parts["dominant_caps"] = 0.2
            if min(s.start for s in main) < first_end:
                parts["first_paragraph"] = 0.1
            if max(s.start for s in main) >= last_start:
                parts["last_paragraph"] = 0.1
            if any(_line_start(text, s.start) for s in main):
                parts["opens_paragraph"] = 0.15
            if any(_VERDICT.match(text, s.end) and _sentence_start(text, s.start) for s in main):
                parts["subject_of_verdict"] = 0.15
            if any(_THIS_CUE.search(text[max(0, s.start - 40) : s.start]) for s in main):
                parts["introduced"] = 0.1
        else:
            parts["only_as_another_film"] = -0.3
        for reason, weight in parts.items():
            if weight:
                add(title, reason, weight, [Span(s.start, s.end) for s in spans])
    return len(runs)


def _other_work_flags(text: str, runs: list[TextSpan]) -> list[bool]:
    """Per run: does its context say it is another film than the one reviewed?"""
    flags: list[bool] = []
    for i, run in enumerate(runs):
        flag = reads_as_another_film(text, run.start, run.end)
        if not flag and i and flags[i - 1]:
            # "such musicals as WEST SIDE STORY and SOUND OF MUSIC": a list shares its cue
            gap = text[runs[i - 1].end : run.start]
            flag = bool(_LIST_JOIN.fullmatch(gap) or re.fullmatch(r"\s*(?:,|and|or)\s*", gap))
        flags.append(flag)
    return flags


def _fold_short_forms(runs: list[TextSpan], keys: list[str], groups: dict[str, list[int]]) -> None:
    """ "SHILOH 2" is the short form of "SHILOH 2: SHILOH SEASON" written earlier."""
    for key in list(groups):
        if key not in groups:
            continue
        longer = [
            k
            for k in groups
            if k != key and k.startswith(key + " ") and any(":" in runs[i].text for i in groups[k])
        ]
        if len(longer) == 1:
            groups[longer[0]] = sorted(groups[longer[0]] + groups.pop(key))


def paragraph_bounds(text: str) -> tuple[int, int]:
    """(end of the first real paragraph, start of the last): lines over 40 characters."""
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if len(m.group(0).strip()) > 40]
    if not paragraphs:
        return (len(text), 0)
    return (paragraphs[0].end(), paragraphs[-1].start())
