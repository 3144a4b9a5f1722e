"""Terminal rendering of library results with rich. Text from reviews is printed as data,
never interpreted as rich markup."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

console = Console()


def _score(value: Any) -> str:
    return "-" if value is None else f"{value:.0f}"


def print_films(rows: list[dict[str, Any]]) -> None:
    table = Table("id", "title", "year", "reviews", "% positive", "mean score")
    for r in rows:
        table.add_row(
            str(r["id"]),
            Text(r["title"]),
            str(r["year"] or ""),
            str(r["reviews"]),
            f"{r['percent_positive']}%",
            _score(r["mean_score"]),
        )
    console.print(table)


def print_dossier(d: dict[str, Any]) -> None:
    film, agg = d["film"], d["aggregate"]
    head = Text(f"{film['title']}", style="bold")
    head.append(f" ({film['year'] or 'year unknown'})")
    if film.get("mpaa_rating"):
        head.append(f"  Rated {film['mpaa_rating']}")
    console.print(head)
    interval = agg["mean_score_interval"]
    spread = f" (95% interval {interval[0]:.0f}-{interval[1]:.0f})" if interval else ""
    console.print(
        Text(
            f"{agg['percent_positive']}% positive of {agg['reviews']} reviews; "
            f"mean score {_score(agg['mean_score'])}/100{spread}"
        )
    )
    if d.get("consensus"):
        console.print(Text(d["consensus"]["text"], style="italic"))
    # one review a block: a snippet squeezed into a table column wraps to a few words a line
    for r in d["reviews"]:
        who = " / ".join(x for x in (r["critic"], r["outlet"]) if x) or "critic not stated"
        line = Text(f"{r['published'] or 'undated':<10}  ")
        line.append("fresh " if r["fresh"] else "rotten", style="green" if r["fresh"] else "red")
        line.append(f"  {_score(r['score']):>3}")
        line.append(" (the critic's grade)" if r["score_source"] == "grade" else " (model)")
        line.append(f"  {who}")
        if r["grade"]:
            line.append(f"  grade as written: {r['grade']}")
        console.print(line)
        console.print(Text(f"    “{r['snippet']}”", style="italic"))
    if d.get("people"):
        people = Table("person", "roles", "reviews")
        for p in d["people"][:25]:
            roles = ", ".join(
                role["job"] + (f" ({role['character']})" if role.get("character") else "")
                for role in p["roles"]
            )
            people.add_row(Text(p["name"]), Text(roles), str(p["support"]))
        console.print(people)
    for q in d.get("pull_quotes", []):
        console.print(Text(f"“{q['text']}”", style="green"))


def print_reviews(rows: list[dict[str, Any]]) -> None:
    table = Table("id", "film", "published", "critic", "score", "verdict", "snippet")
    for r in rows:
        film = r["film"]["title"] if r.get("film") else "(unattributed)"
        table.add_row(
            r["id"][:12],
            Text(film),
            r["published"] or "-",
            Text(r["critic"] or "-"),
            _score(r["score"]),
            "fresh" if r["fresh"] else "rotten",
            Text(r["snippet"][:120]),
        )
    console.print(table)


def print_search(result: dict[str, Any]) -> None:
    for f in result["films"]:
        console.print(Text(f"film  {f['id']}: {f['title']} ({f['year'] or '?'})"))
    for p in result["people"]:
        console.print(Text(f"person {p['id']}: {p['name']}"))
    for r in result["reviews"]:
        film = r["film"]["title"] if r.get("film") else "(unattributed)"
        snippet = r["snippet"].replace("\x02", "[").replace("\x03", "]")
        console.print(Text(f"{r['id'][:12]}  {film}: {snippet}"))
