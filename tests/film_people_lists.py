"""Test helper: the shipped film-people list with invented people added for a while."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from critic.analyse.identity import person_key
from critic.analyse.role_features import film_people, known_surnames


@contextlib.contextmanager
def listed_people(*people: tuple[str, int, int]) -> Iterator[None]:
    """The shipped film-people list with these (name, directed, acted) added for a while."""
    table = film_people()  # the cached dict every reader shares
    added = {person_key(name): (directed, acted) for name, directed, acted in people}
    assert not set(added) & set(table), "pick names the shipped list does not hold"
    table.update(added)
    known_surnames.cache_clear()
    try:
        yield
    finally:
        for key in added:
            del table[key]
        known_surnames.cache_clear()
