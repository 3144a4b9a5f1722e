"""How a film title is compared and shown: one key for "The Piano", "PIANO, THE" and
"the piano!", CAPS titles shown in title case, and the shipped title gazetteer by key."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources

_ARTICLES = ("the ", "a ", "an ")


# asked tens of thousands of times a few hundred reviews, mostly for the same titles
@lru_cache(maxsize=1 << 16)
def title_key(title: str) -> str:
    """Comparison key: "The Piano", "PIANO, THE" and "the piano!" all give "piano"."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r",\s*(the|a|an)\s*$", "", text.strip())
    text = re.sub(r"'s\b", "s", text)
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


_SMALL_WORDS = frozenset("of the in at a an and to on for with from or".split())
_INITIALS = re.compile(r"^(?:[a-z]\.){2,}\W*$")
_ROMAN = re.compile(r"(?i)^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\W*$")


def display_title(title: str) -> str:
    """CAPS titles are shown in title case ("NUTTY PROFESSOR II: THE KLUMPS" -> "Nutty
    Professor II: The Klumps": a subtitle's first word and Roman numerals capitalised);
    anything else as written."""
    if not title.isupper():
        return title
    words = title.lower().split()
    out = []
    for i, w in enumerate(words):
        opens = i == 0 or words[i - 1].endswith(":") or words[i - 1] in ("-", "--")
        if _ROMAN.match(w) or _INITIALS.match(w):
            out.append(w.upper())  # "II", "L.A.", "G.I."
        elif w in _SMALL_WORDS and not opens:
            out.append(w)
        else:
            # each slashed part opens with a capital too: "Face/Off", "Crazy/Beautiful"
            out.append(re.sub(r"(^\W*|/)(\w)", lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(out)


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
