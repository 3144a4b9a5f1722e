"""What the text around a person's mentions says about their job, as sparse features.

The credit rules catch the explicit phrasings ("directed by X", "X plays Y"); critics
more often credit in passing: "Bigelow's tight pacing", "Donner makes a wise decision",
"THE VENUS OF WILLENDORF, Elisabetta Lodoli's feature debut". What separates a director
from an actor there is the company a name keeps: the words right before and after each
mention, what follows a possessive, whether the name sits in parentheses after a part.
These features are counted over all of a person's mentions and read by a small linear
model (`role_model.py`) trained on credit headers (training/train_role_model.py).

Names themselves are never features: the model must not learn who directs, only how
critics write about those who do. The one piece of knowledge it gets is whether the
shipped catalog list (resources/film_people.tsv, built by training/build_film_people.py)
has the person as a director or an actor at all, and how often.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from critic.analyse.identity import person_key

_TOKEN = re.compile(r"['’]s\b|[A-Za-z][A-Za-z\-]*|\d+|[^\sA-Za-z\d]")
_WINDOW = 70  # characters either side of a mention: about six words
_WIDE = 160  # for the looser bag of words


# the same words come back in every window of every review: their shapes are remembered
@lru_cache(maxsize=1 << 16)
def _shape(token: str) -> str:
    """Lower-case words stay themselves; names and titles collapse to their shape."""
    if token in ("'s", "’s"):
        return "'s"
    if token.isdigit():
        return "<num>"
    if len(token) > 1 and token.isupper():
        return "<CAPS>"
    if token[:1].isupper():
        return "<Cap>"
    return token.lower()


def _tokens(text: str) -> list[str]:
    return [_shape(t) for t in _TOKEN.findall(text)]


def mention_features(prose: str, start: int, end: int) -> list[str]:
    """Context features of one mention at prose[start:end]."""
    left = _tokens(prose[max(0, start - _WINDOW) : start])[-4:]
    right_text = prose[end : end + _WINDOW]
    if _bare_apostrophe(prose, end):
        right_text = "'s" + right_text[1:]  # "Frears' film" owns as "Lind's film" does
    right = _tokens(right_text)[:4]
    left = ["<s>"] * (4 - len(left)) + left
    right = right + ["</s>"] * (4 - len(right))
    feats = [
        f"L1={left[-1]}",
        f"L2={left[-2]}",
        f"L12={left[-2]}_{left[-1]}",
        f"R1={right[0]}",
        f"R2={right[1]}",
        f"R12={right[0]}_{right[1]}",
        f"R123={right[0]}_{right[1]}_{right[2]}",
    ]
    # a bag of the plain words around the mention: "camera", "performance", "script"
    for word in {*left, *right}:
        if word.isalpha() and word.islower():
            feats.append(f"W={word}")
    # and, more loosely, of the sentence or two around it: "screenplay", "camera", "role"
    wide = _tokens(prose[max(0, start - _WIDE) : start]) + _tokens(prose[end : end + _WIDE])
    for word in set(wide):
        if len(word) > 3 and word.isalpha() and word.islower():
            feats.append(f"B={word}")
    if left[-1] == "(" and right[0] == ")":
        feats.append("in_parens")
    if right[0] == "'s":
        # what the possessive owns: "X's film", "X's performance", "X's CAPS TITLE"
        feats.append(f"POSS={right[1]}")
        feats.append(f"POSS2={right[1]}_{right[2]}")
    if left[-1] in (".", "<s>", '"'):
        feats.append(f"SUBJ={right[0]}")  # a sentence opens with the name: what it does
    return feats


def person_features(
    prose: str,
    spans: Iterable[tuple[int, int]],
    full_name: bool,
    rule_jobs: Iterable[str],
    has_character: bool,
    rank: int,
    name: str = "",
    film_spans: Iterable[tuple[int, int]] = (),
    other_film_spans: Iterable[tuple[int, int]] = (),
) -> dict[str, float]:
    """One person's features: context counts (log-scaled) plus what the rules said.

    `rank` is 1 for the person mentioned most in the review, 2 for the next, ...;
    `other_film_spans` are the other films' titles the review names (its CAPS titles that
    are not the film): "Wes Craven's SCREAM" ties Craven to another film, not this one.
    """
    counts: Counter[str] = Counter()
    spans = sorted(spans)
    films = list(film_spans)
    others = list(other_film_spans)
    for s, e in spans:
        counts.update(mention_features(prose, s, e))
        counts.update(_film_relation(prose, s, e, films, others))
        counts.update(f"other_{f}" for f in _film_relation(prose, s, e, others, films))
    out = {f: math.log1p(c) for f, c in counts.items()}
    out[f"mentions={count_bucket(len(spans))}"] = 1.0
    out[f"rank={min(rank, 4)}"] = 1.0
    if spans:
        first = spans[0][0] / max(1, len(prose))
        out[f"first_at={min(3, int(first * 4))}"] = 1.0
    out["full_name" if full_name else "surname_only"] = 1.0
    for job in set(rule_jobs):
        out[f"rule={job}"] = 1.0
    if has_character:
        out["rule=character"] = 1.0
    # a surname alone counts as the one person the list gives it to ("Kubrick")
    directed, acted = known_film_person(name) if full_name else known_surname(name)
    if directed:
        out["known_director"] = 1.0
        out[f"known_director={'1' if directed == 1 else '2-3' if directed < 4 else '4+'}"] = 1.0
        # the list knows the name, but is this review about their film? A famous director
        # named once in passing ("in the tradition of Spielberg") is the list's knowledge
        # without the prose's; a linear model cannot say "and", so each pair is a feature
        tied = "film_after" in counts or "film_before" in counts
        out[f"known_director&mentions={count_bucket(len(spans))}"] = 1.0
        out[f"known_director&{'tied' if tied else 'untied'}"] = 1.0
    if acted:
        out["known_actor"] = 1.0
        out[f"known_actor={'1' if acted == 1 else '2-3' if acted < 4 else '4+'}"] = 1.0
    out["bias"] = 1.0
    return out


@lru_cache(maxsize=1)
def film_people() -> dict[tuple[str, str], tuple[int, int]]:
    """The shipped film-people list: person key -> (films directed, films acted in)."""
    ref = resources.files("critic.resources").joinpath("film_people.tsv")
    if not ref.is_file():
        return {}
    people: dict[tuple[str, str], tuple[int, int]] = {}
    for line in ref.read_text(encoding="utf-8").splitlines():
        name, directed, acted = line.split("\t")
        key = person_key(name)
        d, a = people.get(key, (0, 0))
        people[key] = (d + int(directed), a + int(acted))
    return people


def known_film_person(name: str) -> tuple[int, int]:
    """(films directed, films acted in) by this full name in the shipped catalog list."""
    return film_people().get(person_key(name), (0, 0))


def listed_person(name: str) -> bool:
    """Whether `name` is a full name (two words or more) the shipped catalog list holds."""
    return len(name.split()) >= 2 and known_film_person(name) != (0, 0)


@lru_cache(maxsize=1)
def known_surnames() -> dict[str, tuple[int, int]]:
    """Surname -> (films directed, films acted in) for each surname that names one person
    in the shipped list: the only one with it ("Kubrick"), or the only one of several who
    directed more than one film (David Lynch, not Jane Lynch); "Lee" is several directors.
    Whoever changes film_people()'s dict (benchmarks measuring blind, tests) calls
    known_surnames.cache_clear() afterwards."""
    by_surname: dict[str, list[tuple[int, int]]] = {}
    for (last, _first), person in film_people().items():
        by_surname.setdefault(last, []).append(person)
    out: dict[str, tuple[int, int]] = {}
    for last, people in by_surname.items():
        # of several people, the one director among them: a surname said alone in prose
        # about a film is a director's far more often than anyone else's
        directors = [p for p in people if p[0] >= 2]
        if len(people) == 1 or len(directors) == 1:
            out[last] = people[0] if len(people) == 1 else directors[0]
    return out


def known_surname(name: str) -> tuple[int, int]:
    """(films directed, films acted in) of the one listed person with this surname."""
    return known_surnames().get(person_key(name)[0], (0, 0))


def _film_relation(
    prose: str,
    start: int,
    end: int,
    films: list[tuple[int, int]],
    between: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """Where the film under review sits relative to the mention: "X's FILM", "FILM, X's
    debut" and "FILM (X)" tie a person to it; a name far from every title is less tied.

    A title of `between` standing between the name and a film after it ties the name to
    that title instead: "Kieslowski's BLUE, but ... SWANN" is no "Kieslowski's SWANN"."""
    feats = []
    for fs, fe in films:
        if 0 <= fs - end <= 40 and not any(end <= bs < fs for bs, _ in between):
            feats.append("film_after")
            # "Ada Lind's eerie, atmospheric FILM", "Stephen Frears' FILM"
            if _possessive_after(prose, end) and _POSSESSIVE_THEN_WORDS.fullmatch(prose, end, fs):
                feats.append("poss_film")
        elif 0 <= start - fe <= 40:
            feats.append("film_before")
        elif abs(fs - end) <= 250 or abs(start - fe) <= 250:
            feats.append("film_near")
    return feats


# up to four words between: "Lind's eerie, atmospheric FILM", "Lind's 1959 FILM"
_POSSESSIVE_THEN_WORDS = re.compile(r"['’]s?\s+(?:[\w\-]+,?\s+){0,4}")


def _bare_apostrophe(prose: str, end: int) -> bool:
    """A name ending in s owns with the apostrophe alone: "Frears' film"."""
    return prose[end - 1 : end] == "s" and prose.startswith(("' ", "’ "), end)


def _possessive_after(prose: str, end: int) -> bool:
    """The name ending at `end` owns what follows: "Lind's", "Frears'"."""
    return prose.startswith(("'s", "’s"), end) or _bare_apostrophe(prose, end)


def count_bucket(n: int) -> str:
    """A count as a few coarse classes: 0, 1, 2, 3-4, 5+."""
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n < 5 else "5+"
