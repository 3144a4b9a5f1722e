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
from collections.abc import Iterable
from dataclasses import dataclass, field

from critic.analyse.credits_header import Header, parse_header
from critic.analyse.entities import TITLE_RUN, TextSpan
from critic.analyse.films_caps import score_caps_titles
from critic.analyse.films_title_case import score_title_case
from critic.analyse.films_titles import display_title, known_titles, title_key
from critic.analyse.linear_model import sigmoid
from critic.analyse.nlp import Entity
from critic.analyse.title_features import candidate_features
from critic.analyse.title_model import pick_score, shipped_title_model
from critic.records import DocumentMeta, FilmGuess, Span

__all__ = [
    "FilmCandidate",
    "display_title",
    "film_candidate_features",
    "film_candidates",
    "identify_film",
    "identify_film_from",
    "known_titles",
    "quoted_phrases",
    "quoted_titles",
    "strip_site_name",
    "title_key",
]

# stored with each review as its "films" component; 2: the title model picks the film;
# 3: more title-case candidates (possessives, colons, honorifics), model retrained;
# 4: quoted titles, dated labels are no titles, model retrained with quoted copies;
# 5: title-case candidates inside and around runs, person-like titles, model retrained;
# 6: quoted phrases said once, names said once that spaCy reads as no person; the model
# trained on IMDb user reviews too, its thresholds weighing reviews that name no film;
# 7: critics' and users' reviews (DocumentMeta.writer) have thresholds of their own;
# 8: a title after "was" or "has" is no longer taken for another work ("as" matched inside);
# two full names joined by "and" are people, not a title candidate; 9: apposition and
# ", by writer/director" cues, "Chris and Paul Weitz" and "The Coens" no title, a run
# holding its owner's full name marked, model retrained; 10: a crew slot's name that reads
# as no person ("Phenomenon's film makers") is no longer kept from being the title, places
# offered to the model marked, "As" opening a sentence no works cue, model retrained;
# 11: the pick mixes the model's two outputs in a share per writing style ("rank_mix"), a
# candidate whose words also appear in lower case marked, a name cut at its middle
# initial ("Director Walter K" of "Walter K. Brennan") no candidate, model retrained;
# 12: model retrained on 0.14's credit rules (the names they give are no title);
# 13: cues read past a title's quotation marks ('his new film "Central Station"', 'like
# "Speed"'), a known title or a repeated word ("Liar Liar") no crew name, a quoted title
# that is a person's surname ('"Basquiat"') still a candidate, model retrained;
# 14: "who was great in X" / "previously brought the world X" another film, no title-case
# run ends in an article ("Intimate Relations A film review"), a film owned by a full name
# spaCy calls a person ("Lucho Bender's Felicidades") a candidate, model retrained; 15: a
# year dating a title ("Louis Malle's 1959 LES AMANTS") no part of it, model retrained
VERSION = "15"
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


def _double_quoted(group: str) -> str:
    """A quotation that is nothing but a title-case phrase: '"Tootsie"', '“Out of Africa”'."""
    return rf"[\"“](?P<{group}>{TITLE_RUN})[,.!?]?[\"”]"


_QUOTED_TITLE = re.compile(_double_quoted("title"))
# ... and in single quotation marks too ("I watched 'Envy'", "`Envy' is"); no word
# character may touch single marks, so an apostrophe opens none
_QUOTED_PHRASE = re.compile(
    rf"{_double_quoted('double')}|(?<!\w)['‘`](?P<single>{TITLE_RUN})[,.!?]?['’](?!\w)"
)


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
        # the ranking output (learned from pairs of candidates) and the probability pick
        # together, in the style's share; "film" says how sure the pick is
        ranks = [pick_score(model, s, style) for s in scored]
        page_keys = [title_key(c.title) for c in page]
        ranked = list(zip(ranks, probs, prose, strict=True))
        in_page = [
            r
            for r in ranked
            if any(f" {title_key(r[2].title)} " in f" {key} " for key in page_keys)
        ]
        _, p, best = max(in_page or ranked, key=lambda r: r[0])
        threshold = _threshold(model.thresholds, style, meta.writer)
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
    phrases = quoted_phrases(masked) if wide else set()
    score_title_case(
        masked, ents, list(people) + list(meta.cast), add, caps_writer, wide, quoted, phrases
    )
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


def quoted_phrases(text: str) -> set[TextSpan]:
    """Every title-case phrase standing alone in quotation marks, double or single, said
    once or more, opener words and all ('"In Cold Blood" is ...'): most writers who quote
    a title at all quote the film they review, but one quoted phrase may as well be a
    show, a song or a scare quote, so only the title model is offered them, marked so."""
    found = set()
    for m in _QUOTED_PHRASE.finditer(text):
        group = "double" if m.group("double") else "single"
        found.add(TextSpan(m.start(group), m.end(group), m.group(group)))
    return found


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


def _threshold(thresholds: dict[str, float], style: str, writer: str | None) -> float:
    """The title model's probability a pick needs for a writing style: critics' thresholds
    are the plain keys ("film_caps"), users' end in "_users" (users often review a film
    without naming it, so another title they name is more often taken for it)."""
    critics = thresholds.get(f"film_{style}", thresholds["film_plain"])
    return thresholds.get(f"film_{style}_users", critics) if writer == "user" else critics


def _none(text: str, header: Header, meta: DocumentMeta) -> FilmGuess:
    year, source = _year(text, [], header, meta)
    return FilmGuess(None, year, source, 0.0, {}, [])


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _find(text: str, title: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", text, re.IGNORECASE))


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
