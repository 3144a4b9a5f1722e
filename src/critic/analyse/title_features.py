"""What the text around a candidate title says about it being the film under review.

The candidates come from films.py (CAPS runs, repeated title-case phrases), each with
the named parts the hand-written scorer gives it ("opens_paragraph", "introduced", ...).
Hand weights on those parts let the film a critic keeps comparing against win ("shades
of CLOSE ENCOUNTERS OF THE THIRD KIND, PHENOMENON is ..."; "THE CRYING GAME's director,
Neil Jordan, is at it again with ... THE BUTCHER BOY"). So each candidate also gets the
company its mentions keep (the words right before and after, what a possessive owns,
whether a sentence opens with it), where it first appears among the candidates, and its
shape. These features are read by a small linear model (`title_model.py`) trained on
reviews whose true title is known (training/train_title_model.py).

Titles themselves are never features: the model must not learn which films exist, only
how critics write about the one they review. The one piece of knowledge it gets is the
shipped title gazetteer's yes or no, as the hand scorer does.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from critic.analyse.entities import word_spans
from critic.analyse.films_caps import reads_as_another_film
from critic.analyse.nlp import Entity
from critic.analyse.role_features import count_bucket, mention_features
from critic.records import Span

_ENTITY_LABELS = ("PERSON", "ORG", "GPE", "WORK_OF_ART", "NORP", "LOC", "FAC")


def candidate_features(
    text: str,
    title: str,
    spans: Sequence[Span],
    reasons: dict[str, float],
    ents: Sequence[Entity],
    style: str,
    order: int,
    hand_rank: int,
) -> dict[str, float]:
    """One candidate's features. `order` is 1 for the candidate mentioned first, 2 next, ...;
    `hand_rank` is 1 for the candidate the hand-written scores rank first, 2 next, ...;
    `style` is how the critic writes titles: "caps", "quotes" or "plain"."""
    counts: Counter[str] = Counter()
    for span in spans:
        counts.update(mention_features(text, span.start, span.end))
    out = {f: math.log1p(c) for f, c in counts.items()}
    # how many mentions read as another film ("Like X", "X's director, Y") and how many not
    other = sum(reads_as_another_film(text, s.start, s.end) for s in spans)
    out[f"other_mentions={count_bucket(other)}"] = 1.0
    out[f"main_mentions={count_bucket(len(spans) - other)}"] = 1.0
    if spans:
        out["other_share"] = other / len(spans)
    source = "caps" if "all_caps" in reasons else "title_case"
    for reason in reasons:
        out[f"part={reason}"] = 1.0
    out[f"source={source}"] = 1.0
    # a CAPS critic who writes this one in title case, or a title-case critic: apart;
    # and for a critic who quotes titles, whether this one is quoted
    quoted = sum(_in_quotes(text, s) for s in spans)
    if style == "quotes":
        source = "quoted" if quoted * 2 > len(spans) else source
    out[f"writer={style}_{source}"] = 1.0
    if spans:
        out["quoted_share"] = quoted / len(spans)
    out[f"mentions={count_bucket(len(spans))}"] = 1.0
    out[f"order={min(order, 5)}"] = 1.0
    out[f"hand_rank={min(hand_rank, 4)}"] = 1.0
    if spans:
        first = min(s.start for s in spans) / max(1, len(text))
        out[f"first_at={min(4, int(first * 5))}"] = 1.0
    words = title.split()
    out[f"words={min(len(words), 6)}"] = 1.0
    if ":" in title:
        out["has_colon"] = 1.0
    if any(ch.isdigit() for ch in title):
        out["has_digit"] = 1.0
    if re.search(r"\([^)]*\)", title):
        out["has_parens"] = 1.0
    # the same words in lower case elsewhere ("One of the ...", "... at one point"): an
    # ordinary word a sentence start capitalised, or a title that is one ("Crash")
    if title.lower() != title and _in_lower_case(text, title):
        out["also_lower_case"] = 1.0
    for label in _ENTITY_LABELS:
        inside = sum(
            any(e.label == label and e.start <= s.start and s.end <= e.end for e in ents)
            for s in spans
        )
        if inside:
            out[f"entity={label}"] = inside / len(spans)
    out["bias"] = 1.0
    return out


def _in_quotes(text: str, span: Span) -> bool:
    before = text[span.start - 1 : span.start]
    after = text[span.end : span.end + 2].lstrip(",.!?")[:1]
    return before in ('"', "“") and after in ('"', "”")


def _in_lower_case(text: str, title: str) -> bool:
    return bool(word_spans(text, title.lower(), left="'’", right="'’"))
