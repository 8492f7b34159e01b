"""Deterministic clean-up of raw model output before it is judged.

Small models wrap notes in chatter ("Here is your note:"), a subject line, quotes or a sign-off
block. The format rule decides what counts as such furniture (its patterns and the sign-off
lists in guardrails/phrases.toml); clean-up cuts exactly the spans it reports, so nothing is
flagged as furniture that would not also be stripped. Each cut is recorded as a ``Fix``;
anything that changes what the note says is left to the guardrails.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from warmnote.results import Fix

if TYPE_CHECKING:
    from warmnote.context import Context
    from warmnote.guardrails import Guardrails

_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("«", "»"))
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ROUNDS = 3
"""Cutting one piece can bring the next to an edge (quotes inside a preamble and a sign-off)."""


def clean_draft(
    raw: str, guardrails: Guardrails, context: Context | None = None
) -> tuple[str, list[Fix]]:
    """Strip a preamble, subject line, sign-off, markdown bold and wrapping quotes."""
    fixes: list[Fix] = []
    text = raw.strip()
    for _ in range(_ROUNDS):
        spans = guardrails.clutter(text, context)
        if not spans:
            break
        for kind, start, end in sorted(spans, key=lambda span: span[1]):
            fixes.append(Fix(kind=kind, removed=text[start:end].strip()))
        for _, start, end in sorted(spans, key=lambda span: span[1], reverse=True):
            text = text[:start] + text[end:]
        text = text.strip()
        text = _unquoted(text, fixes)
    bold = _MARKDOWN_BOLD.findall(text)
    if bold:
        fixes.append(Fix(kind="markdown", removed="**"))
        text = _MARKDOWN_BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _unquoted(text, fixes), fixes


def _unquoted(text: str, fixes: list[Fix]) -> str:
    for opening, closing in _QUOTES:
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[1:-1]
            if opening not in inner and closing not in inner:
                fixes.append(Fix(kind="quotes", removed=opening + closing))
                return inner.strip()
            break
    return text
