"""RawInput -> Document: decode, extract the main text, strip boilerplate, read metadata.

Precedence of metadata, strongest first: what the user stated (Overrides), what a row export
carried, what the page's HTML metadata says, what the text itself says.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from critic.ingest.boilerplate import normalize_layout, strip_boilerplate
from critic.ingest.decoding import DecodeError, decode_bytes
from critic.ingest.metadata import parse_date, read_metadata
from critic.records import Document, DocumentMeta, Overrides, RawInput, Span, writer_kind


class CleanError(ValueError):
    """The input can't become a review; the message says why (the caller names the input)."""


# Snippet reviews can be one word ("Rubbish."), so any text with a word in it is a review;
# a page whose main text is shorter than this is more likely navigation than a review.
MIN_PAGE_CHARS = 20


def document_id(clean_text: str) -> str:
    """A hash of the normalized text: the same review from two sources gets one id."""
    normalized = unicodedata.normalize("NFKC", clean_text).casefold()
    normalized = re.sub(r"[\u2018\u2019]", "'", normalized)
    normalized = re.sub(r"[\u201c\u201d]", '"', normalized)
    normalized = " ".join(normalized.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


def _remove_spans(text: str, spans: list[Span]) -> str:
    for span in sorted(spans, key=lambda s: s.start, reverse=True):
        text = text[: span.start] + text[span.end :]
    return text


def _html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # heavy import, only for pages

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise CleanError(f"could not parse HTML: {exc}") from exc
    if result is None or not (getattr(result, "text", None) or "").strip():
        # Broken or unusual markup: fall back to all visible text rather than lose the review.
        fallback = trafilatura.html2txt(html) or ""
        if len(fallback.strip()) < MIN_PAGE_CHARS:
            raise CleanError("no readable text in the HTML")
        return fallback, {}
    found = {
        "html_title": getattr(result, "title", None),
        "critic": getattr(result, "author", None),
        "outlet": getattr(result, "sitename", None),
        "published": getattr(result, "date", None),
        "url": getattr(result, "url", None),
    }
    return str(getattr(result, "text", "")), {k: v for k, v in found.items() if v}


def _iso_date(value: Any) -> str | None:
    """A date from row fields or page metadata: ISO-like timestamps here, written forms
    ("November 10, 2018") by the same parser that reads dates in review text."""
    text = str(value).strip()
    match = re.match(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})", text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    return parse_date(text)


def _apply(meta: DocumentMeta, values: dict[str, Any]) -> None:
    names = {f.name for f in dataclass_fields(DocumentMeta)}
    for key, value in values.items():
        if key not in names or value in (None, ""):
            continue
        if key == "year":
            try:
                value = int(str(value)[:4])
            except ValueError:
                continue
        elif key == "published":
            value = _iso_date(value)
            if value is None:
                continue
        elif key == "writer":
            kind = writer_kind(value)
            if kind is None:
                raise CleanError(f"writer must be 'critic' or 'user', not {str(value)[:40]!r}")
            value = kind
        elif isinstance(value, str):
            value = " ".join(value.split())
        setattr(meta, key, value)


def to_document(raw: RawInput, overrides: Overrides | None = None) -> Document:
    """Make a Document from one raw input, or raise CleanError with the reason."""
    page_meta: dict[str, Any] = {}
    if raw.media_type == "application/x-review-row":
        body = str(raw.fields.get("text", ""))
    else:
        try:
            body = decode_bytes(raw.data)
        except DecodeError as exc:
            raise CleanError(str(exc)) from exc
        if raw.media_type == "text/html":
            body, page_meta = _html_to_text(body)

    text = normalize_layout(strip_boilerplate(normalize_layout(body)))
    found = read_metadata(text)
    text = normalize_layout(_remove_spans(text, found.strip))
    if not re.search(r"[^\W\d_]{2}", text):
        raise CleanError("no words in the text" if text.strip() else "empty file")

    meta = found.meta
    _apply(meta, page_meta)
    _apply(meta, {k: v for k, v in raw.fields.items() if k != "text"})
    if overrides is not None:
        _apply(meta, overrides.as_dict())
    if meta.grade is not None:
        meta.grade = str(meta.grade)
    return Document(
        id=document_id(text),
        source=raw.source,
        media_type=raw.media_type,
        raw=raw.data,
        text=text,
        meta=meta,
        given={"row": raw.fields, "overrides": overrides.as_dict() if overrides else {}},
    )
