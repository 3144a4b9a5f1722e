"""The Python API: a Library over one database. The CLI and the web app are thin layers on it."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from critic.aggregate import film_dossier, review_summary, summarize
from critic.analyse.pipeline import Pipeline
from critic.ingest.clean import CleanError, to_document
from critic.ingest.sources import iter_inputs
from critic.records import (
    Analysis,
    Document,
    DocumentMeta,
    IngestFailure,
    IngestReport,
    Overrides,
    RawInput,
)
from critic.store import reader, writer
from critic.store.database import default_db_path, open_engine

if TYPE_CHECKING:
    from critic.catalog.importer import CatalogImportReport

BATCH_SIZE = 32
CatalogProgress = Callable[[str, int, int], None]  # (file, bytes read, file size)
Progress = Callable[[int, str], None]  # (inputs handled so far, name of the latest)


class NotFound(LookupError):
    pass


class Ambiguous(LookupError):
    def __init__(self, matches: list[dict[str, Any]]):
        super().__init__(f"{len(matches)} films match")
        self.matches = matches


class Library:
    def __init__(self, engine: Engine, pipeline: Pipeline | None = None, read_only: bool = False):
        self.engine = engine
        self.pipeline = pipeline or Pipeline()
        self.read_only = read_only

    # ---------------------------------------------------------------- writing
    def ingest(
        self,
        targets: Iterable[str],
        overrides: Overrides | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Ingest files, folders, exports, URLs or '-' (stdin). Never raises for bad input:
        each failure is in the report with its source and reason, and the rest goes on."""
        return self.ingest_raw(iter_inputs(targets), overrides, progress)

    def ingest_text(
        self,
        text: str,
        source: str = "pasted text",
        overrides: Overrides | None = None,
        media_type: str = "text/plain",
    ) -> IngestReport:
        raw = RawInput(source=source, media_type=media_type, data=text.encode("utf-8"))
        return self.ingest_raw([raw], overrides)

    def ingest_raw(
        self,
        items: Iterable[RawInput | IngestFailure],
        overrides: Overrides | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        self._writable()
        report = IngestReport()
        batch: list[Document] = []
        seen: set[str] = set()
        handled = 0
        for item in items:
            handled += 1
            if progress:
                progress(handled, item.source)
            if isinstance(item, IngestFailure):
                report.failed.append(item)
                continue
            try:
                doc = to_document(item, overrides)
            except CleanError as exc:
                report.failed.append(IngestFailure(item.source, str(exc)))
                continue
            if doc.id in seen or self._has(doc.id):
                report.present.append(doc.id)
                continue
            seen.add(doc.id)
            batch.append(doc)
            if len(batch) >= BATCH_SIZE:
                self._store_batch(batch, report)
                batch = []
        if batch:
            self._store_batch(batch, report)
        return report

    def _has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return writer.has_document(conn, doc_id)

    def _grade_context(self) -> Callable[[Document], list[str]]:
        def other_grades(doc: Document) -> list[str]:
            with self.engine.connect() as conn:
                return writer.grades_by(conn, doc.meta.critic, doc.meta.outlet)

        return other_grades

    def _analyse(self, docs: list[Document], report: IngestReport) -> list[tuple[Document, Any]]:
        try:
            return list(zip(docs, self.pipeline.analyse(docs, self._grade_context()), strict=True))
        except Exception:
            # One bad document must not sink its batch: retry one by one to find it.
            done = []
            for doc in docs:
                try:
                    done.append((doc, self.pipeline.analyse([doc], self._grade_context())[0]))
                except Exception as exc:  # report, never lose the others
                    report.failed.append(IngestFailure(doc.source, f"analysis failed: {exc!r}"))
            return done

    def _store_batch(self, docs: list[Document], report: IngestReport) -> None:
        analysed = self._analyse(docs, report)
        # One transaction per batch: a run killed mid-way leaves whole reviews or none.
        with self.engine.begin() as conn:
            self._settle_with_catalog(conn, [analysis for _, analysis in analysed])
            touched: set[int] = set()
            for doc, analysis in analysed:
                film_id = writer.add_review(conn, doc, analysis)
                if film_id is not None:
                    touched.add(film_id)
                report.added.append(doc.id)
            for film_id in touched:
                writer.refresh_film(conn, film_id)

    @staticmethod
    def _settle_with_catalog(conn: Connection, analyses: list[Analysis]) -> None:
        """The catalog stage (critic.catalog.resolve), only when a catalog has been imported:
        without one, a review is stored exactly as the analysis left it."""
        from critic.catalog import has_catalog
        from critic.catalog.resolve import apply_catalog
        from critic.store.catalog import latest_import

        if not analyses or not has_catalog(conn):
            return
        imported = latest_import(conn)
        for analysis in analyses:
            apply_catalog(conn, analysis, imported["imported_at"] if imported else None)

    def reanalyse(self, scores_only: bool = False, progress: Progress | None = None) -> int:
        """Re-run the analysis over the stored raw input (or only the scorer); returns the count."""
        self._writable()
        if scores_only:
            return self._rescore(progress)
        count = 0
        batch: list[Document] = []
        # Streamed, not loaded whole: the raw input of a large library does not fit in memory.
        # The read runs on its own connection; under WAL the batch writes don't disturb it.
        with self.engine.connect() as reading:
            for row in reader.iter_documents(reading):
                count += self._reanalyse_row(row, batch, progress, count)
        if batch:
            count += self._replace_batch(batch)
        with self.engine.begin() as conn:
            writer.prune_empty_films(conn)
        return count

    def _reanalyse_row(
        self, row: dict[str, Any], batch: list[Document], progress: Progress | None, done: int
    ) -> int:
        """Queue one stored document; flush the batch when full. Returns reviews written."""
        given = row["fields"] or {}
        raw = RawInput(row["source"], row["media_type"], row["raw"], given.get("row") or {})
        try:
            doc = to_document(raw, Overrides(**given.get("overrides", {})))
        except CleanError:
            return 0  # it was cleanable once; keep the stored review as it is
        doc.id = row["id"]
        batch.append(doc)
        if len(batch) < BATCH_SIZE:
            return 0
        written = self._replace_batch(batch)
        batch.clear()
        if progress:
            progress(done + written, doc.source)
        return written

    def _replace_batch(self, docs: list[Document]) -> int:
        analyses = self.pipeline.analyse(docs, self._grade_context())
        with self.engine.begin() as conn:
            self._settle_with_catalog(conn, analyses)
            touched: set[int] = set()
            for doc, analysis in zip(docs, analyses, strict=True):
                old, new = writer.replace_analysis(conn, doc, analysis)
                touched.update(f for f in (old, new) if f is not None)
            for film_id in touched:
                writer.refresh_film(conn, film_id)
        return len(docs)

    def _rescore(self, progress: Progress | None) -> int:
        count = 0
        with self.engine.connect() as reading:
            for page in reader.review_ids_and_text(reading):
                count += self._rescore_page(page)
                if progress:
                    progress(count, "rescored")
        return count

    def _rescore_page(self, page: list[dict[str, Any]]) -> int:
        docs = [
            Document(
                id=r["id"],
                source="",
                media_type="",
                raw=b"",
                text=r["text"],
                meta=DocumentMeta(
                    grade=r["grade"],
                    critic=(r["meta"] or {}).get("critic"),
                    outlet=(r["meta"] or {}).get("outlet"),
                ),
            )
            for r in page
        ]
        scores = self.pipeline.rescore(docs, self._grade_context())
        with self.engine.begin() as conn:
            for doc, score in zip(docs, scores, strict=True):
                writer.replace_score(conn, doc.id, score, (score.scorer_id, score.scorer_version))
        return len(docs)

    # ---------------------------------------------------------------- IMDb catalog
    def import_catalog(
        self, targets: Iterable[str | Path], progress: CatalogProgress | None = None
    ) -> CatalogImportReport:
        """Import IMDb's dataset files (folders or files), replacing the catalog; see
        docs/catalog.md. Reviews already stored take it up on `reanalyse`."""
        from critic.catalog import import_catalog

        self._writable()
        return import_catalog(self.engine, targets, progress)

    def catalog_status(self) -> dict[str, Any]:
        """Whether a catalog is present, its row counts, and the latest import's date and files."""
        from critic.catalog import catalog_status

        with self.engine.connect() as conn:
            return catalog_status(conn)

    def catalog_find(self, title: str, year: int | None = None) -> list[dict[str, Any]]:
        """Catalog titles called `title` (own title or aka; year +-1), best first, with credits."""
        from critic.catalog import find_titles, title_credits

        with self.engine.connect() as conn:
            return [
                {**t.as_dict(), "credits": [c.as_dict() for c in title_credits(conn, t.tconst)]}
                for t in find_titles(conn, title, year)
            ]

    def _writable(self) -> None:
        if self.read_only:
            raise PermissionError("this library is open read-only")

    # ---------------------------------------------------------------- reading
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return reader.counts(conn)

    def films(
        self, sort: str = "reviews", limit: int = 50, offset: int = 0, descending: bool = True
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return reader.list_films(conn, sort, limit, offset, descending)

    def find_film(self, title_or_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            matches = reader.find_films(conn, title_or_id)
        if not matches:
            raise NotFound(f"no film matches {title_or_id!r}")
        exact = [m for m in matches if str(m["id"]) == title_or_id.strip()]
        if len(matches) > 1 and not exact:
            raise Ambiguous(matches)
        return exact[0] if exact else matches[0]

    def film(self, title_or_id: str | int) -> dict[str, Any]:
        """The film's dossier (see the README for its keys)."""
        film = self.find_film(str(title_or_id))
        with self.engine.connect() as conn:
            return film_dossier(
                film,
                reader.film_reviews(conn, film["id"]),
                reader.film_credits(conn, film["id"]),
                reader.film_extras(conn, film["id"]),
            )

    def reviews(
        self,
        film: str | None = None,
        critic: str | None = None,
        outlet: str | None = None,
        unattributed: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        film_id = self.find_film(film)["id"] if film else None
        with self.engine.connect() as conn:
            rows = reader.list_reviews(conn, film_id, critic, outlet, unattributed, limit, offset)
        return [self._review_row(r) for r in rows]

    @staticmethod
    def _review_row(row: dict[str, Any]) -> dict[str, Any]:
        film = None
        if row.get("film_id") is not None:
            film = {"id": row["film_id"], "title": row["film_title"], "year": row["film_year"]}
        return {**review_summary(row), "film": film, "url": row.get("url")}

    def review(self, review_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = reader.get_review(conn, review_id)
        if row is None:
            raise NotFound(f"no review {review_id!r}")
        out = self._review_row(row)
        out.update(
            {
                "text": row["text"],
                "source": row["source"],
                "media_type": row["media_type"],
                "ingested_at": row["ingested_at"],
                "analysed_at": row["analysed_at"],
                "film_guess": row["film_guess"],
                "meta": row["meta"],
                "extraction": row["extraction"],
                "components": row["components"],
                "mpaa_rating": row["mpaa_rating"],
                "scorer": {"id": row["scorer_id"], "version": row["scorer_version"]},
            }
        )
        if row["catalog"]:  # what the IMDb catalog settled (only where it matched the film)
            out["catalog"] = row["catalog"]
        return out

    def raw(self, review_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = reader.get_raw(conn, review_id)
        if row is None:
            raise NotFound(f"no review {review_id!r}")
        return row

    def search(self, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        with self.engine.connect() as conn:
            hits = reader.search_reviews(conn, query, limit, offset)
            names = reader.search_names(conn, query) if offset == 0 else {"films": [], "people": []}
        return {
            "query": query,
            **names,
            "reviews": [{**self._review_row(h), "snippet": h["snippet"]} for h in hits],
        }

    def people(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return reader.list_people(conn, limit, offset)

    def person(self, person_id: int) -> dict[str, Any]:
        with self.engine.connect() as conn:
            person = reader.get_person(conn, person_id)
            if person is None:
                raise NotFound(f"no person {person_id}")
            credits = reader.person_credits(conn, person_id)
            said = []
            for film_id in sorted({c["film_id"] for c in credits}):
                extras = reader.film_extras(conn, film_id)
                for entry in extras["people"]:
                    if entry.get("person_id") != person_id:
                        continue
                    for review_id, spans in (entry.get("mentions") or {}).items():
                        review = reader.get_review(conn, review_id)
                        if review is None:
                            continue
                        said.extend(_sentences_around(review, spans, film_id))
        return {
            "person": {"id": person["id"], "name": person["name"]},
            "credits": credits,
            "said": said[:50],
        }

    def sources(self, kind: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return reader.list_sources(conn, kind, limit, offset)

    def source(self, kind: str, source_id: int, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """A critic's or an outlet's page: their reviews, mean score, agreement with consensus."""
        with self.engine.connect() as conn:
            found = reader.get_source(conn, kind, source_id)
            if found is None:
                raise NotFound(f"no {kind} {source_id}")
            rows = reader.list_reviews(
                conn,
                critic=str(source_id) if kind == "critic" else None,
                outlet=str(source_id) if kind == "outlet" else None,
                limit=100_000,
            )
            shares = reader.film_fresh_shares(conn, [r["film_id"] for r in rows if r["film_id"]])
        agree = [
            bool(r["fresh"]) == (shares[r["film_id"]] >= 0.6)
            for r in rows
            if r["film_id"] in shares
        ]
        return {
            kind: {"id": found["id"], "name": found["name"]},
            "aggregate": summarize(rows),
            "agreement_with_consensus": round(100 * sum(agree) / len(agree)) if agree else None,
            "reviews": [self._review_row(r) for r in rows[offset : offset + limit]],
        }

    def export(self, out: IO[str], fmt: str = "jsonl") -> int:
        columns = [
            "id",
            "film_title",
            "film_year",
            "critic",
            "outlet",
            "published",
            "grade",
            "grade_score",
            "score",
            "fresh",
            "confidence",
            "score_source",
            "url",
            "text",
        ]
        count = 0
        writer_ = (
            csv.DictWriter(out, fieldnames=columns, extrasaction="ignore") if fmt == "csv" else None
        )
        if writer_:
            writer_.writeheader()
        with self.engine.connect() as conn:
            for row in reader.iter_export(conn):
                row = {k: row.get(k) for k in columns}
                if writer_:
                    writer_.writerow(row)
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        return count

    def close(self) -> None:
        self.engine.dispose()


def _sentences_around(
    review: dict[str, Any], spans: list[list[int]], film_id: int
) -> list[dict[str, Any]]:
    from critic.analyse.sentences import split_sentences

    text = review["text"]
    sentences = split_sentences(text)
    out = []
    for start, _end in spans:
        for s in sentences:
            if s.start <= start < s.end:
                out.append(
                    {
                        "review_id": review["id"],
                        "film_id": film_id,
                        "text": text[s.start : s.end],
                        "start": s.start,
                        "end": s.end,
                        "fresh": bool(review["fresh"]),
                    }
                )
                break
    return out


def open_library(
    path: str | Path | None = None, read_only: bool = False, pipeline: Pipeline | None = None
) -> Library:
    """Open (creating and migrating as needed) the library at `path`, a file or a database URL."""
    target = path if path is not None else default_db_path()
    return Library(open_engine(target, read_only=read_only), pipeline, read_only)
