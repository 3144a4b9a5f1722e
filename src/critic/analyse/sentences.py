"""Sentence spans over clean text, with syntok (rule-based, keeps exact offsets)."""

from __future__ import annotations

from functools import lru_cache

import syntok.segmenter as segmenter

from critic.records import Span


def split_sentences(text: str) -> list[Span]:
    """Return [start, end) spans of the sentences of `text`, in order.

    syntok works on tokens that keep their offsets, so the spans index the original text
    exactly (no re-joining of tokens), which is what evidence highlighting needs.
    """
    return list(_split(text))


# The scorer and the pipeline both need a review's sentences, and syntok costs more per review
# than the scorer itself: a small cache makes the second call free.
@lru_cache(maxsize=128)
def _split(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            # a closing quote right after the final token belongs to the sentence
            while end < len(text) and text[end] in "\"'\u201d\u2019)":
                end += 1
            spans.append(Span(start, end))
    return tuple(spans)
