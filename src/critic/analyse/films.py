"""Which film a review is about, told from the review alone (no catalog needed).

Every source of a title adds named parts to its score, so a guess can say why: the
title the user gave, the page title, a credit header, the CAPS title that critics such
as Berardinelli and Rhodes use, or a title-case phrase the review keeps repeating. Among
the prose's candidates, the shipped title model (title_features.py, title_model.py) picks
the one under review from how the review writes about each; the hand-set weights decide
only when the model file is missing. A review whose film cannot be told gets no title: a
wrong film would merge reviews of different films, which is worse than leaving one
unassigned.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from critic.analyse.credits_header import Header, parse_header
from critic.analyse.entities import (
    SENTENCE_OPENERS,
    TITLE_RUN,
    TextSpan,
    first_names,
    is_plausible_name,
    starts_with_first_name,
    title_case_runs,
)
from critic.analyse.films_caps import Adder, paragraph_bounds, score_caps_titles
from critic.analyse.films_titles import display_title, title_key
from critic.analyse.identity import clean_name, name_tokens
from critic.analyse.linear_model import sigmoid
from critic.analyse.nlp import Entity
from critic.analyse.title_features import candidate_features
from critic.analyse.title_model import shipped_title_model
from critic.records import DocumentMeta, FilmGuess, Span

# stored with each review as its "films" component; 2: the title model picks the film;
# 3: more title-case candidates (possessives, colons, honorifics), model retrained;
# 4: quoted titles, dated labels are no titles, model retrained with quoted copies;
# 5: title-case candidates inside and around runs, person-like titles, model retrained
VERSION = "5"
MIN_CONFIDENCE = 0.35
_SITE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s*::\s*")
_REVIEW_WORDS = re.compile(
    r"\b(?:movie|film)?\s*reviews?\b\s*:?|\breview(?:ed)?\s*:\s*", re.IGNORECASE
)
_YEAR_AFTER = re.compile(r"^\s*\(\s*((?:18|19|20)\d{2})\s*\)")
_STATED_YEAR = re.compile(
    r"\b(?:this|the)\s+((?:19|20)\d{2})\s+(?:film|movie|release|picture|feature|production|drama|comedy|thriller)",
    re.IGNORECASE,
)
_ARTICLE_WORDS = frozenset("the a an this that these those".split())
_VERDICT = re.compile(r"\s+(?:is|was)\s+(?:a|an|the|one)\b")
# a quotation that is nothing but a title-case phrase: '"Tootsie"', '“Out of Africa”'
_QUOTED_TITLE = re.compile(rf"[\"“](?P<title>{TITLE_RUN})[,.!?]?[\"”]")
# "the movie Central Station", "his new film Starship Troopers", "Germinal (1993)",
# "Rock Star, directed by", "Joe the King by actor Frank Whaley": a title named as one
_NOUN_CUE = re.compile(
    r"\b(?:(?i:the|this|his|her|their|its)|[A-Z][\w\-]*['’]s?)\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:movie|film|comedy|drama|documentary|thriller|picture|feature|western|musical|"
    r"romance|satire|farce|melodrama|biopic|sequel|remake|epic|adaptation|fantasy)\s+$"
)
_AFTER_CUE = re.compile(
    r"\s*\((?:19|20)\d\d\)|,?\s+(?:directed|written|produced)\s+by\b|"
    r"\s+by\s+(?:writer|director|actor|actress|filmmaker|first-time)"
)
# "Double Jeopardy by Bruce Beresford": a work and who made it; "Directed by ...",
# "Music by ..." are credit labels, not titles
_MADE_BY = re.compile(r"\s+by\s+[A-Z][\w'’\-]+\s+[A-Z]")
_CRAFT_LABEL = re.compile(
    r"(?i)(?:ed|music|screenplay|story|score|photography|cinematography|design|costumes)$"
)
_WORKS_CUE = re.compile(
    r"(?:such|as|like|including|titles?|films?|movies?|hits?|efforts?|roles?|fare)\s*[\"“]?$|"
    r"\([^)]*[,/;]\s*[\"“]?$|\(\s*[\"“]?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def known_titles() -> dict[str, set[int]]:
    """The shipped film-title gazetteer (title_key -> years); empty if not shipped."""
    out: dict[str, set[int]] = defaultdict(set)
    try:
        data = resources.files("critic.resources").joinpath("film_titles.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    for line in data.splitlines():
        title, _, year = line.partition("\t")
        years = out[title_key(title)]
        if year.isdigit():
            years.add(int(year))
    return dict(out)


def strip_site_name(html_title: str) -> str:
    """ "Leaving Rome Tonight - Film Review | The Outlet" -> "Leaving Rome Tonight"."""
    parts = [p.strip() for p in _SITE_SEPARATORS.split(html_title) if p.strip()]
    parts = [p for p in parts if _REVIEW_WORDS.sub("", p).strip()] or parts
    if not parts:
        return ""
    best = _REVIEW_WORDS.sub("", parts[0]).strip(" :\"'“”")
    best = re.sub(r"\s*\((?:19|20)\d{2}\)\s*$", "", best)
    return best


@dataclass
class FilmCandidate:
    """A title that may be the film under review, the spans that name it and why."""

    title: str
    spans: list[Span] = field(default_factory=list)
    reasons: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return sum(self.reasons.values())


def identify_film(text: str, meta: DocumentMeta | None = None) -> FilmGuess:
    """Which film `text` reviews, with a confidence made of named parts."""
    from critic.analyse.nlp import entities

    return identify_film_from(text, meta, entities(text), parse_header(text))


def identify_film_from(
    text: str,
    meta: DocumentMeta | None,
    ents: list[Entity],
    header: Header,
    people: Iterable[str] = (),
) -> FilmGuess:
    """identify_film with the review's entities and header already computed.

    A title the user gives wins, then one a credit header states, then the page title
    where the prose names it too. Otherwise the shipped title model, when present, picks
    among the prose's candidates (its probability is the confidence), preferring one the
    page title contains; a page title the prose never names comes last, since pages often
    title a review "X review: a quiet storm of a film". Without the model the hand scores
    decide, their sum being the confidence. The reasons are the chosen candidate's named
    parts either way.
    """
    meta = meta or DocumentMeta()
    if meta.film:
        spans = [Span(m.start(), m.end()) for m in _find(text, meta.film)]
        year, source = (meta.year, "given") if meta.year else _year(text, spans, header, meta)
        return FilmGuess(meta.film, year, source, 1.0, {"given": 1.0}, spans)
    model = shipped_title_model()
    candidates, style = film_candidates(text, meta, ents, header, people, model is not None)
    if not candidates:
        return _none(text, header, meta)
    stated = [c for c in candidates if "header" in c.reasons] or [
        c for c in candidates if "html_title" in c.reasons and c.spans
    ]
    page = [c for c in candidates if "html_title" in c.reasons and not c.spans]
    prose = [c for c in candidates if c not in stated and c not in page]
    if stated:
        best = max(stated, key=lambda c: c.score)
        confidence, needed = min(1.0, round(best.score, 3)), 0.0
    elif model is not None and prose:
        features = film_candidate_features(_mask(text, header.spans), prose, ents, style)
        scored = [model.scores(f) for f in features]
        probs = [sigmoid(s["film"]) for s in scored]
        # for title-case and quoting critics the ranking output (learned from pairs of
        # candidates) picks, where the model has one; "film" says how sure the pick is
        rank = "rank" if style != "caps" else "film"
        ranks = [s.get(rank, s["film"]) for s in scored]
        page_keys = [title_key(c.title) for c in page]
        ranked = list(zip(ranks, probs, prose, strict=True))
        in_page = [
            r
            for r in ranked
            if any(f" {title_key(r[2].title)} " in f" {key} " for key in page_keys)
        ]
        _, p, best = max(in_page or ranked, key=lambda r: r[0])
        threshold = model.thresholds.get(f"film_{style}", model.thresholds["film_plain"])
        confidence, needed = round(p, 3), 0.0 if in_page else threshold
        if confidence < needed and page:
            best = page[0]
            confidence, needed = min(1.0, round(best.score, 3)), MIN_CONFIDENCE
    else:
        best = max(candidates, key=lambda c: c.score)
        confidence, needed = min(1.0, round(best.score, 3)), MIN_CONFIDENCE
    if confidence < needed:
        return _none(text, header, meta)
    spans = sorted(best.spans, key=lambda s: s.start)
    year, source = _year(text, spans, header, meta)
    return FilmGuess(best.title, year, source, confidence, best.reasons, spans)


def film_candidates(
    text: str,
    meta: DocumentMeta,
    ents: list[Entity],
    header: Header,
    people: Iterable[str] = (),
    wide: bool = False,
) -> tuple[list[FilmCandidate], str]:
    """Every title that may be the film under review, with its hand-scored named parts,
    and how the critic writes titles: "caps", "quotes" (two or more different quoted
    title-case phrases) or "plain" (title case).

    `wide` also lets in one-word title-case phrases seen twice or in the title gazetteer
    ("Basquiat, the fictionalized biography ..."): too noisy for the hand scores, which
    is why only the title model, trained on them, asks for them.
    """
    candidates: dict[str, FilmCandidate] = {}

    def add(title: str, reason: str, weight: float, spans: list[Span]) -> None:
        key = title_key(title)
        if not key:
            return
        cand = candidates.setdefault(key, FilmCandidate(title))
        cand.reasons[reason] = round(cand.reasons.get(reason, 0.0) + weight, 3)
        cand.spans.extend(s for s in spans if s not in cand.spans)

    if header.title:
        span = [Span(*header.title_span)] if header.title_span else []
        add(display_title(header.title), "header", 0.6, span)
    if meta.html_title:
        page = strip_site_name(meta.html_title)
        if page:
            add(page, "html_title", 0.5, [Span(m.start(), m.end()) for m in _find(text, page)])

    masked = _mask(text, header.spans)
    caps_runs = score_caps_titles(masked, add)
    caps_writer = caps_runs >= 2
    quoted = set() if caps_writer else quoted_titles(masked)
    _score_title_case(masked, ents, list(people) + list(meta.cast), add, caps_writer, wide, quoted)
    style = "caps" if caps_writer else "quotes" if quoted else "plain"

    gazetteer = known_titles()
    for key, cand in candidates.items():
        if key in gazetteer and cand.score > 0:
            cand.reasons["known_title"] = 0.1
    return list(candidates.values()), style


def quoted_titles(text: str) -> set[TextSpan]:
    """Title-case phrases standing alone in quotation marks, when there are at least two
    different ones: a critic who writes titles that way ('Pollack ("Tootsie"/"Out of
    Africa") directs ... "The Firm" is ...'). One such phrase is more likely a show, a
    song or a scare-quoted word than a habit."""
    found = [
        TextSpan(m.start("title"), m.end("title"), m.group("title"))
        for m in _QUOTED_TITLE.finditer(text)
    ]
    return set(found) if len({title_key(f.text) for f in found}) >= 2 else set()


def film_candidate_features(
    text: str, candidates: list[FilmCandidate], ents: list[Entity], style: str
) -> list[dict[str, float]]:
    """The title model's features for each candidate, in order (see title_features.py);
    `style` is the writing style film_candidates gave."""
    firsts = [min((s.start for s in c.spans), default=len(text)) for c in candidates]
    by_first = sorted(range(len(firsts)), key=firsts.__getitem__)
    order = {i: rank for rank, i in enumerate(by_first, 1)}
    by_score = sorted(range(len(candidates)), key=lambda i: -candidates[i].score)
    hand_rank = {i: rank for rank, i in enumerate(by_score, 1)}
    return [
        candidate_features(text, c.title, c.spans, c.reasons, ents, style, order[i], hand_rank[i])
        for i, c in enumerate(candidates)
    ]


def _none(text: str, header: Header, meta: DocumentMeta) -> FilmGuess:
    year, source = _year(text, [], header, meta)
    return FilmGuess(None, year, source, 0.0, {}, [])


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _find(text: str, title: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", text, re.IGNORECASE))


def _score_title_case(
    text: str,
    ents: list[Entity],
    people: list[str],
    add: Adder,
    caps_writer: bool,
    wide: bool,
    quoted: set[TextSpan],
) -> None:
    """Title-case phrases as candidates. `quoted` holds the titles of a critic who writes
    them in quotation marks: for such a critic a quoted phrase is named as a title, even
    one word said once ('"Tootsie"')."""
    person_keys = {" ".join(name_tokens(p)) for p in people}
    # "Van Sant" of "Gus Van Sant": any tail of a person's name is a name, not a title
    for e in ents:
        tokens = name_tokens(e.text)
        if e.label == "PERSON" and starts_with_first_name(e.text):
            person_keys |= {" ".join(tokens[i:]) for i in range(1, len(tokens))}
    first_end, last_start = paragraph_bounds(text)
    groups: dict[str, list[TextSpan]] = defaultdict(list)
    cued: set[TextSpan] = set()
    person_like: set[TextSpan] = set()
    runs, opener_kept = _title_case_candidates(text, wide)
    for run in runs:
        name = clean_name(run.text)  # "Composer Daniel Moss" is "Daniel Moss"
        if len(run.text) < 3 or {" ".join(name_tokens(n)) for n in (run.text, name)} & person_keys:
            continue
        if run.text.lower() in _ARTICLE_WORDS:
            continue  # "The" opening a sentence
        another_work = _WORKS_CUE.search(text[max(0, run.start - 30) : run.start])
        if (
            _NOUN_CUE.search(text[max(0, run.start - 60) : run.start])
            or _AFTER_CUE.match(text, run.end)
            or (_MADE_BY.match(text, run.end) and not _CRAFT_LABEL.search(run.text))
        ):
            cued.add(run)  # named as a film: whatever it looks like, it is a title
        elif another_work:
            continue  # "such films as X", "Dunn (X, Y)": another work, not this one
        elif run in quoted:
            cued.add(run)  # a critic who quotes titles quoted this one: '"Jerry Maguire"'
        elif starts_with_first_name(name) and is_plausible_name(name) and not _titled(name):
            if not wide:
                continue  # "Peter Marsh", not a title
            # ... mostly; the model reads "Michael Collins", "Jackie Brown", "Jude" by
            # how the review writes about them, told that they look like a person's name
            person_like.add(run)
        groups[title_key(run.text)].append(run)
    gazetteer = known_titles()
    for key, spans in groups.items():
        words = spans[0].text.split()
        count = len(spans)
        named_as_film = any(s in cued for s in spans)
        looks_like_person = any(s in person_like for s in spans) or (
            len(words) == 1 and words[0] in first_names()
        )
        if looks_like_person and not named_as_film and not (wide and count >= 2):
            continue
        owners = [_owner(text, s.start) for s in spans]
        by_person = any(o and _is_person_name(o, person_keys) for o in owners)
        if len(words) == 1 and not (
            (count >= 3 and key in gazetteer)
            # "Lucho Bender's Felicidades": once, but owned as a film is
            or (wide and (count >= 2 or key in gazetteer or named_as_film or by_person))
        ):
            continue
        if (
            key not in gazetteer
            and not named_as_film  # "the film Fargo"
            and _mostly_labelled(spans, ents, {"GPE", "LOC", "FAC", "NORP"})
        ):
            continue  # a place the story visits, however often
        parts = {"title_case": 0.1, "repeated_title_case": min(0.45, 0.15 * (count - 1))}
        if named_as_film:
            parts["named_as_film"] = 0.1
        elif looks_like_person:
            parts["person_like"] = -0.3
        if all(s in opener_kept for s in spans):
            parts["opener_kept"] = -0.1
        if any(_VERDICT.match(text, s.end) for s in spans):
            parts["subject_of_verdict"] = 0.15
        if caps_writer:
            # a critic who writes titles in CAPS wrote this one some other way: unlikely
            parts = {k: v / 2 for k, v in parts.items()}
        if any(owners):
            # "Jon Avnet's Up Close and Personal" names the film; "On Her Majesty's Secret
            # Service" and "Geri's Game" are one title, and the tail alone is not it
            parts["owned_by_person" if by_person else "owned_by_other"] = (
                0.05 if by_person else -0.05
            )
        if spans[0].start < first_end:
            parts["first_paragraph"] = 0.05
        if spans[-1].start >= last_start:
            parts["last_paragraph"] = 0.1
        title = max((s.text for s in spans), key=lambda t: sum(c.isupper() for c in t))
        for reason, weight in parts.items():
            if weight:
                add(title, reason, weight, [Span(s.start, s.end) for s in spans])


def _title_case_candidates(text: str, wide: bool = False) -> tuple[list[TextSpan], set[TextSpan]]:
    """Title-case runs, and the titles inside or across them a run alone misses; and
    which of them kept an opener word a sentence start would trim.

    - what a possessive inside a run owns: "John Ashby's The Next Best Thing" holds "The
      Next Best Thing" ("Schindler's List" is itself a title, so the whole run stays too);
    - what comes before a verb the run swallowed: "Ridicule is a French" holds
      "Ridicule", "Speed is Die Hard on a bus" holds "Speed";
    - a title after a part or before its maker: "Newman in Where the Money Is", "Double
      Jeopardy by Bruce Beresford", "Love's Labour's Lost from 1940";
    - a title and its subtitle across a colon: "Lara Croft: Tomb Raider";
    - a title opening with initials: "L.A. Confidential", "Cecil B. Demented".

    `wide` (the title model's candidates) also keeps, beside a run trimmed at a sentence
    start, the run with its opener ("Before Sunrise", "Our Lady of the Assassins", "I
    Shot Andy Warhol"), marked as such for the model.
    """
    runs = _with_initials(text, title_case_runs(text))
    out = []
    for i, run in enumerate(runs):
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        whole = [run]
        if nxt:
            between = text[run.end : nxt.start]
            joined = TextSpan(run.start, nxt.end, text[run.start : nxt.end])
            # "Lara Croft: Tomb Raider", "Face/Off"; over a comma only where the joined
            # text comes back ("Mystery, Alaska"), as for CAPS titles
            if between in (": ", "/") or (between == ", " and text.count(joined.text) >= 2):
                whole.append(joined)
        for span in whole:
            out.append(span)
            for m in re.finditer(r"['’]s? (?=[A-Z\d])", span.text):
                out.append(TextSpan(span.start + m.end(), span.end, span.text[m.end() :]))
        # "Newman in Where the Money Is": what follows a part. (Not what follows a
        # gerund: "Leaving Las Vegas" and "Raising Arizona" are titles, not places.)
        for m in re.finditer(r" in (?=[A-Z\d])", run.text):
            out.append(TextSpan(run.start + m.end(), run.end, run.text[m.end() :]))
        head = re.match(r"(.+?) (?:is|by|from|with|or) ", run.text)
        if head:
            out.append(TextSpan(run.start, run.start + head.end(1), head.group(1)))
    out = _restore_openers(text, out)
    kept: set[TextSpan] = set()
    if wide:
        for run in list(out):
            longer = _with_opener(text, run)
            if longer and longer not in out:
                out.append(longer)
                kept.add(longer)
    return out, kept


# Words that open both sentences and titles ("Before Sunrise", "In the Line of Fire");
# a conjunction or sentence adverb ("But", "However") opens no title
_TITLE_OPENERS = frozenset(
    """When Where Here There What Who Why How In On At Of For To From With After Before
    Until Once Not No My Your Our His Her Their I He She We You It Every Some All Such
    First Last Next Like As Still""".split()
)


def _with_opener(text: str, run: TextSpan) -> TextSpan | None:
    m = re.search(r"(?:^|(?<=\s))([A-Z][a-z]*) $", text[max(0, run.start - 12) : run.start])
    if not m or m.group(1) not in _TITLE_OPENERS:
        return None
    name = clean_name(run.text)
    if starts_with_first_name(name) and is_plausible_name(name):
        return None  # "When Ben Sanderson ..." opens a sentence about Ben
    word = m.group(1)
    return TextSpan(run.start - len(word) - 1, run.end, f"{word} {run.text}")


def _with_initials(text: str, runs: list[TextSpan]) -> list[TextSpan]:
    """A run right after capitalised words ending in initials ("L.A. ", "Cecil B. ")
    starts there: the initials' full stops broke the run."""
    out = []
    for run in runs:
        m = re.search(
            r"(?<![\w.])((?:[A-Z][\w'’\-]* )*(?:[A-Z]\.)+) $",
            text[max(0, run.start - 40) : run.start],
        )
        if m:
            run = TextSpan(run.start - len(m.group(1)) - 1, run.end, f"{m.group(1)} {run.text}")
        out.append(run)
    return out


def _restore_openers(text: str, runs: list[TextSpan]) -> list[TextSpan]:
    """A run whose opener word was trimmed at a sentence start ("He Got Game is ...", "Not
    One Less opens ...") gets it back when the review also writes the longer phrase
    mid-sentence ("Lee's He Got Game"), where nothing is trimmed."""
    keys = {title_key(r.text) for r in runs}
    out = []
    for run in runs:
        m = re.search(r"(?:^|(?<=\s))([A-Z][a-z]*) $", text[max(0, run.start - 12) : run.start])
        if m and m.group(1) in SENTENCE_OPENERS:
            longer = f"{m.group(1)} {run.text}"
            if title_key(longer) in keys:
                run = TextSpan(run.start - len(m.group(1)) - 1, run.end, longer)
        out.append(run)
    return out


def _titled(name: str) -> bool:
    """A name-led phrase with the small words of a title ("Grace of My Heart", "Anna and
    the King", "Oliver & Company"), and not two people ("Alice and Martin")."""
    if not re.search(r" (?:of|the|and|&|in|on|at|to|for|with|from|a|an|is|my|me|not) ", name):
        return False
    pieces = re.split(r" (?:and|&) ", name)
    return not (
        len(pieces) > 1 and all(starts_with_first_name(p) and is_plausible_name(p) for p in pieces)
    )


def _owner(text: str, start: int) -> str | None:
    """The capitalised words owning what starts at `start` ("Jon Avnet" of "Jon Avnet's
    Up Close ..."), or None when no possessive comes right before it."""
    m = re.search(r"([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*)['’]s? $", text[max(0, start - 60) : start])
    return m.group(1) if m else None


def _is_person_name(name: str, person_keys: set[str]) -> bool:
    tokens = name_tokens(name)
    return (
        starts_with_first_name(clean_name(name))
        or " ".join(tokens) in person_keys
        or (bool(tokens) and tokens[-1] in person_keys)
    )


def _mostly_labelled(spans: list[TextSpan], ents: list[Entity], labels: set[str]) -> bool:
    hits = sum(
        any(e.label in labels and e.start <= s.start and s.end <= e.end for e in ents)
        for s in spans
    )
    return hits * 2 > len(spans)


def _year(
    text: str, spans: list[Span], header: Header, meta: DocumentMeta
) -> tuple[int | None, str | None]:
    for span in spans:
        m = _YEAR_AFTER.match(text[span.end : span.end + 10])
        if m:
            return int(m.group(1)), "text"
    m = _STATED_YEAR.search(text)
    if m:
        return int(m.group(1)), "stated"
    if header.year:
        return header.year, "text"
    if meta.year:
        return meta.year, "given"
    if meta.published and meta.published[:4].isdigit():
        return int(meta.published[:4]), "published"
    return None, None
