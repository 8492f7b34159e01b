"""Flat text as data: CSV rows with the line each starts on, dotted paths, posts split apart.

Shared by ``draft --batch``, the LinkedIn export reader and the Compose form, so a CSV error
names its line the same way everywhere and a post splits the same way in a CSV cell as in the
form's Posts field.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warmnote.errors import InputError

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

_POST_BREAK = re.compile(r"\n\s*\n")
"""Posts are apart by a blank line: a post may hold any other separator."""


def csv_rows(reader: CsvReader, name: str | Path) -> Iterator[tuple[int, list[str]]]:
    """(line the row starts on, cells) of each row ``reader`` has left that is not blank; a row
    that is not CSV raises an InputError naming ``NAME:LINE``."""
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"not valid CSV: {exc}", file=f"{name}:{line}") from None
        if any(cell.strip() for cell in cells):
            yield line, cells


def split_posts(text: str) -> list[str]:
    return [post.strip() for post in _POST_BREAK.split(text) if post.strip()]


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``recipient.name`` (say) in nested dicts, making the parents it needs."""
    *parents, leaf = path.split(".")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value
