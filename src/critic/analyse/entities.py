"""Surface patterns shared by the extraction rules: names, CAPS titles, title-case runs.

spaCy finds people; these patterns find what it misses in the slots where critics put
names ("directed by ___", "___ (Role)") and the titles it finds badly. Everything returns
character offsets into the review text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

# Letters a name is written with: accented ones too ("Hallström", "Kieślowski", "Żuławski")
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİĽŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
LOWER = "a-zß-öø-ÿā-ž"
# One word of a personal name: "Robert", "O'Neil", "McConaughey", "Mary-Louise", "J.E.",
# "J. E.". An initial keeps no blank after it, so "George P. Cosmatos" goes on past it,
# and follows no letter: "AIDS. Reportedly" holds no initial.
NAME_WORD = (
    rf"(?:(?<![\w.'’])[A-Z]\.(?:\s?[A-Z]\.)*|[{UPPER}][{LOWER}]*(?:['’]?[{UPPER}][{LOWER}]+)*"
    rf"(?:-[{UPPER}][{LOWER}]+)?(?![{UPPER}{LOWER}]))"
)
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|la|le|du|dos|ter|bin|St\.)"
NAME = rf"{NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{NAME_WORD}){{0,3}}(?:,?\s+Jr\.)?"
NAME_RE = re.compile(NAME)

_NOT_NAMES = frozenset(
    """The A An This That These Those It Its He She His Her Him They Their Them We Our You
    Your I My Me In On At Of For To From With By And But Or Nor So Yet If When While As
    After Before Then There Here What Who Why How Where Which Not No Yes Still Even Just
    Only Also Like Unlike God Lord Hollywood Oscar Oscars Academy Award Awards Christmas
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Miss Sir
    Film Movie Picture Cast Director Producer Producers Screenplay Music Cinematography
    Starring Rated Running Length Released Date Mom Dad Mother Father Uncle Aunt
    American English French British German Italian Japanese Chinese Spanish Indian
    Irish Russian Jewish Catholic Christian Black White Part Act Scene Chapter
    Episode Volume Book Each Every Some Many Most All Both One Two Three Four Five
    Without Within Upon Through Despite Against Among During Under Over About Above
    Behind Beyond Between Into Toward Towards Across Along Around""".split()
)
_MONTHS = re.compile(
    r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$"
)
_FULL_MONTH = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)$"
)


def is_plausible_name(name: str) -> bool:
    """A capitalised 1-4 word string that could be a person's name."""
    words = name.replace(",", " ").split()
    if not words or len(words) > 5:
        return False
    if words[0] in _NOT_NAMES or words[-1] in _NOT_NAMES:
        return False
    # "March 1995", "since August": a month is no name, but a month written out is a
    # surname after a first name ("Bille August", "Elaine May") and a first name of its
    # own ("June Squibb"), and so is a short one that is a first name ("Jan de Bont")
    if any(
        _MONTHS.match(w)
        and (len(words) == 1 or not (_FULL_MONTH.match(w) or (i == 0 and w in first_names())))
        for i, w in enumerate(words)
    ):
        return False
    letters = [w for w in words if not re.fullmatch(r"(?:[A-Z]\.)+|Jr\.?|St\.", w)]
    if not letters:
        return False
    # ALL-CAPS words are titles in the critics who write them that way, not names
    if any(w.isupper() and len(w.strip(".'’")) > 1 for w in letters):
        return False
    return all(re.fullmatch(NAME_WORD + r"(?:['’]s?)?", w) or w.islower() for w in words)


# --- ALL-CAPS titles ----------------------------------------------------------------------

# initials join a run only before another CAPS word: "L.A. STORY", "CECIL B. DEMENTED"
# accented capitals count ("POKÉMON"), and so do short clipped words ("'TIL THERE WAS YOU",
# "ROCK 'N' ROLL FRANKENSTEIN")
_UPPER = "A-Z0-9À-ÖØ-Þ"
_CAPS_WORD = (
    r"(?:MRS?|DR|ST|JR|VS|MS)\.|(?:[A-Z]\.){1,3}(?=[ ][A-Z0-9])|"
    rf"[{_UPPER}][{_UPPER}'’&.\-/]*[{_UPPER}!?'’]|[{_UPPER}]|['’][A-Z]{{1,3}}['’]?(?=[ ][A-Z])"
)
_CAPS_RUN = re.compile(
    rf"(?<![\w'’])(?:{_CAPS_WORD})(?:(?:[ ]|:[ ]|[ ]-[ ]|[ ]&[ ])(?:{_CAPS_WORD}))*"
    r"(?![\w])"
)
_ACRONYMS = frozenset(
    """TV FBI CIA USA US UK NY LA PG PG-13 R NC-17 G MPAA DVD VHS AIDS HIV NASA IRA KGB CEO
    UN NBA NFL CNN HBO MTV ABC CBS NBC BBC PBS OK II III IV AM PM A I WWII WWI U.S. U.K.
    CD DNA IQ ID GI VIP SWAT LAPD NYPD IMAX CGI FX NRA USSR SS ER AKA A.K.A. MD DC
    PS NB RAF LSD SAT SATS UFO IRS DEA ATF DJ MC R&B VCR ESP SF L.A. N.Y. D.C.""".split()
)


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


def caps_titles(text: str) -> list[TextSpan]:
    """Runs of ALL-CAPS words that read as titles (acronyms and shouted words left out).

    A title with commas in it ("MYSTERY, ALASKA") is one run where the critic writes it
    the same way at least twice; a list of other films is rarely repeated word for word.
    """
    return _join_comma_titles(text, _caps_runs(text))


_COMMA_JOIN = re.compile(r",[ ](?:AND[ ])?")


def _join_comma_titles(text: str, runs: list[tuple[TextSpan, bool]]) -> list[TextSpan]:
    """Runs joined over ", " where the joined text recurs; `runs` pairs each run with
    whether it stands alone as a title ("NEVER" does not, "NEVER, AGAIN, FOREVER" does)."""
    out: list[TextSpan] = []
    i = 0
    while i < len(runs):
        j = i
        while j + 1 < len(runs) and _COMMA_JOIN.fullmatch(
            text[runs[j][0].end : runs[j + 1][0].start]
        ):
            j += 1
        # the longest repeated stretch from run i: "MYSTERY, ALASKA" of "MYSTERY, ALASKA, X"
        for k in range(j, i, -1):
            whole = text[runs[i][0].start : runs[k][0].end]
            if text.count(whole) >= 2:
                out.append(TextSpan(runs[i][0].start, runs[k][0].end, whole))
                i = k + 1
                break
        else:
            if runs[i][1]:
                out.append(runs[i][0])
            i += 1
    return out


# a date in a CAPS run, or a one-letter subtitle: "REVIEWED ON 5/4/2000 GRADE: B"
_DATED_OR_GRADED = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|:\s*\S?$")


# a year that may date a title: "Louis Malle's 1959 LES AMANTS"
YEAR_WORD = r"(?:18|19|20)\d\d"
_LEADING_YEAR = re.compile(rf"{YEAR_WORD}[ ](?=[A-Z0-9]*[A-Z][A-Z0-9'’]+)")
_YEAR_OWNER = re.compile(r"(?:['’]s|\b(?:the|his|her|their|its|a))[ ]$")


def _caps_runs(text: str) -> list[tuple[TextSpan, bool]]:
    out: list[tuple[TextSpan, bool]] = []
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0).rstrip(":,.-&' ")
        # "BREAKING THE WAVES A film...": a lone A or I after the title opens the prose
        run = re.sub(r"(?<=\w\w) [AI]$", "", run)
        start = m.start()
        if run.endswith(("'", "’")) and text[start + len(run) : start + len(run) + 1] == "s":
            run = run[:-1]  # TRIPPIN's -> the possessive, not part of the title
        if text[start + len(run) : start + len(run) + 1] == ":":
            continue  # "REVIEW WRITTEN ON: May 27": a label, not a title
        year = _LEADING_YEAR.match(run)
        if year and _YEAR_OWNER.search(text[max(0, start - 8) : start]):
            # "Louis Malle's 1959 LES AMANTS", "the 1941 CITIZEN KANE": the year dates
            # the title and is no part of it ("1941" alone, "2001: A ..." stay titles)
            start, run = start + year.end(), run[year.end() :]
        if _DATED_OR_GRADED.search(run):
            continue  # "REVIEWED ON 5/4/2000 GRADE: B": a dated label and a grade
        words = run.split()
        alone = True
        if not any(
            sum(c.isalpha() for c in w) >= 2 and w.strip(".'’!?:") not in _ACRONYMS for w in words
        ):
            alone = False
        elif len(words) == 1:
            word = words[0].strip(".'’!?")
            if word in _ACRONYMS or word.lower() in STOP_WORDS or len(word) < 3 or "." in word:
                alone = False  # an acronym, "NEVER", initials such as "J.R."
        elif all(w in _ACRONYMS for w in words):
            alone = False
        if alone or (run.isalpha() and len(run) > 1):
            out.append((TextSpan(start, start + len(run), run), alone))
    return out


# --- Title-case runs ---------------------------------------------------------------------

_SMALL = (
    r"(?:of|the|in|at|a|an|and|&|to|on|for|with|from|by|or|vs\.?|de|la|le|du|des|von|is|my|me|not)"
)
# "Mr. Holland's Opus", "The Talented Mr. Ripley": an honorific's full stop ends nothing
# "8mm", "1970s": a number is a word whole, or no title word
_TITLE_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St)\.|[A-Z][\w'’\-]*|\d[\d,.]*(?:st|nd|rd|th|s|mm)?(?!\w)|[A-Z]\.)"
)
TITLE_RUN = rf"{_TITLE_WORD}(?:[ ](?:{_SMALL}[ ])*{_TITLE_WORD})*"
TITLE_RUN_RE = re.compile(rf"(?<![\w'’]){TITLE_RUN}")

SENTENCE_OPENERS = frozenset(
    """But And Or So Yet If When While As In On At Of For To From With By After Before Then
    There Here What Who Why How Where Which Not No Yes Still Even Just Only Also Like
    Unlike Although Though Because Since Once Until Unless Despite Ultimately Indeed
    However Meanwhile Now Today Perhaps Maybe Sometimes Often It Its This That These Those
    He She They We I You His Her Their Our My Your Is Was Are Were Has Have Had Do Does
    Did Will Would Can Could Should Might Must Every Each Some Many Most All Both Such
    Instead Later Earlier Finally First Second Third Last Next Sure Well Oh Yes""".split()
)


def title_case_runs(text: str) -> list[TextSpan]:
    """Maximal runs of capitalised words (small words allowed inside), opener words trimmed."""
    out: list[TextSpan] = []
    for m in TITLE_RUN_RE.finditer(text):
        start, run = m.start(), m.group(0)
        words = run.split(" ")
        # "When", "Here", "My" open sentences; in mid-sentence they open a title:
        # "the Farrellys' Me, Myself and Irene", "than Here on Earth"
        while words and words[0] in SENTENCE_OPENERS and sentence_starts_at(text, start):
            start += len(words[0]) + 1
            words = words[1:]
        # "the 1941 Citizen Kane": a year after an article or possessive dates the title
        if len(words) > 1 and re.fullmatch(YEAR_WORD, words[0]):
            if _YEAR_OWNER.search(text[max(0, start - 8) : start]):
                start += len(words[0]) + 1
                words = words[1:]
        # "That is Gone Fishing" with its opener trimmed: no title starts with "is"
        while words and re.fullmatch(_SMALL, words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        while words and re.fullmatch(_SMALL, words[-1]):
            words = words[:-1]
        # "Intimate Relations A film review by ...": a title ends in no article, so one
        # before a word in lower case opens the next phrase
        if len(words) > 1 and words[-1] in ("A", "An", "The"):
            end = start + len(" ".join(words))
            if re.fullmatch(r" [a-z]", text[end : end + 2]):
                words = words[:-1]
        # "I give Gone Fishing 8/10", "... 3 out of 5": a grade, not the title's number
        if len(words) > 1 and re.fullmatch(r"\d[\d.]*", words[-1]):
            end = start + len(" ".join(words))
            after = text[end : end + 12]
            if re.match(r"/\d|\s+(?:out\s+of|of)\s+\d", after):
                words = words[:-1]
        if words and re.fullmatch(r"\d[\d,.]*[,.]", words[-1]):
            words[-1] = words[-1].rstrip(",.")  # "Orchard 2." ends a sentence
        # "this Lawrence Kasdan-directed film", "the Oscar-winning Kevin Kline": an
        # adjective made of a name ends a run before its hyphen, and opens none
        while len(words) > 1 and re.fullmatch(r"\S+-[a-z]+(?:ed|ing)", words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        if words:
            words[-1] = re.sub(r"-[a-z]+(?:ed|ing)$", "", words[-1])
        if not words:
            continue
        run = " ".join(words)
        run = re.sub(r"['’]s?$", "", run) if not run.endswith("s'") else run[:-1]
        if run.isupper() and len(run) > 1:
            continue  # handled as a CAPS title
        out.append(TextSpan(start, start + len(run), run))
    return out


def sentence_starts_at(text: str, start: int) -> bool:
    """Whether `start` opens a sentence (or a line, a quotation, a parenthesis)."""
    # walk back over blanks rather than copy the text before every run (long inputs)
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:;\"“”'‘’(—–-*"


def overlaps(a_start: int, a_end: int, spans: list[TextSpan] | list[tuple[int, int]]) -> bool:
    for span in spans:
        s, e = (span.start, span.end) if isinstance(span, TextSpan) else span
        if s < a_end and a_start < e:
            return True
    return False


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Shipped list of first names of film people (empty when not shipped)."""
    try:
        data = resources.files("critic.resources").joinpath("first_names.txt").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    return frozenset(data.split())


def word_spans(text: str, word: str, left: str = "", right: str = "") -> list[tuple[int, int]]:
    r"""Where `word` stands in `text` with no word character, nor one of `left`, right before
    it and none, nor one of `right`, right after it: what
    rf"(?<![\w{left}]){re.escape(word)}(?![\w{right}])" finds, non-overlapping, left to right.

    Without a pattern per word on purpose: `re` caches 512 compiled patterns, and a review
    brings dozens of new names and titles, which pushed every module's patterns out of the
    cache to be compiled again (6,884 compilations over 240 training reviews, 1,184 since)."""
    out: list[tuple[int, int]] = []
    n = len(word)
    if not n:
        return out
    i = text.find(word)
    while i != -1:
        before = text[i - 1] if i else ""
        after = text[i + n : i + n + 1]
        if not (before and (_is_word_char(before) or before in left)) and not (
            after and (_is_word_char(after) or after in right)
        ):
            out.append((i, i + n))
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)
    return out


def _is_word_char(ch: str) -> bool:
    # what re's \w matches in a str pattern: Unicode alphanumerics and the underscore
    return ch.isalnum() or ch == "_"


def surname_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where the surname (last word) of `name` stands as a word of its own in `text`."""
    return word_spans(text, name.split()[-1], left="'’-", right="-")


def people_joined(name: str) -> list[str]:
    """The pieces of "A and B" or "A & B" when every one reads as a person's name, else [].
    First names alone before a full name share its surname: "Chris and Paul Weitz" is
    Chris Weitz and Paul Weitz ("Harold and Maude" has no surname to share)."""
    pieces = re.split(r" (?:and|&) ", name)
    last = pieces[-1].split()
    if len(last) >= 2 and starts_with_first_name(pieces[-1]):
        pieces = [
            f"{p} {last[-1]}" if len(p.split()) == 1 and p in first_names() else p
            for p in pieces
        ]
    if len(pieces) > 1 and all(starts_with_first_name(p) and is_plausible_name(p) for p in pieces):
        return pieces
    return []


def starts_with_first_name(name: str) -> bool:
    """ "Robert Vance", "M. Night Shyamalan": a first name or an initial, then more."""
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0]
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", first)) or first in first_names()


@dataclass(frozen=True)
class Mention:
    """A resolved mention: `name` is the canonical person or character it refers to."""

    start: int
    end: int
    name: str
    kind: str  # "person" (a real person) or "character" (someone in the story)


class Mentions:
    """A review's resolved mentions in text order, for "who is he?" questions."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._ends = [m.end for m in self.items]

    def before(
        self, pos: int, kinds: tuple[str, ...] = ("person",), since: int = 0
    ) -> Mention | None:
        """The nearest mention of `kinds` ending by `pos` and starting at or after `since`."""
        for m in reversed(self.items):
            if m.end > pos:
                continue
            if m.start < since:
                return None
            if m.kind in kinds:
                return m
        return None

    def within(self, start: int, end: int, kinds: tuple[str, ...] = ("person",)) -> list[Mention]:
        return [m for m in self.items if start <= m.start and m.end <= end and m.kind in kinds]

    def at(self, start: int, end: int) -> Mention | None:
        for m in self.items:
            if m.start <= start and end <= m.end:
                return m
        return None

    def ending_near(
        self, pos: int, slack: int = 1, kinds: tuple[str, ...] = ("person",)
    ) -> Mention | None:
        """A mention that ends at `pos` or up to `slack` characters before it."""
        for m in self.items:
            if pos - slack <= m.end <= pos and m.kind in kinds:
                return m
        return None
