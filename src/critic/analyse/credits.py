"""Who did what on the film, read from the prose: "Robert Vance plays Tom Harker",
"Tom Harker (Robert Vance)", "a nurse (Keller)", "written and directed by X",
"director-screenwriter X", "from a novel by X", "his own musical score", cameo lists.

Rules return candidates with the name exactly as written and where it is; whether a
name is a real person, and who "he" is, is decided by the caller, which knows the
review's people (extract.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from critic.analyse.entities import (
    NAME,
    SENTENCE_OPENERS,
    starts_with_first_name,
    surname_spans,
    word_spans,
)
from critic.analyse.films_titles import known_titles, title_key
from critic.analyse.identity import JOB_WORDS, inside_longer_name, person_key
from critic.analyse.role_features import known_surname, listed_person

JOBS = (
    "actor",
    "director",
    "screenwriter",
    "composer",
    "cinematographer",
    "editor",
    "producer",
    "author",
    "other",
)


@dataclass
class Candidate:
    name: str  # as written; "" when `pronoun` says who
    start: int
    end: int
    job: str
    character: str | None = None
    char_start: int | None = None
    note: str | None = None
    pronoun: bool = False  # name is a pronoun (or a possessive) at `start`, to resolve
    rule: str = ""


_N = rf"(?P<name>{NAME})"
_DET = r"(?:a|an|the|his|her|their|its|my|our|your|one|two|some|another)"
_NP = r"(?P<np>(?:[\w'’\-]+\s+){0,4}?[a-z][\w\-]*)"
_LIST = rf"(?P<list>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|&)\s+{NAME})?)"
_SKIP = r"(?:[a-z][\w\-]*\s+){0,3}?"
_PAREN_OPT = r"(?:\s*\([^()]{0,80}\))?"  # "Dunn (Night Moves), who adapted"
_ASIDE = r"(?:\s*\((?=[a-z])[^()]{0,60}\))?"  # "director (and co-writer) Ada Lind"

_CREW: list[tuple[tuple[str, ...], str]] = [
    (("director", "screenwriter"), rf"\b(?i:written\s+and\s+directed\s+by)\s+{_SKIP}{_N}"),
    (
        ("director", "screenwriter"),
        rf"\b(?i:writer|screenwriter)[-/ ](?:and\s+)?director\s*,?\s+{_N}",
    ),
    (
        ("director", "screenwriter"),
        rf"\b(?i:director)[-/ ](?:and\s+)?(?:co-?)?(?:screen)?writer\s*,?\s+{_N}",
    ),
    (("director", "producer"), rf"\b(?i:producer[-/]director|director[-/]producer)\s*,?\s+{_N}"),
    # "directed by his ex-wife, Ada Lind": a comma may close the words between
    (
        ("director",),
        rf"\b(?i:directed|helmed|megaphoned)\s+\(?by\s+(?:[a-z][\w\-]*,?\s+){{0,3}}?{_N}",
    ),
    # "film maker (but long-time documentarian) Ada Lind": an aside in lower case between
    (("director",), rf"\b(?i:director|filmmaker|film-maker|helmer){_ASIDE}\s*,?\s+{_N}"),
    (("director",), rf"\b(?i:direction)\s+(?:of|by|from)\s+{_N}"),
    (("director",), rf"\b(?i:film\s*maker|moviemaker|auteur){_ASIDE}\s*,?\s+{_N}"),
    # "a short documentary by his long-time assistant, Ada Lind"
    (
        ("director",),
        rf"\b(?i:an?)\s+(?:[a-z\-]+\s+){{0,2}}?(?i:film|movie|documentary)\s+by\s+(?:[a-z][\w\-]*,?\s+){{0,4}}?{_N}",
    ),
    (
        ("director",),
        rf"{_N}\s+(?:is\s+)?(?:in\s+the\s+director['’]s\s+chair|behind\s+the\s+camera)",
    ),
    (
        ("director",),
        rf"{_N}['’]s?\s+(?:[a-z\-]+,?\s+){{0,3}}?(?:film|movie|picture|adaptation|remake|version|directorial|direction|feature|offering|opus|follow-up|trilogy|biopic|documentary|take\s+on)\b(?!\s+(?:career|role|debut))",
    ),
    (
        ("director",),
        rf"\b(?i:film|movie|picture|feature|offering|effort|thriller|comedy|drama|production|documentary)\s+from\s+(?:director\s+|filmmaker\s+)?{_N}",
    ),
    (("director",), rf"\b(?i:director)\s*\(\s*{_N}"),
    # "crisply-directed (Ada Lind keeps things moving)": who directed, in parentheses
    (("director",), rf"\b(?i:directed|helmed)\s*\(\s*{_N}"),
    # "Greta Lind, the director's wife" is a relation, not a credit
    (("director",), rf"{_N},\s+(?:the|its)\s+(?:film['’]s\s+|[a-z\-]+\s+)?director\b(?!['’])"),
    (
        ("director",),
        rf"\b(?i:director)\s+(?:of\s+(?:this|the)\s+(?:film|picture|movie)\s+)?(?:is|was)\s+{_N}",
    ),
    # active voice, object in lower case: "Spielberg has directed two of the year's films"
    (("director",), rf"{_N}\s+(?:has\s+|had\s+)?(?:also\s+)?(?:directed|helmed)\s+(?=[a-z])"),
    (
        ("director",),
        rf"\b(?i:directorial)\s+(?:debut|effort|outing|feature)\s+(?:of|from|by|for)\s+(?:[a-z/\-]+\s+){{0,3}}?{_N}",
    ),
    (
        ("director",),
        rf"{_N}\s+(?:[a-z]+\s+){{1,6}}?(?:his|her)\s+(?:[a-z\-]+\s+){{0,2}}?(?:directorial|directing)\b",
    ),
    # "Ada Lind's (NORTH HARBOR) direction": her earlier film may stand between
    (("director",), rf"{_N}['’]s?{_PAREN_OPT}\s+(?:[a-z\-]+\s+){{0,2}}?direction\b"),
    # "this Lawrence Kasdan-directed film"
    (("director",), rf"{_N}-(?:directed|helmed)\b"),
    (("director",), rf"{_N}{_PAREN_OPT},?\s+(?:who\s+)?(?:also\s+)?directs\b"),
    (("director",), rf"{_N},?\s+who\s+(?:also\s+)?directed\s+(?:the\s+film|this|it)\b"),
    # "Eastwood (who directs, as well as stars)"
    (("director",), rf"{_N}\s*\(\s*who\s+(?:also\s+)?(?:directs|directed)\b"),
    # "Screenwriter Ada Lind (NORTH HARBOR) makes a successful directorial debut"
    (
        ("director",),
        rf"{_N}{_PAREN_OPT},?\s+(?:makes|made|marks)\s+(?:a|an|his|her)\s+(?:[a-z\-]+\s+){{0,2}}?(?:directorial|directing)\s+debut\b",
    ),
    # "Lind's feature debut as a director"
    (("director",), rf"{_N}['’]s\s+(?:[a-z\-]+\s+){{0,2}}?debut\s+as\s+(?:a\s+)?director\b"),
    # "with Ada Lind (NORTH HARBOR) at the helm"
    (("director",), rf"{_N}{_PAREN_OPT},?\s+at\s+the\s+helm\b"),
    (
        ("screenwriter",),
        rf"\b(?i:screenplay|script|scenario)\s+(?:is\s+|was\s+)?(?:written\s+)?by\s+{_N}",
    ),
    (("screenwriter",), rf"\b(?i:written|scripted|penned|co-written)\s+by\s+{_SKIP}{_N}"),
    (
        ("screenwriter",),
        rf"\b(?i:screenwriters?|scriptwriters?|scripters?|co-writers?|writers?)\s*,?\s+{_N}",
    ),
    (("screenwriter",), rf"{_N}['’]s?\s+(?:[a-z\-]+\s+){{0,3}}?(?:script|screenplay)\b"),
    (("screenwriter",), rf"{_N}-(?:scripted|penned|written)\b"),
    (("screenwriter",), rf"\b(?i:adapted)\s+(?:for\s+the\s+screen\s+)?by\s+{_N}"),
    (("screenwriter",), rf"{_N}{_PAREN_OPT},?\s+(?:who\s+)?(?:also\s+)?adapted\b"),
    (
        ("author",),
        rf"\b(?i:novel|book|story|memoir|play|short\s+story|best-?seller)s?\s+(?:of\s+the\s+same\s+name\s+)?by\s+(?:the\s+late\s+)?(?:author\s+|novelist\s+|playwright\s+|writer\s+)?{_N}",
    ),
    (("author",), rf"\b(?i:novelist|author|playwright)\s*,?\s+{_N}"),
    (("author",), rf"{_N}['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?(?:novel|book|memoir|play|bestseller)\b"),
    (("composer",), rf"\b(?i:music|score|soundtrack)\s+(?:is\s+|was\s+)?(?:composed\s+)?by\s+{_N}"),
    (("composer",), rf"\b(?i:composer)\s*,?\s+{_N}"),
    (("composer",), rf"{_N}['’]s?\s+(?:[a-z\-]+\s+){{0,3}}?(?:score|music)\b"),
    (
        ("cinematographer",),
        rf"\b(?i:cinematographer|director\s+of\s+photography|photographer)\s*,?\s+{_N}",
    ),
    (("cinematographer",), rf"\b(?i:photographed|shot|lensed)\s+by\s+{_N}"),
    (("cinematographer",), rf"\b(?i:cinematography)\s+(?:is\s+|was\s+)?by\s+{_N}"),
    (
        ("cinematographer",),
        rf"{_N}['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?(?:cinematography|camera\s+work|photography)\b",
    ),
    (("editor",), rf"\b(?i:edited|cut)\s+by\s+{_N}"),
    (("editor",), rf"\b(?i:film\s+)?editor\s*,?\s+{_N}"),
    (("producer",), rf"\b(?i:produced|bankrolled)\s+by\s+{_N}"),
    (("producer",), rf"\b(?i:executive\s+)?producer\s*,?\s+{_N}"),
]
# Rules that open with the name are tried as one alternation: finding a name at every
# capital letter is what costs, and that is then done once instead of once per rule.
_CREW_RE = [(jobs, re.compile(p)) for jobs, p in _CREW if not p.startswith(_N)]
_CREW_LED_JOBS = [jobs for jobs, p in _CREW if p.startswith(_N)]
_CREW_LED = re.compile(
    _N
    + "(?:"
    + "|".join(
        f"(?P<t{i}>{p[len(_N) :]})"
        for i, (_, p) in enumerate((jobs, p) for jobs, p in _CREW if p.startswith(_N))
    )
    + ")"
)

# a filmography may sit between an actor and the part: "Ehle (PRIDE AND PREJUDICE) as ..."
_NP_ = rf"{_N}{_PAREN_OPT}"
_PLAYS = re.compile(
    rf"{_NP_}(?:,[^,.;()]{{1,60}},)?,?\s+(?:[a-z]+\s+){{0,3}}?"
    r"(?:plays|playing|portrays|portraying|stars\s+as|starring\s+as|is\s+cast\s+as|"
    r"appears\s+as|co-stars\s+as|takes\s+on\s+the\s+role\s+of|is\s+(?:wonderful|excellent|"
    r"superb|fine|good|convincing|terrific)\s+as)\s+"
    rf"(?:(?:[a-z\-]+\s+){{0,3}}?(?P<char>{NAME})|{_DET}\s+{_NP})",
)
_TITLED = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Colonel|Col|Captain|Capt|Detective|Agent|Sgt|Sergeant|Lt|Lieutenant|"
    r"Officer|Professor|Father|Sister|Uncle|Aunt|Judge|General|Major|Inspector|King|Queen|"
    r"Prince|Princess|Lord|Lady|Sir)\.?\s+)?"
)
_AS = re.compile(
    rf"{_NP_}(?:,?\s+who\s+(?:[a-z]+\s+){{0,2}}?)?\s+(?:is\s+|was\s+)?as\s+"
    rf"(?:the\s+(?:[\w\-]+\s+){{0,3}}?)?(?P<char>{_TITLED}{NAME})\b(?!['’]s\b)"
)
# "It is Mira Stone, as the childhood sweetheart Nell, who ...": the part set off by commas
# (a closing comma or stop after it, so "Siskel, as Roger Ebert put it" is no part)
_AS_COMMA = re.compile(
    rf"{_NP_},\s+as\s+(?:(?:the|a|an)\s+(?:[a-z\-]+\s+){{0,3}}?)?(?P<char>{_TITLED}{NAME})"
    r"(?=\s*[,.;)])"
)
# "Gene Hackman is the best thing in it as the weary partner Avery Tolar": words between,
# but never "as" or "than" ("is every bit as good as Jared Harris"), and the part named
# after an article and its nouns, the name ending the phrase ("as a Welsh soccer player")
_AS_LATE = re.compile(
    rf"{_NP_}\s+(?:is|was)\s+(?:(?!as\b|than\b)[a-z\-]+\s+){{1,6}}?as\s+(?:the|a|an)\s+"
    rf"(?:[a-z\-]+\s+){{1,3}}?(?P<char>{_TITLED}{NAME})(?![\w'’-]|\s+[a-z(])"
)
_AS_ROLE = re.compile(rf"{_NP_}\s+(?:is\s+|was\s+)?as\s+(?:{_DET}|(?:[A-Z][\w'’]+)['’]s)\s+{_NP}")
# "Laura Linney (PRIMAL FEAR) is Luther's estranged daughter": a filmography says actor
_FILMOGRAPHY_IS = re.compile(
    rf"{_N}\s*\([^()a-z]{{2,80}}\)\s+(?:is|was|are|plays|play)\s+(?:{_DET}|[A-Z][\w'’]+['’]s)\s+{_NP}"
)
_TITLE_ROLE = re.compile(
    rf"{_N}\s+(?:takes|took|has|had|gets|got|is\s+in|in)\s+the\s+(?:title|lead|leading|starring|central)\s+(?:role|part)"
)
_IS_CHARACTER = re.compile(rf"{_N}\s+is\s+(?P<char>{_TITLED.rstrip('?')}{NAME})")
_POSSESSIVE_PART = re.compile(rf"{_N}['’]s?\s+(?P<char>{_TITLED}{NAME})\b")
_PLAYED_BY_BARE = re.compile(
    rf"\b(?i:played|portrayed|essayed)\s+(?:[a-z\-]+\s+){{0,4}}?by\s+(?:[a-z\-]+\s+){{0,2}}?{_LIST}"
)
_ROLES_LIST = re.compile(
    rf"{_LIST}\s+(?:have|has|had|get|gets)\s+(?:[a-z]+\s+){{0,2}}?(?:roles?|parts?|turns?)\b"
)
_AS_PRONOUN = re.compile(
    rf"(?:^|[.;!?]\s+|\b(?:But|And|Yet|So)\s+)as\s+(?P<char>{NAME})(?:\s+in\s+[^,.;]{{1,60}})?,\s+(?P<pron>he|she)\b"
)
_PLAYED_BY = re.compile(
    rf"(?:(?P<char>{NAME})|\b{_DET}\s+{_NP}),?\s+(?:who\s+)?(?:is\s+|was\s+)?(?:played|portrayed)\s+"
    rf"(?:[a-z\-]+\s+){{0,9}}?by\s+(?:[a-z\-]+\s+){{0,2}}?{_N}"
)
_CREW_LIST = re.compile(
    rf"\b(?i:co-?directors|directors|directing\s+team|film\s*makers|film-makers|"
    rf"(?:written\s+and\s+)?directed\s+by),?\s+"  # "Its co-directors, A and B"
    rf"(?:[a-z\-]+\s+){{0,2}}?(?P<list>{NAME}(?:\s*,\s*{NAME})*,?\s+(?:and|&)\s+{NAME})"
    # "directed by Hanna Sorel, and Pavel Lind plays the inspector": a new clause, not a list
    # (and the last name whole: not "Pavel" of "Pavel Lind plays")
    r"(?![\w'’-]|\s+[A-Z]|\s+(?:plays|stars|co-stars|is|was|has|gives|delivers|portrays|appears)\b)"
)
_CAST_LIST = re.compile(
    r"\b(?P<cue>cameos?|cameo\s+appearances?|appearances|turns|"
    r"starring|co-starring|featuring|features|stars|co-stars|supporting\s+cast\s+(?:includes|of)|"
    r"performances?|portrayals?|turns?|work|acting|"
    r"cast\s+(?:includes|including|of)|"
    r"(?:players|ensemble|actors)\s+(?:include|includes|including|like)|"
    r"(?:performance|turn)\s+belongs\s+to)\s+"
    r"(?:(?:by|from|of|include|includes|are|is|to)\s+)?" + _LIST
)
# "Tom Farrow turns up in a funny cameo as a ferry captain", "X has a cameo"
_CAMEO_BY = re.compile(
    rf"{_N}\s+(?:turns\s+up|shows\s+up|pops\s+up|appears|has)\s+(?:briefly\s+)?(?:in\s+)?"
    r"(?:a|an)\s+(?:[a-z\-]+\s+){0,2}?cameo\b"
    r"(?:\s+as\s+(?:a|an|the)\s+(?P<part>[a-z\-]+"
    r"(?:\s+(?!(?:who|that|and|or|but|in|with|whose|at|on|for|to|is|was)\b)[a-z\-]+){0,2}))?"
)
_ACTOR_EVIDENCE = [
    re.compile(
        rf"{_N}['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?(?:performance|portrayal|acting|turn\s+as|screen\s+presence)\b"
    ),
    re.compile(rf"(?<![A-Z]\w)\b(?:actor|actress|co-?star|newcomer|star)\s+{_N}"),
    re.compile(
        rf"{_N}\s+(?:gives|delivers|turns\s+in|offers)\s+(?:[\w\-]+\s+){{0,5}}?(?:performance|portrayal|turn)\b"
    ),
]
_PRONOUN_JOBS = re.compile(
    r"\b(?:he|she)\s+(?:also\s+)?(?P<verbs>(?:stars|directs|writes|co-writes|edits|produces|scores)"
    r"(?:(?:,\s*|,?\s+and\s+)(?:stars|directs|writes|co-writes|edits|produces|scores))*)\b"
)
_VERB_JOB = {
    "stars": "actor",
    "directs": "director",
    "writes": "screenwriter",
    "co-writes": "screenwriter",
    "edits": "editor",
    "produces": "producer",
    "scores": "composer",
}
_OWN_SCORE = re.compile(
    r"\b(?:his|her)\s+own\s+(?:[\w\-]+\s+){0,3}?(?:musical\s+)?(?:score|music|soundtrack)\b"
)
_PAREN = re.compile(r"\(([^()\n]{1,160})\)")
_PAREN_ACTOR = re.compile(
    rf"^\s*(?:played\s+by\s+|voice\s+of\s+|voiced\s+by\s+)?(?:(?:a|an|the)\s+(?:[a-z\-]+\s+){{0,3}}?)?{_N}(?P<more>(?:\s*,\s*{NAME})*(?:,?\s+(?:and|&)\s+{NAME})?)"
    r"(?P<rest>(?:\s+(?:in|as|who|giving|doing|delivering|playing)\b.*|\s*[-–—;,].*|\s*)?)$"
)
_PAREN_AS = re.compile(
    rf"^\s*as\s+(?:(?P<char>{_TITLED}{NAME})(?!['’]s)|(?:{_DET}|{NAME}['’]s)\s+{_NP})"
)
# "the directing (Clint Eastwood) and the editing (Peter Honess)": a craft, then who did it
_LEFT_CRAFT = re.compile(
    r"\b(?i:the|its|his|her|their)\s+(?:[a-z\-]+\s+){0,2}?(?P<craft>directing|direction|"
    r"editing|cinematography|photography|camera\s*work|script|screenplay|writing|music|score|"
    r"production\s+design|producing)\s*$"
)
_CRAFT_JOB = {
    "directing": "director",
    "direction": "director",
    "editing": "editor",
    "cinematography": "cinematographer",
    "photography": "cinematographer",
    "camera work": "cinematographer",
    "camerawork": "cinematographer",
    "script": "screenwriter",
    "screenplay": "screenwriter",
    "writing": "screenwriter",
    "music": "composer",
    "score": "composer",
    "production design": "other",
    "producing": "producer",
}
_LEFT_CHAR = re.compile(rf"(?P<char>{NAME})\s*$")
_LEFT_CHARS = re.compile(rf"{NAME}(?:\s*,\s*{NAME})*,?\s+(?:and|&)\s+{NAME}\s*$")
_LEFT_NP = re.compile(rf"\b{_DET}\s+(?P<np>(?:[\w'’\-]+\s+){{0,4}}?[\w\-]+)\s*$", re.IGNORECASE)
_NP_STOP = re.compile(r"\b(?:is|was|are|were|has|had|who|that|which|with|and|but|in|on|of|to)\b")


def _np(np: str | None) -> str | None:
    if not np:
        return None
    np = _NP_STOP.split(np)[0].strip()
    return np or None


def _trim(c: Candidate) -> Candidate:
    """ "But Michael Dunn" -> "Michael Dunn": NAME also takes a capitalised opener."""
    words = c.name.split(" ")
    while len(words) > 1 and words[0] in SENTENCE_OPENERS | {"The", "A", "An"}:
        c.start += len(words[0]) + 1
        words = words[1:]
    c.name = " ".join(words)
    c.end = c.start + len(c.name)
    if c.character and c.char_start is not None:
        cw = c.character.split(" ")
        while len(cw) > 1 and cw[0] in SENTENCE_OPENERS | {"The", "A", "An"}:
            c.char_start += len(cw[0]) + 1
            cw = cw[1:]
        c.character = " ".join(cw)
    return c


def find_candidates(text: str) -> list[Candidate]:
    """Every credit the prose rules can see, names as written (not yet validated)."""
    found = map(_trim, _find_candidates(text))
    return [c for c in found if c.job == "actor" or not _word_no_name(c.name)]


# "Masterfully directed by ...", "Moreover, the director ...": a sentence's opening adverb
# or function word before a crew cue is no one (surnames in -ly, "Donnelly", "Kelly",
# have none of these endings). An actor's slot keeps them: "He plays Karl" still says
# that Karl is a part.
_ADVERB = re.compile(r"(?:ical|ful|ous|ive|ed|ing|ab|ib)ly$")


def _word_no_name(name: str) -> bool:
    """A one-word "name" that is an adverb or a function word."""
    word = name.lower()
    return " " not in word and (word in STOP_WORDS or _ADVERB.search(word) is not None)


def _actor_at(m: re.Match[str], **fields: Any) -> Candidate:
    """An actor candidate at a rule match's "name" group."""
    return Candidate(m.group("name"), m.start("name"), m.end("name"), "actor", **fields)


def _find_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    out += _paren_pairs(text)
    for m in _PLAYS.finditer(text):
        char = m.group("char")
        out.append(
            _actor_at(
                m,
                character=char,
                char_start=m.start("char") if char else None,
                note=None if char else _np(m.group("np")),
                rule="plays",
            )
        )
    for m in [*_AS.finditer(text), *_AS_LATE.finditer(text), *_AS_COMMA.finditer(text)]:
        out.append(
            _actor_at(
                m,
                character=m.group("char"),
                char_start=m.start("char"),
                rule="as",
            )
        )
    for m in _AS_PRONOUN.finditer(text):
        out.append(
            Candidate(
                "",
                m.start("pron"),
                m.end("pron"),
                "actor",
                character=m.group("char"),
                char_start=m.start("char"),
                pronoun=True,
                rule="as_pronoun",
            )
        )
    for m in _PLAYED_BY.finditer(text):
        char = m.group("char")
        out.append(
            _actor_at(
                m,
                character=char,
                char_start=m.start("char") if char else None,
                note=None if char else _np(m.group("np")),
                rule="played_by",
            )
        )
    for m in _AS_ROLE.finditer(text):
        out.append(
            _actor_at(
                m,
                note=_np(m.group("np")),
                rule="as",
            )
        )
    for rx in (_FILMOGRAPHY_IS, _TITLE_ROLE):
        for m in rx.finditer(text):
            np = _np(m.group("np")) if "np" in rx.groupindex else None
            out.append(
                Candidate(
                    m.group("name"), m.start("name"), m.end("name"), "actor", note=np, rule="plays"
                )
            )
    for m in _IS_CHARACTER.finditer(text):
        out.append(
            _actor_at(
                m,
                character=m.group("char"),
                char_start=m.start("char"),
                rule="as",
            )
        )
    for m in _POSSESSIVE_PART.finditer(text):
        out.append(
            _actor_at(
                m,
                character=m.group("char"),
                char_start=m.start("char"),
                rule="possessive_part",
            )
        )
    for rx, rule in ((_PLAYED_BY_BARE, "played_by"), (_ROLES_LIST, "cast_list")):
        for m in rx.finditer(text):
            for n in re.finditer(NAME, m.group("list")):
                start = m.start("list") + n.start()
                out.append(
                    Candidate(n.group(0), start, start + len(n.group(0)), "actor", rule=rule)
                )
    for m in _CREW_LIST.finditer(text):
        for n in re.finditer(NAME, m.group("list")):
            start = m.start("list") + n.start()
            for job in ("director", "screenwriter") if "written" in m.group(0) else ("director",):
                out.append(Candidate(n.group(0), start, start + len(n.group(0)), job, rule="crew"))
    for m in _CAST_LIST.finditer(text):
        cameo = "cameo" in m.group("cue").lower()
        for n in re.finditer(NAME, m.group("list")):
            start = m.start("list") + n.start()
            out.append(
                Candidate(
                    n.group(0),
                    start,
                    start + len(n.group(0)),
                    "actor",
                    note="cameo" if cameo else None,
                    rule="cast_list",
                )
            )
    for m in _CAMEO_BY.finditer(text):
        part = m.group("part")
        out.append(
            _actor_at(
                m,
                note=f"{part} (cameo)" if part else "cameo",
                rule="cast_list",
            )
        )
    for rx in _ACTOR_EVIDENCE:
        for m in rx.finditer(text):
            out.append(
                Candidate(
                    m.group("name"), m.start("name"), m.end("name"), "actor", rule="performance"
                )
            )
    for jobs, rx in _CREW_RE:
        for m in rx.finditer(text):
            for job in jobs:
                out.append(
                    Candidate(m.group("name"), m.start("name"), m.end("name"), job, rule="crew")
                )
    for m in _CREW_LED.finditer(text):
        led = next(i for i in range(len(_CREW_LED_JOBS)) if m.start(f"t{i}") >= 0)
        for job in _CREW_LED_JOBS[led]:
            out.append(Candidate(m.group("name"), m.start("name"), m.end("name"), job, rule="crew"))
    for m in _PRONOUN_JOBS.finditer(text):
        for verb in re.findall(r"[\w-]+", m.group("verbs")):
            if verb in _VERB_JOB:
                out.append(
                    Candidate(
                        "",
                        m.start(),
                        m.start() + 2,
                        _VERB_JOB[verb],
                        pronoun=True,
                        rule="pronoun_jobs",
                    )
                )
    for m in _OWN_SCORE.finditer(text):
        out.append(
            Candidate(
                "",
                m.start(),
                m.start() + 3,
                "composer",
                pronoun=True,
                note="score",
                rule="own_score",
            )
        )
    return out


def _paren_pairs(text: str) -> list[Candidate]:
    """ "Tom Harker (Robert Vance)", "a nurse (Keller)", "pimp (X in a cameo)",
    "Will and Eleanor (Matthew Broderick and Bridget Fonda)", "Robert Klein (as a mechanic)"."""
    out: list[Candidate] = []
    for m in _PAREN.finditer(text):
        left = text[max(0, m.start() - 60) : m.start()]
        # "Char (Actor)" never spans a paragraph break: "TITLE\n\n(Fine Line)" is a
        # distributor under a title
        left = re.split(r"\n[ \t]*\n", left)[-1]
        as_role = _PAREN_AS.match(m.group(1))
        if as_role:
            lc = _LEFT_CHAR.search(left)
            if lc:
                start = m.start() - len(left) + lc.start("char")
                char = as_role.group("char")
                out.append(
                    Candidate(
                        lc.group("char"),
                        start,
                        start + len(lc.group("char")),
                        "actor",
                        character=char,
                        char_start=m.start(1) + as_role.start("char") if char else None,
                        note=None if char else _np(as_role.group("np")),
                        rule="paren_as",
                    )
                )
            continue
        craft = _LEFT_CRAFT.search(left)
        inside = m.group(1)
        if craft:  # "the music (by Mark Isham)": "by" blanked, offsets kept
            inside = re.sub(r"^(\s*)by\s", r"\1   ", inside)
        inner = _PAREN_ACTOR.match(inside)
        if not inner:
            continue
        names = [(inner.group("name"), m.start(1) + inner.start("name"))]
        for n in re.finditer(NAME, inner.group("more") or ""):
            names.append((n.group(0), m.start(1) + inner.start("more") + n.start()))
        if craft:
            job = _CRAFT_JOB[" ".join(craft.group("craft").split())]
            out += [Candidate(n, at, at + len(n), job, rule="crew") for n, at in names]
            continue
        rest = inner.group("rest") or ""
        characters: list[tuple[str | None, int | None]] = [(None, None)]
        note = None
        lc = _LEFT_CHAR.search(left)
        words = lc.group("char").split() if lc else []
        if len(words) > 1 and words[0].lower() in JOB_WORDS:
            continue  # "Director Martha Moss (Rambling Rose)": her films, not a part
        if lc and not left[: lc.start()].rstrip().endswith(("director", "writer", "by")):
            chars = _LEFT_CHARS.search(left) if len(names) > 1 else None
            if chars:
                base = m.start() - len(left)
                characters = [
                    (c.group(0), base + chars.start() + c.start())
                    for c in re.finditer(NAME, chars.group(0))
                ]
            else:
                characters = [(lc.group("char"), m.start() - len(left) + lc.start("char"))]
        else:
            ln = _LEFT_NP.search(left)
            note = _np(ln.group("np")) if ln else None
        if "cameo" in rest:
            note = f"{note} (cameo)" if note else "cameo"
        if len(characters) != len(names):
            characters = [(None, None)] * len(names)
        for (name, start), (character, char_start) in zip(names, characters, strict=True):
            out.append(
                Candidate(
                    name,
                    start,
                    start + len(name),
                    "actor",
                    character=character,
                    char_start=char_start,
                    note=note,
                    rule="paren",
                )
            )
    return out


def crew_people(text: str, candidates: Iterable[Candidate], persons: Iterable[str]) -> list[str]:
    """The names crew cues give that read as people: a full name opening with a first name,
    one spaCy calls a person (`persons`), a listed one or one whose surname the review
    repeats alone; any name after a job or "by" ("directed by Hanna Sorel", "writer/director
    Jagmohan"); a word alone that is the surname of such a name in the review or of one
    listed person. A title-case title sits in the slots before a cue ("Crash's
    Canadian director", "Mercury Rising's script by", "Phenomenon's film makers") and is
    nobody's name: it stays free to be the film."""
    persons = {p for p in persons if len(p.split()) >= 2}
    crew = [c for c in candidates if c.rule == "crew" and c.name]
    full = [
        c.name
        for c in crew
        if listed_person(c.name)
        or (
            len(c.name.split()) >= 2
            and (
                starts_with_first_name(c.name)
                # spaCy calls "Liar Liar" a person too, and "Dark City" ends in a word
                # "Gotham City" brings back: a known title's name reads as its film
                or (
                    (c.name in persons or _surname_recurs(text, c.name))
                    and title_key(c.name) not in known_titles()
                )
            )
        )
    ]
    surnames = {person_key(n)[0] for n in [*full, *persons]}
    return [
        c.name
        for c in crew
        if c.name in full
        or _after_job(text, c.start)
        or (
            len(c.name.split()) == 1
            and (person_key(c.name)[0] in surnames or known_surname(c.name) != (0, 0))
        )
    ]


def _surname_recurs(text: str, name: str) -> bool:
    """The last word of `name` comes back alone ("Tobiah Varkonyi's film ... Varkonyi is"),
    as a person's surname does and a title's last word mostly does not. Alone is outside
    every mention of the whole name ("Liar Liar" holds its last word twice) and outside any
    other capitalised phrase ("Gotham City" brings back no surname of "Dark City"), bar an
    honorific, a job, a sentence opener ("While Varkonyi") or the name's own word before it
    ("Director Lynne Stopkewich ... Lynne Stopkewich")."""
    wholes = word_spans(text, name)
    words = name.split()
    own = {words[-2]} if len(words) > 1 else set()
    return any(
        not any(ws <= s < we for ws, we in wholes)
        and not inside_longer_name(text, s, e, before_ok=SENTENCE_OPENERS | own)
        for s, e in surname_spans(text, name)
    )


def _after_job(text: str, start: int) -> bool:
    """A job word or "by" right before `start` ("Writer/director Jagmohan", "a film by X")."""
    m = re.search(r"([A-Za-z]+)[\s,(]*$", text[max(0, start - 30) : start])
    word = m.group(1).lower() if m else ""
    return word == "by" or word in JOB_WORDS
