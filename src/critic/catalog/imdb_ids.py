"""IMDb ids (tt0113627, nm0000154) as numbers, and a set of them in little memory."""

from __future__ import annotations


class IdSet:
    """A set of IMDb ids as a bitmap over their numbers: a few MB for every id IMDb has issued
    (they run to ~tt36M and nm17M), however many rows name them, where a set of strings would
    take gigabytes on the full files."""

    _BITMAP_LIMIT = 1 << 28  # 32 MB of bitmap at most; larger numbers, if ever, go to a set

    def __init__(self) -> None:
        self._bits = bytearray()
        self._large: set[int] = set()
        self.size = 0

    def add(self, number: int) -> None:
        if number in self:
            return
        self.size += 1
        if number >= self._BITMAP_LIMIT:
            self._large.add(number)
            return
        index = number >> 3
        if index >= len(self._bits):
            self._bits.extend(bytes(max(index + 1 - len(self._bits), len(self._bits) // 2)))
        self._bits[index] |= 1 << (number & 7)

    def __contains__(self, number: int) -> bool:
        index = number >> 3
        if index < len(self._bits):
            return bool(self._bits[index] & (1 << (number & 7)))
        return number >= self._BITMAP_LIMIT and number in self._large


def imdb_number(value: str, prefix: str) -> int:
    """123 for "tt0000123" (prefix "tt"); ValueError for anything else."""
    digits = value[2:]
    if value[:2] != prefix or not (0 < len(digits) <= 12 and digits.isascii() and digits.isdigit()):
        raise ValueError(f"bad id {value[:40]!r}")
    return int(digits)
