"""How a film title is compared and shown: one key for "The Piano", "PIANO, THE" and
"the piano!", and CAPS titles shown in title case."""

from __future__ import annotations

import re
import unicodedata

_ARTICLES = ("the ", "a ", "an ")


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


def display_title(title: str) -> str:
    """CAPS titles are shown in title case; anything else as written."""
    if not title.isupper():
        return title
    small = {"of", "the", "in", "at", "a", "an", "and", "to", "on", "for", "with", "from", "or"}
    words = title.lower().split()
    return " ".join(
        w
        if (i and w in small)
        else re.sub(r"^(\W*)(\w)", lambda m: m.group(1) + m.group(2).upper(), w)
        for i, w in enumerate(words)
    )
