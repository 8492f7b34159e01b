"""A case's own expectations, checked on the final note.

Both sides are folded (``warmnote.text.fold``: case, accents, quotes, look-alike letters) and
matched as whole words, so "Kubecon" matches "KubeCon" and "demo" does not match "demonstrate".
``must_mention`` also forgives inflection: each word of the phrase may match a word of the note
that shares its stem (a common prefix of all but the last three letters, at least four), so
"forecasting" matches "forecasts" and "climbing" matches "climb"; the words must still be
consecutive. Scripts written without spaces (Chinese, Japanese) must match a whole word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from warmnote.text import fold, fold_key

ExpectationKind = Literal["must_mention", "must_not_contain"]

_WORD = re.compile(r"\w+")
MIN_STEM = 4
INFLECTION = 3
"""Letters at the end of a word that may differ (``-ing``, ``-ed``, ``-s``, ``-ому``)."""


class ExpectationResult(BaseModel):
    kind: ExpectationKind
    phrase: str
    met: bool


def check_expectations(
    text: str, must_mention: Sequence[str], must_not_contain: Sequence[str]
) -> list[ExpectationResult]:
    return [
        *(
            ExpectationResult(kind="must_mention", phrase=p, met=mentions(text, p))
            for p in must_mention
        ),
        *(
            ExpectationResult(kind="must_not_contain", phrase=p, met=not contains(text, p))
            for p in must_not_contain
        ),
    ]


def contains(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words (edges that are letters or digits)."""
    wanted = fold_key(phrase)
    if not wanted:
        return False
    start = r"(?<!\w)" if _WORD.match(wanted[0]) else ""
    end = r"(?!\w)" if _WORD.match(wanted[-1]) else ""
    return re.search(start + re.escape(wanted) + end, fold(text).text) is not None


def mentions(text: str, phrase: str) -> bool:
    """Whether ``text`` uses ``phrase``, forgiving case, accents and inflection."""
    if contains(text, phrase):
        return True
    wanted = _WORD.findall(fold_key(phrase))
    words = _WORD.findall(fold(text).text)
    if not wanted:
        return False
    return any(
        all(_same_stem(want, word) for want, word in zip(wanted, words[i:], strict=False))
        for i in range(len(words) - len(wanted) + 1)
    )


def _same_stem(wanted: str, word: str) -> bool:
    if wanted == word:
        return True
    need = max(MIN_STEM, len(wanted) - INFLECTION)
    if len(wanted) < need or len(word) < need:
        return False
    return wanted[:need] == word[:need] and abs(len(wanted) - len(word)) <= INFLECTION
