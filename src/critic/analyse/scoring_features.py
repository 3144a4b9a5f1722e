"""Text -> sparse n-gram features for the review scorer, shared by training and inference.

Training (training/train_scorer.py) and the shipped scorer must turn text into exactly the
same features, so both call the functions here. Standard library only: the runtime scorer
must not need scikit-learn.

Tokens are lower-cased word pieces plus `!` and `?`. The training sets disagree on how
contractions are written ("doesn't" in raw reviews, "does n't" in the tokenized sentence
sets), so "n't" becomes the word "not" and other apostrophes split words; both spellings
then give the same tokens.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_NOT = re.compile(r"n['\u2019]t\b")
_TOKEN = re.compile(r"[a-z0-9]+|[!?]")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

NGRAM_MAX = 2


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens of `text` (words, numbers, `!`, `?`)."""
    lowered = text.lower()
    # "can't" / "ca n't" -> "ca not": the stem is odd but identical in every data set
    lowered = _NOT.sub(" not", lowered)
    return _TOKEN.findall(lowered)


def ngrams(tokens: list[str], n_max: int = NGRAM_MAX) -> list[str]:
    """Unigrams up to `n_max`-grams, joined by spaces, in order of appearance."""
    out = list(tokens)
    for n in range(2, n_max + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


def strip_markup(text: str) -> str:
    """Turn IMDb's `<br />` line breaks into newlines (the only markup in the training data)."""
    return _HTML_BREAK.sub("\n", text)


def sentence_counts(
    sentences: Iterable[str], vocabulary: dict[str, int], n_max: int = NGRAM_MAX
) -> list[Counter[int]]:
    """For each sentence, the counts of its in-vocabulary n-gram indices.

    n-grams never cross a sentence boundary, so a sentence's features are its own and can
    be weighed (and shown as evidence) on their own.
    """
    out: list[Counter[int]] = []
    get = vocabulary.get
    for sentence in sentences:
        counts: Counter[int] = Counter()
        for gram in ngrams(tokenize(sentence), n_max):
            index = get(gram)
            if index is not None:
                counts[index] += 1
        out.append(counts)
    return out
