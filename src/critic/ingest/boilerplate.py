"""Remove what a scraped page or a mailing-list post adds around a review.

Works on lines, from the edges inward: a review's own sentences are never matched by these
patterns because they are anchored to whole short lines, and a section header such as
"Recommended for you" cuts only when it sits in the last part of the text, where scraped
tails live.
"""

from __future__ import annotations

import re

# A line that starts a scraped tail: everything from it to the end goes.
_TAIL_HEADERS = re.compile(
    r"^\s*(you may (also )?like|you might (also )?like|recommended( for you)?|more from .{0,40}|"
    r"related( stories| articles| reviews)?|read (more|next)|trending( now)?|most popular|"
    r"sponsored( content| stories)?|around the web|from our partners|promoted stories|"
    r"comments?( \(\d+\))?|leave a (comment|reply)|join the discussion|more reviews)\s*:?\s*$",
    re.IGNORECASE,
)

# Lines that are boilerplate wherever they stand.
_NOISE_LINE = re.compile(
    r"^\s*(advertisement|advertising|ad|sponsored|share( this( article| story| review)?)?|"
    r"(share|post) (on|to) (facebook|twitter|x|reddit|linkedin|pinterest|whatsapp)|tweet|email|"
    r"print|pin it|save|follow us( on .{0,30})?|subscribe( now| today)?( to .{0,60})?|"
    r"sign up for .{0,80}|get our .{0,40}newsletter.{0,40}|click here .{0,80}|"
    r"skip to (main )?content|back to top|"
    r"(facebook|twitter|instagram|reddit|linkedin)(\s*[|·•/]\s*(facebook|twitter|instagram|reddit|"
    r"linkedin|email|print))*)\s*[.!]?\s*$",
    re.IGNORECASE,
)

# Footer lines: copyright, rights, a critic's homepage or mailing footer, a signature.
_FOOTER_LINE = re.compile(
    r"^\s*(?:"
    r"(?:copyright|\(c\)|©).{0,120}|"
    r".{0,80}all rights reserved.{0,40}|"
    r"(?:visit|see|check out|read more .{0,20}at) (?:my|our|the) "
    r"(?:home ?page|web ?site|site|blog).{0,120}|"
    r"(?:home ?page|web ?site|e-?mail|mail)\s*:\s*\S+.{0,60}|"
    r"(?:https?://|www\.)\S+|"
    r"--+\s*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*|"
    r"this review (?:was|is) (?:originally )?(?:posted|published) .{0,120}"
    r")$",
    re.IGNORECASE,
)


def strip_boilerplate(text: str) -> str:
    """Return `text` without scraped tails, share bars, copyright and signature lines."""
    lines = text.split("\n")
    # 1. cut a scraped tail at its header, when the header is in the last 40% of the text
    total = len(text)
    position = 0
    for index, line in enumerate(lines):
        if position > total * 0.6 and _TAIL_HEADERS.match(line):
            lines = lines[:index]
            break
        position += len(line) + 1
    # 2. drop noise lines anywhere (short lines only: a sentence is never a share bar)
    lines = [ln for ln in lines if len(ln) > 80 or not _NOISE_LINE.match(ln)]
    # 3. peel footer lines off the end
    while lines and (
        not lines[-1].strip() or (len(lines[-1]) < 200 and _FOOTER_LINE.match(lines[-1]))
    ):
        lines.pop()
    return "\n".join(lines)


def normalize_layout(text: str) -> str:
    """Unify line endings and blank runs; keep paragraphs exactly as the author broke them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")
