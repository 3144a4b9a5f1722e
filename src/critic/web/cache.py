"""A small cache of film pages, checked against the library on every request.

A film's dossier is recomputed from all its reviews (hundreds for a popular film), which is
most of the cost of its page. The cache keeps the finished view dict and serves it again only
while the film's stamp (critic.store.pages.film_stamp, one indexed query) is unchanged, so a
review added by another process shows up on the next request. A time limit bounds staleness
in the one case the stamp could miss (a re-score that leaves the score sum unchanged).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from critic.library import Library
from critic.store import pages


class FilmPageCache:
    def __init__(self, size: int = 256, max_age_s: float = 300.0):
        self.size = size
        self.max_age_s = max_age_s
        self._entries: OrderedDict[tuple[int, int, int], tuple[Any, float, dict[str, Any]]] = (
            OrderedDict())
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, lib: Library, film_id: int, page: int, per_page: int,
            build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if self.size <= 0:
            return build()
        with lib.engine.connect() as conn:
            stamp = pages.film_stamp(conn, film_id)
        key = (film_id, page, per_page)
        now = time.monotonic()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == stamp and now - found[1] < self.max_age_s:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[2]
        data = build()
        with self._lock:
            self.misses += 1
            self._entries[key] = (stamp, now, data)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return data

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
