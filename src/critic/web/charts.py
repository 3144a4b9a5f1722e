"""Chart geometry for inline SVG, computed server-side from numbers only.

The template draws the shapes (autoescaped), so a chart needs no JavaScript and no `|safe`;
every bar carries a text label that becomes its SVG <title> for screen readers and tooltips.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

WIDTH = 320
HEIGHT = 120
BASELINE = 100  # y of the x axis; labels go below it


def bars(items: list[tuple[str, int, str]], width: int = WIDTH) -> dict[str, Any]:
    """Bar geometry for (axis label, count, long label) items, scaled to the tallest bar."""
    peak = max((count for _, count, _ in items), default=0)
    slot = width / max(1, len(items))
    bar_width = min(slot * 0.8, 36.0)  # a lone bar stays a bar, not a wall
    out: list[dict[str, Any]] = []
    for i, (axis, count, long) in enumerate(items):
        height = 0.0 if peak == 0 else (BASELINE - 12) * count / peak
        out.append({
            "x": round(i * slot + slot / 2 - bar_width / 2, 1), "width": round(bar_width, 1),
            "y": round(BASELINE - height, 1), "height": round(height, 1),
            "cx": round(i * slot + slot / 2, 1), "count": count, "axis": axis, "label": long,
        })
    # Label every bar when they fit, else every few, so axis text never overlaps.
    step = max(1, -(-len(out) * 28 // width))
    for i, bar in enumerate(out):
        bar["show_axis"] = i % step == 0
    return {"width": width, "height": HEIGHT, "baseline": BASELINE, "bars": out, "peak": peak}


def score_histogram(distribution: list[dict[str, Any]]) -> dict[str, Any]:
    """The film's score distribution (bins of the 0-100 scale)."""
    items = []
    for b in distribution:
        count = int(b["count"])
        noun = "review" if count == 1 else "reviews"
        items.append((str(b["from"]), count, f"Scores {b['from']}–{b['to']}: {count} {noun}"))
    return bars(items)


def timeline(published: list[str | None]) -> list[dict[str, Any]]:
    """Reviews per period: per month when they span under three years, else per year."""
    dates = sorted(d for d in published if d and len(d) >= 7 and d[:4].isdigit())
    if not dates:
        return []
    first, last = int(dates[0][:4]), int(dates[-1][:4])
    monthly = last - first < 3
    key_len = 7 if monthly else 4
    counts = Counter(d[:key_len] for d in dates)
    periods: list[str] = []
    if monthly:
        year, month = first, int(dates[0][5:7])
        end = (last, int(dates[-1][5:7]))
        while (year, month) <= end:
            periods.append(f"{year:04d}-{month:02d}")
            month += 1
            if month > 12:
                year, month = year + 1, 1
    else:
        periods = [f"{y:04d}" for y in range(first, last + 1)]
    return [{"period": p, "count": counts.get(p, 0)} for p in periods]


def timeline_chart(points: list[dict[str, Any]]) -> dict[str, Any]:
    items = []
    for p in points:
        noun = "review" if p["count"] == 1 else "reviews"
        items.append((p["period"], int(p["count"]), f"{p['period']}: {p['count']} {noun}"))
    return bars(items)
