"""Bytes to text: byte-order marks, UTF-8, then a detector for legacy encodings; binary refused."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    # UTF-16 without a BOM: ASCII-range text leaves every other byte zero.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zero = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def decode_bytes(data: bytes) -> str:
    """Decode input bytes, or raise DecodeError saying why the bytes are not text."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"broken {encoding} text: {exc.reason}") from exc
    if b"\x00" in data[:8192]:
        guessed = _looks_utf16(data)
        if guessed is None:
            raise DecodeError("binary file, not text")
        try:
            return data.decode(guessed)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"binary file, not text ({exc.reason})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy(data)
    if _control_share(text) > 0.02:
        raise DecodeError("binary file, not text (control characters)")
    return text


def _legacy(data: bytes) -> str:
    # Mostly-ASCII text with a few high bytes is, for reviews, nearly always Windows-1252 or
    # Latin-1; detectors guess wildly on such short evidence (a Baltic code page for "café").
    high = sum(1 for b in data if b >= 0x80)
    if high / len(data) < 0.15:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary file, not text (no text encoding fits)")
    return str(best)
