"""Each stored review says which versions of the analysis made it."""

from __future__ import annotations

from critic.analyse import extract, films
from critic.analyse.pipeline import Pipeline


def test_components_name_the_running_film_and_extraction_versions() -> None:
    found = Pipeline().components()
    assert found["films"] == films.VERSION
    assert found["extract"] == extract.EXTRACTOR_VERSION
