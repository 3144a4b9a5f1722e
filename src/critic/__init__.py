"""critic: film reviews in; films, calibrated scores, credits, quotes and aggregates out.

The public API::

    import critic
    library = critic.open_library("reviews.db")
    library.ingest(["reviews/"])
    library.film("Some Film")          # the dossier, a dict
    critic.normalize_grade("***1/2 out of ****")  # 87.5
"""

from critic.ingest.grades import normalize_grade
from critic.library import Ambiguous, Library, NotFound, open_library
from critic.records import (
    Analysis,
    Document,
    DocumentMeta,
    Evidence,
    FilmGuess,
    IngestFailure,
    IngestReport,
    Overrides,
    RawInput,
    Score,
    Span,
)

__all__ = [
    "Ambiguous",
    "Analysis",
    "Document",
    "DocumentMeta",
    "Evidence",
    "FilmGuess",
    "IngestFailure",
    "IngestReport",
    "Library",
    "NotFound",
    "Overrides",
    "RawInput",
    "Score",
    "Span",
    "normalize_grade",
    "open_library",
]
