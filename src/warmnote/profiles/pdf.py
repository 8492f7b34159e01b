"""The two columns of a LinkedIn "Save to PDF" file, as lines in reading order.

The file puts Contact, Top Skills and Languages in a narrow left column and the name,
headline, location, Summary, Experience and Education in the wide right one. Text order inside
the file is not reading order, so each piece of text is placed by where it is drawn: column by
its x, line by its y, pages in turn. pypdf reports those positions (see README for the choice).
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warmnote.errors import InputError

MAX_PDF_PAGES = 30
"""A profile PDF runs to a few pages; more is some other document (or a trap)."""
SIDEBAR_SHARE = 0.33
"""The left column ends about a third of the way across the page."""
LINE_TOLERANCE = 2.0
"""Points between baselines still read as one line."""

_Run = tuple[float, float, str]
"""x, y, text of one piece of text as drawn."""


def pdf_columns(data: bytes, *, source: str | Path) -> tuple[list[str], list[str]]:
    """(sidebar lines, main lines) of every page, or an InputError naming ``source``."""
    from pypdf import PdfReader  # only PDF input pays for importing it

    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise InputError("the PDF is encrypted; save the profile as PDF again", file=source)
            if len(reader.pages) > MAX_PDF_PAGES:
                raise InputError(
                    f"the PDF has over {MAX_PDF_PAGES} pages: not a profile", file=source
                )
            sidebar: list[str] = []
            main: list[str] = []
            for page in reader.pages:
                side_runs, main_runs = _page_runs(page)
                sidebar += _lines(side_runs)
                main += _lines(main_runs)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken or hostile file
        raise InputError(f"not a readable PDF ({type(exc).__name__})", file=source) from None
    return sidebar, main


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """No pypdf warning ("EOF marker not found") on stderr before warmnote's one-line error."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _origin(tm: Any, cm: Any) -> tuple[float, float]:
    """Where text starts on the page: the text matrix times the current matrix, x and y only."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    return float(x), float(y)


def _page_runs(page: Any) -> tuple[list[_Run], list[_Run]]:
    split = float(page.mediabox.left) + float(page.mediabox.width) * SIDEBAR_SHARE
    side: list[_Run] = []
    main: list[_Run] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            x, y = _origin(tm, cm)
            (side if x < split else main).append((x, y, text))

    page.extract_text(visitor_text=visit, orientations=(0,))
    return side, main


def _lines(runs: list[_Run]) -> list[str]:
    """Runs on one baseline joined left to right; baselines top to bottom."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for x, y, text in runs:
        row = next((seen for seen in rows if abs(seen - y) <= LINE_TOLERANCE), y)
        rows[row].append((x, text))
    lines: list[str] = []
    for y in sorted(rows, reverse=True):
        text = "".join(piece for _, piece in sorted(rows[y], key=lambda item: item[0]))
        lines += [part.strip() for part in text.splitlines() if part.strip()]
    return lines
