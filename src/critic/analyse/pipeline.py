"""The analysis stages, in order, over a batch of documents.

sentences -> film -> people, works, quotes -> grade -> score. Each stage is a plain function or a
component with an id and a version; the versions are stored with what they produced so a
library can tell which reviews an improved component should recompute. Heavy models (spaCy,
the scorer) load once, lazily, the first time a batch needs them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from critic.analyse.scoring import Scorer, load_default_scorer
from critic.analyse.sentences import split_sentences
from critic.records import Analysis, Document, FilmGuess, Score

# Given a document, the other grades its critic or outlet wrote (to read a bare "8").
GradeContext = Callable[[Document], list[str]]

FRESH_THRESHOLD = 60.0
SENTENCES_VERSION = "syntok-1"


@dataclass
class Pipeline:
    """The ordered stages. Pass a scorer to replace the shipped one (same interface)."""

    scorer: Scorer | None = None
    extract_people: bool = True

    def _scorer(self) -> Scorer:
        if self.scorer is None:
            self.scorer = load_default_scorer()
        return self.scorer

    def components(self) -> dict[str, str]:
        from critic.analyse import extract, films
        from critic.ingest import grades

        scorer = self._scorer()
        found = {
            "sentences": SENTENCES_VERSION,
            "films": films.VERSION,
            "grades": getattr(grades, "VERSION", "1"),
            scorer.id: scorer.version,
        }
        if self.extract_people:
            found["extract"] = extract.EXTRACTOR_VERSION
        return found

    def analyse(
        self, docs: Sequence[Document], grade_context: GradeContext | None = None
    ) -> list[Analysis]:
        from critic.analyse.extract import analyse_many
        from critic.analyse.films import identify_film

        if not docs:
            return []
        components = self.components()
        films: list[FilmGuess]
        extractions: list[dict[str, Any] | None]
        if self.extract_people:
            # one spaCy pass gives both the film and the people, works and quotes
            pairs = list(analyse_many([(doc.text, doc.meta) for doc in docs]))
            films = [film for film, _ in pairs]
            extractions = [extraction for _, extraction in pairs]
        else:
            films = [identify_film(doc.text, doc.meta) for doc in docs]
            extractions = [None] * len(docs)
        model_scores = self._scorer().score([doc.text for doc in docs])
        out: list[Analysis] = []
        for doc, film, extraction, model in zip(
            docs, films, extractions, model_scores, strict=True
        ):
            out.append(
                Analysis(
                    film=film,
                    score=combine_grade(doc, model, grade_context),
                    sentences=split_sentences(doc.text),
                    extraction=extraction,
                    components=components,
                )
            )
        return out

    def rescore(
        self, docs: Sequence[Document], grade_context: GradeContext | None = None
    ) -> list[Score]:
        """Only the score stage (for `reanalyse --scores`)."""
        models = self._scorer().score([doc.text for doc in docs])
        return [combine_grade(d, m, grade_context) for d, m in zip(docs, models, strict=True)]


def combine_grade(doc: Document, model: Score, grade_context: GradeContext | None) -> Score:
    """The critic's own grade, when it can be read, is the review's score.

    The model's score stays beside it (model_score), so the two can be compared."""
    from critic.ingest.grades import normalize_grade, resolve_bare_grade

    grade_score: float | None = None
    if doc.meta.grade:
        grade_score = normalize_grade(doc.meta.grade)
        if grade_score is None and grade_context is not None:
            grade_score = resolve_bare_grade(doc.meta.grade, grade_context(doc))
    model.model_score = model.score
    model.grade_score = grade_score
    if grade_score is None:
        return model
    return Score(
        score=grade_score,
        fresh=grade_score >= FRESH_THRESHOLD,
        confidence=1.0,
        source="grade",
        scorer_id=model.scorer_id,
        scorer_version=model.scorer_version,
        model_score=model.score,
        grade_score=grade_score,
        evidence=model.evidence,
    )
