"""English word forms, to tell "Loved your talk" from "Maria suggested" at a sentence start,
and verbs' past forms, to tell "I read the runbook" from "I'd like to read the runbook".

The lists are lemminflect's lemma lookup table (about 70,000 lower-case word forms: "loved",
"spotted", "caught"; personal and place names are not in it) and its inflection table. Only the
data files are read, so the package's own code (and numpy) is never imported.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import cache
from pathlib import Path

_PACKAGE = "lemminflect"
_TABLE = Path("resources") / "lemma_lu.csv.gz"
_INFLECTIONS = Path("resources") / "infl_lu.csv.gz"
_FIRST_COLUMN = re.compile(r"^[^,\n]+", re.M)
# A verb's row in the inflection table: lemma,verb,past (VBD),past participle (VBN, empty when
# the same),-ing,-s; a column may hold alternatives split by "/" ("learned/learnt").
_VERB_ROW = re.compile(r"^([a-z][a-z'-]*),verb,([^,\n]*),([^,\n]*),", re.M)


def _read(table: Path) -> str:
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is missing; reinstall warmnote")
    path = Path(next(iter(spec.submodule_search_locations))) / table
    return gzip.decompress(path.read_bytes()).decode("utf-8")


@cache
def lemma_table() -> str:
    """Rows ``form,part of speech,lemma``, one per line ("runs,verb,run")."""
    return _read(_TABLE)


@cache
def inflection_table() -> str:
    """Rows ``lemma,part of speech,forms…``; a verb's forms are past, past participle, -ing, -s."""
    return _read(_INFLECTIONS)


@cache
def english_words() -> frozenset[str]:
    return frozenset(_FIRST_COLUMN.findall(lemma_table()))


@cache
def verb_past_forms() -> dict[str, frozenset[str]]:
    """Each lower-case verb's past tense and past participle forms: "read" -> {"read"},
    "try" -> {"tried"}, "learn" -> {"learned", "learnt"}."""
    forms: dict[str, frozenset[str]] = {}
    for lemma, past, participle in _VERB_ROW.findall(inflection_table()):
        words = {w for column in (past, participle) for w in column.split("/") if w}
        if words:
            forms[lemma] = forms.get(lemma, frozenset()) | words
    return forms
