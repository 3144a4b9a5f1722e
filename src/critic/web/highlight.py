"""Marks over a review's text (people, titles, evidence, quotes) cut into flat segments.

Highlighting is built server-side as (text, kinds, link) pieces so the template escapes every
piece on its own: no markup is ever assembled from untrusted text, and nothing needs `|safe`.
"""

from __future__ import annotations

from typing import Any

# The only kinds a mark may have; they become CSS classes, so they must never come from input.
KINDS = ("pos", "neg", "film", "person", "work", "quote", "match")


def mark(start: Any, end: Any, kind: str, href: str | None = None,
         label: str | None = None) -> dict[str, Any] | None:
    """A mark dict, or None when the span is not two sane integers."""
    if kind not in KINDS:
        raise ValueError(f"unknown mark kind {kind!r}")
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        return None
    if s < 0 or e <= s:
        return None
    return {"start": s, "end": e, "kind": kind, "href": href, "label": label}


def segments(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut `text` at every mark boundary; each piece lists the kinds covering it.

    Where marks overlap (a name inside an evidence sentence) the piece carries both kinds;
    the link, if any, is the innermost (shortest) linked mark's.
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m["start"] < m["end"] and m["start"] < n]
    cuts = {0, n}
    for m in valid:
        cuts.add(m["start"])
        cuts.add(min(m["end"], n))
    bounds = sorted(cuts)
    out: list[dict[str, Any]] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = [m for m in valid if m["start"] <= left and min(m["end"], n) >= right]
        kinds = sorted({m["kind"] for m in covering}, key=KINDS.index)
        linked = sorted((m for m in covering if m.get("href")), key=lambda m: m["end"] - m["start"])
        labels = [m["label"] for m in covering if m.get("label")]
        piece = {"text": text[left:right], "kinds": kinds,
                 "href": linked[0]["href"] if linked else None,
                 "title": "; ".join(dict.fromkeys(labels)) or None}
        # Merge with the previous piece when nothing differs, to keep the DOM small.
        if out and all(out[-1][k] == piece[k] for k in ("kinds", "href", "title")):
            out[-1]["text"] += piece["text"]
        else:
            out.append(piece)
    return out


def snippet_segments(snippet: str, start: str = "\x02", end: str = "\x03") -> list[dict[str, Any]]:
    """Full-text search snippets arrive with control characters around each match."""
    out: list[dict[str, Any]] = []
    inside = False
    for part in snippet.replace(end, start).split(start):
        if part:
            out.append({"text": part, "kinds": ["match"] if inside else [], "href": None,
                        "title": None})
        inside = not inside
    return out
