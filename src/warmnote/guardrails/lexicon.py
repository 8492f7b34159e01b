"""English word forms, to tell "Loved your talk" from "Maria suggested" at a sentence start.

The list is lemminflect's lemma lookup table (about 70,000 lower-case word forms: "loved",
"spotted", "caught"); personal and place names are not in it. Only the data file is read, so the
package's own code (and numpy) is never imported.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import cache
from pathlib import Path

_PACKAGE = "lemminflect"
_TABLE = Path("resources") / "lemma_lu.csv.gz"
_FIRST_COLUMN = re.compile(r"^[^,\n]+", re.M)


@cache
def english_words() -> frozenset[str]:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is missing; reinstall warmnote")
    path = Path(next(iter(spec.submodule_search_locations))) / _TABLE
    table = gzip.decompress(path.read_bytes()).decode("utf-8")
    return frozenset(_FIRST_COLUMN.findall(table))
