"""Text on its way to a terminal: nothing a person typed or pasted may drive the terminal.

Two ways, one set of characters: ``printable`` shows them as escapes (command-line output, where
the person should see what is there), ``without_controls`` drops them (text pasted into the app,
where they have no use and would be drawn raw).

Names, notes and company names come from pasted profile text. An ESC or OSC sequence inside
them would be run by the terminal (retitle the window, write the clipboard, hide text); a bidi
override would reorder what the person reads. Every such character is shown as a visible
``\\xNN`` / ``\\uNNNN`` escape instead, so nothing is hidden and nothing is run.
"""

from __future__ import annotations

import re

_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 controls but tab and newline, DEL, C1 controls, bidi marks and overrides, line/paragraph
separators and lone surrogates (which cannot be encoded for output)."""
_UNSAFE_LINE_RE = re.compile(_UNSAFE_RE.pattern[:-1] + "\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control, bidi and unencodable character shown as an escape.

    ``one_line`` also escapes tabs and newlines (table cells, one-line messages).
    """
    pattern = _UNSAFE_LINE_RE if one_line else _UNSAFE_RE
    return pattern.sub(_escape, text)


def without_controls(text: str, *, one_line: bool = False) -> str:
    """``text`` without the characters ``printable`` escapes (tab and newline kept unless
    ``one_line``): for text pasted into the app."""
    pattern = _UNSAFE_LINE_RE if one_line else _UNSAFE_RE
    return pattern.sub("", text)
