"""Chat shorthand and what it stands for: one table, which the plain note writes out and the
fluency rule flags ("would u" in a first note reads as careless; "last wk" in a form is fine)."""

from __future__ import annotations

import re
from collections.abc import Iterator

SHORTHAND = {
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "wk": "week",
    "wks": "weeks",
    "yr": "year",
    "yrs": "years",
    "thru": "through",
    "abt": "about",
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
}
# "u", "ur" and "abt" only in small letters ("U Thant", "UR", "Abt Associates" are names); the
# rest in any case ("Thx"); never inside a word, "u-turn", "u.s." or "b/c/d".
_SHORTHAND_RE = re.compile(
    r"(?<![\w'’/.-])(?:u|ur|abt|(?i:w/o|w/|b/c|yrs|yr|wks|wk|pls|plz|thx|thnx|thru))"
    r"(?![\w'’/-]|\.\w)"
)
WORDS = frozenset(k for k in SHORTHAND if k.isalpha())
"""The shorthand that is a word of its own, for a quick look at a note's word set first."""


def shorthand_in(text: str) -> Iterator[re.Match[str]]:
    """Each piece of shorthand in ``text``, as written."""
    return _SHORTHAND_RE.finditer(text)


def written_out(text: str) -> str:
    """``text`` with its shorthand written out, keeping a capital ("Yrs" -> "Years")."""

    def full(m: re.Match[str]) -> str:
        word = SHORTHAND[m.group().lower()]
        return word.capitalize() if m.group()[0].isupper() else word

    return _SHORTHAND_RE.sub(full, text)
