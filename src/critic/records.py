"""Records passed between the stages: ingest -> analyse -> store.

Plain dataclasses, no behaviour beyond small conveniences, so every stage can be tested
on its own and the store can persist them without knowing where they came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A character span [start, end) into a review's clean text."""

    start: int
    end: int


@dataclass
class Overrides:
    """What the user states on the command line that the input may not say."""

    film: str | None = None
    year: int | None = None
    critic: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    writer: str | None = None  # "critic" or "user" (see DocumentMeta.writer)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class RawInput:
    """One unit of input exactly as the user gave it, before any cleaning.

    `source` names where it came from (a path, a URL, `path#row=12`, `-`), so an error
    or a dossier can always point back to it. `fields` carries structured metadata a row
    format already had (film, critic, grade...).
    """

    source: str
    media_type: str  # "text/plain", "text/html", "application/json-row"
    data: bytes
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocumentMeta:
    """Metadata read from the input or its text. None means: not stated."""

    film: str | None = None
    year: int | None = None
    critic: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    grade: str | None = None  # as written by the critic
    url: str | None = None
    mpaa_rating: str | None = None
    cast: list[str] = field(default_factory=list)  # a leading cast line, names in order
    html_title: str | None = None  # <title> / og:title when the input was a page
    # Who wrote it: "critic" (the default) or "user". Critics name the film they review,
    # users often don't, so a user review's film guess must be surer to be kept.
    writer: str | None = None


WRITERS = ("critic", "user")


def writer_kind(value: object) -> str | None:
    """ "critic" / "user" from what an input states ("Critics", "user"), else None."""
    word = str(value).strip().lower().removesuffix("s") if value is not None else ""
    return word if word in WRITERS else None


@dataclass
class Document:
    """A review ready for analysis: clean text plus metadata; raw kept beside it."""

    id: str  # hash of the normalized clean text
    source: str
    media_type: str
    raw: bytes
    text: str  # clean main text, paragraphs separated by blank lines
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    # what the input stated beside the bytes (row fields, CLI overrides), to re-run cleaning
    given: dict[str, Any] = field(default_factory=dict)


@dataclass
class FilmGuess:
    """Which film a review is about: a confidence (the title model's probability, or the sum
    of the hand-scored parts) and the named parts that explain it."""

    title: str | None
    year: int | None = None
    year_source: str | None = None  # "stated", "text", "published", "given"
    confidence: float = 0.0
    reasons: dict[str, float] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Evidence:
    text: str
    start: int
    end: int
    polarity: float  # signed contribution: >0 positive, <0 negative


@dataclass
class Score:
    """A review's score on 0-100 and its verdict; `source` says where it came from."""

    score: float
    fresh: bool
    confidence: float
    source: str  # "grade" (the critic's own) or "model"
    scorer_id: str
    scorer_version: str
    model_score: float | None = None
    grade_score: float | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Analysis:
    """Everything the analysis stages produced for one document."""

    film: FilmGuess
    score: Score
    sentences: list[Span] = field(default_factory=list)
    extraction: dict[str, Any] | None = None  # people / works / quotes (extraction stage)
    components: dict[str, str] = field(default_factory=dict)  # component id -> version
    # what the IMDb catalog settled (film title/year/imdb id, people matched); None without one
    catalog: dict[str, Any] | None = None


@dataclass
class IngestFailure:
    source: str
    reason: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # review ids
    present: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.present += other.present
        self.failed += other.failed
