"""Quoted-printable leftovers in reviews copied out of mail and newsgroup archives.

Reviews posted to newsgroups often arrive with their mail encoding half undone:
"the self-effacing Polish film maker, Krzysztof=20 Kieslowski", "And so it goes=85".
spaCy reads "Krzysztof=20" as one odd token and loses the person. The escapes that stand
for spacing and punctuation are replaced by characters of the same length, so that every
offset the extraction reports still points into the text as given.
"""

from __future__ import annotations

import re

# space, tab, and Windows-1252's ellipsis, en dash and em dash: three characters each
_SAME_LENGTH = {"=20": "   ", "=09": "   ", "=85": "...", "=96": " - ", "=97": " --"}
_ESCAPE = re.compile("|".join(_SAME_LENGTH))
_MIN_ESCAPES = 2  # one "=20" may be arithmetic; two or more are an encoding


def mend_mail_escapes(text: str) -> str:
    """`text` with its quoted-printable spacing and dashes made plain, same length."""
    if "=" not in text:
        return text
    mended, escapes = _ESCAPE.subn(lambda m: _SAME_LENGTH[m.group(0)], text)
    return mended if escapes >= _MIN_ESCAPES else text
