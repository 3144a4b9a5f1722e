"""One view function per page: each takes the library and parsed input and returns one dict.

The HTML page renders that dict and the `.json` twin returns it as it is, so what a reader sees
and what a client gets can never drift apart. Views never touch SQL: they call the Library, or
the store's page queries (critic.store.pages) for the little the Library doesn't offer.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from critic.aggregate import FRESH_SHARE_FOR_POSITIVE_FILM
from critic.library import Library, NotFound
from critic.records import IngestReport, Overrides, RawInput
from critic.store import pages
from critic.web.charts import timeline
from critic.web.highlight import mark

MAX_PER_PAGE = 200
FILM_SORTS = ("reviews", "score", "date", "positive", "title", "year")
JOB_ORDER = ("director", "screenwriter", "author", "composer", "cinematographer", "editor",
             "producer", "other")


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = 50

    @classmethod
    def of(cls, page: int | None, per_page: int | None, default: int = 50) -> Paging:
        return cls(max(1, page or 1), min(MAX_PER_PAGE, max(1, per_page or default)))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def cut(self, rows: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        """Rows fetched with limit per_page + 1: the page's rows and whether another follows."""
        return rows[: self.per_page], self.info(len(rows) > self.per_page)

    def info(self, has_next: bool, total: int | None = None) -> dict[str, Any]:
        return {"page": self.page, "per_page": self.per_page, "has_next": has_next,
                "has_prev": self.page > 1, "total": total}


def safe_link(url: str | None) -> str | None:
    """A URL from a review becomes a link only when it is plain http(s)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _is_fresh_film(aggregate: dict[str, Any]) -> bool | None:
    if not aggregate.get("reviews"):
        return None
    return bool(aggregate["positive"] / aggregate["reviews"] >= FRESH_SHARE_FOR_POSITIVE_FILM)


# ------------------------------------------------------------------------------ pages
def home(lib: Library, sort: str = "reviews", descending: bool = True,
         paging: Paging = Paging()) -> dict[str, Any]:
    sort = sort if sort in FILM_SORTS else "reviews"
    counts = lib.counts()
    films, info = paging.cut(lib.films(sort, paging.per_page + 1, paging.offset, descending))
    for film in films:
        film["fresh"] = _is_fresh_film(film)
    return {"counts": counts, "sort": sort, "descending": descending, "films": films,
            "pagination": paging.info(info["has_next"], counts.get("films"))}


def film(lib: Library, film_id: int, paging: Paging = Paging(per_page=25)) -> dict[str, Any]:
    dossier = lib.film(str(film_id))
    if dossier["film"]["id"] != film_id:  # a title that happens to be digits is not this id
        raise NotFound(f"no film {film_id}")
    reviews = dossier["reviews"]
    page_reviews = reviews[paging.offset: paging.offset + paging.per_page]
    return {
        **dossier,
        "fresh": _is_fresh_film(dossier["aggregate"]),
        "timeline": timeline([r.get("published") for r in reviews]),
        "reviews": page_reviews,
        "pagination": paging.info(paging.offset + paging.per_page < len(reviews), len(reviews)),
        "cast": [p for p in dossier["people"] if any(r["job"] == "actor" for r in p["roles"])],
        "crew": [p for p in dossier["people"] if any(r["job"] != "actor" for r in p["roles"])],
        "dialogue": [q for q in dossier["quotes"] or [] if q.get("kind") == "dialogue"],
    }


def review(lib: Library, review_id: str) -> dict[str, Any]:
    found = lib.review(review_id)
    text = found["text"]
    marks: list[dict[str, Any] | None] = []
    for ev in found.get("evidence") or []:
        polarity = float(ev.get("polarity") or 0)
        marks.append(mark(ev.get("start"), ev.get("end"), "pos" if polarity > 0 else "neg",
                          label=("positive" if polarity > 0 else "negative") + " evidence"))
    film_ = found.get("film")
    for span in (found.get("film_guess") or {}).get("spans") or []:
        href = f"/films/{film_['id']}" if film_ else None
        marks.append(mark(span.get("start"), span.get("end"), "film", href, "the film reviewed"))
    linked: set[tuple[int, int]] = set()
    if film_:
        with lib.engine.connect() as conn:
            people = pages.review_people(conn, film_["id"], review_id)
        for person in people:
            for start, end in person["mentions"]:
                linked.add((start, end))
                marks.append(mark(start, end, "person", f"/people/{person['person_id']}",
                                  person["name"]))
    extraction = found.get("extraction") or {}
    for person in extraction.get("people") or []:
        for start, end in person.get("mentions") or []:
            if (start, end) not in linked:
                marks.append(mark(start, end, "person", None, person.get("name")))
    for work in extraction.get("works") or []:
        label = " ".join(str(x) for x in (work.get("title"), work.get("kind")) if x)
        for start, end in work.get("mentions") or []:
            marks.append(mark(start, end, "work", None, label or None))
    for quote in extraction.get("quotes") or []:
        speaker = quote.get("speaker")
        label = f"{quote.get('kind') or 'quote'}" + (f", {speaker}" if speaker else "")
        marks.append(mark(quote.get("start"), quote.get("end"), "quote", None, label))
    return {**found, "link": safe_link(found.get("url")), "raw_path": f"/reviews/{review_id}/raw",
            "marks": [m for m in marks if m is not None and m["end"] <= len(text)]}


def person(lib: Library, person_id: int, paging: Paging = Paging()) -> dict[str, Any]:
    found = lib.person(person_id)
    films: dict[int, dict[str, Any]] = {}
    for credit in found["credits"]:
        entry = films.setdefault(credit["film_id"], {
            "id": credit["film_id"], "title": credit["title"], "year": credit["year"], "roles": []})
        entry["roles"].append({k: credit[k] for k in ("job", "character", "note", "support")})
    said = found["said"]
    return {**found, "films": list(films.values()),
            "said": said[paging.offset: paging.offset + paging.per_page],
            "pagination": paging.info(paging.offset + paging.per_page < len(said), len(said))}


def source(lib: Library, kind: str, source_id: int, paging: Paging = Paging()) -> dict[str, Any]:
    found = lib.source(kind, source_id, paging.per_page + 1, paging.offset)
    found["reviews"], info = paging.cut(found["reviews"])
    found["kind"] = kind
    found["name"] = found[kind]["name"]
    found["pagination"] = paging.info(info["has_next"], found["aggregate"]["reviews"])
    return found


def people_list(lib: Library, paging: Paging = Paging()) -> dict[str, Any]:
    rows, info = paging.cut(lib.people(paging.per_page + 1, paging.offset))
    return {"people": rows, "pagination": paging.info(info["has_next"], lib.counts()["people"])}


def sources_list(lib: Library, kind: str, paging: Paging = Paging()) -> dict[str, Any]:
    rows, info = paging.cut(lib.sources(kind, paging.per_page + 1, paging.offset))
    for row in rows:
        mean = row["mean_score"]
        row["mean_score"] = None if mean is None else round(float(mean), 1)
    total = lib.counts()["critics" if kind == "critic" else "outlets"]
    return {"kind": kind, "sources": rows, "pagination": paging.info(info["has_next"], total)}


def _plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """FTS snippets mark matches with \\x02...\\x03; return plain text and the match spans."""
    plain: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    for ch in snippet:
        if ch == "\x02":
            spans.append([pos, pos])
        elif ch == "\x03":
            if spans:
                spans[-1][1] = pos
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), [s for s in spans if s[1] > s[0]]


def search(lib: Library, query: str, paging: Paging = Paging(per_page=20)) -> dict[str, Any]:
    query = query.strip()
    if not query:
        return {"query": "", "films": [], "people": [], "reviews": [],
                "pagination": paging.info(False, 0)}
    found = lib.search(query, paging.per_page + 1, paging.offset)
    found["reviews"], info = paging.cut(found["reviews"])
    for hit in found["reviews"]:
        hit["snippet"], spans = _plain_snippet(hit.get("snippet") or "")
        hit["marks"] = [m for m in (mark(s, e, "match") for s, e in spans) if m]
    found["pagination"] = paging.info(info["has_next"])
    return found


# ------------------------------------------------------------------------------ writing
def _report(lib: Library, report: IngestReport) -> dict[str, Any]:
    def described(review_id: str) -> dict[str, Any]:
        try:
            found = lib.review(review_id)
        except NotFound:
            return {"id": review_id, "film": None}
        return {"id": review_id, "film": found.get("film"), "score": found.get("score"),
                "fresh": found.get("fresh"), "critic": found.get("critic"),
                "outlet": found.get("outlet"), "published": found.get("published")}

    return {
        "added": [described(i) for i in report.added],
        "present": [described(i) for i in report.present],
        "failed": [{"source": f.source, "reason": f.reason} for f in report.failed],
    }


ROW_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def upload_input(filename: str, data: bytes) -> list[Any]:
    """An uploaded file as the ingest stage's inputs (RawInput, or IngestFailure per bad row)."""
    from critic.ingest.sources import iter_file, kind_of

    name = Path(filename or "upload.txt").name or "upload.txt"
    suffix, _gzipped = kind_of(Path(name))
    if suffix in ROW_SUFFIXES or name.lower().endswith(".gz"):
        # Row exports are parsed by the ingest stage from a file, as on the command line.
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            return list(iter_file(path))
    media_type = "text/html" if suffix in HTML_SUFFIXES else "text/plain"
    return [RawInput(source=name, media_type=media_type, data=data)]


def add(lib: Library, text: str = "", upload: tuple[str, bytes] | None = None, url: str = "",
        overrides: Overrides | None = None) -> dict[str, Any]:
    """Run the pipeline on pasted text, an uploaded file or a URL; return what it produced."""
    overrides = overrides or Overrides()
    report = IngestReport()
    if text.strip():
        report.merge(lib.ingest_text(text, "pasted text", overrides))
    if upload is not None and upload[1]:
        report.merge(lib.ingest_raw(upload_input(*upload), overrides))
    if url.strip():
        if not safe_link(url):
            raise ValueError("only http:// and https:// URLs can be fetched")
        report.merge(lib.ingest([url.strip()], overrides))
    if not (text.strip() or (upload and upload[1]) or url.strip()):
        raise ValueError("give some text, a file or a URL")
    return _report(lib, report)


def reanalyse(lib: Library, scores_only: bool = False) -> dict[str, Any]:
    return {"reanalysed": lib.reanalyse(scores_only=scores_only), "scores_only": scores_only}
