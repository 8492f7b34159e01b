"""Deterministic clean-up of raw model output before it is judged.

Small models wrap notes in chatter ("Here is your note:"), quotes or a sign-off block.
Removing those is safe and recorded as a ``Fix``; anything that changes what the note says
is left to the guardrails.
"""

from __future__ import annotations

import re

from warmnote.results import Fix

_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|okay|ok)\b[^\n]*?[.!:]\s*)?"
    r"(?:here(?:'s| is| are)\b[^\n:]{0,60}?\b(?:note|message|draft|request|version)\b[^\n:]{0,40}:"
    r"|(?:connection )?(?:note|message|draft)\s*:)\s*",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"^\s*subject\s*:[^\n]*\n+", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"\n+\s*(?:best|best regards|kind regards|regards|warm regards|warmly|cheers|thanks|"
    r"thank you|sincerely|all the best)\s*[,!.]?\s*"
    r"(?:\n\s*[-–—]?\s*\[?\w[\w.'’-]*(?: [\w.'’-]+){0,3}\]?)?\s*$",
    re.IGNORECASE,
)
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("«", "»"))
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def clean_draft(raw: str, *, sender_name: str | None = None) -> tuple[str, list[Fix]]:
    """Strip a preamble, subject line, wrapping quotes and a sign-off block; report each fix."""
    fixes: list[Fix] = []
    text = raw.strip()

    def apply(kind: str, pattern: re.Pattern[str], replacement: str = "") -> None:
        nonlocal text
        match = pattern.search(text)
        if match and match.group(0).strip():
            fixes.append(Fix(kind=kind, removed=match.group(0).strip()))
            text = (text[: match.start()] + replacement + text[match.end() :]).strip()

    apply("preamble", _PREAMBLE)
    apply("subject", _SUBJECT)
    apply("sign-off", _SIGN_OFF)
    if sender_name:
        own_name = re.compile(r"\n+\s*[-–—]?\s*" + re.escape(sender_name) + r"\s*$")
        apply("signature", own_name)
    bold = _MARKDOWN_BOLD.findall(text)
    if bold:
        fixes.append(Fix(kind="markdown", removed="**"))
        text = _MARKDOWN_BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    for opening, closing in _QUOTES:
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[1:-1]
            if opening not in inner and closing not in inner:
                fixes.append(Fix(kind="quotes", removed=opening + closing))
                text = inner.strip()
            break
    return text, fixes
